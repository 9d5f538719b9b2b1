export { buildNluService, type BuildNluOptions } from './create-nlu.js';
export { createNluReplyReader, type NluReplyReaderOptions } from './adapters/nlu-reply-reader.js';
