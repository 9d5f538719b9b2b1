import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OrgInboundEvent, WebhookRequest, WebhookVerdict } from '../ports/channel-provider.js';
import type { WebhookRouteDeps } from './webhook-routes.js';

export type WebhookLog = (
  req: FastifyRequest,
  level: 'warn' | 'error',
  msg: string,
  data: Record<string, unknown>,
) => void;

/** What every webhook and tracking route shares: logging, the request view, store-before-ack. */
export interface WebhookIntake {
  log: WebhookLog;
  /** Stores the events (503 if storage fails, so the provider retries), then schedules processing. */
  storeThen(
    req: FastifyRequest,
    reply: FastifyReply,
    verdict: WebhookVerdict,
    respond: (events: OrgInboundEvent[]) => Promise<void>,
  ): Promise<void>;
}

/** A form or query object as single string values (the first of repeated fields). */
export function flat(o: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (o && typeof o === 'object')
    for (const [k, v] of Object.entries(o)) out[k] = Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '');
  return out;
}

/** The provider-neutral view of a request that the signature checks read. */
export function toWebhookRequest(req: FastifyRequest, params: Record<string, string>): WebhookRequest {
  return {
    url: req.url,
    headers: req.headers,
    params,
    ...(typeof req.body === 'string' ? { rawBody: req.body } : {}),
  };
}

export function createWebhookIntake(deps: Pick<WebhookRouteDeps, 'inbound' | 'log'>): WebhookIntake {
  const log: WebhookLog = (req, level, msg, data) =>
    deps.log ? deps.log(level, msg, data) : req.log[level](data, msg);
  return {
    log,
    async storeThen(req, reply, verdict, respond) {
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
    },
  };
}
