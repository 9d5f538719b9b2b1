// Messages whose provider never answered (ADR 0011) wait for a person: listed for the organisation
// only, decided once, and the decision changes whether they count against the contact caps.
import { expect, it } from 'vitest';
import { historyForDebtors } from '../src/modules/channels/adapters/sql/outbound-message-reads.js';
import { T0, httpHarness, importRows, makeRow, newTenant } from './fixtures.js';
import { describeStorage } from './storage.js';

describeStorage('unknown outcomes: a person decides', (mode) => {
  const h = httpHarness(mode);

  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  /** A tenant with one debtor and two WhatsApp messages the provider never answered for. */
  async function doubtfulMessages() {
    const t = await newTenant(h.platform);
    const agent = (await h.platform.auth.createApiKey(t.orgId, 'agent', 'agent')).key;
    await importRows(h.platform, t.orgId, [makeRow()]);
    const [account] = (await h.platform.record.listAccounts(t.orgId, { limit: 1 })).items;
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const { rows } = await h.db.query<{ id: string }>(
        `INSERT INTO outbound_messages (org_id, debtor_id, account_id, channel, template_id, recipient, provider,
                                        idempotency_key, status, requested_by, error, retryable, created_at, updated_at)
         VALUES ($1, $2, $3, 'whatsapp', 'tpl_reminder', '+525512345678', 'meta', $4, 'failed', 'strategy:stg_1',
                 'outcome_unknown: no answer within 15000 ms', false, $5, $5) RETURNING id`,
        // A minute apart: the compliance history lists them in time order.
        [t.orgId, account!.debtorId, account!.id, `doubt-${n}`, new Date(Date.parse(T0) + n * 60_000)],
      );
      ids.push(rows[0]!.id);
    }
    return { t, agent, account: account!, ids };
  }

  const countsAsContact = async (orgId: string, debtorId: string) =>
    (
      await historyForDebtors(
        h.db,
        orgId,
        [debtorId],
        new Date('2026-11-01T00:00:00Z'),
        new Date('2026-12-31T00:00:00Z'),
      )
    )
      .get(debtorId)!
      .map((h) => h.handedToProvider);

  it('lists them for the organisation, and each counts as a contact until decided', async () => {
    const { t, agent, account, ids } = await doubtfulMessages();
    const res = await h.app.inject({ url: '/v1/channels/unknown-outcomes', headers: bearer(agent) });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .items.map((i: { messageId: string }) => i.messageId)
        .sort(),
    ).toEqual([...ids].sort());
    expect(res.json().items[0]).toMatchObject({
      accountId: account.id,
      channel: 'whatsapp',
      provider: 'meta',
      detail: expect.stringMatching(/^outcome_unknown/),
    });
    expect(await countsAsContact(t.orgId, account.debtorId)).toEqual([true, true]);
    const other = await newTenant(h.platform);
    const theirs = await h.app.inject({ url: '/v1/channels/unknown-outcomes', headers: bearer(other.key) });
    expect(theirs.json().items).toEqual([]);
  });

  it('not delivered: no longer a contact; delivered: a sent contact; each noted on the timeline, once', async () => {
    const { t, agent, account, ids } = await doubtfulMessages();
    const decide = (id: string, body: object, key = agent) =>
      h.app.inject({
        method: 'POST',
        url: `/v1/channels/unknown-outcomes/${id}/resolution`,
        headers: bearer(key),
        payload: body,
      });
    const notDelivered = await decide(ids[0]!, {
      delivered: false,
      note: 'Meta console: no message to this number',
    });
    expect(notDelivered.statusCode, notDelivered.body).toBe(200);
    const delivered = await decide(ids[1]!, { delivered: true, note: 'the debtor says it arrived' });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(await countsAsContact(t.orgId, account.debtorId)).toEqual([false, true]);
    const status = await h.db.query<{ status: string }>(
      'SELECT status FROM outbound_messages WHERE id = ANY($1) ORDER BY created_at',
      [ids],
    );
    expect(status.rows.map((r) => r.status)).toEqual(['failed', 'sent']);

    const again = await decide(ids[0]!, { delivered: true, note: 'changed my mind' });
    expect(again.statusCode).toBe(409);
    const list = await h.app.inject({ url: '/v1/channels/unknown-outcomes', headers: bearer(agent) });
    expect(list.json().items).toEqual([]);

    const timeline = await h.app.inject({
      url: `/v1/accounts/${account.id}/timeline?limit=50`,
      headers: bearer(t.key),
    });
    const notes = (
      timeline.json().items as { kind: string; actor: string; summary: string; data: { note?: string } }[]
    ).filter((e) => e.kind === 'note' && e.actor === 'agent');
    expect(notes.map((n) => n.data.note)).toEqual(
      expect.arrayContaining(['Meta console: no message to this number', 'the debtor says it arrived']),
    );
    // The person's words are sealed under the debtor's key, never in clear.
    const clear = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM timeline_events WHERE org_id = $1 AND (summary LIKE '%Meta console%' OR data::text LIKE '%Meta console%')`,
      [t.orgId],
    );
    expect(clear.rows[0]!.n).toBe(0);
  });

  it('is strict and tenant-isolated: 404 elsewhere, 403 for a strategist, 400 naming an unknown field', async () => {
    const { t, ids } = await doubtfulMessages();
    const other = await newTenant(h.platform);
    const strategist = (await h.platform.auth.createApiKey(t.orgId, 's', 'strategist')).key;
    const post = (key: string, body: object) =>
      h.app.inject({
        method: 'POST',
        url: `/v1/channels/unknown-outcomes/${ids[0]}/resolution`,
        headers: bearer(key),
        payload: body,
      });
    expect((await post(other.key, { delivered: false, note: 'x' })).statusCode).toBe(404);
    expect((await post(strategist, { delivered: false, note: 'x' })).statusCode).toBe(403);
    const unknown = await post(t.key, { delivered: false, note: 'x', resend: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('resend');
    expect((await post(t.key, { delivered: 'no', note: 'x' })).statusCode).toBe(400);
    const untouched = await h.db.query<{ error: string }>(
      'SELECT error FROM outbound_messages WHERE id = $1',
      [ids[0]],
    );
    expect(untouched.rows[0]!.error).toMatch(/^outcome_unknown/);
  });
});
