import type { MessageTemplate } from './template.js';

/**
 * Default templates, Spanish (Spain). Tone: usted in calls, tú in messages (as Spanish banks write),
 * no threats; every message names the creditor, as the agency is the creditor's processor
 * (ES-PROCESSOR), and electronic ones say how to stop them (GDPR art. 21).
 */
export const defaultTemplatesEsEs: MessageTemplate[] = [
  {
    id: 'tpl_default_reminder_sms_es-ES',
    purpose: 'reminder',
    channel: 'sms',
    locale: 'es-ES',
    body: 'Hola {{debtor.firstName}}, te escribe {{collector.name}} en nombre de {{creditor.name}}. Tienes un importe pendiente de {{amount}} con fecha {{dueDate}}. Puedes pagarlo en {{paymentLink}} {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_follow_up_sms_es-ES',
    purpose: 'follow_up',
    channel: 'sms',
    locale: 'es-ES',
    body: '{{debtor.firstName}}, sigue pendiente tu recibo de {{creditor.name}} ({{amount}}). Si te viene mejor pagarlo en plazos, responde a este SMS y lo vemos. {{collector.name}}. {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_payment_received_sms_es-ES',
    purpose: 'payment_received',
    channel: 'sms',
    locale: 'es-ES',
    body: 'Gracias, {{debtor.firstName}}. Hemos recibido tu pago de {{amount}} de tu deuda con {{creditor.name}}. {{collector.name}}. {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_reminder_email_es-ES',
    purpose: 'reminder',
    channel: 'email',
    locale: 'es-ES',
    subject: 'Tu recibo pendiente con {{creditor.name}}',
    body: `Hola, {{debtor.firstName}}:

Te escribimos desde {{collector.name}}, en nombre de {{creditor.name}}. Según nuestros datos, tienes un importe pendiente de {{amount}}, con fecha de pago {{dueDate}}.

Puedes pagarlo de forma segura aquí: {{paymentLink}}

Si ya lo has pagado, gracias, y disculpa las molestias. Si ahora te cuesta pagarlo de una vez, contesta a este correo y buscaremos contigo una solución razonable.

Un saludo,
{{#if agentName}}{{agentName}}, {{/if}}{{collector.name}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_follow_up_email_es-ES',
    purpose: 'follow_up',
    channel: 'email',
    locale: 'es-ES',
    subject: '¿Te ayudamos con tu recibo, {{debtor.firstName}}?',
    body: `Hola, {{debtor.firstName}}:

Hace unos días te escribimos por el importe de {{amount}} pendiente con {{creditor.name}}. Entendemos que no siempre es buen momento, por eso puedes elegir entre pagarlo entero o en plazos aquí: {{paymentLink}}

Si prefieres que te llame una persona, responde a este correo indicando cuándo te viene bien.

Un saludo,
{{#if agentName}}{{agentName}}, {{/if}}{{collector.name}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_payment_received_email_es-ES',
    purpose: 'payment_received',
    channel: 'email',
    locale: 'es-ES',
    subject: 'Hemos recibido tu pago',
    body: `Hola, {{debtor.firstName}}:

Hemos recibido tu pago de {{amount}} de tu deuda con {{creditor.name}}. Muchas gracias.

Para cualquier consulta sobre tu cuenta, contesta a este correo.

Un saludo,
{{collector.name}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_reminder_whatsapp_es-ES',
    purpose: 'reminder',
    channel: 'whatsapp',
    locale: 'es-ES',
    body: 'Hola, {{debtor.firstName}}. Te escribimos desde {{collector.name}} en nombre de {{creditor.name}}. Tienes un importe pendiente de {{amount}} con fecha de pago {{dueDate}}. Puedes pagarlo aquí: {{paymentLink}}\n\nSi tienes cualquier duda, respóndenos por este chat. {{optOutInstructions}}',
    whatsapp: {
      name: 'saldo_reminder_es_es',
      language: 'es_ES',
      category: 'UTILITY',
      buttons: [],
      status: 'not_submitted',
    },
  },
  {
    id: 'tpl_default_follow_up_whatsapp_es-ES',
    purpose: 'follow_up',
    channel: 'whatsapp',
    locale: 'es-ES',
    body: 'Hola, {{debtor.firstName}}. Sigue pendiente tu importe de {{amount}} con {{creditor.name}}. Si te viene mejor pagarlo en plazos, escríbenos por aquí y lo preparamos. Un saludo, {{collector.name}}. {{optOutInstructions}}',
    whatsapp: {
      name: 'saldo_follow_up_es_es',
      language: 'es_ES',
      category: 'UTILITY',
      buttons: [],
      status: 'not_submitted',
    },
  },
  {
    id: 'tpl_default_reminder_call_voicebot_es-ES',
    purpose: 'reminder_call',
    channel: 'voicebot',
    locale: 'es-ES',
    body: 'Gracias. Le llamamos de {{collector.name}}, en nombre de {{creditor.name}}, para recordarle un importe pendiente de {{amount}}, con fecha de pago {{dueDate}}.',
    voice: {
      // Disclosing the AI at the start: Reg. (EU) 2024/1689 art. 50(1) (EU-AIACT-DISCLOSE).
      identity:
        'Hola, le atiende el asistente automático de {{collector.name}}. ¿Hablo con {{debtor.fullName}}? Diga sí o pulse 1. Si no es usted, diga no o pulse 2.',
      wrongPerson: 'Disculpe las molestias. Que tenga un buen día.',
      // A human is always one word away (ES-SAC-BILL, pending).
      menu: 'Para hablar con una persona, diga agente o pulse 1. Para recibir el enlace de pago por SMS, diga enlace o pulse 2. Para volver a escucharlo, pulse 3. Si no desea recibir más llamadas, diga no llamar o pulse 9.',
      transferring: 'De acuerdo. Le paso con un agente, un momento por favor.',
      linkSent: 'Perfecto, le hemos enviado el enlace de pago por SMS. Gracias por su tiempo.',
      noInput: 'Disculpe, no le he entendido.',
      goodbye: 'Gracias por su tiempo. Que tenga un buen día.',
    },
  },
  {
    id: 'tpl_default_voicemail_voicemail_es-ES',
    purpose: 'voicemail',
    channel: 'voicemail',
    locale: 'es-ES',
    // Limited content: the message may be heard by someone else (ES-3P-AEPD).
    body: 'Hola, soy {{agentName}}, de {{collector.name}}. Por favor, llámenos al {{callbackNumber}}. Le puede atender cualquier persona de nuestro equipo. Gracias.',
  },
];
