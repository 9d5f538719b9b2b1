import { describe, expect, it } from 'vitest';
import { noAnswerFailure, retryAfterMs } from './provider-failures.js';
import { smtpFailure } from './smtp-email.js';
import { twilioFailure } from './twilio-messaging.js';

describe('no answer from a provider', () => {
  const code = (c: string) => Object.assign(new Error(c), { code: c });

  it('never reaching it is a plain retryable error; a timeout or reset is an unknown outcome', () => {
    expect(noAnswerFailure(code('ECONNREFUSED'), 'x', false)).toMatchObject({
      reason: 'provider_error',
      retryable: true,
    });
    for (const c of ['ECONNABORTED', 'ETIMEDOUT', 'ECONNRESET', 'UND_ERR_SOCKET'])
      expect(noAnswerFailure(code(c), 'x', false)).toMatchObject({
        reason: 'outcome_unknown',
        retryable: false,
      });
    // fetch wraps the network error as its cause
    const wrapped = Object.assign(new TypeError('fetch failed'), { cause: code('ECONNRESET') });
    expect(noAnswerFailure(wrapped, 'x', true)).toMatchObject({ reason: 'outcome_unknown', retryable: true });
  });

  it('Twilio: an answer decides by status (Retry-After kept); no answer is unknown, retried after a lookup', () => {
    expect(
      twilioFailure({ status: 503, code: 20503, retryAfter: '120' }, { unknownRetryable: true }),
    ).toMatchObject({
      reason: 'provider_error',
      retryable: true,
      retryAfterMs: 120_000,
    });
    expect(twilioFailure(code('ECONNABORTED'), { unknownRetryable: true })).toMatchObject({
      reason: 'outcome_unknown',
      retryable: true,
    });
  });

  it('SMTP: no greeting sent nothing; a socket timeout or our deadline after it is unknown', () => {
    const greeting = Object.assign(new Error('Greeting never received'), {
      code: 'ETIMEDOUT',
      command: 'CONN',
      timeoutType: 'GREETING_TIMEOUT',
    });
    expect(smtpFailure(greeting)).toMatchObject({ reason: 'provider_error', retryable: true });
    const socket = Object.assign(new Error('Timeout'), {
      code: 'ETIMEDOUT',
      command: 'CONN',
      timeoutType: 'SOCKET_TIMEOUT',
    });
    expect(smtpFailure(socket)).toMatchObject({ reason: 'outcome_unknown', retryable: true });
    expect(smtpFailure(Object.assign(new Error('aborted'), { code: 'EABORT' }))).toMatchObject({
      reason: 'outcome_unknown',
    });
    expect(smtpFailure({ responseCode: 451, message: 'try later' })).toMatchObject({ retryable: true });
  });

  it('Retry-After: seconds, or a date from our clock', () => {
    const now = new Date('2026-11-24T15:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 24 Nov 2026 15:02:00 GMT', now)).toBe(120_000);
    expect(retryAfterMs('Tue, 24 Nov 2026 15:02:00 GMT')).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
