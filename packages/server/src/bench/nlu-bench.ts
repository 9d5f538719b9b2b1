import { performance } from 'node:perf_hooks';
import { parse } from '@saldo/core/nlu';
import { readCorpus } from '@saldo/models/nlu-corpus';
import { loadNluModel } from '../modules/nlu/index.js';

/**
 * NLU throughput on one core: load (model cache, or training on a miss), then parse every test utterance
 * repeatedly after a warm-up pass. Targets: load < 2 s, ≥ 2,000 utterances/s, p99 < 5 ms.
 */
export async function runNluBench(
  log: (line: string) => void,
  opts: { cacheDir: string | null },
): Promise<{ name: string; utterancesPerSecond: number; p99Ms: number; loadMs: number }> {
  const { model, loadMs } = await loadNluModel({ cacheDir: opts.cacheDir });
  const test = await readCorpus('test');
  const inputs =
    test.length > 0
      ? test
      : [
          {
            text: 'te pago 500 pesos el viernes',
            timezone: 'America/Mexico_City',
            now: '2026-11-24T10:00:00',
          },
        ];
  const run = (i: (typeof inputs)[number]) =>
    parse(i.text, { model, now: i.now ?? '2026-11-24T10:00:00', timezone: i.timezone });
  for (const i of inputs) run(i);
  const times: number[] = [];
  const t0 = performance.now();
  for (let round = 0; round < 3; round++) {
    for (const i of inputs) {
      const s = performance.now();
      run(i);
      times.push(performance.now() - s);
    }
  }
  const total = performance.now() - t0;
  times.sort((a, b) => a - b);
  const result = {
    name: 'nlu.parse',
    utterancesPerSecond: Math.round((times.length / total) * 1000),
    p99Ms: Number((times[Math.floor(times.length * 0.99)] ?? 0).toFixed(3)),
    loadMs: Math.round(loadMs),
  };
  log(
    `nlu: load ${result.loadMs} ms, ${result.utterancesPerSecond} utterances/s, p99 ${result.p99Ms} ms (${times.length} parses)`,
  );
  return result;
}
