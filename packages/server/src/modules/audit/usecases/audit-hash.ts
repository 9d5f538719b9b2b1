import { createHash } from 'node:crypto';
import type { AuditActor } from '../ports.js';

/** JSON with object keys sorted at every level, so that equal details hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

export interface HashedFields {
  orgId: string;
  seq: number;
  at: string;
  actor: AuditActor;
  action: string;
  target: string;
  outcome: string;
  detail: string;
  prevHash: string;
}

/**
 * SHA-256 over every stored field and the previous entry's hash: changing any field of any entry,
 * or removing or inserting one, changes every hash after it.
 */
export function entryHash(e: HashedFields): string {
  const fields = [
    e.prevHash,
    e.orgId,
    e.seq,
    e.at,
    e.actor.kind,
    e.actor.id,
    e.actor.role ?? null,
    e.action,
    e.target,
    e.outcome,
    e.detail,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
