import {
  carrierKeywords,
  foldText,
  ruleIntents,
  tokenize,
  type NluResult,
  type OrgIntent,
} from '@saldo/core/nlu';
import type { NluSecondOpinion, NluServiceResult } from './nlu-service.js';

const keywordSet: ReadonlySet<string> = new Set(carrierKeywords);

/**
 * Whether a reply may be shown to the fallback at all. Never when it carries any sign of an
 * opt-out: `stop_contact` primary or secondary, an opt-out rule hit, or a carrier keyword anywhere
 * in it (STOP, BAJA, FIN…, even inside a longer sentence). A missed opt-out is a legal violation,
 * so the remote model gets no chance to talk the local result out of one. The keyword test is
 * deliberately broad ("fin de mes" is not asked about either): it only costs a second opinion.
 */
export function mayAskSecondOpinion(text: string, local: NluResult): boolean {
  if (local.intent === 'stop_contact' || local.secondary?.includes('stop_contact')) return false;
  if (ruleIntents(text).some((h) => h.intent === 'stop_contact')) return false;
  return !tokenize(foldText(text)).some((t) => keywordSet.has(t));
}

/**
 * Merges the fallback's answer into the local result. The fallback only changes the intent and
 * its confidence: language and entities stay the local extractors' (they are deterministic and
 * tested; the model is asked for nothing else). `unknown` from the fallback is an abstention and
 * keeps the local guess. An intent the local rules found (deceased, bankruptcy, dispute…) is never
 * dropped: it moves to `secondary`, as in core's `parse`.
 */
export function applySecondOpinion(
  text: string,
  local: NluResult,
  opinion: NluSecondOpinion | undefined,
): NluServiceResult {
  if (!opinion || opinion.intent === 'unknown' || opinion.intent === local.intent)
    return { ...local, source: 'local' };
  const kept: OrgIntent[] = [];
  if (ruleIntents(text).some((h) => h.intent === local.intent)) kept.push(local.intent);
  for (const s of local.secondary ?? []) if (!kept.includes(s)) kept.push(s);
  const secondary = kept.filter((s) => s !== opinion.intent);
  const out: NluServiceResult = {
    intent: opinion.intent,
    confidence: Math.round(opinion.confidence * 1000) / 1000,
    lang: local.lang,
    entities: local.entities,
    source: 'llm',
  };
  if (secondary.length > 0) out.secondary = secondary;
  return out;
}
