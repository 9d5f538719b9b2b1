// PostgreSQL cannot store U+0000 in text or jsonb: a NUL that reaches a query is a database error
// (500). One check at the boundary, for every route, turns it into the client error it is.
import type { FastifyRequest } from 'fastify';
import { SaldoError } from '@saldo/core';

const NUL = '\u0000';
/** The JSON escape of NUL, for raw JSON bodies kept as text (signed webhooks). */
const ESCAPED_NUL = /\\u0000/i;

/**
 * Whether a parsed value holds a NUL in a string or a field name. Lean on purpose (no paths, no
 * allocation but the stack): it runs on every body, up to the largest limit. Iterative, so a deeply
 * nested hostile body cannot overflow the call stack.
 */
function holdsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes(NUL)) return true;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const o = v as Record<string, unknown>;
      for (const k in o) {
        if (k.includes(NUL)) return true;
        stack.push(o[k]);
      }
    }
  }
  return false;
}

/** The dotted path of the first string or field name holding a NUL, or null. */
export function findNul(value: unknown, root: string): string | null {
  if (!holdsNul(value)) return null;
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes(NUL)) return path;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, `${path}.${i}`]));
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, item] of Object.entries(v)) {
        if (k.includes(NUL)) return `${path} (a field name)`;
        stack.push([item, `${path}.${k}`]);
      }
    }
  }
  return root;
}

/**
 * `preValidation` hook: refuses a NUL in the path parameters, the query string or the body with a
 * 400 naming where it is. Runs before schema and zod validation, so the answer is the same for every
 * route. CSV uploads (Buffers) are left to the import, whose encodings may legitimately hold 0x00.
 */
export async function rejectNul(req: FastifyRequest): Promise<void> {
  const raw = typeof req.body === 'string' && ESCAPED_NUL.test(req.body) ? 'body' : null;
  const at = findNul(req.params, 'path') ?? findNul(req.query, 'query') ?? findNul(req.body, 'body') ?? raw;
  if (at === null) return;
  const path = at.replace(/^(path|query|body)\.?/, '') || at;
  throw new SaldoError('validation', `${at} contains a NUL character (U+0000), which is not accepted`, [
    { path, message: 'contains a NUL character' },
  ]);
}
