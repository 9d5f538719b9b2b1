import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ReplayInput } from '@saldo/core/dialogue';

/** The conversation set shipped with the repo: `packages/models/dialogue-set/{dev,heldout}.jsonl`. */
export const dialogueSetDir = fileURLToPath(new URL('../../dialogue-set/', import.meta.url));

export const dialogueSplits = ['dev', 'heldout'] as const;
export type DialogueSplit = (typeof dialogueSplits)[number];

/** What a conversation must end with: who verified when, the actions in order (fields given must match), the state. */
export interface DialogueExpectation {
  verifiedAtTurn: number | null;
  actions: ({ type: string } & Record<string, unknown>)[];
  state?: string;
}

/** One labelled conversation: a replay input plus the path it exercises and what must happen. */
export interface DialogueCase {
  input: ReplayInput;
  path: string;
  expect: DialogueExpectation;
}

function expectationOf(raw: unknown): DialogueExpectation | string {
  if (typeof raw !== 'object' || raw === null) return 'expect: an object';
  const e = raw as Record<string, unknown>;
  const extra = Object.keys(e).filter((k) => !['verifiedAtTurn', 'actions', 'state'].includes(k));
  if (extra.length > 0) return `expect: unknown field ${extra.join(', ')}`;
  const v = e.verifiedAtTurn;
  if (v !== null && !(Number.isInteger(v) && (v as number) > 0))
    return 'expect.verifiedAtTurn: a turn number or null';
  if (
    !Array.isArray(e.actions) ||
    !e.actions.every((a) => typeof (a as { type?: unknown })?.type === 'string')
  )
    return 'expect.actions: a list of {type, …}';
  if (e.state !== undefined && typeof e.state !== 'string') return 'expect.state: a state name';
  return e as unknown as DialogueExpectation;
}

/** Parses a set file; a bad line throws with its file and line number (the set is code, not input). */
export function parseDialogueSet(text: string, source: string): DialogueCase[] {
  const out: DialogueCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${source}:${i + 1}`;
    const raw = JSON.parse(line) as Record<string, unknown>;
    const { path, expect, ...rest } = raw;
    if (typeof path !== 'string' || path === '') throw new Error(`${where}: path: the path it exercises`);
    const expectation = expectationOf(expect);
    if (typeof expectation === 'string') throw new Error(`${where}: ${expectation}`);
    const input = ReplayInput.safeParse(rest);
    if (!input.success) throw new Error(`${where}: ${input.error.message}`);
    out.push({ input: input.data, path, expect: expectation });
  });
  return out;
}

export async function readDialogueSet(split: DialogueSplit, dir = dialogueSetDir): Promise<DialogueCase[]> {
  const file = `${dir}${split}.jsonl`;
  return parseDialogueSet(await readFile(file, 'utf8'), `${split}.jsonl`);
}
