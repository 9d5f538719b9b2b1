import type { FieldIssue } from '@saldo/core';
import type {
  Channel,
  ContentViolation,
  MessageTemplate,
  SmsSegmentInfo,
  TemplateContext,
  TemplatePurpose,
  VoiceScriptFields,
  WhatsAppBody,
  WhatsAppTemplateFields,
} from '@saldo/core/channels';
import type { Clock } from '../../../shared/clock/clock.js';
import type {
  OrgTemplate,
  OrgTemplateStatus,
  TemplateCatalog,
  TemplateStore,
} from '../ports/template-catalog.js';

/** The vocabulary of template management (templates.ts): what the routes send and receive. */

export interface TemplateInput {
  key: string;
  channel: Channel;
  locale: string;
  /** Required for a custom key; inferred for a strategy reference such as `reminder_email_v1`. */
  purpose?: TemplatePurpose;
  subject?: string | null;
  body: string;
  html?: string | null;
  whatsapp?: WhatsAppTemplateFields | null;
  voice?: VoiceScriptFields | null;
  /** Debtor countries it is for; default: the locale's region (es-MX → MX). */
  countries?: string[];
}
export type TemplateUpdate = Partial<
  Pick<TemplateInput, 'purpose' | 'subject' | 'body' | 'html' | 'whatsapp' | 'voice' | 'countries'>
>;

/** A template issue with its line and column (1-based) as well as the character offset. */
export interface PositionedIssue extends FieldIssue {
  at: number;
  line: number;
  column: number;
}

/** A missing required element for one target country. */
export interface CountryViolation extends FieldIssue {
  country: string;
  rule: string;
  requirement: ContentViolation['requirement'];
  basis: 'law' | 'policy';
  citation: string;
}

export interface TemplateChecks {
  /** Content each target country requires and the template still lacks: blocks publication. */
  contentViolations: CountryViolation[];
  sms?: SmsSegmentInfo;
  whatsapp?: WhatsAppBody;
}

export interface SavedTemplate {
  template: OrgTemplate;
  checks: TemplateChecks;
}

export interface TemplatePreview {
  templateId: string;
  channel: Channel;
  locale: string;
  subject?: string;
  text: string;
  html?: string;
  whatsapp?: { name: string; language: string; parameters: string[]; body: string };
  voice?: VoiceScriptFields;
  /** SMS only: segments and encoding of the rendered text. */
  sms?: SmsSegmentInfo;
  /** Values the preview used. */
  sample: TemplateContext;
}

export interface EffectiveTemplate {
  source: 'org' | 'default';
  template: MessageTemplate;
  /** The org template row when source is `org`. */
  orgTemplate?: OrgTemplate;
}

/** Sample values a preview may override. */
export interface PreviewSample {
  firstName?: string;
  lastName?: string;
  amountMinor?: number;
  currency?: string;
  dueDate?: string;
  creditorName?: string;
  collectorName?: string;
  agentName?: string;
  callbackNumber?: string;
  paymentLink?: string;
}

export interface Templates {
  list(
    orgId: string,
    filter?: { key?: string; channel?: Channel; locale?: string; status?: OrgTemplateStatus },
  ): Promise<OrgTemplate[]>;
  /** The built-in defaults, read-only. */
  builtIn(): readonly MessageTemplate[];
  get(orgId: string, id: string): Promise<SavedTemplate>;
  createDraft(orgId: string, input: TemplateInput, createdBy: string | null): Promise<SavedTemplate>;
  updateDraft(orgId: string, id: string, patch: TemplateUpdate): Promise<SavedTemplate>;
  publish(orgId: string, id: string): Promise<SavedTemplate>;
  /** An org template (`tpl_org_…`) or a built-in one (`tpl_default_…`) rendered with sample values. */
  preview(orgId: string, id: string, sample?: PreviewSample): Promise<TemplatePreview>;
  effective(
    orgId: string,
    q: { key: string; channel: Channel; locale: string; country?: string },
  ): Promise<EffectiveTemplate>;
  catalog: TemplateCatalog;
}

export interface TemplatesDeps {
  store: TemplateStore;
  clock: Clock;
  /** Default: core `defaultTemplates`. */
  builtIns?: readonly MessageTemplate[];
}
