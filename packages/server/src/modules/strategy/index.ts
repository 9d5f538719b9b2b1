export {
  buildEngine,
  complianceProbe,
  templateResolver,
  useDeterministicIds,
  type BuildEngineOptions,
  type Engine,
} from './create-strategy.js';
export type { ReplyReading } from './usecases/event-router.js';
