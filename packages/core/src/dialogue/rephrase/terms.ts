import type { FactScan } from './scan.js';

/** Channels a reply promises to use or to stop using. */
const channelWords: Readonly<Record<string, string>> = {
  whatsapp: 'whatsapp',
  sms: 'sms',
  'mensaje de texto': 'sms',
  'mensajes de texto': 'sms',
  'text message': 'sms',
  'text messages': 'sms',
  'by text': 'sms',
  correo: 'email',
  'correo electronico': 'email',
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  telefono: 'phone',
  llamada: 'phone',
  llamadas: 'phone',
  llamar: 'phone',
  llamarle: 'phone',
  llamaremos: 'phone',
  phone: 'phone',
  call: 'phone',
  calls: 'phone',
};

/**
 * What an offer is and what would follow from not paying: a rewording may not add a discount, a
 * waiver, fees, a lawsuit or a credit report, nor drop the plan or the pause the template offers.
 * Compared by presence; each entry is one category in both languages.
 */
const terms: Readonly<Record<string, readonly string[]>> = {
  discount: ['descuento*', 'rebaja*', 'quita', 'discount*'],
  waiver: ['condon*', 'perdonar', 'perdonamos', 'perdonaremos', 'waive*', 'forgiv*'],
  interest: ['interes', 'intereses', 'interest'],
  fees: [
    'comision',
    'comisiones',
    'cargo',
    'cargos',
    'recargo',
    'recargos',
    'penalizacion',
    'penalizaciones',
    'multa',
    'multas',
    'fee',
    'fees',
    'charge',
    'charges',
    'penalty',
    'penalties',
  ],
  settlement: [
    'liquidar',
    'liquidacion',
    'liquide',
    'saldar',
    'pago unico',
    'settle*',
    'lump sum',
    'single payment',
  ],
  plan: [
    'plan',
    'planes',
    'cuota',
    'cuotas',
    'plazos',
    'installment',
    'installments',
    'instalment',
    'instalments',
  ],
  pause: ['paus*'],
  half: ['mitad', 'half'],
  legal: [
    'demand*',
    'juicio*',
    'embarg*',
    'tribunal',
    'tribunales',
    'juzgado',
    'carcel',
    'arresto',
    'abogado',
    'abogados',
    'accion legal',
    'acciones legales',
    'sue',
    'sued',
    'suing',
    'lawsuit*',
    'court',
    'courts',
    'garnish*',
    'arrest*',
    'jail',
    'legal action',
    'attorney*',
    'lawyer*',
  ],
  credit_report: [
    'buro',
    'buro de credito',
    'report*',
    'historial crediticio',
    'central de riesgo',
    'centrales de riesgo',
    'datacredito',
    'asnef',
    'credit bureau',
    'credit bureaus',
    'credit report',
    'credit score',
    'credit record',
    'credit history',
  ],
  pressure: [
    'ultima oportunidad',
    'ultimo aviso',
    'aviso final',
    'urgent*',
    'consecuencias',
    'last chance',
    'final notice',
    'consequences',
  ],
};

const termWords: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(terms).flatMap(([category, words]) => words.map((w) => [w, category])),
);

const ordinals: Readonly<Record<string, string>> = {
  primer: 'first',
  primera: 'first',
  primero: 'first',
  first: 'first',
  ultimo: 'last',
  ultima: 'last',
  last: 'last',
};

/** Offer and consequence terms before ordinals ("último aviso" is pressure, not an ordinal). */
export function readTerms(scan: FactScan): void {
  scan.words('channel', channelWords);
  scan.words('term', termWords);
  scan.words('ordinal', ordinals);
}
