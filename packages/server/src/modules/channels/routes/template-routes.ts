import type { FastifyInstance } from 'fastify';
import type { Channel } from '@saldo/core/channels';
import { ALL_ROLES, principal } from '../../../shared/http/route-kit.js';
import type { OrgTemplateStatus } from '../ports/template-catalog.js';
import type { PreviewSample, TemplateInput, Templates, TemplateUpdate } from '../usecases/templates.js';
import {
  draftPatchBody,
  effectiveTemplateQuery,
  newDraftBody,
  previewSampleBody,
  templateIdParam,
  templateListQuery,
} from './template-route-schemas.js';

const WRITE = ['admin', 'strategist'] as const;

/** `/v1/channels/templates*`: read every version, the built-ins and the effective one. */
export async function templateReadRoutes(app: FastifyInstance, t: Templates) {
  app.get<{ Querystring: { key?: string; channel?: Channel; locale?: string; status?: OrgTemplateStatus } }>(
    '/v1/channels/templates',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['templates'],
        summary: "The organisation's templates, every version (filter by key, channel, locale, status)",
        querystring: templateListQuery,
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
        querystring: effectiveTemplateQuery,
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
        params: templateIdParam,
      },
    },
    async (req) => {
      const builtIn = t.builtIn().find((b) => b.id === req.params.id);
      return builtIn ? { template: builtIn, builtIn: true } : t.get(principal(req).orgId, req.params.id);
    },
  );
}

/** Drafts, publication and preview. */
export async function templateWriteRoutes(app: FastifyInstance, t: Templates) {
  app.post<{ Body: TemplateInput }>(
    '/v1/channels/templates',
    {
      config: { roles: WRITE },
      schema: {
        tags: ['templates'],
        summary:
          'Save a draft as the next version of (key, channel, locale); 400 with every syntax error and its position',
        body: newDraftBody,
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
        params: templateIdParam,
        body: draftPatchBody,
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
        params: templateIdParam,
      },
    },
    async (req) => t.publish(principal(req).orgId, req.params.id),
  );

  app.post<{ Params: { id: string }; Body: PreviewSample | null | undefined }>(
    '/v1/channels/templates/:id/preview',
    {
      config: { roles: ALL_ROLES, audit: false },
      schema: {
        tags: ['templates'],
        summary:
          'Render a template with sample values: text, subject, HTML, WhatsApp parameters, SMS segments and encoding',
        params: templateIdParam,
        body: previewSampleBody,
      },
    },
    async (req) => t.preview(principal(req).orgId, req.params.id, req.body ?? {}),
  );
}
