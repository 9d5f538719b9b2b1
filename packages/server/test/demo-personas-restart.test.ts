// The demo converses after a restart, on both storage modes: one platform loads the demo portfolio;
// a second platform on the same database (a restarted `npm start`, or a worker of its own) knows who
// the demo debtors are — generated again from the recorded demo loads and checked against the HMACs
// the record keeps — and a demo debtor answers the bot's identity check with their date of birth.
import { dobCandidates } from '@saldo/core/dialogue';
import { generatePortfolioDebtors } from '@saldo/core/demo';
import { sandboxConversationPhrases } from '@saldo/core/channels';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPersonaOf, loadDemoPortfolio } from '../src/modules/imports/index.js';
import { ManualClock } from '../src/shared/clock/manual-clock.js';
import { buildDialoguePlatform, openDialogueHarness, sms, type DialogueHarness } from './dialogue-support.js';
import { T0 } from './fixtures.js';
import { describeStorage } from './storage.js';

const DAY = 86_400_000;

describeStorage('the demo after a restart', (mode) => {
  let h: DialogueHarness;
  beforeAll(async () => {
    const db = await mode.open();
    const first = await buildDialoguePlatform(db, new ManualClock(T0));
    const personas = first.channels.sandboxPersonas;
    await loadDemoPortfolio({ ...first, personas }, first.defaultOrgId, { debtors: 40, seed: 3 });
    await first.channels.close();
    // The restart: a new platform, nothing in memory, the same database.
    h = await openDialogueHarness(db);
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  /** Who the generator made each demo debtor: the truth the sandbox's personas are checked against. */
  async function generated(orgId: string) {
    const loads = await h.platform.demoLoads.list(orgId);
    expect(loads.map((l) => l.portfolioCode)).toEqual(['demo-mx', 'demo-es', 'demo-co', 'demo-us']);
    const rows = loads.flatMap((l) => [...generatePortfolioDebtors({ ...l, countries: [l.country] })]);
    return new Map(rows.map((d) => [d.debtorRef, demoPersonaOf(d.rows[0]!)]));
  }

  it('knows every demo debtor again: the date of birth and id the generator wrote', async () => {
    const orgId = h.platform.defaultOrgId;
    const truth = await generated(orgId);
    for (const [ref, persona] of truth)
      expect(await h.platform.channels.sandboxPersonas.get(orgId, ref)).toEqual(persona);
    expect([...truth.values()].filter((p) => p !== null).length).toBeGreaterThan(30);
  }, 60_000);

  it('a demo debtor answers the identity check with their date of birth', async () => {
    const orgId = h.platform.defaultOrgId;
    const truth = await generated(orgId);
    // Mexican demo debtors with a date of birth who can be texted (09:00 in Mexico City).
    const candidates = (
      await h.db.query<{ external_ref: string; phone: string; account_id: string }>(
        `SELECT d.external_ref, cp.value AS phone, min(a.id) AS account_id
           FROM debtors d
           JOIN contact_points cp ON cp.debtor_id = d.id AND cp.kind = 'phone' AND cp.line_type = 'mobile'
           JOIN channel_consents c ON c.debtor_id = d.id AND c.channel = 'sms' AND c.state = 'granted'
           JOIN accounts a ON a.debtor_id = d.id AND a.status = 'active'
          WHERE d.org_id = $1 AND d.country = 'MX' AND d.language = 'es' AND d.dob_hash IS NOT NULL
          GROUP BY d.external_ref, cp.value ORDER BY d.external_ref`,
        [orgId],
      )
    ).rows;
    expect(candidates.length).toBeGreaterThan(3);
    const dontKnow = new Set(sandboxConversationPhrases.es.dontKnow);
    const answers: { text: string; dob: string }[] = [];
    // A simulated person may not answer (they drop out): ask several until one does.
    for (const c of candidates.slice(0, 8)) {
      await sms(h, c.phone, 'hola');
      h.clock.advance(30 * 60_000);
      await h.platform.channels.tickSandbox();
      await h.platform.events.drain();
      const [conv] = await h.platform.dialogue.conversations.forAccount(orgId, c.account_id, 10);
      const said = conv?.turns.filter((t) => t.actor === 'debtor').map((t) => t.text) ?? [];
      if (said[1] !== undefined) answers.push({ text: said[1], dob: truth.get(c.external_ref)!.dob! });
      if (answers.length >= 3) break;
    }
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect(dontKnow.has(a.text), a.text).toBe(false);
    // The real date, or a typo of a day next to it (about one first answer in eight).
    const near = (a: { text: string; dob: string }) =>
      dobCandidates(a.text, 'es', 2026).some((d) => Math.abs(Date.parse(d) - Date.parse(a.dob)) <= DAY);
    expect(answers.some(near), JSON.stringify(answers)).toBe(true);
  }, 120_000);
});
