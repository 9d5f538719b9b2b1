import type { ReplyKey } from './catalog-es.js';

/**
 * The locales the bot writes in: every country with a compliance pack in Spanish, and English and
 * Spanish for US debtors. A locale is its language's base catalogue plus the overrides below.
 */
export const dialogueLocales = [
  'es-MX',
  'es-ES',
  'es-CO',
  'es-AR',
  'es-CL',
  'es-PE',
  'es-US',
  'en-US',
] as const;
export type DialogueLocale = (typeof dialogueLocales)[number];

/**
 * Where the national id may end in letters (Mexico's CURP, Spain's DNI and NIE, Chile's RUT), the
 * identity check asks for its last four characters, not digits: the answer is read either way.
 */
function lastFourCharactersOf(document: string): Partial<Record<ReplyKey, string>> {
  return {
    identify_last4: `Hola, le escribe {collector}. Para proteger su información, antes de continuar necesito confirmar su identidad: ¿me indica los últimos cuatro caracteres (números o letras) de su ${document}?`,
    ask_last4: `¿Me indica los últimos cuatro caracteres (números o letras) de su ${document}?`,
  };
}

/**
 * Per-country wording and the information each country requires when a debtor disputes: where to
 * complain (the regulator or the creditor's customer service) and, in the US, the validation notice
 * within five days and no collection until the debt is verified (15 U.S.C. 1692g(b); 12 CFR 1006.34).
 */
export const localeOverrides: Readonly<Record<DialogueLocale, Partial<Record<ReplyKey, string>>>> = {
  'es-MX': {
    ...lastFourCharactersOf('documento de identidad'),
    how_to_resolve:
      '¿Cómo le gustaría resolverlo? Puede pagar el total, elegir una fecha de pago o pedir un plan en pagos.',
    validation_info:
      'Le enviaremos por escrito el detalle de la deuda: el acreedor ({creditor}), el monto y cómo se calculó. Si no está conforme, también puede presentar una queja ante la CONDUSEF.',
  },
  'es-ES': {
    ...lastFourCharactersOf('DNI o NIE'),
    how_to_resolve:
      '¿Cómo le gustaría resolverlo? Puede pagar el total, elegir una fecha de pago o pagar a plazos.',
    reprompt:
      'Disculpe, no le he entendido bien. Puede decirme, por ejemplo, qué día podría pagar, si quiere pagar a plazos o si prefiere hablar con una persona.',
    validation_info:
      'Le enviaremos por escrito el detalle de la deuda: el acreedor ({creditor}), el importe y cómo se calculó. También puede reclamar ante el servicio de atención al cliente de la entidad y, después, ante el Banco de España.',
  },
  'es-CO': {
    validation_info:
      'Le enviaremos por escrito el detalle de la deuda: el acreedor ({creditor}), el monto y cómo se calculó. También puede acudir al defensor del consumidor financiero o a la Superintendencia Financiera.',
  },
  'es-AR': {
    validation_info:
      'Le enviaremos por escrito el detalle de la deuda: el acreedor ({creditor}), el monto y cómo se calculó. También puede hacer su reclamo ante Defensa del Consumidor.',
  },
  'es-CL': {
    ...lastFourCharactersOf('RUT'),
    validation_info:
      'Le enviaremos por escrito el detalle de la deuda: el acreedor ({creditor}), el monto y cómo se calculó. También puede hacer su reclamo ante el SERNAC.',
  },
  'es-PE': {
    validation_info:
      'Le enviaremos por escrito el detalle de la deuda: el acreedor ({creditor}), el monto y cómo se calculó. También puede presentar su reclamo ante el INDECOPI.',
  },
  'es-US': {
    validation_info:
      'No seguiremos cobrando mientras verificamos la deuda. En un plazo de cinco días le enviaremos por escrito el aviso de validación: el acreedor ({creditor}), el monto y cómo disputarlo.',
  },
  'en-US': {
    validation_info:
      'We will not continue collecting while we verify the debt. Within five days we will send you the validation notice in writing: the creditor ({creditor}), the amount and how to dispute it.',
  },
};

/**
 * The catalogue locale for a debtor: English is written for the US; Spanish per country, Mexico's
 * wording where the country has no catalogue of its own.
 *
 * @example
 * dialogueLocaleFor('es', 'US') // → 'es-US'
 * dialogueLocaleFor('en', 'MX') // → 'en-US'
 */
export function dialogueLocaleFor(lang: 'es' | 'en', country: string): DialogueLocale {
  if (lang === 'en') return 'en-US';
  const wanted = `es-${country.toUpperCase()}`;
  return (dialogueLocales as readonly string[]).includes(wanted) ? (wanted as DialogueLocale) : 'es-MX';
}
