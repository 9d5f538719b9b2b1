import { describe, expect, it } from 'vitest';
import type { Segment, StrategyNode } from './definition.js';
import { makeStrategy } from './testing.js';
import { checkStrategy, getConstraintViolations, type Violation, type ViolationCode } from './validate.js';

type Nodes = Record<string, StrategyNode>;
const P = 'segments.0.journey';
const codes = (vs: Violation[]): ViolationCode[] => vs.map((v) => v.code);
const check = (nodes: Nodes, entry = 'start'): Violation[] =>
  getConstraintViolations(makeStrategy(nodes, entry));

const ok: Nodes = {
  start: { kind: 'send', channel: 'email', template: 'reminder_email_v1', next: 'await' },
  await: { kind: 'wait_for', events: ['opened'], onEvent: 'done', timeout: 'P3D', onTimeout: 'done' },
  done: { kind: 'exit' },
};

describe('getConstraintViolations — graph', () => {
  it('accepts a well-formed journey', () => {
    expect(check(ok)).toEqual([]);
  });

  it('reports a missing entry', () => {
    expect(check(ok, 'nowhere')).toContainEqual({
      code: 'missing_entry',
      path: `${P}.entry`,
      message: expect.stringContaining('nowhere'),
    });
  });

  it('reports unknown successors with the exact field path', () => {
    const vs = check({
      ...ok,
      await: { kind: 'wait_for', events: ['opened'], onEvent: 'ghost', timeout: 'P3D', onTimeout: 'done' },
    });
    expect(vs).toContainEqual({
      code: 'unknown_node',
      path: `${P}.nodes.await.onEvent`,
      message: expect.stringContaining('ghost'),
    });
  });

  it('reports unreachable nodes', () => {
    const vs = check({ ...ok, orphan: { kind: 'exit' } });
    expect(vs).toEqual([
      { code: 'unreachable_node', path: `${P}.nodes.orphan`, message: expect.any(String) },
    ]);
  });

  it('reports cycles that take no time, but not cycles through a wait_for or a positive wait', () => {
    const loop: Nodes = {
      start: { kind: 'send', channel: 'sms', template: 'sms_reminder_v1', next: 'check' },
      check: {
        kind: 'branch',
        branches: [{ when: [{ field: 'dpd', op: 'gte', value: 90 }], next: 'done' }],
        otherwise: 'pause',
      },
      pause: { kind: 'wait', until: { days: 'any', from: '09:00', to: '18:00' }, next: 'start' },
      done: { kind: 'exit' },
    };
    const vs = check(loop);
    expect(codes(vs)).toEqual(['zero_time_cycle']);
    expect(vs[0]?.message).toMatch(/start → check → pause → start/);
    expect(check({ ...loop, pause: { kind: 'wait', duration: 'P1D', next: 'start' } })).toEqual([]);
    expect(
      check({ ...loop, pause: { kind: 'wait', duration: 'PT0S', next: 'start' } }).map((v) => v.code),
    ).toContain('zero_time_cycle');
  });

  it('reports a self-loop', () => {
    const vs = check({ start: { kind: 'escalate', queue: 'agents', next: 'start' }, done: { kind: 'exit' } });
    expect(codes(vs)).toContain('zero_time_cycle');
  });

  it('reports journeys with no exit, and nodes from which no exit can be reached', () => {
    expect(codes(check({ start: { kind: 'wait', duration: 'P1D', next: 'start' } }))).toContain(
      'no_exit_reachable',
    );
    const trap: Nodes = {
      start: {
        kind: 'split',
        arms: [
          { name: 'a', percent: 50, next: 'done' },
          { name: 'b', percent: 50, next: 'spin' },
        ],
      },
      spin: { kind: 'wait', duration: 'P1D', next: 'spin' },
      done: { kind: 'exit' },
    };
    expect(check(trap)).toEqual([
      { code: 'no_exit_reachable', path: `${P}.nodes.spin`, message: expect.any(String) },
    ]);
  });
});

