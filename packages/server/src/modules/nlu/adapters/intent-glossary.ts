import { intents, type Intent } from '@saldo/core/nlu';

/**
 * One-line definitions of the closed intent set, for the LLM fallback's system prompt. A `Record`
 * over `Intent` so that a new intent in core fails to compile here until it is defined: the prompt
 * must always list exactly the labels the reply validator accepts. Wording follows the labelling
 * conventions of docs/nlu.md (an opt-out is always `stop_contact`, a redirection is not).
 */
const definitions: Record<Intent, string> = {
  promise_to_pay:
    'commits to pay on a future date or a stated amount ("te pago el viernes", "I\'ll pay 200 on the 15th"); hardship with a concrete date or amount is a promise',
  pay_now: 'wants to pay right now or asks how/where to pay',
  payment_plan: 'asks to pay in instalments or over time',
  settlement: 'asks for a discount or a reduced total to close the debt',
  already_paid: 'says the debt or instalment is already paid',
  dispute: 'denies owing it, questions the amount or asks for proof/validation of the debt',
  hardship: 'cannot pay because of job loss, illness or lack of money, without a concrete date or amount',
  wrong_party: 'is not the debtor (wrong number or wrong person)',
  stop_contact: 'asks to stop being contacted (any opt-out, direct or indirect)',
  talk_to_agent: 'asks to speak with a human, an agent or a supervisor',
  contact_preference:
    'still wants contact but through another channel or at another time ("text me, don\'t call")',
  request_info: 'asks for information: balance, creditor, who is writing, details of the debt',
  refuse: 'refuses to pay',
  deceased: 'says the debtor has died',
  bankruptcy: 'mentions bankruptcy, insolvency proceedings or an attorney handling the debt',
  affirm: 'a bare yes or agreement',
  deny: 'a bare no',
  smalltalk: 'a greeting, thanks or goodbye with nothing else',
  abuse: 'insults or threats',
  unknown: 'none of the above, unintelligible, spam, another language or not addressed to the creditor',
};

/** `- label: definition` lines in the order of core's `intents` list. */
export function intentGlossary(): string {
  return intents.map((i) => `- ${i}: ${definitions[i]}`).join('\n');
}
