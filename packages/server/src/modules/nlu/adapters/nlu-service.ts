import { parse, type Intent, type NluModel, type NluParseInput, type NluResult } from '@saldo/core/nlu';
import type { Clock } from '../../../shared/clock/clock.js';
import { applySecondOpinion, mayAskSecondOpinion } from './second-opinion.js';

/** The part of a pino logger the NLU adapters use (a pino `Logger` fits). */
export interface NluLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** Where the reported intent came from. Internal: the wire format (`toWire`) has no such key. */
export type NluSource = 'local' | 'llm';

export interface NluServiceResult extends NluResult {
  source: NluSource;
}

/** What the API and CLI call: one request in, one result out. */
export interface NluService {
  /** The local pipeline only, synchronous (evaluation, benchmarks). */
  parse(input: NluParseInput): NluResult;
  /** The local pipeline, then the optional second opinion for low-confidence replies. */
  parseAsync(input: NluParseInput): Promise<NluServiceResult>;
}

/** The fallback's answer: one label of the closed built-in set and its confidence in [0, 1]. */
export interface NluSecondOpinion {
  intent: Intent;
  confidence: number;
}

/** Optional second opinion for low-confidence replies (see openai-compatible.ts). */
export interface NluFallback {
  /**
   * Classifies the reply text. Resolves to `undefined` when no usable answer came back (HTTP
   * error, timeout, malformed reply, label outside the set); it must not reject.
   */
  classify(text: string): Promise<NluSecondOpinion | undefined>;
}

export interface NluServiceOptions {
  fallback?: NluFallback | undefined;
  /** The fallback is consulted only when the local confidence is below this (default 0.5). */
  threshold?: number | undefined;
  logger?: NluLogger | undefined;
}

/**
 * The NLU service over a trained model. When a request has no `now`, the clock's current instant
 * is used and converted to the request's zone (core never reads the clock itself).
 */
export function createNluService(model: NluModel, clock: Clock, opts: NluServiceOptions = {}): NluService {
  const threshold = opts.threshold ?? 0.5;
  const local = (input: NluParseInput): NluResult =>
    parse(input.text, { model, lang: input.lang, timezone: input.timezone, now: input.now ?? clock.now() });
  return {
    parse: local,
    async parseAsync(input) {
      const first = local(input);
      const fallback = opts.fallback;
      if (!fallback || first.confidence >= threshold || !mayAskSecondOpinion(input.text, first))
        return { ...first, source: 'local' };
      let opinion: NluSecondOpinion | undefined;
      try {
        opinion = await fallback.classify(input.text);
      } catch (err) {
        // The contract says classify never rejects; a broken adapter still must not fail a parse.
        opts.logger?.warn({ err: String(err) }, 'nlu: LLM fallback failed; keeping the local result');
      }
      const result = applySecondOpinion(input.text, first, opinion);
      if (result.source === 'llm') {
        // The reply text is not logged (it is debtor data); labels and confidences are enough to audit.
        opts.logger?.info(
          {
            local: first.intent,
            localConfidence: first.confidence,
            intent: result.intent,
            confidence: result.confidence,
          },
          'nlu: LLM second opinion used',
        );
      }
      return result;
    },
  };
}

/** The public JSON shape of a result (key order fixed: intent, confidence, lang, entities, secondary). */
export function toWire(r: NluResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    intent: r.intent,
    confidence: r.confidence,
    lang: r.lang,
    entities: r.entities,
  };
  if (r.secondary && r.secondary.length > 0) out.secondary = r.secondary;
  return out;
}
