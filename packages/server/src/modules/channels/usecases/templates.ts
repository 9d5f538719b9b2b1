import { SaldoError, type FieldIssue } from '@saldo/core';
import {
  channels,
  defaultTemplates,
  findTemplate,
  MessageTemplate,
  renderMessage,
  sampleContext,
  smsSegments,
  templateChannelsFor,
  templatePurposes,
  validateTemplate,
  type Channel,
  type ContentViolation,
  type SmsSegmentInfo,
  type TemplateContext,
  type TemplateIssue,
  type TemplatePurpose,
  type VoiceScriptFields,
  type WhatsAppBody,
  WhatsAppTemplateFields,
} from '@saldo/core/channels';
import { strategyTemplatePurposes } from '@saldo/core/strategy';
import type { Clock } from '../../../shared/clock/clock.js';
import type {
  OrgTemplate,
  OrgTemplatePatch,
  OrgTemplateStatus,
  TemplateCatalog,
  TemplateStore,
} from '../ports/template-catalog.js';

/**
 * Template management for organisations: drafts (syntax checked on every save, each error with its
 * position), publication (the content every target country requires, refused with the rule and
 * citation of each missing element), previews with sample values and the SMS segment count, and
 * the catalogue the send path renders from (the org's published template, else the built-in one).
 */

const KEY = /^[a-z0-9_]{1,64}$/;
const LOCALE = /^(es|en)(-[A-Z]{2})?$/;
const COUNTRY = /^[A-Z]{2}$/;

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

/** Line and column (1-based) of a character offset. */
function position(source: string, at: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, at));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function fieldSource(t: MessageTemplate, path: string): string {
  if (path === 'body') return t.body;
  if (path === 'subject') return t.subject ?? '';
  if (path === 'html') return t.html ?? '';
  if (path.startsWith('voice.') && t.voice) return t.voice[path.slice(6) as keyof VoiceScriptFields] ?? '';
  return '';
}

function positioned(t: MessageTemplate, issues: readonly TemplateIssue[]): PositionedIssue[] {
  return issues.map((i) => {
    const p = position(fieldSource(t, i.path), i.at);
    return {
      path: i.path,
      at: i.at,
      line: p.line,
      column: p.column,
      message: `line ${p.line}, column ${p.column}: ${i.message}`,
    };
  });
}

/** The org row as a core MessageTemplate (the shape every renderer and check takes). */
export function toMessageTemplate(
  t: Pick<
    OrgTemplate,
    'id' | 'purpose' | 'channel' | 'locale' | 'subject' | 'body' | 'html' | 'whatsapp' | 'voice'
  >,
): MessageTemplate {
  return {
    id: t.id,
    purpose: t.purpose,
    channel: t.channel,
    locale: t.locale,
    body: t.body,
    ...(t.subject !== null ? { subject: t.subject } : {}),
    ...(t.html !== null ? { html: t.html } : {}),
    ...(t.whatsapp !== null ? { whatsapp: t.whatsapp } : {}),
    ...(t.voice !== null ? { voice: t.voice } : {}),
  };
}

/** Shape (zod) and syntax checks: everything that makes a draft unsavable. */
function syntaxIssues(t: MessageTemplate): PositionedIssue[] {
  const shape = MessageTemplate.safeParse(t);
  if (!shape.success)
    return shape.error.issues.map((i) => ({
      path: i.path.join('.') || 'template',
      at: 0,
      line: 1,
      column: 1,
      message: i.message,
    }));
  // Any country: only the syntax/channel issues are used here; content is checked per country.
  return positioned(t, validateTemplate(t, { country: 'US' }).issues);
}

