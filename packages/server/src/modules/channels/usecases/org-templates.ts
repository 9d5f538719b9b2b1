import { SaldoError, type FieldIssue } from '@saldo/core';
import {
  channels,
  templatePurposes,
  WhatsAppTemplateFields,
  type TemplatePurpose,
} from '@saldo/core/channels';
import { strategyTemplatePurposes } from '@saldo/core/strategy';
import type { Clock } from '../../../shared/clock/clock.js';
import type {
  NewOrgTemplate,
  OrgTemplate,
  OrgTemplatePatch,
  TemplateStore,
} from '../ports/template-catalog.js';
import { assertSavable, checksFor, toMessageTemplate, validationError } from './template-checks.js';
import type { SavedTemplate, TemplateInput, Templates, TemplateUpdate } from './template-types.js';

/**
 * An organisation's own templates: drafts (syntax checked on every save), versions, and
 * publication (the content every target country requires, refused with the rule and citation of
 * each missing element).
 */

const KEY = /^[a-z0-9_]{1,64}$/;
const LOCALE = /^(es|en)(-[A-Z]{2})?$/;

export type OrgTemplates = Pick<Templates, 'list' | 'get' | 'createDraft' | 'updateDraft' | 'publish'>;

export async function mustGetOrgTemplate(
  store: TemplateStore,
  orgId: string,
  id: string,
): Promise<OrgTemplate> {
  const t = await store.get(orgId, id);
  if (!t) throw new SaldoError('not_found', `template ${id} not found`);
  return t;
}

/** `onPublished` runs once a publish is written: the send path's cache must not serve the old set. */
export function createOrgTemplates(deps: {
  store: TemplateStore;
  clock: Clock;
  onPublished(orgId: string): void;
}): OrgTemplates {
  const { store, clock } = deps;
  const saved = (t: OrgTemplate): SavedTemplate => ({
    template: t,
    checks: checksFor(toMessageTemplate(t), t.countries),
  });
  return {
    list: (orgId, filter) => store.list(orgId, filter),
    async get(orgId, id) {
      return saved(await mustGetOrgTemplate(store, orgId, id));
    },
    async createDraft(orgId, input, createdBy) {
      const purpose = await draftPurpose(store, orgId, input);
      const row = newDraftRow(orgId, input, purpose, createdBy);
      assertSavable(toMessageTemplate({ id: 'tpl_draft', ...row }), row.countries);
      // Stored with the defaults filled in (buttons: [], status: not_submitted).
      if (row.whatsapp) row.whatsapp = WhatsAppTemplateFields.parse(row.whatsapp);
      return saved(await store.createDraft(row, clock.now()));
    },
    async updateDraft(orgId, id, patch) {
      const cur = await mustGetOrgTemplate(store, orgId, id);
      if (cur.status !== 'draft')
        throw new SaldoError(
          'conflict',
          `template ${id} is ${cur.status}: create a new draft (the next version) to change it`,
        );
      const p = draftPatch(patch);
      const next = { ...cur, ...p };
      assertSavable(toMessageTemplate(next), next.countries);
      const row = await store.updateDraft(orgId, id, p, clock.now());
      if (!row) throw new SaldoError('conflict', `template ${id} is no longer a draft`);
      return saved(row);
    },
    async publish(orgId, id) {
      const cur = await mustGetOrgTemplate(store, orgId, id);
      if (cur.status !== 'draft')
        throw new SaldoError('conflict', `template ${id} is ${cur.status}; only a draft can be published`);
      const t = toMessageTemplate(cur);
      assertSavable(t, cur.countries);
      const checks = checksFor(t, cur.countries);
      if (checks.contentViolations.length > 0) {
        const list = checks.contentViolations.map((v) => v.message).join('; ');
        throw validationError(
          `template ${id} lacks content its countries require: ${list}`,
          checks.contentViolations,
        );
      }
      const row = await store.publish(orgId, id, clock.now());
      deps.onPublished(orgId);
      if (!row) throw new SaldoError('conflict', `template ${id} is no longer a draft`);
      return { template: row, checks };
    },
  };
}

/**
 * A new draft's purpose: the one it names, else its strategy reference's, else the one earlier
 * versions of the key have. Refuses a bad key, channel or locale, and a custom key without purpose.
 */
async function draftPurpose(
  store: TemplateStore,
  orgId: string,
  input: TemplateInput,
): Promise<TemplatePurpose> {
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
  return purpose!;
}

/** The row to store; its countries default to the locale's region (es-MX → MX). */
function newDraftRow(
  orgId: string,
  input: TemplateInput,
  purpose: TemplatePurpose,
  createdBy: string | null,
): NewOrgTemplate {
  const region = input.locale.split('-')[1];
  const countries = [...new Set((input.countries ?? (region ? [region] : [])).map((c) => c.toUpperCase()))];
  return {
    orgId,
    key: input.key,
    purpose,
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
}

/** The fields an update changes; a bad purpose is refused here, everything else by assertSavable. */
function draftPatch(patch: TemplateUpdate): OrgTemplatePatch {
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
  if (patch.countries !== undefined) p.countries = [...new Set(patch.countries.map((c) => c.toUpperCase()))];
  return p;
}
