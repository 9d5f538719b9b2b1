import { createInterface } from 'node:readline';
import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { NluParseInput, parse } from '@saldo/core/nlu';
import {
  crossValidate,
  evaluate,
  holdoutValidate,
  sourceOf,
  type EvalItem,
  type EvalReport,
} from '@saldo/models/nlu';
import type { CliIo } from '../io.js';
import { loadConfig } from '../../platform/config.js';

/**
 * `saldo nlu parse|train|eval`. The NLU adapters (corpus and model files, the system clock) are
 * loaded lazily so the other commands never pay for them; see docs/nlu.md.
 */
async function adapters() {
  const [nlu, clock, corpus, models] = await Promise.all([
    import('../../modules/nlu/index.js'),
    import('../../shared/clock/system-clock.js'),
    import('@saldo/models/nlu-corpus'),
    import('@saldo/models/nlu'),
  ]);
  return {
    ...nlu,
    systemClock: clock.systemClock,
    readCorpus: corpus.readCorpus,
    parseExamples: models.parseExamples,
  };
}

/** The NLU slice of the configuration (validated: a bad SALDO_NLU_* fails fast with one clear message). */
function nluConfig(io: CliIo) {
  return loadConfig(io.env).nlu;
}

function line(io: CliIo, obj: unknown): void {
  io.stdout.write(`${JSON.stringify(obj)}\n`);
}

/** Replies whose answer may wait on the LLM fallback at once; output order is still input order. */
const parseWindow = 8;

async function runParse(io: CliIo, opts: { model?: string }): Promise<void> {
  // Validated before the model loads: a bad SALDO_NLU_LLM_* fails fast with one clear message.
  const config = nluConfig(io);
  const [a, { buildNluService }] = await Promise.all([adapters(), import('../../modules/nlu/index.js')]);
  const service = await buildNluService({
    clock: a.systemClock,
    modelPath: opts.model ?? config.modelPath,
    llm: config.llm,
    // stdout carries only result lines; fallback warnings go to stderr.
    logLevel: io.env.LOG_LEVEL ?? 'warn',
    logStream: io.stderr,
    cacheDir: config.cacheDir,
  });
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let failed = false;
  // Each line's output is chained after the previous one's, so lines are written in input order
  // and as soon as they are ready (streaming), while up to `parseWindow` replies are in flight.
  let tail: Promise<void> = Promise.resolve();
  const pending: Promise<void>[] = [];
  const emit = (out: unknown) => {
    // `out` is a result object or the promise of one.
    tail = tail.then(async () => line(io, await out));
    pending.push(tail);
  };
  for await (const raw of rl) {
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      emit({ error: 'invalid JSON' });
      failed = true;
      continue;
    }
    const input = NluParseInput.safeParse(json);
    if (!input.success) {
      emit({
        error: input.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
      });
      failed = true;
      continue;
    }
    emit(
      service.parseAsync(input.data).then(a.toWire, (err: unknown) => {
        failed = true;
        return { error: String(err) };
      }),
    );
    if (pending.length >= parseWindow) await pending.shift();
  }
  await tail;
  if (failed) io.setExitCode(1);
}

async function runTrain(io: CliIo, opts: { examples?: string; out?: string }): Promise<void> {
  const a = await adapters();
  const extra = opts.examples ? a.parseExamples(await readFile(opts.examples, 'utf8'), opts.examples) : [];
  const { model, loadMs, cache } = await a.loadNluModel({
    extraExamples: extra,
    cacheDir: nluConfig(io).cacheDir,
  });
  const json = JSON.stringify(model.toJSON());
  if (opts.out) await writeFile(opts.out, json);
  else io.stdout.write(`${json}\n`);
  const how = cache === 'hit' ? 'read from the model cache' : 'trained';
  io.stderr.write(
    `${how}: ${model.examples} examples (${extra.length} added), ${model.intents.length} intents, ${Math.round(loadMs)} ms${opts.out ? ` → ${opts.out}` : ''}\n`,
  );
}

