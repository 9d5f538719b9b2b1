import { lexiconCues } from './lexicon.js';
import { canonicalTokens, foldText } from './normalize.js';
import { ruleIntents } from './rules.js';

/** Weight of a lexicon cue or a rule hit next to the L2-normalised n-gram features. */
export const cueWeight = 1.0;

/**
 * Sparse features of one utterance for the intent classifier: canonical word unigrams and
 * bigrams plus character 3–5-grams of each word. Character n-grams carry typos and inflections
 * ("pague", "pagué", "pagé", "pagando"); bigrams carry negation ("no es", "not mine").
 */
export function featurize(text: string): Map<string, number> {
  const tokens = canonicalTokens(text.length > 2000 ? text.slice(0, 2000) : text);
  const f = new Map<string, number>();
  const add = (k: string) => f.set(k, (f.get(k) ?? 0) + 1);
  if (tokens.length === 0) add('<empty>');
  add(tokens.length <= 2 ? 'len:short' : tokens.length <= 8 ? 'len:mid' : 'len:long');
  let prev = '<s>';
  for (const t of tokens) {
    add(`w:${t}`);
    add(`b:${prev}_${t}`);
    prev = t;
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
  for (const cue of lexiconCues(foldText(clipped))) f.set(`lex:${cue}`, cueWeight);
  for (const hit of ruleIntents(clipped)) f.set(hit.keyword ? 'rule:keyword' : `rule:${hit.intent}`, cueWeight);
  return f;
}
