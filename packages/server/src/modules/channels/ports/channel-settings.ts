/**
 * Provider settings per organisation. The default organisation's come from the environment
 * (TWILIO_*, WHATSAPP_*, SMTP_URL, EMAIL_FROM); other organisations store theirs in the database
 * with secrets encrypted at rest. Webhooks find the organisation from the request (Twilio
 * AccountSid, Meta phone_number_id / verify token) before checking its signature with its secret.
 */
export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  fromSms?: string;
  fromWhatsApp?: string;
  /** Caller id for calls; defaults to fromSms. */
  fromVoice?: string;
  /** Agent queue number a scripted call can transfer to. */
  agentNumber?: string;
}

export interface MetaWhatsAppSettings {
  token: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  /** Defaults to https://graph.facebook.com/v21.0 */
  graphBaseUrl?: string;
}

export interface SmtpSettings {
  url: string;
  from: string;
}

export interface OrgChannelSettings {
  orgId: string;
  twilio?: TwilioSettings;
  meta?: MetaWhatsAppSettings;
  smtp?: SmtpSettings;
}

export interface ChannelSettingsResolver {
  forOrg(orgId: string): Promise<OrgChannelSettings | null>;
  byTwilioAccount(accountSid: string): Promise<OrgChannelSettings | null>;
  byMetaPhoneNumberId(phoneNumberId: string): Promise<OrgChannelSettings | null>;
  /** Meta's GET handshake carries only the verify token. */
  byMetaVerifyToken(verifyToken: string): Promise<OrgChannelSettings | null>;
}
