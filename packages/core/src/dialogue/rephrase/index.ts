export { replyLocale, type ReplyLocale } from './locale.js';
export { replyFacts, sameFacts } from './facts.js';
export {
  countKinds,
  factKinds,
  sequenceKinds,
  setKinds,
  type FactKind,
  type ReplyFact,
  type FactDifference,
} from './types.js';
export { requiredLines, missingRequiredLine, verbatimKeys, type RequiredLine } from './required-lines.js';
export { maskReply, unmaskReply, type MaskedReply } from './mask.js';
export {
  checkRephrasing,
  mayRephrase,
  rephrasableKinds,
  rephraseRefusals,
  WHATSAPP_TEXT_LIMIT,
  type RephraseCheck,
  type RephraseRefusal,
  type RephraseVerdict,
} from './check.js';
