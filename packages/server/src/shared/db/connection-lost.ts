/**
 * Whether a database error means the server could not be reached or the connection was lost
 * (a restart, a crash, a network cut) — as opposed to an error about the statement itself. Such a
 * statement did not run, or its transaction was rolled back, unless the connection broke while a
 * COMMIT's answer was on its way: writes retried after it must be idempotent.
 */
export function isConnectionLost(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  // SQLSTATE class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, starting up).
  if (/^08/.test(code) || ['57P01', '57P02', '57P03'].includes(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND'].includes(code)) return true;
  const message = typeof err?.message === 'string' ? err.message : '';
  return /Connection terminated|Client has encountered a connection error|not queryable/i.test(message);
}
