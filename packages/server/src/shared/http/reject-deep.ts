// A JSON body nested thousands of levels deep parses (V8's parser is iterative) but overflows the
// call stack of whatever walks it next — the schema validator, the audit trail's canonical JSON,
// zod — and the stack overflow surfaced as a 500 or 503 (found by the fuzz drill). No Saldo body is
// deeper than a strategy definition; one check at the boundary refuses the rest as a client error.
import type { FastifyRequest } from 'fastify';
import { SaldoError } from '@saldo/core';

/** The deepest nesting of arrays and objects a body may have (a strategy needs about a dozen). */
export const MAX_BODY_DEPTH = 64;

/** Whether a parsed value nests deeper than `max`. Iterative: it cannot overflow itself. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth + 1 > max) return true;
    for (const item of Array.isArray(v) ? v : Object.values(v)) stack.push([item, depth + 1]);
  }
  return false;
}

/** `preValidation` hook: a body nested deeper than MAX_BODY_DEPTH is a 400, before anything walks it. */
export async function rejectDeepBodies(req: FastifyRequest): Promise<void> {
  if (!nestsDeeperThan(req.body, MAX_BODY_DEPTH)) return;
  throw new SaldoError('validation', `the body is nested deeper than ${MAX_BODY_DEPTH} levels`, [
    { path: '(root)', message: `nested deeper than ${MAX_BODY_DEPTH} levels` },
  ]);
}
