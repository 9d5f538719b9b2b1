import type { FastifyInstance } from 'fastify';
import { SaldoError } from '@saldo/core';
import { channels, templatePurposes, type Channel } from '@saldo/core/channels';
import { ALL_ROLES } from '../../../shared/http/route-kit.js';
import { principal } from '../../../shared/http/route-kit.js';
import {
  settingsProviders,
  type ChannelSettingsAdmin,
  type SettingsProvider,
} from '../usecases/channel-settings.js';
import type { PreviewSample, TemplateInput, Templates, TemplateUpdate } from '../usecases/templates.js';
import type { OrgTemplateStatus } from '../ports/template-catalog.js';

/** What the channel administration routes need (compose-channels' `admin`). */
export interface ChannelAdminRouteDeps {
  templates: Templates;
  settings: ChannelSettingsAdmin;
  /** Process-wide DeliveryMetrics counters; shown to the operator (default) organisation only. */
  metrics?: {
    snapshot(): { provider: string; channel: string; metric: string; value: number }[];
    operatorOrgId: string;
  };
}

const WRITE = ['admin', 'strategist'] as const;
const ADMIN = ['admin'] as const;

const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^tpl_[A-Za-z0-9_-]{1,100}$' } },
} as const;
const providerParam = {
  type: 'object',
  required: ['provider'],
  properties: { provider: { type: 'string', enum: [...settingsProviders] } },
} as const;
const locale = { type: 'string', pattern: '^(es|en)(-[A-Z]{2})?$' } as const;
const countries = {
  type: 'array',
  minItems: 1,
  maxItems: 50,
  items: { type: 'string', pattern: '^[A-Z]{2}$' },
} as const;
const nullableString = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;
const editable = {
  purpose: { type: 'string', enum: [...templatePurposes] },
  subject: nullableString(200),
  body: { type: 'string', minLength: 1, maxLength: 20_000 },
  html: nullableString(100_000),
  whatsapp: {
    type: ['object', 'null'],
    description:
      'WhatsApp template fields: name, language, category, header, footer, buttons, status, twilioContentSid (the Twilio Content SID HX…, for sends through Twilio outside the 24-hour window)',
  },
  voice: {
    type: ['object', 'null'],
    description:
      'Prompts of a scripted call: identity, wrongPerson, menu, transferring, linkSent, noInput, goodbye',
  },
  countries,
} as const;
/** Optional: a POST without a body previews with the default sample values. */
const sampleBody = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    firstName: { type: 'string', maxLength: 100 },
    lastName: { type: 'string', maxLength: 100 },
    amountMinor: { type: 'integer', minimum: 0 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    dueDate: { type: 'string', maxLength: 40 },
    creditorName: { type: 'string', maxLength: 200 },
    collectorName: { type: 'string', maxLength: 200 },
    agentName: { type: 'string', maxLength: 100 },
    callbackNumber: { type: 'string', maxLength: 40 },
    paymentLink: { type: 'string', maxLength: 2000 },
  },
} as const;

