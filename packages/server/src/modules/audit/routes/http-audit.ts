import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SaldoError } from '@saldo/core';
import type { AuditTrail } from '../usecases/audit-trail.js';

/**
 * What the HTTP app records: every authenticated request that changes something (POST, PUT, PATCH,
 * DELETE, unless its route says `audit: false`: a check or a parse changes nothing) and every read
 * whose route says `audit: true` (exports). The `requested` entry is written BEFORE the handler
 * runs — if it cannot be written, the change is refused — and a second entry records the outcome,
 * so no change is ever made without a trace, and a crash leaves a `requested` with no outcome. The
 * outcome is written before the answer is sent.
 */
export interface HttpAuditHooks {
  preHandler(req: FastifyRequest, reply: FastifyReply): Promise<void>;
  onSend<P>(req: FastifyRequest, reply: FastifyReply, payload: P): Promise<P>;
}

const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Field names whose values are never written to the trail. */
const SECRET_FIELD = /pass(word)?|secret|token|api_?key|private|signature|credential/i;
/** Resources holding debtors' personal data: only the names of the fields sent are kept. */
const PERSONAL_PATHS = /^\/v1\/(debtors|accounts|payments|imports|conversations|portal)\b/;
/** Bodies above this are kept as a digest (imports, batches). */
const MAX_DETAIL_BYTES = 16 * 1024;

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '[redacted]' : redact(v)]),
    );
  return value;
}

function describeBody(path: string, body: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  const json = typeof body === 'string' || Buffer.isBuffer(body) ? String(body) : JSON.stringify(body);
  const digest = { sha256: createHash('sha256').update(json).digest('hex'), bytes: Buffer.byteLength(json) };
  if (Buffer.byteLength(json) > MAX_DETAIL_BYTES || typeof body !== 'object') return digest;
  if (PERSONAL_PATHS.test(path))
    return { ...digest, fields: Array.isArray(body) ? [`${body.length} items`] : Object.keys(body) };
  return redact(body);
}

function audited(req: FastifyRequest): boolean {
  if (!req.auth) return false;
  const flag = (req.routeOptions.config as { audit?: boolean } | undefined)?.audit;
  return flag ?? CHANGING.has(req.method);
}

export function httpAuditHooks(trail: AuditTrail): HttpAuditHooks {
  const requested = new WeakMap<FastifyRequest, number>();
  const actorOf = (req: FastifyRequest) => ({
    kind: req.auth!.kind,
    id: req.auth!.subjectId,
    role: req.auth!.role,
  });
  const action = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url ?? req.url}`;
  const path = (req: FastifyRequest) => req.url.split('?')[0] ?? req.url;

  return {
    async preHandler(req) {
      if (!audited(req)) return;
      const detail: Record<string, unknown> = { requestId: req.id, ip: req.ip };
      const query = req.query as Record<string, unknown> | undefined;
      if (query && Object.keys(query).length > 0) detail.query = redact(query);
      const body = describeBody(path(req), req.body);
      if (body !== undefined) detail.body = body;
      try {
        const entry = await trail.record({
          orgId: req.auth!.orgId,
          actor: actorOf(req),
          action: action(req),
          target: path(req),
          outcome: 'requested',
          detail,
        });
        requested.set(req, entry.seq);
      } catch (err) {
        req.log.error({ err }, 'audit trail unavailable');
        throw new SaldoError('unavailable', 'the audit trail cannot be written: nothing was changed');
      }
    },

    // Before the answer leaves: a client that saw the answer finds the outcome in the trail.
    async onSend(req, reply, payload) {
      const seq = requested.get(req);
      if (seq === undefined) return payload;
      requested.delete(req);
      const ok = reply.statusCode < 400;
      try {
        await trail.record({
          orgId: req.auth!.orgId,
          actor: actorOf(req),
          action: action(req),
          target: path(req),
          outcome: `${ok ? 'completed' : 'failed'} ${reply.statusCode}`,
          detail: { requested: seq, requestId: req.id },
        });
      } catch (err) {
        // The change is made: the answer goes out, and the `requested` entry stays as its trace.
        req.log.error({ err, seq }, 'audit outcome not recorded');
      }
      return payload;
    },
  };
}
