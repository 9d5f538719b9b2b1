import type { ApiResult } from '../api/client.js';
import { formatTimeOfDay, type Translate } from '../i18n/translate.js';

/**
 * What a refused sign-in tells the person: wrong credentials, throttled (when to try again, from
 * Retry-After), locked, which organisation, or Saldo unreachable. `now` is the browser's clock.
 */
export function signInError(
  res: Extract<ApiResult<unknown>, { ok: false }>,
  t: Translate,
  intl: string,
  now: Date,
): string {
  if (res.status === 0) return t('app.unreachable');
  if (res.status === 401) return t('signIn.wrong');
  if (res.status === 429) {
    const s = res.retryAfterSeconds;
    if (s === null) return t('signIn.locked');
    if (s < 120) return t('signIn.throttledSeconds', { seconds: s });
    const at = new Date(now.getTime() + s * 1000);
    return t('signIn.throttled', { minutes: Math.ceil(s / 60), time: formatTimeOfDay(at, intl) });
  }
  if (res.status === 400) {
    const paths = res.problem.errors?.map((e) => e.path) ?? [];
    const aboutOrganization =
      paths.some((p) => p.includes('organization')) || /organization/.test(res.problem.detail ?? '');
    if (aboutOrganization)
      return /several/.test(res.problem.detail ?? '')
        ? t('signIn.needsOrganization')
        : t('signIn.badOrganization');
  }
  return t('signIn.refused', { detail: res.problem.detail ?? res.problem.title ?? String(res.status) });
}