export default async function channelAdminRoutes(app: FastifyInstance, deps: ChannelAdminRouteDeps) {
  const t = deps.templates;

  // ── Templates ────────────────────────────────────────────────────────────────────────────────
  app.get<{ Querystring: { key?: string; channel?: Channel; locale?: string; status?: OrgTemplateStatus } }>(
    '/v1/channels/templates',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['templates'],
        summary: "The organisation's templates, every version (filter by key, channel, locale, status)",
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            key: { type: 'string', pattern: '^[a-z0-9_]{1,64}$' },
            channel: { type: 'string', enum: [...channels] },
            locale,
            status: { type: 'string', enum: ['draft', 'published', 'superseded'] },
          },
        },
      },
    },
    async (req) => ({ items: await t.list(principal(req).orgId, req.query) }),
  );

  app.get(
    '/v1/channels/templates/defaults',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['templates'],
        summary: 'The built-in default templates (read-only; used when the organisation has published none)',
      },
    },
    async () => ({ items: t.builtIn() }),
  );

  app.get<{ Querystring: { key: string; channel: Channel; locale: string; country?: string } }>(
    '/v1/channels/templates/effective',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['templates'],
        summary:
          "The template a contact renders for (key, channel, locale[, country]): the organisation's published one, else the built-in default",
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['key', 'channel', 'locale'],
          properties: {
            key: { type: 'string', minLength: 1, maxLength: 120 },
            channel: { type: 'string', enum: [...channels] },
            locale,
            country: { type: 'string', pattern: '^[A-Z]{2}$' },
          },
        },
      },
    },
    async (req) => t.effective(principal(req).orgId, req.query),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/channels/templates/:id',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['templates'],
        summary:
          'One template version with its checks (content each target country still lacks, SMS segments, WhatsApp body)',
        params: idParam,
      },
    },
    async (req) => {
      const builtIn = t.builtIn().find((b) => b.id === req.params.id);
      return builtIn ? { template: builtIn, builtIn: true } : t.get(principal(req).orgId, req.params.id);
    },
  );

  app.post<{ Body: TemplateInput }>(
    '/v1/channels/templates',
    {
      config: { roles: WRITE },
      schema: {
        tags: ['templates'],
        summary:
          'Save a draft as the next version of (key, channel, locale); 400 with every syntax error and its position',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['key', 'channel', 'locale', 'body'],
          properties: {
            key: { type: 'string', pattern: '^[a-z0-9_]{1,64}$' },
            channel: { type: 'string', enum: [...channels] },
            locale,
            ...editable,
          },
        },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const saved = await t.createDraft(p.orgId, req.body, `${p.kind}:${p.subjectId}`);
      reply.code(201);
      return saved;
    },
  );

  app.patch<{ Params: { id: string }; Body: TemplateUpdate }>(
    '/v1/channels/templates/:id',
    {
      config: { roles: WRITE },
      schema: {
        tags: ['templates'],
        summary: 'Change a draft (a published version is never edited: save a new draft)',
        params: idParam,
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: editable },
      },
    },
    async (req) => t.updateDraft(principal(req).orgId, req.params.id, req.body),
  );

  app.post<{ Params: { id: string } }>(
    '/v1/channels/templates/:id/publish',
    {
      config: { roles: WRITE },
      schema: {
        tags: ['templates'],
        summary:
          'Publish a draft; refused (400) with each missing element, its rule and citation, when a target country requires content it lacks',
        params: idParam,
      },
    },
    async (req) => t.publish(principal(req).orgId, req.params.id),
  );

  app.post<{ Params: { id: string }; Body: PreviewSample | null | undefined }>(
    '/v1/channels/templates/:id/preview',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['templates'],
        summary:
          'Render a template with sample values: text, subject, HTML, WhatsApp parameters, SMS segments and encoding',
        params: idParam,
        body: sampleBody,
      },
    },
    async (req) => t.preview(principal(req).orgId, req.params.id, req.body ?? {}),
  );

  // ── Provider settings ────────────────────────────────────────────────────────────────────────
  app.get(
    '/v1/channels/settings',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['channel settings'],
        summary: 'Which providers are configured; non-secret fields only, secrets as their last 4 characters',
      },
    },
    async (req) => deps.settings.list(principal(req).orgId),
  );

  app.put<{ Params: { provider: SettingsProvider }; Body: Record<string, unknown> }>(
    '/v1/channels/settings/:provider',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['channel settings'],
        summary:
          "Store one provider's settings (secrets encrypted at rest; an omitted secret keeps the stored one)",
        params: providerParam,
        body: {
          type: 'object',
          maxProperties: 20,
          additionalProperties: { type: 'string', maxLength: 2000 },
        },
      },
    },
    async (req) => deps.settings.put(principal(req).orgId, req.params.provider, req.body),
  );

  app.delete<{ Params: { provider: SettingsProvider } }>(
    '/v1/channels/settings/:provider',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['channel settings'],
        summary: "Remove one provider's settings (its channels go back to the sandbox)",
        params: providerParam,
      },
    },
    async (req) => deps.settings.remove(principal(req).orgId, req.params.provider),
  );

  // ── Delivery metrics ─────────────────────────────────────────────────────────────────────────
  app.get(
    '/v1/channels/metrics',
    {
      config: { roles: ['admin', 'compliance'] },
      schema: {
        tags: ['channel settings'],
        summary:
          'Delivery counters per provider and channel since the process started (operator organisation only: they span every organisation)',
      },
    },
    async (req) => {
      const m = deps.metrics;
      if (!m) throw new SaldoError('unavailable', 'delivery metrics are not available in this process');
      if (principal(req).orgId !== m.operatorOrgId)
        throw new SaldoError(
          'forbidden',
          'delivery metrics span every organisation of the deployment: only the operator (default) organisation may read them',
        );
      const items = m
        .snapshot()
        .sort(
          (a, b) =>
            a.provider.localeCompare(b.provider) ||
            a.channel.localeCompare(b.channel) ||
            a.metric.localeCompare(b.metric),
        );
      return { scope: 'process', items };
    },
  );
}
