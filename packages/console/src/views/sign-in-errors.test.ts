import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../api/client.js';
import { translator } from '../i18n/translate.js';
import { signInError } from './sign-in-errors.js';

type Refused = Extract<ApiResult<unknown>, { ok: false }>;
const refused = (status: number, over: Partial<Refused> = {}): Refused => ({
  ok: false,
  status,
  problem: { status, detail: 'x' },
  retryAfterSeconds: null,
  ...over,
});
const now = new Date('2026-11-24T15:00:00Z');
const en = (r: Refused) => signInError(r, translator('en'), 'en-GB', now);
const es = (r: Refused) => signInError(r, translator('es'), 'es-ES', now);

describe('what a refused sign-in says', () => {
  it('wrong credentials', () => {
    expect(en(refused(401))).toBe('Wrong email or password.');
    expect(es(refused(401))).toBe('Correo o contraseña incorrectos.');
  });

  it('throttled: when to try again, from Retry-After', () => {
    expect(en(refused(429, { retryAfterSeconds: 30 }))).toBe('Too many attempts. Try again in 30 seconds.');
    const later = en(refused(429, { retryAfterSeconds: 900 }));
    expect(later).toMatch(/^Too many attempts\. Try again in 15 minutes, at \d\d:\d\d\.$/);
    const at = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(
      new Date(now.getTime() + 900_000),
    );
    expect(later).toContain(at);
  });

  it('locked until an administrator unlocks (429 without Retry-After)', () => {
    expect(es(refused(429))).toMatch(/bloqueada.*administrador/);
  });

  it('several organisations: asks which one; a malformed slug: says what a slug is', () => {
    const several = refused(400, {
      problem: {
        status: 400,
        detail:
          'this email and password open several organizations: give the organization (its slug) to log in',
        errors: [{ path: 'organization', message: 'required' }],
      },
    });
    expect(en(several)).toMatch(/several organisations/);
    const bad = refused(400, {
      problem: {
        status: 400,
        detail: 'body/organization must match pattern',
        errors: [{ path: 'organization', message: 'x' }],
      },
    });
    expect(en(bad)).toMatch(/short name/);
  });

  it('unreachable, or anything else with the server detail', () => {
    expect(en(refused(0))).toMatch(/could not be reached/);
    expect(en(refused(503, { problem: { status: 503, detail: 'database down' } }))).toBe(
      'Saldo refused the sign-in: database down',
    );
  });
});
