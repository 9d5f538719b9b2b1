/**
 * The evaluation context: one contact check, pre-digested once (timestamps parsed, history as
 * typed columns, zones resolved) so that every rule of every pack reads it without allocating.
 */
import type { Channel, ContentItem, DebtorFlag, Recipient } from './vocab.js';
import { channels, directions, outcomes } from './vocab.js';
import type { HolidayCalendar } from './holidays.js';
import type { Zone } from '../calendar/zone.js';

/**
 * Contact history in two columns: `t` (epoch ms) and `meta`, one small integer per event with
 * one-hot bits: channel (bits 0–7), direction (8–9), outcome (10–17), and {@link SAME_DEBT}
 * when the event is about the checked debt (or either debt id is unknown: conservative, it then
 * counts for every debt). Filters test it with three ANDs.
 *
 * @example
 * const h: History = { n: 1, t: [Date.parse('2026-03-02T15:00:00Z')], meta: [eventMeta(0, 0, 0, true)] };
 */
export interface History {
  n: number;
  t: number[];
  meta: number[];
}

/** Bit offsets of the `meta` fields. @example (1 << (DIR_SHIFT + 1)); // inbound */
export const DIR_SHIFT = 8;
/** @example (1 << (OUT_SHIFT + 3)); // conversation */
export const OUT_SHIFT = 10;
export const SAME_DEBT = 1 << 20;

/**
 * Packs one event's indexes into its `meta` integer.
 *
 * @example
 * eventMeta(channelIndex('call'), 0, outcomeIndex('no_answer'), true);
 */
export function eventMeta(channel: number, direction: number, outcome: number, sameDebt: boolean): number {
  return (
    (1 << channel) |
    (1 << (DIR_SHIFT + direction)) |
    (1 << (OUT_SHIFT + outcome)) |
    (sameDebt ? SAME_DEBT : 0)
  );
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
