/** What the audit page shows: the filters and where the page starts, kept in the address. */
export interface AuditQuery {
  fromSeq: number;
  action: string;
  actorId: string;
}

export const PAGE_SIZE = 50;

/** The query of an address (`?fromSeq=51&action=POST%20/v1/users`); anything unreadable is the default. */
export function readQuery(search: string): AuditQuery {
  const p = new URLSearchParams(search);
  const from = Number(p.get('fromSeq'));
  return {
    fromSeq: Number.isInteger(from) && from >= 1 ? from : 1,
    action: (p.get('action') ?? '').trim(),
    actorId: (p.get('actorId') ?? '').trim(),
  };
}

/** The address's search part for a query (defaults left out). */
export function searchOf(q: AuditQuery): string {
  const p = new URLSearchParams();
  if (q.fromSeq > 1) p.set('fromSeq', String(q.fromSeq));
  if (q.action) p.set('action', q.action);
  if (q.actorId) p.set('actorId', q.actorId);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The API request for a query: GET /v1/audit with the same filters. */
export function apiPathOf(q: AuditQuery): string {
  const p = new URLSearchParams({ fromSeq: String(q.fromSeq), limit: String(PAGE_SIZE) });
  if (q.action) p.set('action', q.action);
  if (q.actorId) p.set('actorId', q.actorId);
  return `/v1/audit?${p.toString()}`;
}
