import type { MessageTemplate } from './template.js';

/**
 * Default templates, Spanish (Mexico). Tone: tú, plain and respectful, no threats or false urgency
 * (MX-NO-THREATS); every written and spoken message names the agency and the creditor (MX-ID-FIRST)
 * and electronic ones say how to stop them. SMS avoid á/í/ó/ú where a synonym exists so they stay
 * in GSM-7 (160 characters per segment instead of 70).
 */
export const defaultTemplatesEsMx: MessageTemplate[] = [
  {
    id: 'tpl_default_reminder_sms_es-MX',
    purpose: 'reminder',
    channel: 'sms',
    locale: 'es-MX',
    body: 'Hola {{debtor.firstName}}, te escribe {{collector.name}} por tu cuenta con {{creditor.name}}. Tienes un saldo de {{amount}} con fecha {{dueDate}}. Puedes pagar en {{paymentLink}} {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_follow_up_sms_es-MX',
    purpose: 'follow_up',
    channel: 'sms',
    locale: 'es-MX',
    body: '{{debtor.firstName}}, seguimos pendientes de tu cuenta con {{creditor.name}} ({{amount}}). Si necesitas un plan de pagos, responde a este mensaje y lo vemos juntos. {{collector.name}}. {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_payment_received_sms_es-MX',
    purpose: 'payment_received',
    channel: 'sms',
    locale: 'es-MX',
    body: 'Gracias, {{debtor.firstName}}. Recibimos tu pago de {{amount}} a tu cuenta con {{creditor.name}}. {{collector.name}}. {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_reminder_email_es-MX',
    purpose: 'reminder',
    channel: 'email',
    locale: 'es-MX',
    subject: 'Tu cuenta con {{creditor.name}}',
    body: `Hola {{debtor.firstName}}:

Te escribimos de {{collector.name}}, en nombre de {{creditor.name}}. Tu cuenta tiene un saldo pendiente de {{amount}}, con fecha de pago {{dueDate}}.

Puedes pagar de forma segura aquí: {{paymentLink}}

Si ya pagaste, gracias, y por favor ignora este correo. Si ahora no puedes pagar el total, responde a este correo y buscamos juntos una opción que te funcione.

Saludos,
{{#if agentName}}{{agentName}}, {{/if}}{{collector.name}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_follow_up_email_es-MX',
    purpose: 'follow_up',
    channel: 'email',
    locale: 'es-MX',
    subject: 'Seguimos a tus órdenes, {{debtor.firstName}}',
    body: `Hola {{debtor.firstName}}:

Hace unos días te escribimos sobre tu cuenta con {{creditor.name}}, que tiene un saldo de {{amount}}. Sabemos que a veces las cosas se complican, así que queremos ayudarte a ponerte al corriente.

Puedes pagar el total o elegir un plan en: {{paymentLink}}

Si prefieres hablar con una persona, responde a este correo y te contactamos en el horario que nos digas.

Saludos,
{{#if agentName}}{{agentName}}, {{/if}}{{collector.name}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_payment_received_email_es-MX',
    purpose: 'payment_received',
    channel: 'email',
    locale: 'es-MX',
    subject: 'Recibimos tu pago',
    body: `Hola {{debtor.firstName}}:

Recibimos tu pago de {{amount}} para tu cuenta con {{creditor.name}}. Muchas gracias.

Si tienes cualquier duda sobre tu saldo, responde a este correo.

Saludos,
{{collector.name}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_reminder_whatsapp_es-MX',
    purpose: 'reminder',
    channel: 'whatsapp',
    locale: 'es-MX',
    body: 'Hola {{debtor.firstName}}, te escribimos de {{collector.name}} por tu cuenta con {{creditor.name}}. Tienes un saldo de {{amount}} con fecha de pago {{dueDate}}. Puedes pagar aquí: {{paymentLink}}\n\nSi tienes dudas o necesitas un plan, contéstanos por este chat. {{optOutInstructions}}',
    whatsapp: {
      name: 'saldo_reminder_es_mx',
      language: 'es_MX',
      category: 'UTILITY',
      buttons: [],
      status: 'not_submitted',
    },
  },
  {
    id: 'tpl_default_follow_up_whatsapp_es-MX',
    purpose: 'follow_up',
    channel: 'whatsapp',
    locale: 'es-MX',
    body: 'Hola {{debtor.firstName}}, seguimos pendientes de tu cuenta con {{creditor.name}} por {{amount}}. Si ahora no puedes pagar el total, podemos ofrecerte un plan. Escríbenos por aquí y lo revisamos. Atentamente, {{collector.name}}. {{optOutInstructions}}',
    whatsapp: {
      name: 'saldo_follow_up_es_mx',
      language: 'es_MX',
      category: 'UTILITY',
      buttons: [],
      status: 'not_submitted',
    },
  },
  {
    id: 'tpl_default_reminder_call_voicebot_es-MX',
    purpose: 'reminder_call',
    channel: 'voicebot',
    locale: 'es-MX',
    body: 'Gracias. Le llamamos de {{collector.name}}, en nombre de {{creditor.name}}, para recordarle un saldo pendiente de {{amount}}, con fecha de pago {{dueDate}}.',
    voice: {
      identity:
        'Hola, le habla el asistente automático de {{collector.name}}. ¿Hablo con {{debtor.fullName}}? Diga sí o marque 1. Si no es usted, diga no o marque 2.',
      wrongPerson: 'Disculpe la molestia. Que tenga buen día.',
      menu: 'Para hablar con un asesor, diga asesor o marque 1. Para recibir el enlace de pago por mensaje, diga enlace o marque 2. Para escuchar de nuevo, marque 3. Si no quiere recibir más llamadas, diga no llamar o marque 9.',
      transferring: 'Con gusto. Le comunico con un asesor, un momento por favor.',
      linkSent: 'Listo, le enviamos el enlace de pago por mensaje. Gracias por su tiempo.',
      noInput: 'No le escuché bien.',
      goodbye: 'Gracias por su tiempo. Que tenga buen día.',
    },
  },
  {
    id: 'tpl_default_voicemail_voicemail_es-MX',
    purpose: 'voicemail',
    channel: 'voicemail',
    locale: 'es-MX',
    // A limited-content message everywhere: it may be heard by someone else (MX-3P).
    body: 'Hola, le habla {{agentName}} de {{collector.name}}. Por favor comuníquese con nosotros al {{callbackNumber}}. Puede hablar con cualquiera de nuestros asesores. Gracias.',
  },
];