function checksFor(t: MessageTemplate, countries: readonly string[]): TemplateChecks {
  const contentViolations: CountryViolation[] = [];
  let sms: SmsSegmentInfo | undefined;
  let whatsapp: WhatsAppBody | undefined;
  for (const country of countries) {
    const v = validateTemplate(t, { country });
    sms ??= v.sms;
    whatsapp ??= v.whatsapp;
    for (const c of v.contentViolations) {
      contentViolations.push({
        path: `countries.${country}`,
        country,
        rule: c.ruleId,
        requirement: c.requirement,
        basis: c.basis,
        citation: c.citation,
        message: `${country}: ${c.message} (${c.ruleId}, ${c.basis === 'law' ? 'required by' : 'Saldo policy;'} ${c.citation})`,
      });
    }
  }
  return { contentViolations, ...(sms ? { sms } : {}), ...(whatsapp ? { whatsapp } : {}) };
}

function validationError(message: string, issues: FieldIssue[]): SaldoError {
  return new SaldoError('validation', message, issues);
}

/** How long the send path may reuse an organisation's published templates (see publishedFor). */
const PUBLISHED_TTL_MS = 5_000;

export function createTemplates(deps: TemplatesDeps): Templates {
  const { store, clock } = deps;
  const builtIns = deps.builtIns ?? defaultTemplates;

  function checkSyntax(t: MessageTemplate, countries: readonly string[]): void {
    const issues: FieldIssue[] = syntaxIssues(t);
    if (countries.length === 0)
      issues.push({ path: 'countries', message: 'name at least one debtor country (ISO 3166-1 alpha-2)' });
    for (const c of countries)
      if (!COUNTRY.test(c))
        issues.push({ path: 'countries', message: `"${c}" is not an ISO 3166-1 alpha-2 country code` });
    if (issues.length > 0)
      throw validationError(
        `the template has ${issues.length} error(s): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
  }

  async function mustGet(orgId: string, id: string): Promise<OrgTemplate> {
    const t = await store.get(orgId, id);
    if (!t) throw new SaldoError('not_found', `template ${id} not found`);
    return t;
  }

  const saved = (t: OrgTemplate): SavedTemplate => ({
    template: t,
    checks: checksFor(toMessageTemplate(t), t.countries),
  });

  // The send path reads the published set once per few seconds, not once per contact. A publish in
  // this process is seen at once; one in another process within PUBLISHED_TTL_MS (clock time).
  const publishedCache = new Map<string, { at: number; rows: Promise<OrgTemplate[]> }>();
  function publishedFor(orgId: string, cached: boolean): Promise<OrgTemplate[]> {
    if (!cached) return store.published(orgId);
    const now = clock.now().getTime();
    const hit = publishedCache.get(orgId);
    if (hit && now - hit.at < PUBLISHED_TTL_MS && now >= hit.at) return hit.rows;
    const rows = store.published(orgId);
    rows.catch(() => publishedCache.delete(orgId));
    publishedCache.set(orgId, { at: now, rows });
    return rows;
  }

  async function effectiveFor(
    orgId: string,
    q: { templateId: string; channel: Channel; locale: string; country?: string },
    cached = false,
  ): Promise<EffectiveTemplate> {
    const published = await publishedFor(orgId, cached);
    let key: string | undefined;
    let purpose: TemplatePurpose | undefined;
    const builtIn = builtIns.find((t) => t.id === q.templateId);
    const own =
      published.find((t) => t.id === q.templateId) ??
      (q.templateId.startsWith('tpl_org_') ? await store.get(orgId, q.templateId) : null);
    if (own) {
      key = own.key;
      purpose = own.purpose;
    } else if (builtIn) purpose = builtIn.purpose;
    else {
      const byKey = published.find((t) => t.key === q.templateId);
      purpose = byKey?.purpose ?? strategyTemplatePurposes[q.templateId];
      if (purpose) key = q.templateId;
    }
    if (!purpose)
      throw validationError(`unknown template ${q.templateId}`, [
        { path: 'templateId', message: 'no such template' },
      ]);
    const chans = templateChannelsFor(q.channel);
    // The org's published template, only for a country it was checked for at publication.
    const usable = published.filter(
      (t) => q.country === undefined || t.countries.includes(q.country.toUpperCase()),
    );
    for (const c of chans) {
      const rows = usable.filter(
        (t) => t.channel === c && (key !== undefined ? t.key === key : t.purpose === purpose),
      );
      const hit = findTemplate(rows.map(toMessageTemplate), { purpose, channel: c, locale: q.locale });
      if (hit) return { source: 'org', template: hit, orgTemplate: rows.find((r) => r.id === hit.id)! };
    }
    for (const c of chans) {
      const hit = findTemplate(builtIns, { purpose, channel: c, locale: q.locale });
      if (hit) return { source: 'default', template: hit };
    }
    if (builtIn && chans.includes(builtIn.channel)) return { source: 'default', template: builtIn };
    throw validationError(`no ${q.channel} template for ${q.templateId} in ${q.locale}`, [
      { path: 'templateId', message: `not a ${q.channel} template` },
    ]);
  }

  const catalog: TemplateCatalog = {
    async resolve(q) {
      return (await effectiveFor(q.orgId, q, true)).template;
    },
  };

  return {
    list: (orgId, filter) => store.list(orgId, filter),
    builtIn: () => builtIns,
    async get(orgId, id) {
      return saved(await mustGet(orgId, id));
    },
    async createDraft(orgId, input, createdBy) {
      const issues: FieldIssue[] = [];
      if (!KEY.test(input.key ?? ''))
        issues.push({ path: 'key', message: 'lower-case letters, digits and underscores, at most 64' });
      if (!(channels as readonly string[]).includes(input.channel))
        issues.push({ path: 'channel', message: `one of ${channels.join(', ')}` });
      if (!LOCALE.test(input.locale ?? ''))
        issues.push({ path: 'locale', message: 'es or en, optionally with a region: es-MX, es-ES, en-US' });
      const purpose =
        input.purpose ??
        strategyTemplatePurposes[input.key] ??
        (await store.list(orgId, { key: input.key }))[0]?.purpose;
      if (!purpose || !(templatePurposes as readonly string[]).includes(purpose))
        issues.push({
          path: 'purpose',
          message: `a custom key needs its purpose: one of ${templatePurposes.join(', ')}`,
        });
      if (issues.length > 0)
        throw validationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
      const region = input.locale.split('-')[1];
      const countries = [
        ...new Set((input.countries ?? (region ? [region] : [])).map((c) => c.toUpperCase())),
      ];
      const row = {
        orgId,
        key: input.key,
        purpose: purpose!,
        channel: input.channel,
        locale: input.locale,
        subject: input.subject ?? null,
        body: input.body,
        html: input.html ?? null,
        whatsapp: input.whatsapp ?? null,
        voice: input.voice ?? null,
        countries,
        createdBy,
      };
      checkSyntax(toMessageTemplate({ id: 'tpl_draft', ...row }), countries);
      // Stored with the defaults filled in (buttons: [], status: not_submitted).
      if (row.whatsapp) row.whatsapp = WhatsAppTemplateFields.parse(row.whatsapp);
      return saved(await store.createDraft(row, clock.now()));
    },
    async updateDraft(orgId, id, patch) {
      const cur = await mustGet(orgId, id);
      if (cur.status !== 'draft')
        throw new SaldoError(
          'conflict',
          `template ${id} is ${cur.status}: create a new draft (the next version) to change it`,
        );
      if (patch.purpose !== undefined && !(templatePurposes as readonly string[]).includes(patch.purpose))
        throw validationError('invalid purpose', [
          { path: 'purpose', message: `one of ${templatePurposes.join(', ')}` },
        ]);
      const p: OrgTemplatePatch = {};
      if (patch.purpose !== undefined) p.purpose = patch.purpose;
      if (patch.subject !== undefined) p.subject = patch.subject;
      if (patch.body !== undefined) p.body = patch.body;
      if (patch.html !== undefined) p.html = patch.html;
      if (patch.whatsapp !== undefined)
        p.whatsapp =
          patch.whatsapp === null
            ? null
            : (WhatsAppTemplateFields.safeParse(patch.whatsapp).data ?? patch.whatsapp);
      if (patch.voice !== undefined) p.voice = patch.voice;
      if (patch.countries !== undefined)
        p.countries = [...new Set(patch.countries.map((c) => c.toUpperCase()))];
      const next = { ...cur, ...p };
      checkSyntax(toMessageTemplate(next), next.countries);
      const row = await store.updateDraft(orgId, id, p, clock.now());
      if (!row) throw new SaldoError('conflict', `template ${id} is no longer a draft`);
      return saved(row);
    },
    async publish(orgId, id) {
      const cur = await mustGet(orgId, id);
      if (cur.status !== 'draft')
        throw new SaldoError('conflict', `template ${id} is ${cur.status}; only a draft can be published`);
      const t = toMessageTemplate(cur);
      checkSyntax(t, cur.countries);
      const checks = checksFor(t, cur.countries);
      if (checks.contentViolations.length > 0) {
        const list = checks.contentViolations.map((v) => v.message).join('; ');
        throw validationError(
          `template ${id} lacks content its countries require: ${list}`,
          checks.contentViolations,
        );
      }
      const row = await store.publish(orgId, id, clock.now());
      publishedCache.delete(orgId);
      if (!row) throw new SaldoError('conflict', `template ${id} is no longer a draft`);
      return { template: row, checks };
    },
    async preview(orgId, id, sample = {}) {
      const t = id.startsWith('tpl_org_')
        ? toMessageTemplate(await mustGet(orgId, id))
        : builtIns.find((b) => b.id === id);
      if (!t) throw new SaldoError('not_found', `template ${id} not found`);
      const base = sampleContext(t.locale, t.channel);
      const ctx: TemplateContext = {
        ...base,
        debtor: {
          ...base.debtor,
          ...(sample.firstName ? { firstName: sample.firstName } : {}),
          ...(sample.lastName ? { lastName: sample.lastName } : {}),
        },
        ...(sample.amountMinor !== undefined || sample.currency
          ? {
              amount: {
                minor: sample.amountMinor ?? base.amount?.minor ?? 0,
                currency: sample.currency ?? base.amount?.currency ?? 'USD',
              },
            }
          : {}),
        ...(sample.dueDate ? { dueDate: sample.dueDate } : {}),
        ...(sample.creditorName ? { creditorName: sample.creditorName } : {}),
        ...(sample.collectorName ? { collectorName: sample.collectorName } : {}),
        ...(sample.agentName ? { agentName: sample.agentName } : {}),
        ...(sample.callbackNumber ? { callbackNumber: sample.callbackNumber } : {}),
        ...(sample.paymentLink ? { paymentLink: sample.paymentLink } : {}),
      };
      const r = renderMessage(t, ctx);
      if (!r.ok) {
        const issues: FieldIssue[] = [
          ...positioned(t, r.issues),
          ...r.missing.map((m) => ({ path: 'sample', message: `no value for {{${m}}}` })),
        ];
        throw validationError(
          `template ${id} cannot be rendered: ${issues.map((i) => i.message).join('; ')}`,
          issues,
        );
      }
      const m = r.message;
      const wa = t.channel === 'whatsapp' ? checksFor(t, ['*']).whatsapp : undefined;
      return {
        templateId: t.id,
        channel: t.channel,
        locale: t.locale,
        text: m.text,
        ...(m.subject !== undefined ? { subject: m.subject } : {}),
        ...(m.html !== undefined ? { html: m.html } : {}),
        ...(m.whatsapp
          ? {
              whatsapp: {
                name: m.whatsapp.name,
                language: m.whatsapp.language,
                parameters: m.whatsapp.parameters,
                body: wa?.text ?? '',
              },
            }
          : {}),
        ...(m.voice ? { voice: m.voice } : {}),
        ...(t.channel === 'sms' ? { sms: smsSegments(m.text) } : {}),
        sample: ctx,
      };
    },
    async effective(orgId, q) {
      return effectiveFor(orgId, {
        templateId: q.key,
        channel: q.channel,
        locale: q.locale,
        ...(q.country ? { country: q.country } : {}),
      });
    },
    catalog,
  };
}
