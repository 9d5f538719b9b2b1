import { performance } from 'node:perf_hooks';
import { parseInstant } from '@saldo/core/calendar';
import { newConversation, replayContext, step, type Conversation } from '@saldo/core/dialogue';
import { parse } from '@saldo/core/nlu';
import { defaultOfferPolicy } from '@saldo/core/offers';
import { readDialogueSet } from '@saldo/models/dialogue';
import { loadNluModel } from '../modules/nlu/index.js';

/**
 * Conversation turns on one core: every turn of the conversation set (dev and held-out) through the
 * NLU and the engine, as the runner does it (the conversation read back from its JSON each turn, as
 * from the jsonb column), after a warm-up pass. Saldo's own time per turn; target p99 well under
 * the 300 ms per reply, ≥ 1,000 turns/s.
 */
export async function runDialogueBench(
  log: (line: string) => void,
  opts: { cacheDir: string | null },
): Promise<{ name: string; turnsPerSecond: number; p99Ms: number; p50Ms: number; turns: number }> {
  const { model } = await loadNluModel({ cacheDir: opts.cacheDir });
  const cases = [...(await readDialogueSet('dev')), ...(await readDialogueSet('heldout'))];
  const now = parseInstant('2026-11-24T16:00:00Z');
  const prepared = cases.map((c) => ({
    input: c.input,
    context: replayContext(c.input, { model, policy: defaultOfferPolicy, now }),
  }));
  const times: number[] = [];
  const runAll = (record: boolean) => {
    for (const { input, context } of prepared) {
      let stored = JSON.stringify(newConversation(input.lang));
      for (const text of input.turns) {
        const t = performance.now();
        const understanding = parse(text, { model, now: new Date(now), timezone: context.account.timeZone });
        const conversation = JSON.parse(stored) as Conversation;
        const result = step(conversation, { text, channel: input.channel, understanding }, context);
        stored = JSON.stringify(result.conversation);
        if (record) times.push(performance.now() - t);
      }
    }
  };
  runAll(false);
  const t0 = performance.now();
  for (let round = 0; round < 5; round++) runAll(true);
  const total = performance.now() - t0;
  times.sort((a, b) => a - b);
  const at = (q: number) => Number((times[Math.floor(times.length * q)] ?? 0).toFixed(3));
  const result = {
    name: 'dialogue.turn',
    turnsPerSecond: Math.round((times.length / total) * 1000),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    turns: times.length,
  };
  log(
    `dialogue: ${result.turnsPerSecond} turns/s (NLU + engine), p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms (${result.turns} turns)`,
  );
  return result;
}
