// Data protection end to end (ADR 0010, docs/privacy.md): the export of everything held on a debtor,
// erasure by crypto-shredding with the mutable tables scrubbed, suppression of the erased person's
// addresses, and retention per organisation — on both storage modes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/shared/db/db.js';
import { createDebtorVault, debtorKeyBox, resealDebtorKeys } from '../src/shared/crypto/debtor-vault.js';
import { ManualClock } from '../src/shared/clock/manual-clock.js';
import { describeStorage } from './storage.js';
import { bearer, makeRow, newTenant, T0 } from './fixtures.js';
import {
  debtorWith,
  openDialogueHarness,
  sentReplies,
  sms,
  type DialogueHarness,
} from './dialogue-support.js';

const SECRET = 'dialogue-secret-0123456789abcdef';
const DAY = 86_400_000;

/** Every row of every table of the schema, as text: what a database dump would hold. */
async function dump(db: Db): Promise<string> {
  const tables = await db.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  let out = '';
  for (const { t } of tables.rows) {
    const rows = await db.query<{ r: string }>(`SELECT x::text AS r FROM "${t}" x`);
    out += `${t}\n${rows.rows.map((x) => x.r).join('\n')}\n`;
  }
  return out;
}

describeStorage('privacy: export, erasure, suppression, retention', (mode) => {
  let h: DialogueHarness;
  let dpo: string;
  beforeAll(async () => {
    h = await openDialogueHarness(await mode.open());
    dpo = (await h.platform.auth.createApiKey(h.platform.defaultOrgId, 'dpo', 'compliance')).key;
  });
  afterAll(() => h.close());

  const exportOf = (debtorId: string, key = dpo) =>
    h.app.inject({ method: 'GET', url: `/v1/debtors/${debtorId}/personal-data`, headers: bearer(key) });
  const erase = (debtorId: string, body: unknown = { reason: 'Art. 17 request REF-2026-11' }, key = dpo) =>
    h.app.inject({
      method: 'POST',
      url: `/v1/debtors/${debtorId}/erasure`,
      headers: bearer(key),
      payload: body as Record<string, unknown>,
    });
  const count = async (sql: string, params: unknown[]) =>
    Number((await h.db.query<{ n: string | number }>(sql, params)).rows[0]!.n);

  describe('a debtor who conversed, paid and asked to be erased', () => {
    const person = {
      first_name: 'Zoraida',
      last_name: 'Quintanilla Berroterán',
      email: 'zoraida.quintanilla@example.com',
      phone: '+525599990001',
      national_id_last4: '7Q9Z',
    };
    const said = ['Hola, soy Zoraida, ¿qué necesitan?', '12/04/1988', 'ok, el viernes le pago todo'];
    let orgId: string;
    let accountId: string;
    let debtorId: string;
    let botSaid: string[];
    let timelineBefore: number;
    let timelineAtErasure: number;

    it('converses by SMS (the data the rest of this block exports and erases)', async () => {
      const d = await debtorWith(h, 'erase', person);
      orgId = d.orgId;
      accountId = d.account.id;
      debtorId = d.account.debtorId;
      for (const text of said) await sms(h, person.phone, text);
      botSaid = (await sentReplies(h, accountId)).map((m) => m.text);
      timelineBefore = await count('SELECT count(*) AS n FROM timeline_events WHERE debtor_id = $1', [
        debtorId,
      ]);
      expect(timelineBefore).toBeGreaterThan(said.length);
    }, 120_000);

    it('seals what was said on the timeline: no message text in clear, the facts are', async () => {
      expect(botSaid.length).toBeGreaterThan(1);
      const rows = await h.db.query<{ r: string; personal: string | null }>(
        'SELECT t::text AS r, personal FROM timeline_events t WHERE debtor_id = $1',
        [debtorId],
      );
      const clear = rows.rows.map((x) => x.r).join('\n');
      for (const text of [...said, ...botSaid, person.phone]) expect(clear).not.toContain(text);
      expect(rows.rows.filter((x) => x.personal?.startsWith('p1:')).length).toBeGreaterThanOrEqual(
        said.length,
      );
      // The API reads them opened.
      const api = await h.app.inject({
        method: 'GET',
        url: `/v1/debtors/${debtorId}/timeline?limit=200`,
        headers: bearer(dpo),
      });
      const summaries = (api.json() as { items: { summary: string; erased: boolean }[] }).items.map(
        (e) => e.summary,
      );
      expect(summaries).toEqual(expect.arrayContaining([said[0], botSaid[0]]));
    });

    it('exports every personal datum as a no-store attachment, on the audit trail', async () => {
      const res = await exportOf(debtorId);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="personal-data-dbt_/);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document read field by field
      const doc = res.json() as Record<string, any>;
      expect(doc.erased).toBe(false);
      expect(doc.about.es).toMatch(/datos personales/);
      expect(doc.debtor).toMatchObject({
        first_name: person.first_name,
        last_name: person.last_name,
        date_of_birth_hash_held: true,
        national_id_hash_held: true,
      });
      expect(doc.contactPoints.map((c: { value: string }) => c.value).sort()).toEqual(
        [person.email, person.phone].sort(),
      );
      expect(doc.accounts).toHaveLength(1);
      expect(doc.promises).toHaveLength(1);
      expect(doc.conversations[0].turns.map((t: { text: string }) => t.text)).toEqual(
        expect.arrayContaining(said),
      );
      expect(doc.timeline.map((e: { summary: string }) => e.summary)).toEqual(expect.arrayContaining(said));
      expect(doc.messagesSent.length).toBe(botSaid.length);
      expect(doc.messagesReceived.map((m: { payload: { text: string } }) => m.payload.text).sort()).toEqual(
        [...said].sort(),
      );
      const audit = await h.platform.audit.list(orgId, { limit: 50 });
      expect(audit.map((e) => `${e.action} ${e.target}`)).toEqual(
        expect.arrayContaining([expect.stringContaining(`/v1/debtors/${debtorId}/personal-data`)]),
      );
    });

    it('refuses while the account is still being collected, naming it', async () => {
      const res = await erase(debtorId);
      expect(res.statusCode).toBe(409);
      expect(res.json().detail ?? res.json().title).toContain(accountId);
      expect(await count('SELECT count(*) AS n FROM contact_points WHERE debtor_id = $1', [debtorId])).toBe(
        2,
      );
    });

    it('erases once paid: nothing personal left in any table, the facts and the audit chain intact', async () => {
      const acct = await h.platform.record.getAccount(orgId, accountId);
      await h.platform.record.recordPayment(orgId, {
        accountId,
        amountMinor: acct!.balanceMinor,
        currency: 'MXN',
        source: 'test',
        actor: 'agent',
      });
      const res = await erase(debtorId);
      expect(res.statusCode, res.body).toBe(200);
      const result = res.json();
      timelineAtErasure = await count('SELECT count(*) AS n FROM timeline_events WHERE debtor_id = $1', [
        debtorId,
      ]);
      expect(result).toMatchObject({
        debtorId,
        basis: 'request',
        keyShredded: true,
        repeated: false,
        suppressedAddresses: 2,
        kept: { accounts: 1, payments: 1, timelineEntries: timelineAtErasure },
      });
      expect(result.scrubbed.contactPoints).toBe(2);
      expect(result.scrubbed.conversationTurns).toBeGreaterThan(2);

      const all = await dump(h.db);
      for (const s of [person.first_name, 'Quintanilla', person.email, person.phone, ...said, ...botSaid])
        expect(all, s).not.toContain(s);
      // The timeline keeps every entry (the conversation's, the payment's and the erasure's), unreadable now.
      expect(timelineAtErasure).toBeGreaterThan(timelineBefore);
      const api = await h.app.inject({
        method: 'GET',
        url: `/v1/debtors/${debtorId}/timeline?limit=200`,
        headers: bearer(dpo),
      });
      const items = (api.json() as { items: { kind: string; personal: unknown; erased: boolean }[] }).items;
      const messages = items.filter((e) => e.kind === 'message');
      expect(messages.length).toBeGreaterThanOrEqual(said.length);
      expect(messages.every((e) => e.erased && e.personal === null)).toBe(true);
      expect(items.map((e) => e.kind)).toContain('privacy');
      // Payments, balance and status are facts kept.
      const after = await h.platform.record.getAccount(orgId, accountId);
      expect(after).toMatchObject({ balanceMinor: 0, status: 'paid' });
      expect(await count('SELECT count(*) AS n FROM payments WHERE account_id = $1', [accountId])).toBe(1);
      expect((await h.platform.audit.verify(orgId)).breaks).toEqual([]);
      expect(
        await count(
          `SELECT count(*) AS n FROM domain_events WHERE type = 'debtor.erased' AND payload->>'debtorId' = $1`,
          [debtorId],
        ),
      ).toBe(1);
    });

    it('a second erasure answers 200 with the same result', async () => {
      const first = await h.db.query<{ result: { erasedAt: string } }>(
        'SELECT result FROM privacy_erasures WHERE debtor_id = $1',
        [debtorId],
      );
      h.clock.advance(60_000);
      const res = await erase(debtorId, { reason: 'asked again' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ repeated: true, erasedAt: first.rows[0]!.result.erasedAt });
    });

    it('the export after erasure holds the facts and says when the data was erased', async () => {
      const res = await exportOf(debtorId);
      expect(res.statusCode).toBe(200);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document read field by field
      const doc = res.json() as Record<string, any>;
      expect(doc.erased).toBe(true);
      expect(doc.erasure).toMatchObject({ basis: 'request', reason: 'Art. 17 request REF-2026-11' });
      expect(doc.contactPoints).toEqual([]);
      expect(doc.payments).toHaveLength(1);
      const text = JSON.stringify(doc);
      for (const s of [person.first_name, 'Quintanilla', person.email, person.phone, ...said])
        expect(text).not.toContain(s);
    });

    it('an SMS from the erased number is recognised, and its opt-out outlives a re-import under a new reference', async () => {
      await sms(h, person.phone, 'STOP');
      // Not matched to anyone: the erased debtor's timeline does not grow.
      expect(await count('SELECT count(*) AS n FROM timeline_events WHERE debtor_id = $1', [debtorId])).toBe(
        timelineAtErasure,
      );
      const supp = await h.db.query<{ opted_out_channels: string[] }>(
        'SELECT opted_out_channels FROM privacy_suppressions WHERE erased_debtor_id = $1',
        [debtorId],
      );
      expect(supp.rows.some((r) => r.opted_out_channels.includes('sms'))).toBe(true);
      // The creditor sends the same person again under a new reference, with texting consent.
      const again = await debtorWith(h, 'erase-again', { phone: person.phone, consent_sms: 'true' });
      const outcome = await h.platform.channels.messaging.contact({
        orgId,
        accountId: again.account.id,
        channel: 'sms',
        templateId: 'tpl_default_reminder_sms_es-MX',
        idempotencyKey: 'privacy-suppressed-1',
        requestedBy: { kind: 'agent', id: 'usr_test' },
      });
      expect(outcome).toMatchObject({ kind: 'refused' });
      expect(JSON.stringify(outcome)).toContain('SALDO-ERASED-OPT-OUT');
    });

    it('a re-import of the same reference does not bring the personal data or contact permission back', async () => {
      await h.platform.imports.importRows(
        orgId,
        [makeRow({ external_ref: 'A-erase', debtor_ref: 'D-erase', date_of_birth: '1988-04-12', ...person })],
        {
          portfolio: { code: 'pf-erase', currency: 'MXN', country: 'MX' },
          mode: 'all_or_nothing',
          sourceName: 'test',
        },
      );
      const d = await h.db.query<{ first_name: string; last_name: string; dob_hash: string | null }>(
        'SELECT first_name, last_name, dob_hash FROM debtors WHERE id = $1',
        [debtorId],
      );
      expect(d.rows[0]).toEqual({ first_name: '', last_name: '[erased]', dob_hash: null });
      expect(await count('SELECT count(*) AS n FROM contact_points WHERE debtor_id = $1', [debtorId])).toBe(
        0,
      );
      expect(
        await count(`SELECT count(*) AS n FROM channel_consents WHERE debtor_id = $1 AND state = 'granted'`, [
          debtorId,
        ]),
      ).toBe(0);
    });
  });

  describe('entries written before migration 0070', () => {
    it("stay append-only, except the scrub of their personal part inside that debtor's erasure", async () => {
      const { orgId, account } = await debtorWith(h, 'legacy', {
        phone: '+525599990004',
        email: 'legacy@example.com',
      });
      const legacy = 'Mensaje viejo de Eulalia con su dirección Calle Falsa 123';
      // An entry as writers stored it before the personal part was sealed.
      await h.db.query(
        `INSERT INTO timeline_events (org_id, debtor_id, account_id, occurred_at, kind, actor, channel, direction, summary, data)
         VALUES ($1, $2, $3, $4, 'message', 'debtor', 'sms', 'inbound', $5, $6)`,
        [
          orgId,
          account.debtorId,
          account.id,
          T0,
          legacy,
          JSON.stringify({ from: '+525599990004', inboundId: 'inb_legacy' }),
        ],
      );
      await h.db.query(
        'UPDATE privacy_legacy_timeline SET last_seq = (SELECT max(seq) FROM timeline_events) WHERE id = 1',
      );
      // Append-only for every ordinary write…
      await expect(
        h.db.query(`UPDATE timeline_events SET summary = '[erased]' WHERE debtor_id = $1`, [
          account.debtorId,
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(
        h.db.query('DELETE FROM timeline_events WHERE debtor_id = $1', [account.debtorId]),
      ).rejects.toThrow(/append-only/);
      // …and for the erasure's own exception, anything but removing personal keys is refused.
      await expect(
        h.db.transaction(async (tx) => {
          await tx.query(`SELECT set_config('saldo.erasing_debtor', $1, true)`, [account.debtorId]);
          await tx.query(
            `UPDATE timeline_events SET summary = '[erased]', data = data || '{"amountMinor": 1}' WHERE debtor_id = $1`,
            [account.debtorId],
          );
        }),
      ).rejects.toThrow(/append-only/);
      await h.db.query(`UPDATE accounts SET status = 'closed' WHERE id = $1`, [account.id]);
      expect((await erase(account.debtorId)).statusCode).toBe(200);
      const row = await h.db.query<{ summary: string; data: Record<string, unknown> }>(
        `SELECT summary, data FROM timeline_events WHERE debtor_id = $1 AND kind = 'message'`,
        [account.debtorId],
      );
      expect(row.rows).toEqual([{ summary: '[erased]', data: { inboundId: 'inb_legacy' } }]);
      expect(await dump(h.db)).not.toContain('Eulalia');
    });
  });

  describe('the API is strict and tenant-isolated', () => {
    it('404 for another organisation, 403 for an agent, 400 naming an unknown field', async () => {
      const { account } = await debtorWith(h, 'strict', {
        phone: '+525599990002',
        email: 'strict@example.com',
      });
      const other = await newTenant(h.platform, 'admin');
      expect((await exportOf(account.debtorId, other.key)).statusCode).toBe(404);
      expect((await erase(account.debtorId, { reason: 'x' }, other.key)).statusCode).toBe(404);
      const agent = (await h.platform.auth.createApiKey(h.platform.defaultOrgId, 'agent', 'agent')).key;
      expect((await exportOf(account.debtorId, agent)).statusCode).toBe(403);
      const bad = await erase(account.debtorId, { reason: 'x', hard: true });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('hard');
      expect((await erase(account.debtorId, { reason: '' })).statusCode).toBe(400);
      expect(
        await count('SELECT count(*) AS n FROM privacy_erasures WHERE debtor_id = $1', [account.debtorId]),
      ).toBe(0);
    });
  });

  describe('retention', () => {
    it('erases only debtors whose accounts are all closed for longer than the period', async () => {
      const { key, orgId } = await newTenant(h.platform, 'admin');
      const put = (body: unknown) =>
        h.app.inject({
          method: 'PUT',
          url: '/v1/privacy/retention',
          headers: bearer(key),
          payload: body as object,
        });
      expect((await put({ closedAccountDays: 10 })).statusCode).toBe(400);
      expect((await put({ closedAccountDays: 30, extra: 1 })).statusCode).toBe(400);
      expect((await put({ closedAccountDays: 30 })).json()).toMatchObject({
        closedAccountDays: 30,
        version: 1,
      });
      const rows = ['paid-early', 'paid-late', 'active'].map((ref, i) =>
        makeRow({
          external_ref: `A-${ref}`,
          debtor_ref: `D-${ref}`,
          phone: `+52559999100${i}`,
          email: `${ref}@example.com`,
        }),
      );
      await h.platform.imports.importRows(orgId, rows, {
        portfolio: { code: 'pf-ret', currency: 'MXN', country: 'MX' },
        mode: 'all_or_nothing',
        sourceName: 'test',
      });
      const accounts = (await h.platform.record.listAccounts(orgId, { limit: 10 })).items;
      const byRef = (ref: string) => accounts.find((a) => a.externalRef === `A-${ref}`)!;
      const pay = (ref: string) =>
        h.platform.record.recordPayment(orgId, {
          accountId: byRef(ref).id,
          amountMinor: byRef(ref).balanceMinor,
          currency: 'MXN',
          source: 'test',
          actor: 'agent',
        });
      const start = h.clock.now();
      await pay('paid-early');
      h.clock.advance(20 * DAY);
      await pay('paid-late');
      h.clock.set(new Date(start.getTime() + 31 * DAY));
      expect(await h.platform.privacy.eraseExpired()).toEqual({ erased: 1 });
      const erased = await h.db.query<{ external_ref: string; basis: string; actor_kind: string }>(
        `SELECT d.external_ref, e.basis, e.actor_kind FROM privacy_erasures e JOIN debtors d ON d.id = e.debtor_id WHERE e.org_id = $1`,
        [orgId],
      );
      expect(erased.rows).toEqual([
        { external_ref: 'D-paid-early', basis: 'retention', actor_kind: 'system' },
      ]);
      // A second run finds nothing more; the late one goes once its own period has passed.
      expect(await h.platform.privacy.eraseExpired()).toEqual({ erased: 0 });
      h.clock.set(new Date(start.getTime() + 51 * DAY));
      expect(await h.platform.privacy.eraseExpired()).toEqual({ erased: 1 });
      expect(await count('SELECT count(*) AS n FROM privacy_erasures WHERE org_id = $1', [orgId])).toBe(2);
      h.clock.set(T0);
    });
  });

  describe('key rotation', () => {
    it('re-seals debtor keys: sealed text still opens with the new root key alone', async () => {
      const { account } = await debtorWith(h, 'rotate', {
        phone: '+525599990003',
        email: 'rotate@example.com',
      });
      const clock = new ManualClock(T0);
      const oldVault = createDebtorVault({ current: SECRET, retired: [] }, clock);
      const item = { orgId: h.platform.defaultOrgId, debtorId: account.debtorId, purpose: 'timeline' };
      const [sealed] = await oldVault.sealMany(h.db, [{ ...item, plain: 'texto sellado' }]);
      const next = 'rotated-root-key-0123456789abcdef';
      const n = await h.db.transaction((tx) =>
        resealDebtorKeys(tx, debtorKeyBox(SECRET), debtorKeyBox(next)),
      );
      expect(n).toBeGreaterThanOrEqual(1);
      const newVault = createDebtorVault({ current: next, retired: [] }, clock);
      expect(await newVault.openMany(h.db, [{ ...item, sealed: sealed! }])).toEqual(['texto sellado']);
      await expect(oldVault.openMany(h.db, [{ ...item, sealed: sealed! }])).rejects.toThrow();
      // Back, so the rest of the suite's platform opens its keys.
      await h.db.transaction((tx) => resealDebtorKeys(tx, debtorKeyBox(next), debtorKeyBox(SECRET)));
    });
  });
});
