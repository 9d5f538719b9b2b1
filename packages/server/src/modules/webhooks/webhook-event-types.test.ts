import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { webhookEventTypes } from './webhook-event-types.js';

// The record's events (record-events.ts) and the conversation's handoff are what integrators
// build on: each is subscribable and each has its payload documented in docs/webhooks.md.
const recordEvents = new URL('../record/record-events.ts', import.meta.url);
const docs = new URL('../../../../../docs/webhooks.md', import.meta.url);

describe('webhook event types', () => {
  it('include every event of the record', async () => {
    const source = await readFile(recordEvents, 'utf8');
    const types = [...source.matchAll(/type: '([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]!);
    const unions = [...source.matchAll(/type: '([a-z_.]+)' \| '([a-z_.]+)'/g)].flatMap((m) => [m[1]!, m[2]!]);
    const all = [...new Set([...types, ...unions])];
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.filter((t) => !(webhookEventTypes as readonly string[]).includes(t))).toEqual([]);
  });

  it('are each documented with their payload', async () => {
    const text = await readFile(docs, 'utf8');
    expect(webhookEventTypes.filter((t) => !text.includes(`| \`${t}\` |`))).toEqual([]);
  });
});
