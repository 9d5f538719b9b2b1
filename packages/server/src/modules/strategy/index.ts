export {
  buildEngine,
  complianceProbe,
  templateResolver,
  useDeterministicIds,
  type BuildEngineOptions,
  type Engine,
} from './create-strategy.js';
export type { InboundMessage, PromiseBook, ReplyReader, ReplyReading } from './ports.js';
