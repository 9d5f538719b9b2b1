import type { TemplateLanguage } from './types.js';

/**
 * Free-text replies the sandbox sends back, written the way debtors actually write: short, informal,
 * sometimes without accents or punctuation. Labelled with the NLU intent they express so the demo
 * can show the classifier and the strategy engine reacting. `{day}` is replaced by a weekday.
 */
export const sandboxReplyIntents = [
  'promise_to_pay',
  'already_paid',
  'payment_plan',
  'hardship',
  'dispute',
  'wrong_party',
  'stop_contact',
  'talk_to_agent',
  'request_info',
] as const;
export type SandboxReplyIntent = (typeof sandboxReplyIntents)[number];
/** What a simulated debtor's message is labelled with: a reply's intent, or a yes / no in a conversation. */
export type SandboxMessageIntent = SandboxReplyIntent | 'affirm' | 'deny';

export const sandboxReplies: Record<TemplateLanguage, Record<SandboxReplyIntent, readonly string[]>> = {
  es: {
    promise_to_pay: [
      'Pago el {day} sin falta',
      'ok el {day} deposito',
      'Me pagan el {day} y ese mismo día les pago',
      'Si, el {day} lo liquido',
      'Dame chance al {day} porfa y pago todo',
      'ya vi, el {day} hago la transferencia',
    ],
    already_paid: [
      'Ya pagué desde el lunes',
      'ya lo pague, revisen por favor',
      'Hice el depósito ayer, les mando el comprobante?',
      'Eso ya está pagado',
    ],
    payment_plan: [
      'Puedo pagar en partes?',
      'No me alcanza todo junto, se puede en 3 pagos?',
      'Me pueden dar un plan de pagos',
      'Puedo dar la mitad ahorita y lo demás el otro mes?',
    ],
    hardship: [
      'Me quedé sin trabajo, ahorita no puedo pagar',
      'Estoy enfermo y no he podido trabajar, denme tiempo por favor',
      'La verdad estoy muy apretado este mes',
      'Ando sin dinero, en cuanto pueda pago',
    ],
    dispute: [
      'Yo no debo eso',
      'Ese monto está mal, yo pagué una parte',
      'No reconozco esa deuda',
      'Ya había cancelado esa tarjeta, no es correcto',
    ],
    wrong_party: [
      'Número equivocado',
      'No soy esa persona',
      'Aquí no vive nadie con ese nombre',
      'Se equivocaron de número',
    ],
    stop_contact: ['BAJA', 'Ya no me escriban por favor', 'No me manden más mensajes', 'Alto'],
    talk_to_agent: [
      'Me pueden llamar?',
      'Quiero hablar con una persona',
      'Llámenme después de las 6 porfa',
      'Necesito hablar con un asesor',
    ],
    request_info: [
      'De qué es este cobro?',
      'Cuánto debo exactamente?',
      'A qué cuenta deposito?',
      'Me mandan el desglose?',
    ],
  },
  en: {
    promise_to_pay: [
      'I can pay on {day}',
      'will pay {day} when I get paid',
      'Ok, {day} for sure',
      "I'll take care of it {day}",
      'Payday is {day}, I will pay then',
    ],
    already_paid: [
      'I already paid this',
      'Paid it yesterday, please check',
      'I sent the payment last week',
      'This was paid off already',
    ],
    payment_plan: [
      'Can I do a payment plan?',
      'I cant pay it all at once, can we split it?',
      'Could I pay half now and the rest next month?',
      'Is there an installment option?',
    ],
    hardship: [
      'I lost my job, I cannot pay right now',
      "I'm in the hospital, please give me some time",
      'Money is really tight this month',
      'I had a family emergency, I will pay when I can',
    ],
    dispute: [
      "I don't owe this",
      'That amount is wrong',
      'I never had an account with them',
      'I already disputed this charge',
    ],
    wrong_party: ['Wrong number', "This isn't me", 'No one by that name here', 'You have the wrong person'],
    stop_contact: ['STOP', 'Please stop texting me', 'Do not contact me again', 'stop'],
    talk_to_agent: [
      'Can someone call me?',
      'I want to talk to a person',
      'Call me after 5pm please',
      'Can I speak with a representative?',
    ],
    request_info: [
      'What is this for?',
      'How much do I owe exactly?',
      'Where do I send the payment?',
      'Can you send me the details?',
    ],
  },
};

export const sandboxWeekdays: Record<TemplateLanguage, readonly string[]> = {
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
