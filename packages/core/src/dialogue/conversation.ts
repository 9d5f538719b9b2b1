import type { Language } from '../nlu/intents.js';
import type { Conversation } from './types.js';

/**
 * A conversation before its first turn: nothing verified, nothing offered.
 *
 * @example
 * newConversation('es').state // → 'verifying'
 */
export function newConversation(language: Language): Conversation {
  return {
    version: 1,
    state: 'verifying',
    language,
    turns: 0,
    verification: { tries: 0, verifiedAtTurn: null, asked: null },
    deferred: null,
    pending: null,
    draft: null,
    choices: [],
    offers: { made: [], refused: [], agreed: [] },
    understood: [],
    signals: { abuse: 0, refusals: 0, notUnderstood: 0, hardship: false },
    handoff: null,
  };
}

/** A deep copy: a step never changes the conversation it was given. */
export function copyConversation(c: Conversation): Conversation {
  return JSON.parse(JSON.stringify(c)) as Conversation;
}
