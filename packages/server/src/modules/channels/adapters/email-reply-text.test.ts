import { describe, expect, it } from 'vitest';
import { replyText } from './email-reply-text.js';

// Replies as the common mail clients write them, each quoting Saldo's message with its amounts and
// dates: only the person's own words may reach the dialogue.
const replies: Record<string, [string, string]> = {
  'Gmail, attribution wrapped over two lines': [
    'Les pago el viernes.\n\nOn Mon, Dec 7, 2026 at 10:00 AM Grupo Norte <cobranza@saldo.example.com>\nwrote:\n\n> Hola Ana, su saldo es de $4,850.00\n',
    'Les pago el viernes.',
  ],
  'Gmail in Spanish': [
    'El viernes pago todo\n\nEl lun, 7 dic 2026 a las 10:00, Grupo Norte (<cobranza@saldo.example.com>)\nescribió:\n\n> Su saldo es de $4,850.00 MXN. ¿Cuándo puede pagar?\n',
    'El viernes pago todo',
  ],
  'Outlook on the web in Spanish': [
    'Puedo pagar 500 al mes\n\n________________________________\nDe: Grupo Norte <cobranza@saldo.example.com>\nEnviado: lunes, 7 de diciembre de 2026 10:00\nPara: ana@example.com\nAsunto: Su cuenta\n\nSu saldo es de 4.850,00 €. Pague antes del 15.\n',
    'Puedo pagar 500 al mes',
  ],
  'Outlook in English': [
    'I can pay 200 next Friday\r\n\r\nFrom: Grupo Norte <cobranza@saldo.example.com>\r\nSent: Monday, December 7, 2026 10:00 AM\r\nTo: ana@example.com\r\nSubject: Your account\r\n\r\nYour balance is $485.00. Pay by Dec 15.\r\n',
    'I can pay 200 next Friday',
  ],
  'Outlook desktop in Spanish': [
    'No reconozco esa deuda\n\n-----Mensaje original-----\nDe: Grupo Norte\nEnviado el: lunes, 7 de diciembre de 2026\nPara: ana\nAsunto: saldo\n\nSu saldo es $4,850\n',
    'No reconozco esa deuda',
  ],
  'iPhone, with its signature line': [
    'ya pagué\n\nEnviado desde mi iPhone\n\nEl 7 dic 2026, a las 10:00, Grupo Norte <cobranza@saldo.example.com> escribió:\n\n> Su saldo es de $4,850.00\n',
    'ya pagué',
  ],
  'a signature after "-- "': [
    'Hola, ¿qué necesitan?\n-- \nAna García\nTel 555 1234',
    'Hola, ¿qué necesitan?',
  ],
  'a reply with nothing quoted': [
    'Llámenme después de las 6\npor favor',
    'Llámenme después de las 6\npor favor',
  ],
};

describe('replyText (the person’s own words of an e-mail reply)', () => {
  for (const [client, [raw, own]] of Object.entries(replies))
    it(client, () => {
      expect(replyText(raw)).toBe(own);
    });
});
