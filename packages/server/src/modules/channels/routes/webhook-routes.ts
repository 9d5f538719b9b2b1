import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import type {
  ChannelWebhooks,
  EmailTracking,
  OrgInboundEvent,
  WebhookRequest,
  WebhookVerdict,
} from '../ports/channel-provider.js';
import type { ReceiveInbound } from '../usecases/receive-inbound.js';
import { bodyLimits } from '../../../shared/http/route-kit.js';

/**
 * Provider webhooks and email tracking. Public routes: they authenticate by signature (Twilio
 * `X-Twilio-Signature` over SALDO_PUBLIC_URL + path with the organisation's auth token; Meta
 * `X-Hub-Signature-256` over the raw body with the app secret). Anything unsigned or mis-signed
 * gets 403 and is logged. Order: verify → store durably → acknowledge → record the event's facts
 * and domain events in the background (failures are retried by `processPending`, nothing is
 * dropped). Reading replies and moving journeys is the worker's job, never the request's.
 */
export interface WebhookRouteDeps {
  webhooks: ChannelWebhooks;
  inbound: ReceiveInbound;
  tracking?: EmailTracking;
  /** Rejections and background failures; defaults to the request logger. */
  log?: (level: 'warn' | 'error', msg: string, data: Record<string, unknown>) => void;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function flat(o: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (o && typeof o === 'object')
    for (const [k, v] of Object.entries(o)) out[k] = Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '');
  return out;
}

