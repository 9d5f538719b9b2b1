import type {
  Channel,
  MessageTemplate,
  TemplatePurpose,
  VoiceScriptFields,
  WhatsAppTemplateFields,
} from '@saldo/core/channels';

/**
 * Message templates written by an organisation (`message_templates`), versioned per
 * (org, key, channel, locale). A draft is edited in place; publishing supersedes the previously
 * published version of the same key/channel/locale.
 */
export type OrgTemplateStatus = 'draft' | 'published' | 'superseded';

export interface OrgTemplate {
  /** `tpl_org_…`: also the `MessageTemplate.id` the template renders under. */
  id: string;
  orgId: string;
  /** `reminder_email_v1` (a strategy's template reference) or a custom key. */
  key: string;
  purpose: TemplatePurpose;
  channel: Channel;
  locale: string;
  subject: string | null;
  body: string;
  html: string | null;
  whatsapp: WhatsAppTemplateFields | null;
  voice: VoiceScriptFields | null;
  status: OrgTemplateStatus;
  version: number;
  /** Countries (ISO 3166-1 alpha-2) of the debtors it is for; each is checked at publish. */
  countries: string[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export type NewOrgTemplate = Pick<
  OrgTemplate,
  | 'orgId'
  | 'key'
  | 'purpose'
  | 'channel'
  | 'locale'
  | 'subject'
  | 'body'
  | 'html'
  | 'whatsapp'
  | 'voice'
  | 'countries'
  | 'createdBy'
>;
export type OrgTemplatePatch = Partial<
  Pick<OrgTemplate, 'purpose' | 'subject' | 'body' | 'html' | 'whatsapp' | 'voice' | 'countries'>
>;

export interface TemplateStore {
  /** Inserts a draft as the next version of (org, key, channel, locale). */
  createDraft(t: NewOrgTemplate, at: Date): Promise<OrgTemplate>;
  get(orgId: string, id: string): Promise<OrgTemplate | null>;
  /** Newest first; filters are optional. */
  list(
    orgId: string,
    filter?: { key?: string; channel?: Channel; locale?: string; status?: OrgTemplateStatus },
  ): Promise<OrgTemplate[]>;
  /** Updates a draft; null when the row is not (or no longer) a draft of this org. */
  updateDraft(orgId: string, id: string, patch: OrgTemplatePatch, at: Date): Promise<OrgTemplate | null>;
  /**
   * Publishes a draft and supersedes the published version of the same key/channel/locale, in one
   * transaction; null when the row is not (or no longer) a draft of this org.
   */
  publish(orgId: string, id: string, at: Date): Promise<OrgTemplate | null>;
  /** Every published template of an organisation (the effective ones). */
  published(orgId: string): Promise<OrgTemplate[]>;
}

/**
 * What the send path asks: the template to render for one contact. An organisation's published
 * template for the debtor's country and locale comes first, Saldo's built-in default otherwise.
 */
export interface TemplateCatalog {
  /**
   * `templateId` is what the request names: a built-in id (`tpl_default_reminder_email_es-MX`), a
   * strategy reference or custom key (`reminder_email_v1`), or an org template id (`tpl_org_…`).
   * Throws SaldoError('validation') for an unknown template or one for another channel.
   */
  resolve(q: {
    orgId: string;
    templateId: string;
    channel: Channel;
    locale: string;
    country: string;
  }): Promise<MessageTemplate>;
}
