// @saldo/models/dialogue — the dialogue conversation set (dev and held-out splits) and its scoring.
export {
  dialogueSetDir,
  dialogueSplits,
  parseDialogueSet,
  readDialogueSet,
  type DialogueExpectation,
  type DialogueCase,
  type DialogueSplit,
} from './read-set.js';
export { scoreCase, dialogueReport, type CaseOutcome, type DialogueReport } from './score.js';
