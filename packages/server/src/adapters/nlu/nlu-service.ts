import { parse, type NluModel, type NluParseInput, type NluResult } from '@saldo/core/nlu';
import type { Clock } from '../../ports/clock.js';

/** What the API and CLI call: one request in, one result out. */
export interface NluService {
  parse(input: NluParseInput): NluResult;
}

/** Optional second opinion for low-confidence replies (see openai-compatible.ts). */
export interface NluFallback {
  threshold: number;
  classify(input: NluParseInput, first: NluResult): Promise<NluResult>;
}

/**
 * The NLU service over a trained model. When a request has no `now`, the clock's current instant
 * is used and converted to the request's zone (core never reads the clock itself).
 */
export function createNluService(model: NluModel, clock: Clock): NluService {
  return {
    parse(input) {
      return parse(input.text, { model, lang: input.lang, timezone: input.timezone, now: input.now ?? clock.now() });
    },
  };
}

/** The public JSON shape of a result (key order fixed: intent, confidence, lang, entities, secondary). */
export function toWire(r: NluResult): Record<string, unknown> {
  const out: Record<string, unknown> = { intent: r.intent, confidence: r.confidence, lang: r.lang, entities: r.entities };
  if (r.secondary && r.secondary.length > 0) out.secondary = r.secondary;
  return out;
}
