import { lexiconCues } from './lexicon.js';
import { conceptsIn, speechActs } from './concepts.js';
import { canonicalTokens, foldText } from './normalize.js';
import { extractInstallments } from './installments.js';
import { ruleIntents } from './rules.js';

/** Weight of a lexicon cue or a rule hit next to the L2-normalised n-gram features. */
export const cueWeight = 1.0;
const negators = new Set([
  'no',
  'not',
  'never',
  'nunca',
  'jamas',
  'ni',
  "don't",
  "can't",
  "won't",
  "didn't",
  "isn't",
  "doesn't",
  "ain't",
  'nope',
  'tampoco',
]);

/** Spanish/English inflectional endings, longest first: "pagaremos", "pagando", "pagó", "paying" → "pag". */
const suffixes = [
  'aremos',
  'eremos',
  'iremos',
  'aramos',
  'ieron',
  'aron',
  'amos',
  'emos',
  'imos',
  'ando',
  'iendo',
  'aste',
  'iste',
  'aria',
  'eria',
  'iria',
  'ados',
  'adas',
  'idos',
  'idas',
  'are',
  'ere',
  'ire',
  'ara',
  'era',
  'ado',
  'ada',
  'ido',
  'ida',
  'ing',
  'ed',
  'en',
  'an',
  'as',
  'es',
  'os',
  'ar',
  'er',
  'ir',
  'o',
  'a',
  'e',
  's',
];

/** A crude stem (≥ 3 letters left) for words of 5+ letters; undefined when nothing is stripped. */
export function stemOf(token: string): string | undefined {
  if (token.length < 5 || !/^[a-zñ]+$/.test(token)) return undefined;
  for (const suf of suffixes) {
    if (token.endsWith(suf) && token.length - suf.length >= 3) return token.slice(0, -suf.length);
  }
  return undefined;
}

/**
 * Sparse features of one utterance for the intent classifier: canonical word unigrams and
 * bigrams plus character 3–5-grams of each word. Character n-grams carry typos and inflections
 * ("pague", "pagué", "pagé", "pagando"); bigrams carry negation ("no es", "not mine"). Then one
 * feature per cue lexicon, rule hit, speech act and concept class present (concepts.ts).
 */
export function featurize(text: string): Map<string, number> {
  const tokens = canonicalTokens(text.length > 2000 ? text.slice(0, 2000) : text);
  const f = new Map<string, number>();
  const add = (k: string) => f.set(k, (f.get(k) ?? 0) + 1);
  if (tokens.length === 0) add('<empty>');
  add(tokens.length <= 2 ? 'len:short' : tokens.length <= 8 ? 'len:mid' : 'len:long');
  let prev = '<s>';
  let prevStem = '<s>';
  let negScope = 0;
  for (const t of tokens) {
    add(`w:${t}`);
    add(`b:${prev}_${t}`);
    const stem = stemOf(t);
    // Bigrams of stems carry tense and person across inflections ("ya pagué", "ya pagamos" → ya_pag).
    if (stem !== undefined || prevStem !== prev) add(`sb:${prevStem}_${stem ?? t}`);
    prev = t;
    prevStem = stem ?? t;
    // Negation scope: "no es mía" ≠ "es mía", "not mine" ≠ "mine" beyond the adjacent bigram.
    if (negScope > 0) {
      add(`n:${t}`);
      negScope--;
    }
    if (negators.has(t)) negScope = 3;
    if (stem !== undefined) add(`s:${stem}`);
    const padded = `<${t}>`;
    if (padded.length > 3 && t !== '<num>') {
      for (let n = 3; n <= 5; n++) {
        for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`);
      }
    }
  }
  add(`b:${prev}_</s>`);
  // Log-scaled counts, L2-normalised: long e-mails do not drown short SMS.
  let norm = 0;
  for (const [k, v] of f) {
    const w = 1 + Math.log(v);
    f.set(k, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [k, v] of f) f.set(k, v / norm);
  const clipped = text.length > 2000 ? text.slice(0, 2000) : text;
  const folded = foldText(clipped);
  const cues = lexiconCues(folded);
  for (const cue of cues) f.set(`lex:${cue}`, cueWeight);
  // Folding drops "?" and "¿": a question is a cue of its own (request_info, pay_now, plans…).
  if (/[?¿]/.test(clipped)) f.set('lex:qmark', cueWeight);
  for (const hit of ruleIntents(clipped))
    f.set(hit.keyword ? 'rule:keyword' : `rule:${hit.intent}`, cueWeight);
  for (const act of speechActs(clipped, folded)) f.set(`act:${act}`, cueWeight);
  for (const c of conceptsIn(folded, clipped)) f.set(`con:${c}`, cueWeight);
  // A number of instalments named ("partámoslo en tres", "break it up 4 ways"): the extractor knows more
  // ways to say it than the examples do.
  if (extractInstallments(clipped) !== undefined) f.set('ent:installments', cueWeight);
  return f;
}
