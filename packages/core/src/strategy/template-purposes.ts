import type { TemplatePurpose } from '../channels/types.js';

/**
 * The channel-template purpose each template id of the default strategy (`defaultTemplateRefs`)
 * stands for. Strategies name templates by intent (`reminder_email_v1`); the channel catalogue
 * names them per purpose and locale (`tpl_default_reminder_email_es-MX`) and picks the debtor's
 * locale itself. Until both share one catalogue, a strategy template id maps to a purpose here.
 *
 * @example
 * strategyTemplatePurposes.voicebot_arrears_v1; // 'reminder_call'
 * strategyTemplatePurposes.my_own_v1; // undefined: a custom template names its purpose
 */
export const strategyTemplatePurposes: Readonly<Record<string, TemplatePurpose>> = {
  courtesy_reminder_email_v1: 'reminder',
  reminder_email_v1: 'reminder',
  sms_reminder_v1: 'reminder',
  promise_request_whatsapp_v1: 'follow_up',
  payment_plan_offer_email_v1: 'follow_up',
  settlement_offer_email_v1: 'follow_up',
  voicebot_arrears_v1: 'reminder_call',
  lcm_voicemail_v1: 'voicemail',
};
