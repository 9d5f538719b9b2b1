import type { MessageTemplate } from './template.js';

/**
 * Default templates, Spanish for debtors in the United States: the en-US set's legal content in
 * plain, neutral Spanish. Every communication carries the debt-collector disclosure
 * (15 U.S.C. 1692e(11); the SMS use the short "subsequent communication" form, as en-US does);
 * every email/text carries an opt-out (12 CFR 1006.6(e)); the voicemail is a limited-content message
 * (12 CFR 1006.2(j)). Tone as in es-MX: tú in writing, usted on the phone, no threats or false
 * urgency. SMS avoid á/í/ó/ú so they stay in GSM-7. Meta has no es_US template language: the
 * WhatsApp templates use the generic `es`.
 */
export const defaultTemplatesEsUs: MessageTemplate[] = [
  {
    id: 'tpl_default_reminder_sms_es-US',
    purpose: 'reminder',
    channel: 'sms',
    locale: 'es-US',
    body: 'Hola {{debtor.firstName}}, te escribe {{collector.name}} por tu cuenta con {{creditor.name}}. Saldo: {{amount}}, con fecha {{dueDate}}. Paga o ve opciones en {{paymentLink}} Este mensaje es de un cobrador de deudas. {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_follow_up_sms_es-US',
    purpose: 'follow_up',
    channel: 'sms',
    locale: 'es-US',
    body: 'Hola {{debtor.firstName}}, tu saldo de {{amount}} con {{creditor.name}} sigue pendiente. Si te ayuda un plan de pagos, responde y lo vemos juntos. {{collector.name}}, un cobrador de deudas. {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_payment_received_sms_es-US',
    purpose: 'payment_received',
    channel: 'sms',
    locale: 'es-US',
    body: 'Gracias, {{debtor.firstName}}. Recibimos tu pago de {{amount}} a tu cuenta con {{creditor.name}}. {{collector.name}}, un cobrador de deudas. {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_reminder_email_es-US',
    purpose: 'reminder',
    channel: 'email',
    locale: 'es-US',
    subject: 'Tu cuenta con {{creditor.name}}',
    body: `Hola {{debtor.firstName}}:

Te escribimos de {{collector.name}}, en nombre de {{creditor.name}}. Tu cuenta tiene un saldo de {{amount}}, con fecha de pago {{dueDate}}.

Puedes pagar de forma segura o ver las opciones de pago aquí: {{paymentLink}}

Si ya pagaste, gracias, y por favor ignora este mensaje. Si ahora se te hace difícil pagar el total, responde a este correo y buscamos juntos una opción que te funcione.

Saludos,
{{#if agentName}}{{agentName}}, {{/if}}{{collector.name}}

{{debtCollectorDisclosure}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_follow_up_email_es-US',
    purpose: 'follow_up',
    channel: 'email',
    locale: 'es-US',
    subject: 'Estamos para ayudarte, {{debtor.firstName}}',
    body: `Hola {{debtor.firstName}}:

Hace unos días te escribimos sobre tu cuenta con {{creditor.name}}, que tiene un saldo de {{amount}}. Entendemos que a veces surgen imprevistos y queremos ayudarte a encontrar una salida.

Puedes pagar el total o elegir un plan de pagos aquí: {{paymentLink}}

Si prefieres hablar con una persona, responde a este correo y dinos a qué hora te podemos llamar.

Saludos,
{{#if agentName}}{{agentName}}, {{/if}}{{collector.name}}

{{debtCollectorDisclosure}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_payment_received_email_es-US',
    purpose: 'payment_received',
    channel: 'email',
    locale: 'es-US',
    subject: 'Recibimos tu pago',
    body: `Hola {{debtor.firstName}}:

Recibimos tu pago de {{amount}} para tu cuenta con {{creditor.name}}. Muchas gracias.

Si tienes cualquier pregunta sobre tu saldo, responde a este correo.

Saludos,
{{collector.name}}

{{debtCollectorDisclosure}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_reminder_whatsapp_es-US',
    purpose: 'reminder',
    channel: 'whatsapp',
    locale: 'es-US',
    body: 'Hola {{debtor.firstName}}, te escribimos de {{collector.name}} en nombre de {{creditor.name}}. Tu cuenta tiene un saldo de {{amount}}, con fecha de pago {{dueDate}}. Puedes pagar o ver opciones aquí: {{paymentLink}}\n\n¿Tienes dudas? Contéstanos por este chat. {{debtCollectorDisclosure}} {{optOutInstructions}}',
    whatsapp: {
      name: 'saldo_reminder_es_us',
      language: 'es',
      category: 'UTILITY',
      buttons: [],
      status: 'not_submitted',
    },
  },
  {
    id: 'tpl_default_follow_up_whatsapp_es-US',
    purpose: 'follow_up',
    channel: 'whatsapp',
    locale: 'es-US',
    body: 'Hola {{debtor.firstName}}, tu saldo de {{amount}} con {{creditor.name}} sigue pendiente. Si te ayuda un plan de pagos, escríbenos por aquí y lo armamos contigo. {{collector.name}}. {{debtCollectorDisclosure}} {{optOutInstructions}}',
    whatsapp: {
      name: 'saldo_follow_up_es_us',
      language: 'es',
      category: 'UTILITY',
      buttons: [],
      status: 'not_submitted',
    },
  },
  {
    id: 'tpl_default_reminder_call_voicebot_es-US',
    purpose: 'reminder_call',
    channel: 'voicebot',
    locale: 'es-US',
    body: 'Gracias. Le llamamos de {{collector.name}}, en nombre de {{creditor.name}}. {{debtCollectorDisclosure}} Su cuenta tiene un saldo de {{amount}}, con fecha de pago {{dueDate}}.',
    voice: {
      // Prerecorded and AI voices must identify the business at the start (47 CFR 64.1200(b)(1); FCC 24-17).
      identity:
        'Hola, le habla el asistente automático de {{collector.name}}. ¿Hablo con {{debtor.fullName}}? Diga sí o marque 1. Si no es usted, diga no o marque 2.',
      wrongPerson: 'Disculpe la molestia. Que tenga buen día.',
      menu: 'Para hablar con un representante, diga agente o marque 1. Para recibir el enlace de pago por mensaje de texto, diga enlace o marque 2. Para escuchar de nuevo, marque 3. Si no quiere recibir más llamadas, diga no llamar o marque 9.',
      transferring: 'Con gusto. Le comunico con un representante, un momento por favor.',
      linkSent: 'Listo, le enviamos el enlace de pago por mensaje de texto. Gracias por su tiempo.',
      noInput: 'Disculpe, no le escuché bien.',
      goodbye: 'Gracias por su tiempo. Que tenga buen día.',
    },
  },
  {
    id: 'tpl_default_voicemail_voicemail_es-US',
    purpose: 'voicemail',
    channel: 'voicemail',
    locale: 'es-US',
    // Limited-content message, 12 CFR 1006.2(j), word for word what the en-US one says: business
    // name, a request to reply, a person's name, a callback number and the optional "any
    // representative" line. Nothing else — not even the consumer's name.
    body: 'Hola, le habla {{agentName}} de {{collector.name}}. Por favor devuélvanos la llamada al {{callbackNumber}}. Puede hablar con cualquiera de nuestros representantes. Gracias.',
  },
];
