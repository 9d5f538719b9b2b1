import type { Problem } from './types.js';

/** An answer of the API: its body, or the problem it reported (network failures: status 0). */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; problem: Problem; retryAfterSeconds: number | null };

function retryAfter(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header);
}

async function problemOf(res: Response): Promise<Problem> {
  try {
    const body = (await res.json()) as Partial<Problem>;
    return { ...body, status: res.status };
  } catch {
    return { status: res.status, detail: res.statusText };
  }
}

/**
 * Calls the API on the console's own origin. The session is the httpOnly cookie the login set:
 * the console never sees the token.
 */
export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (err) {
    return { ok: false, status: 0, problem: { status: 0, detail: String(err) }, retryAfterSeconds: null };
  }
  if (!res.ok)
    return {
      ok: false,
      status: res.status,
      problem: await problemOf(res),
      retryAfterSeconds: retryAfter(res.headers.get('retry-after')),
    };
  const data = (res.status === 204 ? null : await res.json()) as T;
  return { ok: true, status: res.status, data };
}
