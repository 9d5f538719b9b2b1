import { readFileSync, readdirSync } from 'node:fs';
import { train, parse, evaluate, type EvalItem } from './index.js';
const dir = 'packages/core/nlu-corpus';
const rows = readdirSync(dir).filter((f) => f.endsWith('.train.jsonl')).flatMap((f) => readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)));
const K = 5;
const items: EvalItem[] = [];
const errs: string[] = [];
const entErr: string[] = [];
for (let k = 0; k < K; k++) {
  const tr = rows.filter((_, i) => i % K !== k);
  const te = rows.filter((_, i) => i % K === k);
  const model = train(tr);
  for (const r of te) {
    const p = parse(r.text, { model, now: r.now ?? '2026-11-24T10:00:00', timezone: r.timezone });
    items.push({ gold: r.intent, predicted: p.intent, goldSecondary: r.secondary, predictedSecondary: p.secondary, goldEntities: r.entities ?? {}, predictedEntities: p.entities });
    if (p.intent !== r.intent) errs.push(`${r.intent} → ${p.intent} (${p.confidence}) | ${r.text}`);
    for (const key of ['amount','date','installments','channel','timeOfDay']) {
      const g = JSON.stringify(r.entities?.[key]); const q = JSON.stringify((p.entities as any)[key]);
      if (g !== q && (g !== undefined || process.env.SPUR)) entErr.push(`${key}: gold ${g} got ${q} | ${r.text} ${r.variant}`);
    }
  }
}
const rep = evaluate(items);
console.log('n', rep.n, 'acc', rep.accuracy.toFixed(3), 'macroF1', rep.macroF1.toFixed(3), 'stop', rep.stopRecall, rep.stopAnywhereRecall);
for (const [k, v] of Object.entries(rep.entities)) console.log(k, v);
if (process.env.V) { console.log(errs.join('\n')); console.log(entErr.join('\n')); }
