import { describe, expect, it } from 'vitest';
import { dobCandidates, last4Candidates } from '../dialogue/identity-answer.js';
import {
  sandboxConversationMaxTurns,
  sandboxConversationReply,
  type SandboxConversationInput,
  type SandboxDialogueView,
} from './sandbox-conversation.js';
import { sandboxConversationPhrases } from './sandbox-conversation-replies.js';

const verifying: SandboxDialogueView = {
  state: 'verifying',
  asked: 'dob',
  failedTries: 0,
  debtorTurns: 1,
  offersOnTable: false,
  agreed: false,
  refusals: 0,
};

function input(over: Partial<SandboxConversationInput> & { messageId: string }): SandboxConversationInput {
  return {
    seed: 3,
    channel: 'sms',
    segment: 'medium_risk',
    language: 'es',
    persona: { dob: '1988-04-12', nationalIdLast4: '4321' },
    dialogue: verifying,
    amountMinor: 485_000,
    ...over,
  };
}

function many(
  n: number,
  over: Omit<Partial<SandboxConversationInput>, 'messageId'>,
): ReturnType<typeof sandboxConversationReply>[] {
  return Array.from({ length: n }, (_, i) =>
    sandboxConversationReply(input({ messageId: `msg_${i}`, ...over })),
  );
}

describe('sandbox debtors in a conversation', () => {
  it('is deterministic for a seed and message id', () => {
    for (let i = 0; i < 50; i++) {
      const a = sandboxConversationReply(input({ messageId: `m${i}` }));
      expect(sandboxConversationReply(input({ messageId: `m${i}` }))).toEqual(a);
    }
  });

  it('answers the identity check with the real date of birth, in words the engine reads, a typo sometimes first', () => {
    for (const language of ['es', 'en'] as const) {
      const replies = many(400, { language }).filter((r) => r !== null);
      const read = replies.map((r) => dobCandidates(r.text, language, 2026));
      const right = read.filter((c) => c.includes('1988-04-12')).length;
      const typos = read.filter((c) => c.length > 0 && !c.includes('1988-04-12')).length;
      const wrongParty = replies.filter((r) => r.intent === 'wrong_party').length;
      expect(right / replies.length).toBeGreaterThan(0.75);
      expect(typos).toBeGreaterThan(0);
      expect(typos / replies.length).toBeLessThan(0.2);
      expect(wrongParty).toBeGreaterThan(0);
      expect(wrongParty / replies.length).toBeLessThan(0.06);
      // Every answer that is neither the date nor a wrong party still reads as a date: no gibberish.
      expect(right + typos + wrongParty).toBe(replies.length);
    }
  });

  it('makes no typo after a failed try', () => {
    const replies = many(300, { dialogue: { ...verifying, failedTries: 1 } }).filter((r) => r !== null);
    for (const r of replies)
      if (r.intent !== 'wrong_party') expect(dobCandidates(r.text, 'es', 2026)).toContain('1988-04-12');
  });

  it('gives the last digits of the national id when that is what the bot asks for', () => {
    const replies = many(200, {
      language: 'en',
      dialogue: { ...verifying, asked: 'national_id_last4', failedTries: 1 },
    }).filter((r) => r !== null && r.intent !== 'wrong_party');
    expect(replies.length).toBeGreaterThan(100);
    for (const r of replies) expect(last4Candidates(r!.text, true)).toEqual(['4321']);
  });

  it('gives an id ending in a letter (a Spanish DNI) as the bot reads it', () => {
    const replies = many(200, {
      persona: { dob: '1988-04-12', nationalIdLast4: '417K' },
      dialogue: { ...verifying, asked: 'national_id_last4', failedTries: 1 },
    }).filter((r) => r !== null && r.intent !== 'wrong_party');
    expect(replies.length).toBeGreaterThan(100);
    for (const r of replies) expect(last4Candidates(r!.text, true)[0]).toBe('417K');
  });

  it('says yes to an agreement more often than no, and only yes or no', () => {
    const replies = many(400, { dialogue: { ...verifying, state: 'confirming', asked: null } }).filter(
      (r) => r !== null,
    );
    const yes = replies.filter((r) => r.intent === 'affirm').length;
    const no = replies.filter((r) => r.intent === 'deny').length;
    expect(yes + no).toBe(replies.length);
    expect(yes).toBeGreaterThan(no);
    expect(no).toBeGreaterThan(0);
  });

  it('asks for what it needs once verified, in the debtor language, never saying it is the wrong party', () => {
    const open = { ...verifying, state: 'open' as const, asked: null };
    const replies = many(400, { language: 'en', dialogue: open }).filter((r) => r !== null);
    const intents = new Set(replies.map((r) => r.intent));
    for (const i of ['promise_to_pay', 'payment_plan', 'already_paid', 'dispute', 'hardship', 'stop_contact'])
      expect(intents).toContain(i);
    expect(intents).not.toContain('wrong_party');
    const spanishWords = sandboxConversationPhrases.es.planAmount.map((p) => p.split(' ')[0]);
    for (const r of replies) expect(spanishWords).not.toContain(r.text.split(' ')[0]);
  });

  it('stops writing when the bot hands over or closes, after an agreement, or at the turn limit', () => {
    const ends: SandboxDialogueView[] = [
      { ...verifying, state: 'handed_off' },
      { ...verifying, state: 'closed' },
      { ...verifying, state: 'locked' },
      { ...verifying, state: 'open', agreed: true },
      { ...verifying, debtorTurns: sandboxConversationMaxTurns },
    ];
    for (const dialogue of ends) expect(many(100, { dialogue }).every((r) => r === null)).toBe(true);
  });
});
