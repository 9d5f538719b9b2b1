import type { TemplateLanguage } from './types.js';

/**
 * What the sandbox's simulated debtors write inside a conversation with the bot, the way people
 * write: short, informal, sometimes without accents. `{dob}` is a date of birth as written,
 * `{last4}` the last digits of the national id, `{amount}` an amount, `{day}` a weekday.
 */
export interface SandboxConversationPhrases {
  /** Answers to the identity check (`{dob}` or `{last4}` filled by the caller). */
  dob: readonly string[];
  last4: readonly string[];
  /** The identity check asks for something the person does not have at hand. */
  dontKnow: readonly string[];
  /** Yes / no to an agreement the bot asks them to confirm, or to the offers it made. */
  yes: readonly string[];
  no: readonly string[];
  /** A plan in the debtor's own terms. */
  planAmount: readonly string[];
  /** Month names for a date of birth written in words (January first). */
  months: readonly string[];
}

export const sandboxConversationPhrases: Record<TemplateLanguage, SandboxConversationPhrases> = {
  es: {
    dob: ['{dob}', 'mi fecha es {dob}', 'naci el {dob}', 'Nací el {dob}', 'es {dob}'],
    last4: ['{last4}', 'termina en {last4}', 'los ultimos son {last4}'],
    dontKnow: ['no la tengo a la mano', 'para que quieren eso?', 'ahorita no me acuerdo'],
    yes: ['Sí, de acuerdo', 'si esta bien', 'ok, sí', 'Va, así le hacemos'],
    no: ['No, así no puedo', 'no me alcanza', 'No, mejor no', 'no gracias'],
    planAmount: [
      'Puedo pagar {amount} al mes',
      'le puedo dar {amount} cada mes',
      'podría {amount} mensuales',
    ],
    months: [
      'enero',
      'febrero',
      'marzo',
      'abril',
      'mayo',
      'junio',
      'julio',
      'agosto',
      'septiembre',
      'octubre',
      'noviembre',
      'diciembre',
    ],
  },
  en: {
    dob: ['{dob}', 'my dob is {dob}', 'born {dob}', "It's {dob}"],
    last4: ['{last4}', 'last 4 are {last4}', 'ends in {last4}'],
    dontKnow: ["I don't have that on me", 'why do you need that?', 'not sure, sorry'],
    yes: ['Yes, that works', 'yes', 'ok sure', 'sounds good'],
    no: ["No, I can't do that", 'no thanks', "That's too much for me"],
    planAmount: ['I can pay {amount} a month', 'can I do {amount} monthly?', 'I could do {amount} per month'],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
  },
};
