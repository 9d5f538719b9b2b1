import type { NewTimelineEvent, TimelinePersonal } from '../ports.js';

/**
 * Keys of a timeline entry's data that hold personal content (docs/privacy.md): they belong in its
 * sealed personal part, never in the clear `data`. `appendTimeline` refuses an entry that puts one
 * in clear, and erasure removes them from entries written before migration 0070.
 */
export const personalDataKeys = [
  'text',
  'speech',
  'digits',
  'mediaUrls',
  'address',
  'value',
  'detail',
  'url',
  'body',
  'subject',
  'preferredHours',
  'summaryText',
] as const;

/**
 * Keys that are addresses in the entries of a message or a call (`from`, `to`), and the wrong-party
 * address of a contact change written before migration 0070; elsewhere `from`/`to` are statuses.
 */
export const addressKeys = ['from', 'to', 'wrongParty'] as const;

/** Kinds whose entries carry addresses, and whose summaries quoted what was said (before 0070). */
export const personalKinds = ['message', 'call', 'note', 'dispute', 'contact_change'] as const;

/** The summary that replaces a legacy entry's summary when its debtor is erased. */
export const ERASED_SUMMARY = '[erased]';

/** The purpose a timeline entry's personal part is sealed for (additional data of the cipher). */
export const TIMELINE_PURPOSE = 'timeline';

const personal = new Set<string>(personalDataKeys);
const addresses = new Set<string>(['from', 'to']);

/** Throws when an entry would write a personal key in clear: a writer missed its personal part. */
export function assertClearFacts(e: NewTimelineEvent): void {
  const addressed = e.kind === 'message' || e.kind === 'call';
  const found = Object.keys(e.data).filter((k) => personal.has(k) || (addressed && addresses.has(k)));
  if (found.length > 0)
    throw new Error(
      `timeline entry ${e.kind} would store personal data in clear (${found.join(', ')}): put it in the entry's personal part`,
    );
}

/** The part to seal, or null when the entry has nothing personal. */
export function personalJson(p: TimelinePersonal | undefined): string | null {
  if (!p) return null;
  const hasSummary = p.summary !== undefined;
  const hasData = p.data !== undefined && Object.keys(p.data).length > 0;
  return hasSummary || hasData ? JSON.stringify(p) : null;
}
