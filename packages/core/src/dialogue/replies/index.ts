export { esCatalog, preVerificationKeys, type ReplyKey } from './catalog-es.js';
export { enCatalog } from './catalog-en.js';
export { dialogueLocales, dialogueLocaleFor, localeOverrides, type DialogueLocale } from './overrides.js';
export { phrases, type Phrases } from './phrases.js';
export {
  replyFormat,
  catalogText,
  fill,
  formatMoney,
  formatDate,
  describeAgreement,
  describeRefusal,
  type ReplyFormat,
} from './render.js';
export { composeReply, type ReplyPart, type ComposeOptions } from './compose.js';
