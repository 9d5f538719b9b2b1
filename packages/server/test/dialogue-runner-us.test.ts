// The dialogue runner with a debtor in the United States, end to end on both storage modes: the
// identity check leaves without the debt-collector disclosure (it conveys no debt information, so it
// is not a Reg F communication, 12 CFR 1006.2(d)) but with the opt-out; every reply after verification
// carries the disclosure, and one without it is refused by US-REGF-MIRANDA.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  debtorWith,
  openDialogueHarness,
  sentReplies,
  sms,
  usDebtor,
  US_PORTFOLIO,
  type DialogueHarness,
} from './dialogue-support.js';
import { describeStorage } from './storage.js';

describeStorage('the dialogue runner with a US debtor', (mode) => {
  let h: DialogueHarness;
  beforeAll(async () => {
    h = await openDialogueHarness(await mode.open());
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('sends the identity check without the disclosure, verifies the debtor and writes the promise', async () => {
    const phone = '+12125550101';
    const { orgId, account } = await debtorWith(h, 'us-promise', usDebtor(phone), US_PORTFOLIO);

    await sms(h, phone, 'hi, who is this?');
    const [check] = await sentReplies(h, account.id);
    expect(check).toMatchObject({ template_id: 'tpl_dialogue_identity_check', channel: 'sms' });
    expect(check!.text).not.toMatch(/debt|collect|\$|\d{2,}/i);
    expect(check!.text).toMatch(/STOP/);

    await sms(h, phone, '04/12/1988');
    await sms(h, phone, 'ok I will pay everything on Friday');

    const out = await sentReplies(h, account.id);
    expect(out.map((m) => m.template_id)).toEqual([
      'tpl_dialogue_identity_check',
      'tpl_dialogue_disclosure',
      'tpl_dialogue_conversation',
    ]);
    expect(out[1]!.text).toMatch(/attempt to collect a debt/i);
    expect(out[2]!.text).toMatch(/from a debt collector/i);
    const refusals = await h.db.query(`SELECT 1 FROM compliance_refusals WHERE account_id = $1`, [
      account.id,
    ]);
    expect(refusals.rows).toEqual([]);

    const promises = await h.db.query<{ amount_minor: number; due_date: string }>(
      `SELECT amount_minor::int AS amount_minor, due_date::text AS due_date FROM promises WHERE account_id = $1`,
      [account.id],
    );
    expect(promises.rows).toEqual([{ amount_minor: account.balanceMinor, due_date: '2026-11-27' }]);
    const [conv] = await h.platform.dialogue.conversations.forAccount(orgId, account.id, 10);
    expect(conv!.state.verification.verifiedAtTurn).toBe(2);
  }, 120_000);

  it('refuses a reply to a US debtor that is not an identity check and lacks the disclosure', async () => {
    const phone = '+12125550102';
    const { orgId, account } = await debtorWith(h, 'us-refused', usDebtor(phone), US_PORTFOLIO);
    const contact = (kind: 'identity_check' | 'conversation', text: string, key: string) =>
      h.platform.channels.messaging.contact({
        orgId,
        accountId: account.id,
        channel: 'sms',
        templateId: `tpl_dialogue_${kind}`,
        idempotencyKey: key,
        requestedBy: { kind: 'dialogue', id: 'conv_test' },
        reply: { text, kind, content: { miniMiranda: false, optOutInstructions: true } },
      });
    const refused = await contact(
      'conversation',
      'Your balance is $106.00 today. Reply STOP to opt out.',
      'dialogue:test:1:0',
    );
    expect(refused).toMatchObject({ kind: 'refused', reasons: [{ rule: 'US-REGF-MIRANDA' }] });
    expect(refused.kind === 'refused' && refused.reasons[0]!.citation).toMatch(/1006\.18\(e\)/);
    const check = await contact(
      'identity_check',
      'Hello, this is Grupo Norte. To confirm I am writing to the right person, what is your date of birth? Reply STOP to opt out.',
      'dialogue:test:2:0',
    );
    expect(check).toMatchObject({ kind: 'sent' });
  }, 120_000);
});
