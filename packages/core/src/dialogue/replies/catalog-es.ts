/**
 * The Spanish base catalogue: short, warm, plain, never threatening; "usted" everywhere (safe in
 * every Spanish-speaking market). `{name}` placeholders are filled by `render`; amounts and dates
 * arrive formatted for the debtor's locale. Country wording and disclosures: `overrides.ts`.
 * Replies marked "before verification" carry no amount, creditor, digit or word about a debt.
 */
export const esCatalog = {
  // Before verification.
  identify_dob:
    'Hola, le escribe {collector}. Para proteger su información, antes de continuar necesito confirmar su identidad: ¿me indica su fecha de nacimiento (día, mes y año)?',
  identify_last4:
    'Hola, le escribe {collector}. Para proteger su información, antes de continuar necesito confirmar su identidad: ¿me indica los últimos cuatro dígitos de su documento de identidad?',
  ask_dob: '¿Me indica su fecha de nacimiento (día, mes y año)?',
  ask_last4: '¿Me indica los últimos cuatro dígitos de su documento de identidad?',
  identity_mismatch: 'Ese dato no coincide con nuestros registros.',
  tries_left_two: 'Le quedan dos intentos.',
  tries_left_one: 'Le queda un intento.',
  identity_unreadable: 'No logré leer el dato. Puede escribirlo, por ejemplo, con el día, el mes y el año.',
  identity_first: 'Con gusto le ayudo con eso. Primero necesito confirmar su identidad.',
  who_we_are:
    'Le escribe {collector}. Por seguridad, solo puedo darle información cuando confirme su identidad.',
  verification_locked:
    'Por seguridad no puedo continuar por este medio. Una persona de nuestro equipo se comunicará con usted.',
  contact_pref_generic: 'Anotado. Usaremos el medio y el horario que nos indica.',
  // Any time.
  wrong_party_sorry:
    'Disculpe la molestia. Tomamos nota de que este contacto no corresponde a la persona que buscamos y no volveremos a usarlo.',
  opt_out_done: 'Entendido. No volveremos a contactarle {via}.',
  handoff_person: 'Claro. Una persona de nuestro equipo le atenderá por este mismo medio lo antes posible.',
  handed_off_wait: 'Una persona de nuestro equipo ya tiene su caso y le responderá pronto.',
  abuse_calm: 'Entiendo que esto le moleste. Estoy aquí para ayudarle, con respeto y sin presiones.',
  abuse_handoff: 'Prefiero que le atienda una persona de nuestro equipo; se comunicará con usted pronto.',
  deceased_condolences:
    'Lamentamos mucho su pérdida. Dejaremos de escribir a este contacto y una persona de nuestro equipo se encargará con todo respeto.',
  bankruptcy_noted:
    'Gracias por avisarnos. Lo registramos, detenemos los mensajes y una persona de nuestro equipo revisará su caso.',
  attorney_noted:
    'Gracias por avisarnos. Tomamos nota de que le representa un abogado: dejaremos de escribirle y una persona de nuestro equipo tratará con su representante.',
  unknown_handoff: 'Para ayudarle mejor, le paso con una persona de nuestro equipo.',
  vulnerable_handoff:
    'Gracias por contárnoslo. Una persona de nuestro equipo le atenderá con calma y sin presiones.',
  // After verification.
  disclosure:
    'Gracias, su identidad está confirmada. Le escribe {collector} en nombre de {creditor}. Al {today}, su saldo es de {balance}.',
  mini_miranda:
    'Este es un intento de cobrar una deuda y cualquier información obtenida se utilizará con ese fin.',
  debt_collector_line: 'Este mensaje es de un cobrador de deudas.',
  opt_out_line: 'Responda BAJA para no recibir más mensajes.',
  how_to_resolve:
    '¿Cómo le gustaría resolverlo? Puede pagar el total, elegir una fecha de pago o pedir un plan en cuotas.',
  how_to_resolve_gently:
    '¿Qué le ayudaría más? Puedo pausar el cobro un tiempo o buscar un plan con pagos pequeños.',
  balance_info: 'Su saldo con {creditor} es de {balance}. Le escribe {collector}.',
  promise_done: 'Perfecto, queda anotado: {agreement}. ¡Gracias!',
  ask_promise_date: '¿Qué día podría pagar {amount}?',
  confirm_question: '¿Lo confirmo?',
  confirm_again: '¿Confirmo {agreement}? Responda sí o no.',
  proposal_confirm: 'Quedaría así: {agreement}.',
  counter_offer: 'Así no me es posible ({reason}), pero puedo ofrecerle {agreement}.',
  no_counter: 'Así no me es posible ({reason}).',
  plan_offer: 'Puedo ofrecerle {agreement}. ¿Le sirve? Si no, dígame cuánto podría pagar.',
  settlement_offer: 'Puedo ofrecerle {agreement}.',
  settlement_unavailable: 'Por ahora no puedo ofrecer un descuento sobre el saldo.',
  plan_done: 'Listo, su plan quedó registrado: {agreement}. Le recordaremos cada pago antes de la fecha.',
  settlement_done: 'Listo, quedó registrado: {agreement}. ¡Gracias!',
  settlement_needs_approval:
    'Esta propuesta necesita la aprobación de una persona de nuestro equipo: se la enviamos ahora y le responderemos pronto.',
  pause_done: 'Listo: {agreement}. Le escribiremos después de esa fecha.',
  pending_refused: 'Entendido. ¿Qué le funcionaría mejor? Puede decirme un monto y una fecha.',
  already_paid_noted: 'Gracias por avisarnos. Registramos su pago y lo vamos a verificar.',
  already_paid_noted_date: 'Gracias por avisarnos. Registramos su pago del {date} y lo vamos a verificar.',
  receipt_request: 'Si tiene el comprobante, puede enviarlo por aquí.',
  pause_until: 'Mientras tanto, pausamos el cobro hasta el {until}.',
  dispute_noted: 'Entendido, registramos su desacuerdo.',
  validation_info:
    'Le enviaremos por escrito el detalle de la deuda: el acreedor ({creditor}), el monto y cómo se calculó. Una persona de nuestro equipo revisará su caso.',
  hardship_empathy: 'Lamento mucho lo que está pasando. No tiene que resolverlo todo hoy.',
  hardship_options: 'Si le ayuda, puedo ofrecerle {options}. ¿Le interesa alguna de estas opciones?',
  /** The policy's referral text for the debtor's country: a whole sentence. */
  hardship_referral: '{referral}',
  payment_link: 'Aquí tiene el enlace para pagar de forma segura: {link}',
  payment_link_soon: 'Le enviamos enseguida el enlace seguro para pagar por este medio.',
  refuse_soft:
    'Entiendo. Si le ayuda, podemos buscar un plan a su medida: dígame cuánto podría pagar al mes.',
  refuse_ack: 'Entendido. Si cambia de opinión, escríbanos por aquí cuando quiera.',
  reprompt:
    'Disculpe, no le entendí bien. Puede decirme, por ejemplo, qué día podría pagar, si quiere un plan en cuotas o si prefiere hablar con una persona.',
  greeting_open: '¡Hola! ¿En qué le puedo ayudar con su cuenta?',
  contact_pref_done: 'Anotado: le contactaremos{via}{hours}.',
  thanks_close: 'Gracias a usted. Aquí estamos si nos necesita.',
} as const;

export type ReplyKey = keyof typeof esCatalog;

/**
 * The keys a reply before verification may use: who writes, the identity check, and the paths that
 * stop or hand over. None carries an amount, the creditor, a digit or a word about a debt.
 */
export const preVerificationKeys = [
  'identify_dob',
  'identify_last4',
  'ask_dob',
  'ask_last4',
  'identity_mismatch',
  'tries_left_two',
  'tries_left_one',
  'identity_unreadable',
  'identity_first',
  'who_we_are',
  'verification_locked',
  'contact_pref_generic',
  'wrong_party_sorry',
  'opt_out_done',
  'handoff_person',
  'handed_off_wait',
  'abuse_calm',
  'abuse_handoff',
  'deceased_condolences',
  'bankruptcy_noted',
  'attorney_noted',
  'unknown_handoff',
  'vulnerable_handoff',
  'opt_out_line',
] as const satisfies readonly ReplyKey[];
