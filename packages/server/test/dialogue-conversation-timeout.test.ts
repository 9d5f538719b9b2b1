// Which conversation a message belongs to, on both storage modes: the debtor's live one while they
// keep writing (here after 29 days of silence), a new one after 30 days — the old one closed, and the
// identity asked again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { debtorWith, openDialogueHarness, sms, type DialogueHarness } from './dialogue-support.js';
import { describeStorage } from './storage.js';

const DAY = 86_400_000;

describeStorage('a conversation after a long silence', (mode) => {
  let h: DialogueHarness;
  beforeAll(async () => {
    h = await openDialogueHarness(await mode.open());
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('goes on after 29 days of silence; after 30 more the next message starts a new one', async () => {
    const phone = '+525511118001';
    const { orgId, account } = await debtorWith(h, 'timeout', { phone });
    const conversations = () => h.platform.dialogue.conversations.forAccount(orgId, account.id, 10);

    await sms(h, phone, 'hola');
    h.clock.advance(29 * DAY);
    await sms(h, phone, '12/04/1988');
    const [same] = await conversations();
    expect((await conversations()).length).toBe(1);
    expect(same!.state.verification.verifiedAtTurn).toBe(2);

    h.clock.advance(31 * DAY);
    await sms(h, phone, 'hola otra vez');
    const [fresh, old] = await conversations();
    expect(old).toMatchObject({ id: same!.id, status: 'closed' });
    expect(fresh).toMatchObject({ status: 'open' });
    expect(fresh!.state).toMatchObject({ state: 'verifying', verification: { verifiedAtTurn: null } });
    expect(fresh!.turns.map((t) => [t.actor, t.replyKind])).toEqual([
      ['debtor', null],
      ['bot', 'identity_check'],
    ]);
  }, 120_000);
});
