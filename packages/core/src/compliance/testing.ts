/**
 * Small typed builders for compliance tests (pure; not part of the public index).
 */
import { ContactCheck, prepareContext, type ContactCheckInput, type ContactEvent } from './contact.js';
import type { EvalContext } from './context.js';
import type { Channel, Direction, Outcome } from './vocab.js';

type DebtorInput = ContactCheckInput['debtor'];

/**
 * Builds a validated contact check; defaults: a US debtor in New York, a call to the debtor
 * about debt A, no history.
 *
 * @example
 * makeCheck({ at: '2026-03-03T13:59:00Z', debtor: { country: 'CO', timezone: 'America/Bogota' } });
 * // a call to the debtor about debt 'A' (id 'c1'), no consents, opt-outs, flags or history
 */
export function makeCheck(
  over: Omit<Partial<ContactCheckInput>, 'debtor'> & { debtor?: Partial<DebtorInput> } = {},
): ContactCheck {
  const { debtor, ...rest } = over;
  return ContactCheck.parse({
    id: 'c1',
    at: '2026-03-03T15:00:00Z',
    channel: 'call',
    debtId: 'A',
    recipient: 'debtor',
    history: [],
    ...rest,
    debtor: { country: 'US', timezone: 'America/New_York', ...debtor },
  });
}

/**
 * A history event.
 *
 * @example
 * ev('2026-03-02T15:00:00Z', 'call', 'no_answer');
 * // { at: '2026-03-02T15:00:00Z', channel: 'call', outcome: 'no_answer', direction: 'outbound', debtId: 'A' }
 */
export function ev(
  at: string,
  channel: Channel = 'call',
  outcome: Outcome = 'no_answer',
  direction: Direction = 'outbound',
  debtId: string | undefined = 'A',
): ContactEvent {
  return { at, channel, outcome, direction, ...(debtId === undefined ? {} : { debtId }) };
}

/**
 * Events every `stepHours` hours starting at `from`.
 *
 * @example
 * series('2026-03-01T14:00:00Z', 7, 24); // 7 daily unanswered calls
 */
export function series(
  from: string,
  count: number,
  stepHours: number,
  channel: Channel = 'call',
  outcome: Outcome = 'no_answer',
  debtId = 'A',
): ContactEvent[] {
  const t0 = Date.parse(from);
  return Array.from({ length: count }, (_, i) =>
    ev(iso(t0 + i * stepHours * 3_600_000), channel, outcome, 'outbound', debtId),
  );
}

/**
 * Epoch ms → ISO UTC without milliseconds.
 *
 * @example
 * iso(0); // '1970-01-01T00:00:00Z'
 */
export function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 19) + 'Z';
}

/**
 * Builds the evaluation context directly.
 *
 * @example
 * ctxOf({ channel: 'sms', history: [ev('2026-03-02T15:00:00Z', 'sms', 'delivered')] }).history.n; // 1
 */
export function ctxOf(over: Parameters<typeof makeCheck>[0] = {}): EvalContext {
  return prepareContext(makeCheck(over));
}
