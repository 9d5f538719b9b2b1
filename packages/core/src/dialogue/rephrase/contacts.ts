import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import type { FactScan } from './scan.js';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\p{L}\p{N}])/gu;
const URL_WITH_SCHEME = /(?<![\p{L}\p{N}])(?:https?:\/\/|www\.)[^\s<>"'()[\]{}]+/gu;
/** A bare domain, e.g. "www.condusef.gob.mx" without "www", on the top-level domains of Saldo's markets. */
const BARE_DOMAIN =
  /(?<![\p{L}\p{N}@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|info|io|app|gob|gov|edu|mx|es|co|ar|cl|pe|us|br|uk)(?:\/[^\s<>"'()[\]{}]*)?(?![\p{L}\p{N}])/gu;

/** A link's trailing punctuation is the sentence's, not the link's. */
function trimTrailing(s: string): string {
  return s.replace(/[.,;:!?]+$/, '');
}

/** A link without its scheme, "www." and trailing slash: how it is written does not change where it goes. */
function canonicalUrl(raw: string): string {
  const s = raw.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  const slash = s.indexOf('/');
  const host = (slash < 0 ? s : s.slice(0, slash)).toLowerCase();
  const path = slash < 0 ? '' : s.slice(slash).replace(/\/$/, '');
  return host + path;
}

/** E-mail addresses, then links (with or without a scheme). */
export function readLinks(scan: FactScan): void {
  scan.each(EMAIL, (m) => ({ kind: 'email', value: m[0] }));
  for (const re of [URL_WITH_SCHEME, BARE_DOMAIN]) {
    for (const m of scan.folded.matchAll(re)) {
      const raw = trimTrailing(scan.text.slice(m.index, m.index + m[0].length));
      if (!raw || !scan.isFree(m.index, m.index + raw.length)) continue;
      scan.add('url', canonicalUrl(raw), m.index, m.index + raw.length);
    }
  }
}

/** Phone numbers as the debtor's country writes them, as E.164 (libphonenumber-js). */
export function readPhones(scan: FactScan): void {
  let found: ReturnType<typeof findPhoneNumbersInText>;
  try {
    found = findPhoneNumbersInText(scan.text, scan.locale.country as CountryCode);
  } catch {
    found = findPhoneNumbersInText(scan.text);
  }
  for (const p of found) {
    if (scan.isFree(p.startsAt, p.endsAt)) scan.add('phone', p.number.number, p.startsAt, p.endsAt);
  }
}

const TOKEN = /(?<![\p{L}\p{N}])[A-Za-z0-9]+(?:[-_/][A-Za-z0-9]+)*(?![\p{L}\p{N}])/gu;
const NOT_A_REFERENCE = /^\d+(?:st|nd|rd|th|am|pm|h|hs|hrs|k|x)$/i;

/** Reference codes: a token of letters and digits together ("A-20931", "REF7Q2K"), as written. */
export function readReferences(scan: FactScan): void {
  for (const m of scan.text.matchAll(TOKEN)) {
    const t = m[0];
    if (t.length < 4 || !/\d/.test(t) || !/[A-Za-z]/.test(t) || NOT_A_REFERENCE.test(t)) continue;
    if (scan.isFree(m.index, m.index + t.length)) scan.add('reference', t, m.index, m.index + t.length);
  }
}

/** Words in capitals ("STOP", "BAJA", "CONDUSEF"): keywords and names of bodies, as written. */
export function readKeywords(scan: FactScan): void {
  for (const m of scan.text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu)) {
    if (scan.isFree(m.index, m.index + m[0].length))
      scan.add('keyword', m[0], m.index, m.index + m[0].length);
  }
}

/** The names the reply must keep (the collector, the creditor): each occurrence, by name. */
export function readNames(scan: FactScan, names: readonly string[]): void {
  const list: Record<string, string> = {};
  for (const n of names) {
    const folded = n.trim().replace(/\s+/g, ' ');
    if (folded) list[scan.fold(folded)] = scan.fold(folded);
  }
  scan.words('name', list);
}