describe('getConstraintViolations — nodes', () => {
  it('split percentages must sum to 100 and arm names be unique', () => {
    const vs = check({
      start: {
        kind: 'split',
        arms: [
          { name: 'a', percent: 50, next: 'done' },
          { name: 'a', percent: 40, next: 'done' },
        ],
      },
      done: { kind: 'exit' },
    });
    expect(vs).toContainEqual({
      code: 'split_percentages',
      path: `${P}.nodes.start.arms`,
      message: expect.stringContaining('90'),
    });
    expect(vs).toContainEqual({
      code: 'duplicate_arm',
      path: `${P}.nodes.start.arms.1.name`,
      message: expect.any(String),
    });
  });

  it('accepts fractional percentages that sum to 100', () => {
    const arms = [33.33, 33.33, 33.34].map((percent, i) => ({ name: `arm_${i}`, percent, next: 'done' }));
    expect(check({ start: { kind: 'split', arms }, done: { kind: 'exit' } })).toEqual([]);
  });

  it('a wait_for needs a timeout and an onTimeout, with a positive duration', () => {
    expect(codes(check({ ...ok, await: { kind: 'wait_for', events: ['opened'], onEvent: 'done' } }))).toEqual(
      ['missing_timeout', 'missing_timeout'],
    );
    expect(
      codes(
        check({
          ...ok,
          await: {
            kind: 'wait_for',
            events: ['opened'],
            onEvent: 'done',
            timeout: 'PT0S',
            onTimeout: 'done',
          },
        }),
      ),
    ).toEqual(['invalid_wait_for']);
  });

  it('intents only make sense on a wait_for that listens for replies', () => {
    const vs = check({
      ...ok,
      await: {
        kind: 'wait_for',
        events: ['opened'],
        intents: ['promise_to_pay'],
        onEvent: 'done',
        timeout: 'P1D',
        onTimeout: 'done',
      },
    });
    expect(vs).toEqual([
      { code: 'invalid_wait_for', path: `${P}.nodes.await.intents`, message: expect.any(String) },
    ]);
  });

  it('a wait needs a valid duration or a non-empty window', () => {
    const wait = (w: Partial<Extract<StrategyNode, { kind: 'wait' }>>): Violation[] =>
      check({ start: { kind: 'wait', next: 'done', ...w }, done: { kind: 'exit' } });
    expect(codes(wait({}))).toEqual(['invalid_wait']);
    expect(wait({ duration: 'P3Q' })).toEqual([
      { code: 'invalid_wait', path: `${P}.nodes.start.duration`, message: expect.any(String) },
    ]);
    expect(wait({ until: { days: 'weekdays', from: '12:00', to: '10:00' } })).toEqual([
      { code: 'invalid_wait', path: `${P}.nodes.start.until`, message: expect.any(String) },
    ]);
    expect(wait({ duration: 'P2D', until: { days: [1, 3], from: '10:00', to: '12:00' } })).toEqual([]);
  });

  it('checks templates against a template set, including the channel', () => {
    const templates = [
      { id: 'reminder_email_v1', channel: 'email' },
      { id: 'sms_reminder_v1', channel: 'sms' },
    ] as const;
    const nodes: Nodes = {
      start: { kind: 'send', channel: 'whatsapp', template: 'sms_reminder_v1', next: 'call' },
      call: { kind: 'call', template: 'voicebot_unknown_v1', next: 'done' },
      done: { kind: 'exit' },
    };
    const vs = getConstraintViolations(makeStrategy(nodes, 'start'), { templates });
    expect(vs).toEqual([
      {
        code: 'template_channel_mismatch',
        path: `${P}.nodes.start.template`,
        message: expect.stringContaining('sms'),
      },
      {
        code: 'unknown_template',
        path: `${P}.nodes.call.template`,
        message: expect.stringContaining('voicebot_unknown_v1'),
      },
    ]);
  });
});

