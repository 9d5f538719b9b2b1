import type { Language } from './intents.js';
import { foldText } from './normalize.js';
import type { TimeOfDay } from './schema.js';
import { wordValue } from './numbers.js';

/**
 * Preferred time of day: "after 6" → { from: '18:00' }, "antes de las 10" → { to: '10:00' },
 * "entre 2 y 4" → { from: '14:00', to: '16:00' }, "en la mañana" → { part: 'morning' }.
 * Debtors name contact hours, so a bare 1–7 is read as afternoon/evening (pm).
 */
const hour =
  '(\\d{1,2}(?::\\d{2})?(?![\\d.,]*\\d)|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|mediodia)';
const suffix =
  '(?:\\s*(am|pm|a\\s?m|p\\s?m|hrs|hs|h|horas|de\\s+la\\s+(?:manana|tarde|noche)|in\\s+the\\s+(?:morning|afternoon|evening)|at\\s+night|o\\s?clock))?';
const h = `${hour}${suffix}`;

function toClock(raw: string, suf: string | undefined, lang: Language | undefined): string | undefined {
  let hh: number;
  let mm = 0;
  if (raw === 'noon' || raw === 'mediodia') return '12:00';
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(raw);
  if (m) {
    hh = Number(m[1]);
    mm = Number(m[2] ?? 0);
  } else {
    const w = wordValue(raw, lang);
    if (w === undefined) return undefined;
    hh = w;
  }
  if (hh > 23 || mm > 59) return undefined;
  const s = (suf ?? '').replace(/\s+/g, ' ');
  const pm = /^(pm|p ?m)$|tarde|noche|afternoon|evening|night/.test(s);
  const am = /^(am|a ?m)$|manana|morning/.test(s);
  if (pm && hh < 12) hh += 12;
  else if (am && hh === 12) hh = 0;
  else if (!am && !pm && hh >= 1 && hh <= 7) hh += 12;
  return `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

const rangeRe = new RegExp(
  `\\b(?:entre(?:\\s+las)?|between|from|de(?:\\s+las)?|desde\\s+las)\\s+${h}\\s+(?:y|and|a|to|till|until|-|hasta)(?:\\s+las)?\\s+${h}`,
);
const fromRe = new RegExp(
  `\\b(?:after|despues\\s+del|despues\\s+de(?:\\s+las)?|a\\s+partir\\s+de(?:\\s+las)?|desde\\s+las|from|past|later\\s+than|pasadas\\s+las)\\s+${h}`,
);
const toRe = new RegExp(
  `\\b(?:before|antes\\s+de(?:\\s+las)?|hasta\\s+las|until|till|no\\s+later\\s+than|by)\\s+${h}`,
);
const atRe = new RegExp(
  `\\b(?:a\\s+las|a\\s+la|at|around|como\\s+a\\s+las|tipo|sobre\\s+las|a\\s+eso\\s+de\\s+las)\\s+${h}`,
);
const parts: ReadonlyArray<[TimeOfDay['part'] & string, RegExp]> = [
  [
    'morning',
    /\b(?:en|por|de|durante|a)\s+la(?:s)?\s+mananas?\b|\bin\s+the\s+morning\b|\bmornings?\b|\btemprano\b|\bearly\b/,
  ],
  [
    'afternoon',
    /\b(?:en|por|de|durante|a)\s+la(?:s)?\s+tardes?\b|\bde\s+tarde\b|\bin\s+the\s+afternoon\b|\bafternoons?\b/,
  ],
  [
    'evening',
    /\b(?:en|por|de|durante|a)\s+la(?:s)?\s+noches?\b|\bde\s+noche\b|\bin\s+the\s+evening\b|\bevenings?\b|\btonight\b|\bat\s+night\b|\besta\s+noche\b|\bnights\b/,
  ],
];

/**
 * @example
 * extractTimeOfDay('call me after 6') // → { from: '18:00' }
 * extractTimeOfDay('llámame entre 2 y 4') // → { from: '14:00', to: '16:00' }
 * extractTimeOfDay('mejor en la tarde') // → { part: 'afternoon' }
 */
export function extractTimeOfDay(text: string, lang?: Language): TimeOfDay | undefined {
  const folded = foldText(text)
    .slice(0, 2000)
    .replace(/(\d)\.(\d{2})\b/g, '$1:$2');
  const r = rangeRe.exec(folded);
  if (r) {
    const sufFrom = r[2] ?? r[4];
    const from = toClock(r[1] ?? '', sufFrom, lang);
    const to = toClock(r[3] ?? '', r[4] ?? r[2], lang);
    if (from && to)
      return {
        from,
        to: to < from && Number(to.slice(0, 2)) < 12 ? `${Number(to.slice(0, 2)) + 12}${to.slice(2)}` : to,
      };
  }
  const f = fromRe.exec(folded);
  if (f) {
    const from = toClock(f[1] ?? '', f[2], lang);
    if (from) return { from };
  }
  const t = toRe.exec(folded);
  if (t && (t[2] || /^\d{1,2}(:\d{2})?$/.test(t[1] ?? '') || /noon|mediodia/.test(t[1] ?? ''))) {
    const to = toClock(t[1] ?? '', t[2], lang);
    if (to && !/\bby\s+the\b/.test(folded.slice(t.index, t.index + 8))) return { to };
  }
  const a = atRe.exec(folded);
  if (
    a &&
    (a[2] ||
      /^\d{1,2}(:\d{2})?$/.test(a[1] ?? '') ||
      /^(noon|mediodia)$/.test(a[1] ?? '') ||
      /^a\s+las/.test(a[0]))
  ) {
    const from = toClock(a[1] ?? '', a[2], lang);
    if (from) return { from };
  }
  // "a la mañana no puedo, llamame a la tarde": a refused part of the day is not the preference.
  let best: { part: NonNullable<TimeOfDay['part']>; index: number } | undefined;
  for (const [part, re] of parts) {
    for (const m of folded.matchAll(new RegExp(re.source, 'g'))) {
      // Only a "no" in the same clause refuses it: "a la mañana no puedo, llamame a la tarde" → afternoon.
      const before =
        folded
          .slice(Math.max(0, m.index - 25), m.index)
          .split(/[,.;]/)
          .pop() ?? '';
      const negated = /\bno\b/.test(before) || /^\s*,?\s*no\b/.test(folded.slice(m.index + m[0].length));
      // "good morning", "buenas tardes" are greetings, not a time to be called.
      const greeting = /\bgood\s+$/.test(folded.slice(Math.max(0, m.index - 6), m.index));
      if (!negated && !greeting && (!best || m.index < best.index)) best = { part, index: m.index };
    }
  }
  return best ? { part: best.part } : undefined;
}
