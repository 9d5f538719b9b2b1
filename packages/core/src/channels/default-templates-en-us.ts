import type { MessageTemplate } from './template.js';

/**
 * Default templates, English (United States). Every communication carries the debt-collector
 * disclosure (15 U.S.C. 1692e(11)); every email/text carries an opt-out (12 CFR 1006.6(e)); the
 * voicemail is a limited-content message (12 CFR 1006.2(j)). No urgency that could overshadow the
 * validation rights (12 CFR 1006.38(b)).
 */
export const defaultTemplatesEnUs: MessageTemplate[] = [
  {
    id: 'tpl_default_reminder_sms_en-US',
    purpose: 'reminder',
    channel: 'sms',
    locale: 'en-US',
    body: 'Hi {{debtor.firstName}}, this is {{collector.name}} about your {{creditor.name}} account. Balance: {{amount}}, due {{dueDate}}. Pay or see options: {{paymentLink}} This is from a debt collector. {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_follow_up_sms_en-US',
    purpose: 'follow_up',
    channel: 'sms',
    locale: 'en-US',
    body: 'Hi {{debtor.firstName}}, your {{creditor.name}} balance of {{amount}} is still open. If a payment plan would help, just reply and we will work it out together. {{collector.name}}, a debt collector. {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_payment_received_sms_en-US',
    purpose: 'payment_received',
    channel: 'sms',
    locale: 'en-US',
    body: 'Thank you, {{debtor.firstName}}. We received your {{amount}} payment on your {{creditor.name}} account. {{collector.name}}, a debt collector. {{optOutInstructions}}',
  },
  {
    id: 'tpl_default_reminder_email_en-US',
    purpose: 'reminder',
    channel: 'email',
    locale: 'en-US',
    subject: 'About your {{creditor.name}} account',
    body: `Hi {{debtor.firstName}},

We are writing from {{collector.name}} on behalf of {{creditor.name}}. Our records show a balance of {{amount}} on your account, due {{dueDate}}.

You can pay securely or look at payment options here: {{paymentLink}}

If you have already paid, thank you, and please disregard this message. If paying in full is hard right now, reply to this email and we will look for an option that works for you.

Best regards,
{{#if agentName}}{{agentName}}, {{/if}}{{collector.name}}

{{debtCollectorDisclosure}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_follow_up_email_en-US',
    purpose: 'follow_up',
    channel: 'email',
    locale: 'en-US',
    subject: 'We are here to help, {{debtor.firstName}}',
    body: `Hi {{debtor.firstName}},

We wrote to you a few days ago about your {{creditor.name}} account, which has a balance of {{amount}}. We understand that things come up, and we would like to help you find a way forward.

You can pay in full or choose a payment plan here: {{paymentLink}}

If you would rather talk to a person, reply to this email and tell us a good time to call.

Best regards,
{{#if agentName}}{{agentName}}, {{/if}}{{collector.name}}

{{debtCollectorDisclosure}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_payment_received_email_en-US',
    purpose: 'payment_received',
    channel: 'email',
    locale: 'en-US',
    subject: 'We received your payment',
    body: `Hi {{debtor.firstName}},

We received your payment of {{amount}} on your {{creditor.name}} account. Thank you.

If you have any questions about your balance, just reply to this email.

Best regards,
{{collector.name}}

{{debtCollectorDisclosure}}

{{optOutInstructions}}`,
  },
  {
    id: 'tpl_default_reminder_whatsapp_en-US',
    purpose: 'reminder',
    channel: 'whatsapp',
    locale: 'en-US',
    body: 'Hi {{debtor.firstName}}, this is {{collector.name}} writing on behalf of {{creditor.name}}. Your account has a balance of {{amount}}, due {{dueDate}}. You can pay or see options here: {{paymentLink}}\n\nQuestions? Just reply in this chat. {{debtCollectorDisclosure}} {{optOutInstructions}}',
    whatsapp: {
      name: 'saldo_reminder_en_us',
      language: 'en_US',
      category: 'UTILITY',
      buttons: [],
      status: 'not_submitted',
    },
  },
  {
    id: 'tpl_default_follow_up_whatsapp_en-US',
    purpose: 'follow_up',
    channel: 'whatsapp',
    locale: 'en-US',
    body: 'Hi {{debtor.firstName}}, your {{creditor.name}} balance of {{amount}} is still open. If a payment plan would help, reply here and we will set one up with you. {{collector.name}}. {{debtCollectorDisclosure}} {{optOutInstructions}}',
    whatsapp: {
      name: 'saldo_follow_up_en_us',
      language: 'en_US',
      category: 'UTILITY',
      buttons: [],
      status: 'not_submitted',
    },
  },
  {
    id: 'tpl_default_reminder_call_voicebot_en-US',
    purpose: 'reminder_call',
    channel: 'voicebot',
    locale: 'en-US',
    body: 'Thank you. This is {{collector.name}}, calling on behalf of {{creditor.name}}. {{debtCollectorDisclosure}} We are calling about a balance of {{amount}}, due {{dueDate}}.',
    voice: {
      // Prerecorded and AI voices must identify the business at the start (47 CFR 64.1200(b)(1); FCC 24-17).
      identity:
        'Hello, this is an automated assistant calling for {{collector.name}}. Am I speaking with {{debtor.fullName}}? Say yes or press 1. If not, say no or press 2.',
      wrongPerson: 'Sorry to have bothered you. Have a good day.',
      menu: 'To speak with an agent, say agent or press 1. To get the payment link by text message, say link or press 2. To hear this again, press 3. If you do not want more calls, say stop calling or press 9.',
      transferring: 'Sure. Connecting you to an agent now, please hold.',
      linkSent: 'Done. We have texted you the payment link. Thank you for your time.',
      noInput: 'Sorry, I did not catch that.',
      goodbye: 'Thank you for your time. Goodbye.',
    },
  },
  {
    id: 'tpl_default_voicemail_voicemail_en-US',
    purpose: 'voicemail',
    channel: 'voicemail',
    locale: 'en-US',
    // Limited-content message, 12 CFR 1006.2(j): business name, a request to reply, a person's name,
    // a callback number, and the optional "any representative" line. Nothing else — not even the
    // consumer's name, since the machine may belong to someone else.
    body: 'Hello, this is {{agentName}} from {{collector.name}}. Please call us back at {{callbackNumber}}. You may speak to any of our representatives. Thank you.',
  },
];
