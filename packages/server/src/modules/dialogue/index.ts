export {
  createDialogueModule,
  type DialogueModule,
  type DialogueModuleDeps,
} from './create-dialogue-module.js';
export type { DialogueDomainEvent } from './dialogue-events.js';
export { answeredChannels } from './usecases/handle-inbound.js';
export type { ConversationView } from './usecases/conversations.js';
