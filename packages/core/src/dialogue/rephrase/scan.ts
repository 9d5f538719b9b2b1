import type { FactKind, ReplyFact } from './types.js';
import { foldSameLength, type ReplyLocale } from './locale.js';

/**
 * One pass over a reply: each reader claims the spans it recognises, in a fixed order (links before
 * numbers, dates and amounts before bare numbers), so a digit belongs to exactly one fact.
 */
export class FactScan {
  readonly folded: string;
  readonly facts: ReplyFact[] = [];
  private readonly taken: Array<readonly [number, number]> = [];

  constructor(
    readonly text: string,
    readonly locale: ReplyLocale,
  ) {
    this.folded = foldSameLength(text);
  }

  /** A string folded the way the text is (for lists compared against it). */
  fold(s: string): string {
    return foldSameLength(s);
  }

  isFree(start: number, end: number): boolean {
    return this.taken.every(([s, e]) => end <= s || start >= e);
  }

  add(kind: FactKind, value: string, start: number, end: number): void {
    this.facts.push({ kind, value, text: this.text.slice(start, end), start });
    this.taken.push([start, end]);
  }

  /**
   * Every match of a global regular expression over the folded text whose span is still free;
   * `read` gives the fact's kind and value, or null to leave the span to a later reader.
   */
  each(re: RegExp, read: (m: RegExpExecArray) => { kind: FactKind; value: string } | null): void {
    for (const m of this.folded.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0 || !this.isFree(start, end)) continue;
      const fact = read(m);
      if (fact) this.add(fact.kind, fact.value, start, end);
    }
  }

  /**
   * Every occurrence of the words of a list (folded, whole words; a space matches any spacing),
   * each mapped to a value. A key ending in `*` is a stem: "demand*" matches "demandaremos".
   */
  words(kind: FactKind, list: Readonly<Record<string, string>>): void {
    const { re, stems } = wordPattern(list);
    if (!re) return;
    this.each(re, (m) => {
      const written = m[0].replace(/\s+/g, ' ');
      const stem = stems.find((k) => written.startsWith(k.slice(0, -1)));
      const value = list[written] ?? (stem ? list[stem] : undefined);
      return value === undefined ? null : { kind, value };
    });
  }

  sorted(): ReplyFact[] {
    return [...this.facts].sort((a, b) => a.start - b.start);
  }
}

const wordPatterns = new WeakMap<object, { re: RegExp | null; stems: string[] }>();

/** One pattern per word list (the lists are constants; the names of a reply are the exception). */
function wordPattern(list: Readonly<Record<string, string>>): { re: RegExp | null; stems: string[] } {
  let p = wordPatterns.get(list);
  if (!p) {
    const keys = Object.keys(list).sort((a, b) => b.length - a.length);
    const alternatives = keys
      .map((k) => {
        const stem = k.endsWith('*');
        const words = (stem ? k.slice(0, -1) : k).split(' ').map(escapeRegExp).join('\\s+');
        return stem ? `${words}\\p{L}*` : words;
      })
      .join('|');
    p = {
      re:
        keys.length === 0
          ? null
          : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu'),
      stems: keys.filter((k) => k.endsWith('*')),
    };
    wordPatterns.set(list, p);
  }
  return p;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
