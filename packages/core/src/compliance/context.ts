/**
 * The evaluation context: one contact check, pre-digested once (timestamps parsed, history as
 * typed columns, zones resolved) so that every rule of every pack reads it without allocating.
 */
import type { Channel, ContentItem, DebtorFlag, Recipient } from './vocab.js';
import { channels, directions, outcomes } from './vocab.js';
import type { HolidayCalendar } from './holidays.js';
import type { Zone } from './zone.js';

/**
 * Contact history in columns. `sameDebt[i]` is 1 when event i is about the checked debt (or when
 * either debt id is unknown: conservative, it then counts for every debt).
 *
 * @example
 * const h = makeHistory(2); h.t[0] = Date.parse('2026-03-02T15:00:00Z');
 */
export interface History {
  n: number;
  t: Float64Array;
  ch: Uint8Array;
  dir: Uint8Array;
  out: Uint8Array;
  sameDebt: Uint8Array;
}

/**
 * Allocates an empty history of `n` events (fill the columns yourself).
 *
 * @example
 * makeHistory(0).n; // 0
 */
export function makeHistory(n: number): History {
  return { n, t: new Float64Array(n), ch: new Uint8Array(n), dir: new Uint8Array(n), out: new Uint8Array(n), sameDebt: new Uint8Array(n) };
}

/**
 * Everything a rule may read about one contact check.
 *
 * @example
 * const ctx: EvalContext = prepareContext(parsedContactCheck); // see contact.ts
 */
export interface EvalContext {
  /** The instant the contact would happen (epoch ms). */
  readonly at: number;
  readonly channel: Channel;
  /** Index of `channel` in `channels` (bit position for masks). */
  readonly channelIdx: number;
  readonly recipient: Recipient;
  readonly country: string;
  readonly region: string | undefined;
  /** Candidate zones of the debtor; a contact must be allowed in every one. */
  readonly zones: readonly Zone[];
  readonly flags: ReadonlySet<DebtorFlag>;
  /** true = consent/authorisation on record, false = none, missing = unknown. */
  readonly consents: Readonly<Partial<Record<Channel, boolean>>>;
  readonly optOuts: ReadonlySet<Channel | 'all'>;
  readonly content: Readonly<Partial<Record<ContentItem, boolean>>>;
  readonly history: History;
  /** The debtor's holiday calendar (country, plus region when known). */
  readonly holidays: HolidayCalendar;
}

/** @example channelIndex('sms'); // 3 */
export function channelIndex(c: Channel): number {
  return channels.indexOf(c);
}
/** @example directionIndex('inbound'); // 1 */
export function directionIndex(d: (typeof directions)[number]): number {
  return directions.indexOf(d);
}
/** @example outcomeIndex('conversation'); // 3 */
export function outcomeIndex(o: (typeof outcomes)[number]): number {
  return outcomes.indexOf(o);
}
