import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from '../../../shared/http/problem.js';

/**
 * A `preValidation` hook that refuses money fields which are not JSON integers of minor units.
 * It runs on the body as parsed, before schema validation: the HTTP app's validator coerces types
 * (`"100"` → 100, `true` → 1, `[5]` → 5), and a payment must never mean something other than what
 * was sent. Integers past 2^53 − 1 are refused too: JSON.parse has already rounded them.
 */
export function strictMinorUnits(fields: readonly string[]) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const body = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return; // the schema answers that
    for (const field of fields) {
      if (!(field in body)) continue; // a missing field is the schema's to report
      const v = (body as Record<string, unknown>)[field];
      if (typeof v === 'number' && Number.isSafeInteger(v)) continue;
      const why = `must be a JSON integer of minor units, e.g. 27500 for 275.00 (got ${describe(v)})`;
      await sendProblem(reply, problem(400, `${field} ${why}`, [{ path: field, message: why }]));
      return;
    }
  };
}

function describe(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? `${v}, beyond 2^53 - 1` : `${v}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.slice(0, 40))}`;
  if (Array.isArray(v)) return 'an array';
  return v === null ? 'null' : typeof v;
}
