export { createNluModule, type NluConfig, type NluModule } from './create-nlu-module.js';
export { buildNluService, type BuildNluOptions } from './create-nlu.js';
export {
  createNluService,
  toWire,
  type NluService,
  type NluServiceResult,
  type NluLogger,
} from './adapters/nlu-service.js';
export { loadNluLlmConfig, type NluLlmConfig } from './llm-config.js';
export { loadNluModel } from './adapters/load-nlu-model.js';
export { nluCacheDir } from './adapters/nlu-model-cache.js';
export { createNluReplyReader, type NluReplyReaderOptions } from './adapters/nlu-reply-reader.js';
