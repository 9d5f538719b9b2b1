// Composition of the NLU: the model, and the LLM fallback when SALDO_NLU_LLM_URL is configured.
// Shared by the platform (HTTP API) and `saldo nlu parse`, so both behave the same.
import type { Clock } from '../../shared/clock/clock.js';
import type { NluLlmConfig } from './llm-config.js';
import type { NluLogger, NluService } from './adapters/nlu-service.js';

export interface BuildNluOptions {
  clock: Clock;
  /** A model written by `saldo nlu train --out` (default: trained from the corpus, via the model cache). */
  modelPath?: string | undefined;
  /** Off when undefined (the default). */
  llm?: NluLlmConfig | undefined;
  /** Where fallback warnings go; default: a pino logger at `logLevel` on `logStream` (stdout). */
  logger?: NluLogger | undefined;
  logLevel?: string | undefined;
  logStream?: { write(line: string): void } | undefined;
  /** The model cache directory; null: no cache. */
  cacheDir: string | null;
}

/** Loads the model (from the model cache, or ≈ 2 s of training on a cache miss) and wires the optional fallback. */
export async function buildNluService(o: BuildNluOptions): Promise<NluService> {
  const [{ loadNluModel }, { createNluService }] = await Promise.all([
    import('./adapters/load-nlu-model.js'),
    import('./adapters/nlu-service.js'),
  ]);
  const { model } = await loadNluModel({ modelPath: o.modelPath, cacheDir: o.cacheDir });
  if (!o.llm) return createNluService(model, o.clock);
  // Only loaded when configured: the default deployment never touches the network for NLU.
  const [{ createOpenAiCompatibleFallback }, { pino }] = await Promise.all([
    import('./adapters/openai-compatible.js'),
    import('pino'),
  ]);
  const logger: NluLogger =
    o.logger ??
    (o.logStream
      ? pino({ level: o.logLevel ?? 'info' }, o.logStream)
      : pino({ level: o.logLevel ?? 'info' }));
  const fallback = createOpenAiCompatibleFallback({
    baseUrl: o.llm.baseUrl,
    model: o.llm.model,
    apiKey: o.llm.apiKey,
    timeoutMs: o.llm.timeoutMs,
    logger,
  });
  return createNluService(model, o.clock, { fallback, threshold: o.llm.threshold, logger });
}
