export {
  createDialogueModule,
  type DialogueModule,
  type DialogueModuleDeps,
  type DialogueModuleConfig,
} from './create-dialogue-module.js';
export { loadDialogueRephraseConfig, type DialogueRephraseConfig } from './rephrase-config.js';
export type { DialogueDomainEvent } from './dialogue-events.js';
export { answeredChannels } from './usecases/handle-inbound.js';
export type { ConversationView } from './usecases/conversations.js';