describe('getConstraintViolations — segments and conditions', () => {
  const journey = { entry: 'done', nodes: { done: { kind: 'exit' as const } } };
  const seg = (id: string, conditions: Segment['conditions']): Segment => ({
    id,
    name: id,
    conditions,
    journey,
  });
  const checkSegments = (segments: Segment[]): Violation[] =>
    getConstraintViolations(makeStrategy({}, 'x', { segments }));

  it('reports segments after a catch-all, duplicates of earlier conditions, and duplicate ids', () => {
    const early = [{ field: 'dpd' as const, op: 'between' as const, value: [1, 30] as [number, number] }];
    const vs = checkSegments([
      seg('a', early),
      seg('b', early),
      seg('rest', []),
      seg('a', [{ field: 'country', op: 'eq', value: 'MX' }]),
    ]);
    expect(vs.map((v) => [v.code, v.path])).toEqual([
      ['segment_never_matches', 'segments.1'],
      ['duplicate_id', 'segments.3.id'],
      ['segment_never_matches', 'segments.3'],
    ]);
  });

  it('reports contradictory conditions (empty dpd range, bucket vs dpd, disjoint value sets)', () => {
    const vs = checkSegments([
      seg('a', [
        { field: 'dpd', op: 'gte', value: 40 },
        { field: 'dpd', op: 'lte', value: 30 },
      ]),
      seg('b', [
        { field: 'bucket', op: 'eq', value: '1-30' },
        { field: 'dpd', op: 'gte', value: 45 },
      ]),
      seg('c', [
        { field: 'country', op: 'eq', value: 'MX' },
        { field: 'country', op: 'in', value: ['ES', 'CO'] },
      ]),
      seg('d', [
        { field: 'bucket', op: 'in', value: ['1-30', '61-90'] },
        { field: 'dpd', op: 'gte', value: 45 },
      ]),
    ]);
    expect(vs.map((v) => v.path)).toEqual(['segments.0', 'segments.1', 'segments.2']);
  });

  it('reports operators that do not fit the field and values outside closed sets', () => {
    const vs = checkSegments([
      seg('a', [
        { field: 'country', op: 'gte', value: 3 },
        { field: 'dpd', op: 'eq', value: 'ten' },
        { field: 'bucket', op: 'eq', value: '0-30' },
        { field: 'dpd', op: 'between', value: [30, 1] },
        { field: 'lastIntent', op: 'eq', value: 'dispute' },
      ]),
    ]);
    expect(vs.filter((v) => v.code === 'invalid_condition').map((v) => v.path)).toEqual([
      'segments.0.conditions.0',
      'segments.0.conditions.1',
      'segments.0.conditions.2',
      'segments.0.conditions.3',
      'segments.0.conditions.4',
    ]);
  });

  it('checks branch conditions too (journey facts allowed there)', () => {
    const nodes: Nodes = {
      start: {
        kind: 'branch',
        branches: [
          { when: [{ field: 'lastIntent', op: 'in', value: ['payment_plan'] }], next: 'done' },
          { when: [{ field: 'lastEvent', op: 'eq', value: 'teleported' }], next: 'done' },
        ],
        otherwise: 'done',
      },
      done: { kind: 'exit' },
    };
    expect(check(nodes)).toEqual([
      {
        code: 'invalid_condition',
        path: `${P}.nodes.start.branches.1.when.0`,
        message: expect.stringContaining('teleported'),
      },
    ]);
  });
});

describe('checkStrategy', () => {
  it('turns schema errors into violations with paths', () => {
    const r = checkStrategy({
      id: 'stg_x',
      name: 'X',
      version: 1,
      segments: [
        {
          id: 'a',
          name: 'A',
          conditions: [],
          journey: {
            entry: 's',
            nodes: { s: { kind: 'send', channel: 'fax', template: 'x_v1', next: 'e' } },
          },
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.violations).toContainEqual({
        code: 'schema',
        path: 'segments.0.journey.nodes.s.channel',
        message: expect.any(String),
      });
  });

  it('rejects template ids that do not follow name_vN', () => {
    const r = checkStrategy(
      makeStrategy(
        { s: { kind: 'send', channel: 'email', template: 'Reminder Email', next: 'e' }, e: { kind: 'exit' } },
        's',
      ),
    );
    expect(r.ok).toBe(false);
  });

  it('returns the parsed definition when everything is fine', () => {
    const r = checkStrategy(makeStrategy(ok, 'start'));
    expect(r).toEqual({ ok: true, definition: makeStrategy(ok, 'start') });
  });
});
