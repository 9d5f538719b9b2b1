/**
 * The dialogue engine: `step(conversation, turn, context) → { conversation, replies, actions }`, pure
 * and deterministic (no clock: `context.now`; no I/O: the identity check and the policy are given).
 */
import { preferenceChannelOf } from '../channels/channel.js';
import { assertUnreachable } from '../errors/index.js';
import { alreadyPaid, dispute } from './claims.js';
import { copyConversation } from './conversation.js';
import {
  abuse,
  contactPreference,
  notUnderstood,
  paymentLink,
  refuse,
  requestInfo,
  smalltalk,
  talkToPerson,
} from './conversation-paths.js';
import { debtorLocalNow, debtorToday } from './dates.js';
import { hardship } from './hardship.js';
import { languageAfter } from './language-switch.js';
import {
  datedParts,
  declinePending,
  finalize,
  frequencyIn,
  plan,
  promise,
  settlement,
  takeChoice,
} from './negotiate.js';
import { readTurn, type Reading } from './reading.js';
import { composeReply } from './replies/compose.js';
import { describeAgreement, replyFormat } from './replies/render.js';
import { handleStatus } from './status.js';
import { askHowToResolve, say, type StepState } from './step-state.js';
import { optOut } from './stop-paths.js';
import type { Conversation, DialogueContext, StepResult, Turn } from './types.js';
import { stepLocked, stepVerifying } from './verify.js';

const paymentLinkWords =
  /\b(link|enlace|liga|url|como (le )?pago|donde (le )?pago|how (do|can) i pay|where (do|can) i pay)\b/;

/**
 * One debtor turn.
 *
 * @example
 * const c0 = newConversation('es');
 * const { conversation, replies } = step(c0, { text: 'Hola', channel: 'whatsapp', understanding }, context);
 * replies[0].kind // → 'identity_check'
 */
export function step(conversation: Conversation, turn: Turn, context: DialogueContext): StepResult {
  const conv = copyConversation(conversation);
  conv.turns += 1;
  conv.language = languageAfter(conv.language, turn.text);
  const local = debtorLocalNow(context.now, context.account.timeZone);
  const s: StepState = {
    conv,
    ctx: context,
    turn,
    format: replyFormat(conv.language, context.account.country, context.account.currency),
    local,
    today: debtorToday(context.now, context.account.timeZone),
    parts: [],
    kind: 'conversation',
    actions: [],
  };
  const r = readTurn(turn.text, turn.channel, turn.understanding);
  if (r.intent !== 'unknown') conv.understood.push(r.intent);
  const verifiedBefore = conv.verification.verifiedAtTurn !== null;
  switch (conv.state) {
    case 'closed':
      return { conversation: conv, replies: [], actions: [] };
    case 'verifying':
      stepVerifying(s, r, dispatch);
      break;
    case 'locked':
      stepLocked(s, r);
      break;
    case 'handed_off':
      if (!handleStatus(s, r)) say(s, r.intent === 'abuse' ? 'abuse_calm' : 'handed_off_wait');
      break;
    case 'open':
    case 'confirming':
      dispatch(s, r);
      break;
    default:
      return assertUnreachable(conv.state, 'dialogue state');
  }
  if (conv.verification.verifiedAtTurn === null) s.kind = 'identity_check';
  else if (!verifiedBefore) s.kind = 'disclosure';
  const replies =
    s.parts.length === 0
      ? []
      : [
          composeReply(s.parts, {
            kind: s.kind,
            format: s.format,
            country: context.account.country,
            channel: turn.channel,
          }),
        ];
  return { conversation: conv, replies, actions: s.actions };
}

/** A verified conversation: statuses and opt-outs first, then a pending yes/no, then the intent. */
function dispatch(s: StepState, r: Reading): void {
  const companion = () => {
    const also = r.understanding.secondary ?? [];
    if (also.includes('already_paid')) alreadyPaid(s, r);
    else if (also.includes('dispute')) dispute(s);
  };
  if (handleStatus(s, r, companion)) return;
  if (r.intent !== 'unknown') s.conv.signals.notUnderstood = 0;
  if (s.conv.state === 'confirming' && s.conv.pending && confirmTurn(s, r)) return;
  if (takeChoice(s, r)) return;
  if (s.conv.draft && r.understanding.entities.date !== undefined) return promise(s, r);
  byIntent(s, r);
}

/** A turn while an agreement awaits a yes: yes writes it, no declines it, anything else moves on. */
function confirmTurn(s: StepState, r: Reading): boolean {
  const pending = s.conv.pending;
  if (!pending) return false;
  switch (r.intent) {
    case 'affirm':
      finalize(s, pending);
      return true;
    case 'deny':
    case 'refuse':
      declinePending(s);
      return true;
    case 'unknown':
    case 'smalltalk':
      notUnderstood(s, () => say(s, 'confirm_again', { agreement: describePending(s) }));
      return true;
    default:
      return false;
  }
}

function describePending(s: StepState): string {
  return s.conv.pending ? describeAgreement(s.conv.pending, s.format) : '';
}

function byIntent(s: StepState, r: Reading): void {
  switch (r.intent) {
    case 'promise_to_pay':
      return frequencyIn(r.folded) && r.understanding.entities.date === undefined
        ? plan(s, r)
        : promise(s, r);
    case 'pay_now':
      return paymentLink(s);
    case 'payment_plan':
      // "La mitad el viernes y la otra mitad el 15": dated parts are a promise, not a plan.
      return datedParts(s, r) >= 2 ? promise(s, r) : plan(s, r);
    case 'settlement':
      return settlement(s, r);
    case 'already_paid':
      return alreadyPaid(s, r);
    case 'dispute':
      return dispute(s);
    case 'hardship':
      return hardship(s, r);
    case 'stop_contact':
      return optOut(s, preferenceChannelOf(s.turn.channel) ?? 'sms');
    case 'talk_to_agent':
      return talkToPerson(s);
    case 'contact_preference':
      return contactPreference(s, r);
    case 'request_info':
      return paymentLinkWords.test(r.folded) ? paymentLink(s) : requestInfo(s);
    case 'refuse':
      return refuse(s);
    case 'deny':
      return say(s, 'refuse_ack');
    case 'affirm':
      return askHowToResolve(s);
    case 'smalltalk':
      return smalltalk(s, r);
    case 'abuse':
      return abuse(s);
    case 'wrong_party':
    case 'deceased':
    case 'bankruptcy':
    case 'attorney':
      // Handled by handleStatus before the intent is read.
      return;
    case 'unknown':
      return notUnderstood(s, () => say(s, 'reprompt'));
    default:
      return assertUnreachable(r.intent, 'intent');
  }
}
