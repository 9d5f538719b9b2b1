import { extractAmount } from './amount.js';
import { extractDate } from './date.js';
import { extractInstallments } from './installments.js';
import { extractChannel } from './channel.js';
import { extractTimeOfDay } from './time-of-day.js';
const now = { y: 2026, m: 11, d: 24, hour: 10, minute: 0 };
const texts: [string, 'es'|'en', any][] = [
 ['te pago 500 pesos el viernes','es','MX'], ['pasado mañana te deposito 2.000','es','CO'], ['a fin de mes','es','MX'], ['la proxima semana','es','MX'],
 ['el día 30','es','MX'], ['el 15 de diciembre pago $1,200.50','es','MX'], ['pagué el viernes pasado','es','MX'], ['ya pague el lunes','es','MX'],
 ['next Friday I can pay fifty bucks','en','US'], ['the 15th','en','US'], ['I paid last Friday','en','US'], ['en dos semanas','es','MX'], ['en 3 días','es','MX'],
 ['el viernes de la otra semana','es','MX'], ['Friday after next','en','US'], ['la quincena','es','MX'], ['mil quinientos','es','MX'], ['te doy mil quinientos','es','MX'],
 ['puedo dar 300 mil','es','CO'], ['1.200,50 euros','es','ES'], ['5 lucas','es','AR'], ['te paso 2 luquitas el finde','es','AR'], ['mil gracias','es','MX'],
 ['in two weeks','en','US'], ['yesterday','en','US'], ['ayer','es','MX'], ['the day after tomorrow','en','US'], ['end of the month','en','US'], ['on the 30th','en','US'],
 ['llamame despues de las 6','es','MX'], ['entre 2 y 4','es','MX'], ['en la mañana','es','MX'], ['mañana en la mañana','es','MX'], ['call me after 6pm','en','US'],
 ['lo pago en 3 cuotas de 500','es','MX'], ['a 6 meses','es','MX'], ['three installments','en','US'], ['no me llamen, escribanme por whats','es','MX'], ['email me instead','en','US'],
 ['I was laid off but I will pay Friday','en','US'], ['pague 500 y el resto el viernes','es','MX'], ['1,200 usd','en','US'], ['$50','en','US'], ['te pago 500','es','ES'], ['50€','es','ES'], ['cuarenta pavos','es','ES'],
];
for (const [t, l, v] of texts) console.log(JSON.stringify(t), '→', JSON.stringify({a: extractAmount(t, v), d: extractDate(t, l, now), i: extractInstallments(t), c: extractChannel(t), tod: extractTimeOfDay(t)}));
