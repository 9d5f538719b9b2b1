// The identity check with the national id, from the import to the conversation, on both storage
// modes: the import keeps the last four characters in the form the dialogue compares answers in
// (upper case, no spaces, dots or dashes) and stores only their HMAC; a debtor whose id ends in
// letters (a Spanish DNI, a Mexican CURP) is verified by an answer written as people write it, a
// wrong one is a failed try, and digits-only ids verify as before.
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

const spain = {
  country: 'ES',
  region: 'ES-MD',
  timezone: 'Europe/Madrid',
  currency: 'EUR',
} as const;

describeStorage('the identity check with a national id that ends in letters', (mode) => {
  let h: DialogueHarness;
  beforeAll(async () => {
    h = await openDialogueHarness(await mode.open());
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  const conversation = async (orgId: string, accountId: string) =>
    (await h.platform.dialogue.conversations.forAccount(orgId, accountId, 10))[0]!;

  it('verifies a Spanish DNI imported as "678-z" from the whole DNI written in an SMS (es)', async () => {
    const phone = '+34600111333';
    const { orgId, account } = await debtorWith(
      h,
      'dni',
      { ...spain, phone, date_of_birth: '', national_id_last4: '678-z' },
      { currency: 'EUR', country: 'ES' },
    );
    const stored = await h.db.query<{ national_id_hash: string | null }>(
      `SELECT national_id_hash FROM debtors WHERE id = $1`,
      [account.debtorId],
    );
    expect(stored.rows[0]!.national_id_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await sms(h, phone, 'hola');
    const [ask] = await sentReplies(h, account.id);
    expect(ask!.text).toMatch(/últimos cuatro caracteres/);
    await sms(h, phone, 'mi DNI es 12345678Z');

    const conv = await conversation(orgId, account.id);
    expect(conv.state.verification).toMatchObject({ tries: 1, verifiedAtTurn: 2 });
    expect((await sentReplies(h, account.id)).map((m) => m.template_id)).toContain('tpl_dialogue_disclosure');
  }, 120_000);

  it('counts a wrong CURP ending as a failed try, discloses nothing, then verifies the right one (es)', async () => {
    const phone = '+525511112222';
    const { orgId, account } = await debtorWith(h, 'curp', {
      phone,
      date_of_birth: '',
      national_id_last4: 'rn09',
    });
    await sms(h, phone, 'buenas tardes');
    await sms(h, phone, 'mi curp termina en RN08');
    let conv = await conversation(orgId, account.id);
    expect(conv.state.verification).toMatchObject({ tries: 1, verifiedAtTurn: null });
    for (const m of await sentReplies(h, account.id)) expect(m.text).not.toMatch(/\$|MXN|Banco|saldo/i);

    await sms(h, phone, 'perdon, termina en rn-09');
    conv = await conversation(orgId, account.id);
    expect(conv.state.verification).toMatchObject({ tries: 2, verifiedAtTurn: 3 });
  }, 120_000);

  it('verifies an English speaker by a CURP ending and a US debtor by the SSN digits, as before (en)', async () => {
    const mx = '+525511113333';
    const curp = await debtorWith(h, 'curp-en', {
      phone: mx,
      language: 'en',
      date_of_birth: '',
      national_id_last4: 'RN09',
    });
    await sms(h, mx, 'hi, who is this?');
    await sms(h, mx, 'it ends in RN09');
    expect((await conversation(curp.orgId, curp.account.id)).state.verification.verifiedAtTurn).toBe(2);

    const us = '+12125550177';
    const ssn = await debtorWith(
      h,
      'ssn',
      { ...usDebtor(us), date_of_birth: '', national_id_last4: '1120' },
      US_PORTFOLIO,
    );
    await sms(h, us, 'hi');
    await sms(h, us, 'last 4 are 1120');
    expect((await conversation(ssn.orgId, ssn.account.id)).state.verification.verifiedAtTurn).toBe(2);
  }, 120_000);
});
