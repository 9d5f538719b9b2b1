import type { ReplyKey } from '../replies/catalog-es.js';
import type { DialogueLocale } from '../replies/overrides.js';
import { catalogText } from '../replies/render.js';
import { escapeRegExp } from './scan.js';

/**
 * The sentences a reply carries because the law or Saldo's policy requires them, which a rewording
 * must keep word for word: the US debt-collector disclosures (15 U.S.C. 1692e(11); 12 CFR
 * 1006.18(e)), the opt-out instructions and the confirmation of an opt-out (12 CFR 1006.6(e)) —
 * what `composeReply` declares to the compliance engine as the reply's content — and the
 * validation information each country requires after a dispute.
 */
export const verbatimKeys = [
  'mini_miranda',
  'debt_collector_line',
  'opt_out_line',
  'opt_out_done',
  'validation_info',
] as const satisfies readonly ReplyKey[];

export interface RequiredLine {
  key: (typeof verbatimKeys)[number];
  text: string;
  start: number;
  end: number;
}

const patternCache = new Map<string, RegExp>();

/** A catalogue sentence as a pattern: its placeholders match the values they were filled with. */
function patternOf(locale: DialogueLocale, key: (typeof verbatimKeys)[number]): RegExp {
  const id = `${locale}:${key}`;
  let re = patternCache.get(id);
  if (!re) {
    const source = escapeRegExp(catalogText(locale, key)).replace(/\\\{\w+\\\}/g, String.raw`[^]+?`);
    re = new RegExp(source, 'g');
    patternCache.set(id, re);
  }
  return re;
}

/** The required sentences a reply of this locale carries, in order of appearance. */
export function requiredLines(text: string, locale: DialogueLocale): RequiredLine[] {
  const lines: RequiredLine[] = [];
  for (const key of verbatimKeys) {
    for (const m of text.matchAll(patternOf(locale, key))) {
      lines.push({ key, text: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  return lines.sort((a, b) => a.start - b.start);
}

/** The first required sentence of the template missing from the rewording (each in its order), or null. */
export function missingRequiredLine(
  template: string,
  rephrased: string,
  locale: DialogueLocale,
): RequiredLine | null {
  let from = 0;
  for (const line of requiredLines(template, locale)) {
    const at = rephrased.indexOf(line.text, from);
    if (at < 0) return line;
    from = at + line.text.length;
  }
  return null;
}
