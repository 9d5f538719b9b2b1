export {
  createDialogueModule,
  type DialogueModule,
  type DialogueModuleDeps,
} from './create-dialogue-module.js';
export type { DialogueDomainEvent } from './dialogue-events.js';
export type { ConversationView } from './usecases/conversations.js';
