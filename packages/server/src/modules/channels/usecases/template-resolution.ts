import {
  findTemplate,
  meetsRequiredContent,
  templateChannelsFor,
  type Channel,
  type MessageTemplate,
  type TemplatePurpose,
} from '@saldo/core/channels';
import { strategyTemplatePurposes } from '@saldo/core/strategy';
import type { Clock } from '../../../shared/clock/clock.js';
import type { OrgTemplate, TemplateCatalog, TemplateStore } from '../ports/template-catalog.js';
import { toMessageTemplate, validationError } from './template-checks.js';
import type { EffectiveTemplate } from './template-types.js';

/**
 * Which template a contact renders: the organisation's published template for the debtor's
 * country and locale first, Saldo's built-in default otherwise — and never one lacking content the
 * debtor's country requires while another carries it.
 */

export interface TemplateQuery {
  templateId: string;
  channel: Channel;
  locale: string;
  country?: string;
}

export interface TemplateResolution {
  /** `cached`: the send path may reuse the published set for a few seconds (publishedFor). */
  effective(orgId: string, q: TemplateQuery, cached: boolean): Promise<EffectiveTemplate>;
  catalog: TemplateCatalog;
  /** Forgets an organisation's cached published set: a publish in this process is seen at once. */
  forget(orgId: string): void;
}

/** What a request names, as a purpose and, for an org key or template, that key. */
interface Wanted {
  purpose: TemplatePurpose;
  key?: string;
  builtIn?: MessageTemplate;
}

export function createTemplateResolution(deps: {
  store: TemplateStore;
  clock: Clock;
  builtIns: readonly MessageTemplate[];
}): TemplateResolution {
  const published = publishedReader(deps.store, deps.clock);
  async function effective(orgId: string, q: TemplateQuery, cached: boolean): Promise<EffectiveTemplate> {
    const rows = await published.read(orgId, cached);
    const wanted = await wantedBy(deps, orgId, q.templateId, rows);
    return orgTemplateFor(rows, wanted, q) ?? builtInFor(deps.builtIns, wanted, q);
  }
  return {
    effective,
    catalog: { resolve: async (q) => (await effective(q.orgId, q, true)).template },
    forget: published.forget,
  };
}

/** How long the send path may reuse an organisation's published templates (see publishedReader). */
const PUBLISHED_TTL_MS = 5_000;

/**
 * The send path reads the published set once per few seconds, not once per contact. A publish in
 * this process is seen at once (forget); one in another process within PUBLISHED_TTL_MS (clock time).
 */
function publishedReader(store: TemplateStore, clock: Clock) {
  const cache = new Map<string, { at: number; rows: Promise<OrgTemplate[]> }>();
  return {
    read(orgId: string, cached: boolean): Promise<OrgTemplate[]> {
      if (!cached) return store.published(orgId);
      const now = clock.now().getTime();
      const hit = cache.get(orgId);
      if (hit && now - hit.at < PUBLISHED_TTL_MS && now >= hit.at) return hit.rows;
      const rows = store.published(orgId);
      rows.catch(() => cache.delete(orgId));
      cache.set(orgId, { at: now, rows });
      return rows;
    },
    forget(orgId: string): void {
      cache.delete(orgId);
    },
  };
}

/** An org template (published, or any version by its id), a built-in id, an org key or a strategy reference. */
async function wantedBy(
  deps: { store: TemplateStore; builtIns: readonly MessageTemplate[] },
  orgId: string,
  templateId: string,
  published: readonly OrgTemplate[],
): Promise<Wanted> {
  const builtIn = deps.builtIns.find((t) => t.id === templateId);
  const own =
    published.find((t) => t.id === templateId) ??
    (templateId.startsWith('tpl_org_') ? await deps.store.get(orgId, templateId) : null);
  if (own) return { purpose: own.purpose, key: own.key, ...(builtIn ? { builtIn } : {}) };
  if (builtIn) return { purpose: builtIn.purpose, builtIn };
  const purpose =
    published.find((t) => t.key === templateId)?.purpose ?? strategyTemplatePurposes[templateId];
  if (!purpose)
    throw validationError(`unknown template ${templateId}`, [
      { path: 'templateId', message: 'no such template' },
    ]);
  return { purpose, key: templateId };
}

/** Published rows as core templates, converted once per row so the content verdicts are memoised. */
const asMessageTemplate = new WeakMap<OrgTemplate, MessageTemplate>();
function messageTemplateOf(row: OrgTemplate): MessageTemplate {
  let t = asMessageTemplate.get(row);
  if (!t) asMessageTemplate.set(row, (t = toMessageTemplate(row)));
  return t;
}

/**
 * The org's published template in the debtor's locale order, only for a country it was checked
 * for at publication and whose required content it still carries (the rules may have grown since).
 */
function orgTemplateFor(
  published: readonly OrgTemplate[],
  wanted: Wanted,
  q: TemplateQuery,
): EffectiveTemplate | undefined {
  const country = q.country?.toUpperCase();
  const usable = published.filter(
    (t) =>
      country === undefined ||
      (t.countries.includes(country) && meetsRequiredContent(messageTemplateOf(t), country)),
  );
  for (const c of templateChannelsFor(q.channel)) {
    const rows = usable.filter(
      (t) =>
        t.channel === c && (wanted.key !== undefined ? t.key === wanted.key : t.purpose === wanted.purpose),
    );
    const hit = findTemplate(rows.map(messageTemplateOf), {
      purpose: wanted.purpose,
      channel: c,
      locale: q.locale,
    });
    if (hit) return { source: 'org', template: hit, orgTemplate: rows.find((r) => r.id === hit.id)! };
  }
  return undefined;
}

/** The built-in default: the debtor's locale order, the first one carrying what the country requires. */
function builtInFor(
  builtIns: readonly MessageTemplate[],
  wanted: Wanted,
  q: TemplateQuery,
): EffectiveTemplate {
  const chans = templateChannelsFor(q.channel);
  for (const c of chans) {
    const hit = findTemplate(builtIns, {
      purpose: wanted.purpose,
      channel: c,
      locale: q.locale,
      ...(q.country !== undefined ? { country: q.country } : {}),
    });
    if (hit) return { source: 'default', template: hit };
  }
  if (wanted.builtIn && chans.includes(wanted.builtIn.channel))
    return { source: 'default', template: wanted.builtIn };
  throw validationError(`no ${q.channel} template for ${q.templateId} in ${q.locale}`, [
    { path: 'templateId', message: `not a ${q.channel} template` },
  ]);
}
