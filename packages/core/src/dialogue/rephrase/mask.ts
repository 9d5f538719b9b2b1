import { replyFacts } from './facts.js';
import type { ReplyLocale } from './locale.js';
import { requiredLines } from './required-lines.js';

/** A reply ready for a rewording: what may not change replaced by markers `[[1]]`, `[[2]]`… */
export interface MaskedReply {
  text: string;
  /** What each marker stands for, `[[1]]` first. */
  slots: string[];
}

const MARKER = /\[\[(\d+)\]\]/g;

/**
 * Replaces the required sentences, links, e-mail addresses and phone numbers of a reply by
 * markers. They are not the rewording's to change, and a link may carry a token that should not
 * leave Saldo: what goes out is the rest, and the markers come back in place.
 */
export function maskReply(text: string, locale: ReplyLocale): MaskedReply {
  const spans = [
    ...requiredLines(text, locale.locale),
    ...replyFacts(text, locale)
      .filter((f) => f.kind === 'url' || f.kind === 'email' || f.kind === 'phone')
      .map((f) => ({ start: f.start, end: f.start + f.text.length })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const slots: string[] = [];
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // inside a span already masked (a link in a required sentence)
    out += text.slice(at, s.start);
    slots.push(text.slice(s.start, s.end));
    out += `[[${slots.length}]]`;
    at = s.end;
  }
  return { text: out + text.slice(at), slots };
}

/**
 * The rewording with its markers put back, or null when a marker is missing, repeated or unknown:
 * then something that may not change was dropped, doubled or invented.
 */
export function unmaskReply(text: string, masked: MaskedReply): string | null {
  const seen = new Set<number>();
  for (const m of text.matchAll(MARKER)) {
    const n = Number(m[1]);
    if (n < 1 || n > masked.slots.length || seen.has(n)) return null;
    seen.add(n);
  }
  if (seen.size !== masked.slots.length) return null;
  return text.replace(MARKER, (_, n: string) => masked.slots[Number(n) - 1]!);
}