export default async function webhookRoutes(app: FastifyInstance, deps: WebhookRouteDeps): Promise<void> {
  await app.register(formbody);
  // Meta signs the exact bytes: keep the JSON body as a string and parse it after verification.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  const log = (req: FastifyRequest, level: 'warn' | 'error', msg: string, data: Record<string, unknown>) =>
    deps.log ? deps.log(level, msg, data) : req.log[level](data, msg);

  const toRequest = (req: FastifyRequest, params: Record<string, string>): WebhookRequest => ({
    url: req.url,
    headers: req.headers,
    params,
    ...(typeof req.body === 'string' ? { rawBody: req.body } : {}),
  });

  /** Stores the events (503 if storage fails, so the provider retries), then schedules processing. */
  async function storeThen(
    req: FastifyRequest,
    reply: FastifyReply,
    verdict: WebhookVerdict,
    respond: (events: OrgInboundEvent[]) => Promise<void>,
  ): Promise<void> {
    if (!verdict.ok) {
      log(req, 'warn', 'webhook rejected', {
        path: req.url.split('?')[0],
        reason: verdict.reason,
        ip: req.ip,
      });
      await reply.code(403).type('text/plain').send('forbidden');
      return;
    }
    let ids: string[];
    try {
      ids = (await deps.inbound.store(verdict.events)).ids;
    } catch (e) {
      log(req, 'error', 'webhook storage failed; provider will retry', { error: String(e) });
      await reply.code(503).send('unavailable');
      return;
    }
    await respond(verdict.events);
    setImmediate(() => {
      for (const id of ids)
        deps.inbound
          .process(id)
          .catch((e: unknown) =>
            log(req, 'error', 'inbound processing failed; will retry', { id, error: String(e) }),
          );
    });
  }

  const twilioSchema = (summary: string) => ({ tags: ['webhooks'], summary, security: [] });

  app.post(
    '/v1/webhooks/twilio/messages',
    {
      config: { public: true },
      bodyLimit: bodyLimits.public,
      schema: twilioSchema('Twilio inbound SMS and WhatsApp (signed)'),
    },
    async (req, reply) => {
      const params = flat(req.body);
      await storeThen(
        req,
        reply,
        await deps.webhooks.twilio('messages', toRequest(req, params)),
        async () => {
          await reply.type('text/xml').send(EMPTY_TWIML);
        },
      );
    },
  );

  app.post(
    '/v1/webhooks/twilio/status',
    {
      config: { public: true },
      bodyLimit: bodyLimits.public,
      schema: twilioSchema('Twilio message and call status callbacks (signed)'),
    },
    async (req, reply) => {
      const params = flat(req.body);
      await storeThen(req, reply, await deps.webhooks.twilio('status', toRequest(req, params)), async () => {
        await reply.code(204).send();
      });
    },
  );

  app.post(
    '/v1/webhooks/twilio/voice',
    {
      config: { public: true },
      bodyLimit: bodyLimits.public,
      schema: twilioSchema('Twilio voice turns: answers with TwiML (signed)'),
    },
    async (req, reply) => {
      const params = flat(req.body);
      const r = toRequest(req, params);
      const verdict = await deps.webhooks.twilio('voice', r);
      await storeThen(req, reply, verdict, async (events) => {
        const twiml = verdict.ok
          ? await deps.webhooks.voiceResponse(verdict.orgId, events[0], r)
          : EMPTY_TWIML;
        await reply.type('text/xml').send(twiml);
      });
    },
  );

  app.get(
    '/v1/webhooks/whatsapp',
    {
      config: { public: true },
      schema: { tags: ['webhooks'], summary: 'Meta webhook verification handshake', security: [] },
    },
    async (req, reply) => {
      const challenge = await deps.webhooks.metaHandshake(flat(req.query));
      if (challenge === null) {
        log(req, 'warn', 'webhook rejected', {
          path: '/v1/webhooks/whatsapp',
          reason: 'handshake: bad mode or verify token',
          ip: req.ip,
        });
        return reply.code(403).type('text/plain').send('forbidden');
      }
      return reply.type('text/plain').send(challenge);
    },
  );

  app.post(
    '/v1/webhooks/whatsapp',
    {
      config: { public: true },
      bodyLimit: bodyLimits.metaWebhook,
      schema: {
        tags: ['webhooks'],
        summary: 'Meta WhatsApp Cloud API messages and statuses (signed)',
        security: [],
      },
    },
    async (req, reply) => {
      await storeThen(req, reply, await deps.webhooks.meta(toRequest(req, {})), async () => {
        await reply.code(200).send('ok');
      });
    },
  );

  const tracking = deps.tracking;
  if (!tracking) return;

  app.get<{ Querystring: { t?: string } }>(
    '/v1/track/open.gif',
    {
      config: { public: true },
      schema: { tags: ['webhooks'], summary: 'Email open pixel (signed token)', security: [] },
    },
    async (req, reply) => {
      const event = tracking.open(req.query.t ?? '');
      // The pixel is served either way; only a valid signature is recorded.
      if (event)
        await deps.inbound
          .store([event])
          .then(({ ids }) =>
            setImmediate(() => ids.forEach((id) => void deps.inbound.process(id).catch(() => {}))),
          )
          .catch((e: unknown) => log(req, 'error', 'open not stored', { error: String(e) }));
      // Mail clients embed the pixel from their own origin: allow that (the default is same-origin).
      return reply
        .header('cache-control', 'no-store, max-age=0')
        .header('cross-origin-resource-policy', 'cross-origin')
        .type('image/gif')
        .send(PIXEL);
    },
  );

  app.get<{ Querystring: { t?: string } }>(
    '/v1/track/click',
    {
      config: { public: true },
      schema: { tags: ['webhooks'], summary: 'Email click redirect (signed token)', security: [] },
    },
    async (req, reply) => {
      const hit = tracking.click(req.query.t ?? '');
      if (!hit) {
        log(req, 'warn', 'tracking link rejected', { reason: 'invalid signature' });
        return reply.code(404).type('text/plain').send('link not found');
      }
      await deps.inbound
        .store([hit.event])
        .then(({ ids }) =>
          setImmediate(() => ids.forEach((id) => void deps.inbound.process(id).catch(() => {}))),
        )
        .catch((e: unknown) => log(req, 'error', 'click not stored', { error: String(e) }));
      return reply.redirect(hit.url, 302);
    },
  );
}