/**
 * `saldo nlu warm`: trains the corpus model into the model cache so the first `nlu parse` or server
 * start loads it in a fraction of a second. Run by `npm install` (postinstall): it never fails.
 */
async function runWarm(io: CliIo): Promise<void> {
  try {
    const a = await adapters();
    const { loadMs, cache } = await a.loadNluModel({ cacheDir: nluConfig(io).cacheDir });
    const what =
      cache === 'hit'
        ? 'already cached'
        : cache === 'miss'
          ? 'trained and cached'
          : 'trained (model cache disabled or not writable)';
    io.stderr.write(`saldo nlu warm: ${what}, ${Math.round(loadMs)} ms\n`);
  } catch (err) {
    io.stderr.write(`saldo nlu warm: skipped (${String(err)})\n`);
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(
  r: EvalReport,
  extra: { loadMs: number; utterancesPerSecond: number; p99Ms: number } | undefined,
  title = 'the test split',
): string {
  const out: string[] = [];
  out.push(`NLU evaluation on ${title}: ${r.n} utterances`);
  out.push(`intent accuracy   ${pct(r.accuracy)}`);
  out.push(`macro-F1          ${r.macroF1.toFixed(3)}`);
  out.push(
    `stop_contact recall (primary) ${pct(r.stopRecall)}; opt-out seen (primary or secondary) ${pct(r.stopAnywhereRecall)}`,
  );
  out.push('', 'intent               precision  recall   f1     support');
  for (const s of r.perIntent) {
    out.push(
      `${s.intent.padEnd(20)} ${pct(s.precision).padStart(8)} ${pct(s.recall).padStart(8)} ${s.f1.toFixed(3).padStart(6)} ${String(s.support).padStart(6)}`,
    );
  }
  out.push('', 'entity        exact match   (exact/support, spurious)');
  for (const [k, v] of Object.entries(r.entities))
    out.push(`${k.padEnd(13)} ${pct(v.accuracy).padStart(8)}      (${v.exact}/${v.support}, ${v.spurious})`);
  const short = (l: string) => l.slice(0, 6);
  out.push('', 'confusion matrix (rows = gold, columns = predicted)');
  out.push(`${''.padEnd(20)} ${r.labels.map((l) => short(l).padStart(6)).join(' ')}`);
  for (const g of r.labels) {
    if (!r.perIntent.some((s) => s.intent === g)) continue;
    out.push(
      `${g.padEnd(20)} ${r.labels.map((p) => String(r.confusion[g]?.[p] || '.').padStart(6)).join(' ')}`,
    );
  }
  if (extra)
    out.push(
      '',
      `model load ${Math.round(extra.loadMs)} ms; ${Math.round(extra.utterancesPerSecond)} utterances/s; p99 ${extra.p99Ms.toFixed(2)} ms`,
    );
  return `${out.join('\n')}\n`;
}

/**
 * `saldo nlu eval --cv [k]`: stratified k-fold cross-validation on the train split only (the test
 * split is never read). `--misses` lists the misclassified training utterances.
 */
async function runCrossValidation(
  io: CliIo,
  opts: { cv: string | true; json?: boolean; misses?: boolean },
): Promise<void> {
  const a = await adapters();
  const k = opts.cv === true ? 5 : Number(opts.cv);
  if (!Number.isInteger(k) || k < 2) throw new Error(`--cv expects an integer ≥ 2, got ${String(opts.cv)}`);
  const examples = await a.readCorpus('train');
  const r = crossValidate(examples, { k });
  if (opts.json) {
    line(io, opts.misses ? r : { ...r, misses: undefined });
    return;
  }
  io.stdout.write(formatReport(r, undefined, `${k}-fold cross-validation of the train split`));
  io.stdout.write(`fold accuracy     ${r.foldAccuracy.map((x) => x.toFixed(3)).join(' ')}\n`);
  if (opts.misses) {
    io.stdout.write('\nmisclassified training utterances (gold → predicted)\n');
    for (const m of r.misses)
      io.stdout.write(
        `${(m.id ?? '').padEnd(9)} ${m.gold} → ${m.predicted} (${m.confidence}) ${JSON.stringify(m.text)}\n`,
      );
  }
}

/**
 * `saldo nlu eval --holdout variant|source`: leave-one-group-out validation on the train split only
 * (each regional variant, or each id prefix ≈ source file, held out in turn). Harder than k-fold CV.
 */
async function runHoldout(
  io: CliIo,
  opts: { holdout: string; json?: boolean; misses?: boolean },
): Promise<void> {
  if (opts.holdout !== 'variant' && opts.holdout !== 'source')
    throw new Error(`--holdout expects variant or source, got ${opts.holdout}`);
  const a = await adapters();
  const examples = await a.readCorpus('train');
  const r = holdoutValidate(examples, opts.holdout === 'variant' ? (e) => e.variant : sourceOf);
  if (opts.json) {
    line(io, opts.misses ? r : { ...r, misses: undefined });
    return;
  }
  io.stdout.write(formatReport(r, undefined, `leave-one-${opts.holdout}-out validation of the train split`));
  io.stdout.write(
    `held-out groups   ${r.groups.map((g) => `${g.group} ${g.accuracy.toFixed(3)} (${g.n})`).join(' · ')}\n`,
  );
  if (opts.misses) {
    io.stdout.write('\nmisclassified training utterances (gold → predicted)\n');
    for (const m of r.misses)
      io.stdout.write(
        `${(m.id ?? '').padEnd(9)} ${m.gold} → ${m.predicted} (${m.confidence}) ${JSON.stringify(m.text)}\n`,
      );
  }
}

/**
 * `saldo nlu eval --dev`: the served model (trained on the train split, or `--model`) on the
 * development set `*.dev.jsonl` (fresh wordings written to guide changes; never the test split).
 */
async function runDev(io: CliIo, opts: { model?: string; json?: boolean; misses?: boolean }): Promise<void> {
  const a = await adapters();
  const config = nluConfig(io);
  const { model } = await a.loadNluModel({
    modelPath: opts.model ?? config.modelPath,
    cacheDir: config.cacheDir,
  });
  const dev = await a.readCorpus('dev');
  if (dev.length === 0) throw new Error('no *.dev.jsonl files in the corpus directory');
  const items: EvalItem[] = [];
  const misses: Array<{ id?: string; gold: string; predicted: string; confidence: number; text: string }> =
    [];
  for (const ex of dev) {
    const r = parse(ex.text, {
      model,
      lang: ex.lang,
      now: ex.now ?? '2026-11-24T10:00:00',
      timezone: ex.timezone,
    });
    items.push({
      gold: ex.intent,
      predicted: r.intent,
      goldSecondary: ex.secondary,
      predictedSecondary: r.secondary,
      goldEntities: ex.entities ?? {},
      predictedEntities: r.entities,
    });
    if (r.intent !== ex.intent)
      misses.push({
        id: ex.id,
        gold: ex.intent,
        predicted: r.intent,
        confidence: r.confidence,
        text: ex.text,
      });
  }
  const report = evaluate(items);
  if (opts.json) {
    line(io, opts.misses ? { ...report, misses } : report);
    return;
  }
  io.stdout.write(formatReport(report, undefined, 'the dev set'));
  if (opts.misses) {
    io.stdout.write('\nmisclassified dev utterances (gold → predicted)\n');
    for (const m of misses)
      io.stdout.write(
        `${(m.id ?? '').padEnd(9)} ${m.gold} → ${m.predicted} (${m.confidence}) ${JSON.stringify(m.text)}\n`,
      );
  }
}

async function runEval(
  io: CliIo,
  opts: {
    model?: string;
    json?: boolean;
    cv?: string | true;
    holdout?: string;
    dev?: boolean;
    misses?: boolean;
  },
): Promise<void> {
  if (opts.holdout !== undefined)
    return runHoldout(io, { holdout: opts.holdout, json: opts.json, misses: opts.misses });
  if (opts.dev) return runDev(io, { model: opts.model, json: opts.json, misses: opts.misses });
  if (opts.cv !== undefined)
    return runCrossValidation(io, { cv: opts.cv, json: opts.json, misses: opts.misses });
  const a = await adapters();
  const config = nluConfig(io);
  const { model, loadMs } = await a.loadNluModel({
    modelPath: opts.model ?? config.modelPath,
    cacheDir: config.cacheDir,
  });
  const test = await a.readCorpus('test');
  const items: EvalItem[] = [];
  const parseOne = (ex: (typeof test)[number]) =>
    parse(ex.text, { model, lang: ex.lang, now: ex.now ?? '2026-11-24T10:00:00', timezone: ex.timezone });
  for (const ex of test) {
    const r = parseOne(ex);
    items.push({
      gold: ex.intent,
      predicted: r.intent,
      goldSecondary: ex.secondary,
      predictedSecondary: r.secondary,
      goldEntities: ex.entities ?? {},
      predictedEntities: r.entities,
    });
  }
  // Throughput on three more, warm passes (the first one pays for JIT compilation).
  const times: number[] = [];
  const t0 = performance.now();
  for (let round = 0; round < 3; round++) {
    for (const ex of test) {
      const s = performance.now();
      parseOne(ex);
      times.push(performance.now() - s);
    }
  }
  const total = performance.now() - t0;
  times.sort((x, y) => x - y);
  const extra = {
    loadMs,
    utterancesPerSecond: (times.length / total) * 1000,
    p99Ms: times[Math.floor(times.length * 0.99)] ?? 0,
  };
  const report = evaluate(items);
  if (opts.json) line(io, { ...report, ...extra });
  else io.stdout.write(formatReport(report, extra));
}

export function register(program: Command, io: CliIo): void {
  const nlu = program.command('nlu').description('Understand debtor replies: intents and entities (es/en)');
  nlu
    .command('parse')
    .description(
      'Read JSON Lines {"text","lang?","now?","timezone?"} on stdin, write one result line per input',
    )
    .option(
      '--model <file>',
      'a model written by `saldo nlu train --out` (default: the corpus model, from the model cache or trained)',
    )
    .action((opts: { model?: string }) => runParse(io, opts));
  nlu
    .command('train')
    .description('Train on the corpus train split plus organisation examples; write the model JSON')
    .option('--examples <file>', 'JSON Lines of extra labelled examples {"text","intent",…}')
    .option('--out <file>', 'where to write the model (default: stdout)')
    .action((opts: { examples?: string; out?: string }) => runTrain(io, opts));
  nlu
    .command('warm')
    .description('Train the corpus model into the model cache (run by npm install; never fails)')
    .action(() => runWarm(io));
  nlu
    .command('eval')
    .description(
      'Accuracy, macro-F1, per-intent P/R, confusion matrix and entity exact match on the test split',
    )
    .option('--model <file>', 'evaluate this model instead of training one from the corpus')
    .option('--json', 'print the report as one JSON line')
    .option(
      '--cv [k]',
      'k-fold cross-validation on the train split instead (default k = 5; never reads the test split)',
    )
    .option(
      '--holdout <group>',
      'leave-one-group-out validation on the train split instead: variant (MX/CO/ES/AR/US) or source (id prefix ≈ file)',
    )
    .option('--dev', 'the model on the development set (*.dev.jsonl) instead; never reads the test split')
    .option('--misses', 'with --cv, --holdout or --dev: list the misclassified utterances')
    .action(
      (opts: {
        model?: string;
        json?: boolean;
        cv?: string | true;
        holdout?: string;
        dev?: boolean;
        misses?: boolean;
      }) => runEval(io, opts),
    );
}
