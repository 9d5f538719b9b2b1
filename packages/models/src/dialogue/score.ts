import type { ReplayResult } from '@saldo/core/dialogue';
import type { DialogueCase } from './read-set.js';

export interface CaseOutcome {
  id: string;
  path: string;
  correct: boolean;
  /** Why it is wrong, for `--misses`. */
  problems: string[];
}

/**
 * A conversation is right when the identity was verified at the expected turn, the actions are the
 * expected ones in order (each expected field equal; a handoff's summary is not compared) and, when
 * given, the final state matches.
 */
export function scoreCase(c: DialogueCase, r: ReplayResult): CaseOutcome {
  const problems: string[] = [];
  if (r.verifiedAtTurn !== c.expect.verifiedAtTurn)
    problems.push(`verifiedAtTurn ${String(r.verifiedAtTurn)} ≠ ${String(c.expect.verifiedAtTurn)}`);
  const got = r.actions.map((a) => a.type).join(',');
  const want = c.expect.actions.map((a) => a.type).join(',');
  if (got !== want) problems.push(`actions [${got}] ≠ [${want}]`);
  else
    c.expect.actions.forEach((expected, i) => {
      const actual = r.actions[i] as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(expected))
        if (JSON.stringify(actual[k]) !== JSON.stringify(v))
          problems.push(`${expected.type}.${k} ${JSON.stringify(actual[k])} ≠ ${JSON.stringify(v)}`);
    });
  if (c.expect.state !== undefined && r.state !== c.expect.state)
    problems.push(`state ${r.state} ≠ ${c.expect.state}`);
  return { id: c.input.id, path: c.path, correct: problems.length === 0, problems };
}

export interface DialogueReport {
  n: number;
  correct: number;
  accuracy: number;
  byPath: Record<string, { n: number; correct: number; accuracy: number }>;
  byLanguage: Record<string, { n: number; correct: number; accuracy: number }>;
  misses: CaseOutcome[];
}

function tally(outcomes: readonly CaseOutcome[], key: (o: CaseOutcome) => string) {
  const out: Record<string, { n: number; correct: number; accuracy: number }> = {};
  for (const o of outcomes) {
    const t = (out[key(o)] ??= { n: 0, correct: 0, accuracy: 0 });
    t.n += 1;
    if (o.correct) t.correct += 1;
  }
  for (const t of Object.values(out)) t.accuracy = t.correct / t.n;
  return out;
}

/** Overall, per-path and per-language accuracy of scored conversations. */
export function dialogueReport(
  cases: readonly DialogueCase[],
  outcomes: readonly CaseOutcome[],
): DialogueReport {
  const lang = new Map(cases.map((c) => [c.input.id, c.input.lang]));
  const correct = outcomes.filter((o) => o.correct).length;
  return {
    n: outcomes.length,
    correct,
    accuracy: outcomes.length === 0 ? 0 : correct / outcomes.length,
    byPath: tally(outcomes, (o) => o.path),
    byLanguage: tally(outcomes, (o) => lang.get(o.id) ?? '?'),
    misses: outcomes.filter((o) => !o.correct),
  };
}
