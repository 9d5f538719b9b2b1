import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseInstant } from '@saldo/core/calendar';
import { ReplayInput, replayConversation } from '@saldo/core/dialogue';
import type { NluModel } from '@saldo/core/nlu';
import { defaultOfferPolicy, parseOfferPolicy, type OfferPolicy } from '@saldo/core/offers';
import {
  dialogueReport,
  dialogueSplits,
  readDialogueSet,
  scoreCase,
  type DialogueReport,
} from '@saldo/models/dialogue';
import type { CliIo } from '../io.js';
import { loadConfig } from '../../platform/config.js';

/**
 * `saldo dialogue replay|eval`: conversations through the real NLU and the dialogue engine, no
 * database. The model comes through the nlu module as `saldo nlu parse` loads it; see docs/dialogue.md.
 */
async function loadModel(io: CliIo, modelPath: string | undefined): Promise<NluModel> {
  const config = loadConfig(io.env).nlu;
  const { loadNluModel } = await import('../../modules/nlu/index.js');
  const { model } = await loadNluModel({
    modelPath: modelPath ?? config.modelPath,
    cacheDir: config.cacheDir,
  });
  return model;
}

async function loadPolicy(path: string | undefined): Promise<OfferPolicy> {
  if (!path) return defaultOfferPolicy;
  return parseOfferPolicy(JSON.parse(await readFile(path, 'utf8')) as unknown);
}

function parseNow(now: string): number {
  const t = parseInstant(now);
  if (Number.isNaN(t))
    throw new Error(`--now: expected an ISO instant such as 2026-11-24T16:00:00Z, got "${now}"`);
  return t;
}

/** One output line for one input line: the replayed conversation, or why the line was refused. */
export function replayLine(raw: string, o: { model: NluModel; policy: OfferPolicy; now: number }): object {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { id: null, error: 'invalid JSON' };
  }
  const input = ReplayInput.safeParse(json);
  if (!input.success) {
    const error = input.error.issues
      .map((i) =>
        i.code === 'unrecognized_keys'
          ? i.keys.map((k) => `${[...i.path, k].join('.')}: unknown field`).join('; ')
          : `${i.path.join('.') || '(root)'}: ${i.message}`,
      )
      .join('; ');
    return { id: null, error };
  }
  return replayConversation(input.data, o);
}

async function runReplay(io: CliIo, opts: { now: string; policy?: string; model?: string }): Promise<void> {
  const now = parseNow(opts.now);
  const [policy, model] = await Promise.all([loadPolicy(opts.policy), loadModel(io, opts.model)]);
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let failed = false;
  for await (const raw of rl) {
    if (raw.trim() === '') continue;
    const out = replayLine(raw, { model, policy, now });
    if ('error' in out) failed = true;
    io.stdout.write(`${JSON.stringify(out)}\n`);
  }
  if (failed) io.setExitCode(1);
}

/** The instant the conversation set is written for ("el viernes" is 2026-11-27). */
export const dialogueSetNow = '2026-11-24T16:00:00Z';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The report as a table: overall, per language, per path, and the misses when asked for. */
export function formatDialogueReport(title: string, r: DialogueReport, misses: boolean): string {
  const out = [`Dialogue set (${title}): ${r.correct}/${r.n} conversations right, ${pct(r.accuracy)}`];
  for (const [lang, t] of Object.entries(r.byLanguage))
    out.push(`  ${lang}: ${t.correct}/${t.n} ${pct(t.accuracy)}`);
  out.push('  path                  right   accuracy');
  for (const [path, t] of Object.entries(r.byPath).sort(([a], [b]) => a.localeCompare(b)))
    out.push(`  ${path.padEnd(20)} ${`${t.correct}/${t.n}`.padStart(6)}   ${pct(t.accuracy)}`);
  if (misses) for (const m of r.misses) out.push(`  ✗ ${m.id}: ${m.problems.join('; ')}`);
  return out.join('\n');
}

async function runEval(
  io: CliIo,
  opts: { split: string; json?: boolean; misses?: boolean; policy?: string; model?: string },
): Promise<void> {
  const splits = opts.split === 'all' ? dialogueSplits : dialogueSplits.filter((s) => s === opts.split);
  if (splits.length === 0) throw new Error(`--split: expected dev, heldout or all, got "${opts.split}"`);
  const now = parseNow(dialogueSetNow);
  const [policy, model] = await Promise.all([loadPolicy(opts.policy), loadModel(io, opts.model)]);
  const reports: Record<string, DialogueReport> = {};
  for (const split of splits) {
    const cases = await readDialogueSet(split);
    const outcomes = cases.map((c) => scoreCase(c, replayConversation(c.input, { model, policy, now })));
    reports[split] = dialogueReport(cases, outcomes);
  }
  if (opts.json) io.stdout.write(`${JSON.stringify(reports)}\n`);
  else
    for (const [split, r] of Object.entries(reports))
      io.stdout.write(`${formatDialogueReport(split, r, opts.misses === true)}\n`);
}

export function register(program: Command, io: CliIo) {
  const dialogue = program
    .command('dialogue')
    .description('The dialogue engine: replay conversations, evaluate the set');
  dialogue
    .command('replay')
    .description(
      'Reads one conversation per line ({id, lang, country, channel, account, identity, turns}) and writes one result per line, in order',
    )
    .requiredOption('--now <instant>', 'the instant every turn happens at, e.g. 2026-11-24T16:00:00Z')
    .option('--policy <file>', 'an offer policy (JSON); default: the default offer policy')
    .option('--model <file>', 'an NLU model written by `saldo nlu train --out` (default: the corpus model)')
    .action((o: { now: string; policy?: string; model?: string }) => runReplay(io, o));
  dialogue
    .command('eval')
    .description(
      'Runs the conversation set (packages/models/dialogue-set) through replay: accuracy per path and language',
    )
    .option(
      '--split <name>',
      'dev, heldout or all (the held-out split is for reporting, never for tuning)',
      'dev',
    )
    .option('--json', 'the report as JSON')
    .option('--misses', 'list the conversations that went wrong, and why')
    .option('--policy <file>', 'an offer policy (JSON); default: the default offer policy')
    .option('--model <file>', 'an NLU model written by `saldo nlu train --out`')
    .action((o: { split: string; json?: boolean; misses?: boolean; policy?: string; model?: string }) =>
      runEval(io, o),
    );
}
