// The NLU module: reply understanding (the model is loaded on first use, from the model cache) and
// its routes. The optional LLM second opinion is wired by buildNluService when configured.
import type { Clock } from '../../shared/clock/clock.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import type { NluLogger, NluService } from './adapters/nlu-service.js';
import type { NluLlmConfig } from './llm-config.js';
import nluRoutes from './routes.js';

export interface NluConfig {
  /** A model written by `saldo nlu train --out` (default: trained from the corpus, via the model cache). */
  modelPath: string | undefined;
  /** The optional LLM second opinion for low-confidence replies; undefined = off (the default). */
  llm: NluLlmConfig | undefined;
  logLevel: string;
  /** The model cache directory (`SALDO_NLU_CACHE_DIR`); null when `SALDO_NLU_CACHE=off`. */
  cacheDir: string | null;
}

export interface NluModule {
  /** The NLU service; the model is loaded on the first call and shared after. */
  service(): Promise<NluService>;
  routes: RoutePlugin[];
}

type Log = (level: 'info' | 'warn' | 'error', msg: string, data: Record<string, unknown>) => void;

export function createNluModule(deps: { clock: Clock; log?: Log | undefined }, config: NluConfig): NluModule {
  // The model takes up to a few seconds to load: built once, on first use (the server warms it up
  // after it starts listening), not in every process that merely imports a file.
  let model: Promise<NluService> | null = null;
  const logger = deps.log ? nluLogger(deps.log) : undefined;
  const service = () =>
    (model ??= import('./create-nlu.js').then(({ buildNluService }) =>
      buildNluService({
        clock: deps.clock,
        modelPath: config.modelPath,
        llm: config.llm,
        logger,
        logLevel: config.logLevel,
        cacheDir: config.cacheDir,
      }),
    ));
  return {
    service,
    routes: [
      (app) => nluRoutes(app, { nlu: { parse: async (input) => (await service()).parseAsync(input) } }),
    ],
  };
}

function nluLogger(log: Log): NluLogger {
  return {
    warn: (data, msg) => log('warn', msg, { ...data }),
    info: (data, msg) => log('info', msg, { ...data }),
  };
}
