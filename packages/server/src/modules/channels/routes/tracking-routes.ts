import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmailTracking, OrgInboundEvent } from '../ports/channel-provider.js';
import type { ReceiveInbound } from '../usecases/receive-inbound.js';
import type { WebhookLog } from './webhook-intake.js';

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** `/v1/track/*`: email opens and clicks, recorded only with a valid signed token. */
export async function trackingRoutes(
  app: FastifyInstance,
  tracking: EmailTracking,
  inbound: ReceiveInbound,
  log: WebhookLog,
) {
  /** Stores a tracking event and processes it in the background; a failure is logged, never shown. */
  const record = (req: FastifyRequest, event: OrgInboundEvent, failure: string) =>
    inbound
      .store([event])
      .then(({ ids }) => setImmediate(() => ids.forEach((id) => void inbound.process(id).catch(() => {}))))
      .catch((e: unknown) => log(req, 'error', failure, { error: String(e) }));

  app.get<{ Querystring: { t?: string } }>(
    '/v1/track/open.gif',
    {
      config: { public: true },
      schema: { tags: ['webhooks'], summary: 'Email open pixel (signed token)', security: [] },
    },
    async (req, reply) => {
      const event = tracking.open(req.query.t ?? '');
      // The pixel is served either way; only a valid signature is recorded.
      if (event) await record(req, event, 'open not stored');
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
      await record(req, hit.event, 'click not stored');
      return reply.redirect(hit.url, 302);
    },
  );
}
