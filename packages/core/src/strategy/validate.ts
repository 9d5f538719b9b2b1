import { assertUnreachable } from '../errors/index.js';
import { StrategyDefinition, type ContactChannel, type Journey, type StrategyNode } from './definition.js';
import { isPositiveDuration, toDuration } from './time.js';
import { conditionViolations, segmentViolations } from './validate-conditions.js';

/**
 * The pure publish check: every problem of a strategy, each with a path and a message, so the
 * editor (web) and the API (server) show the same list. Nothing here throws on bad input.
 */

/**
 * @example
 * getConstraintViolations(def).filter((v) => v.code === 'unreachable_node');
 */
export const violationCodes = [
  'schema', // the document does not parse (zod)
  'duplicate_id',
  'invalid_condition',
  'segment_never_matches',
  'missing_entry',
  'unknown_node',
  'unreachable_node',
  'zero_time_cycle',
  'no_exit_reachable',
  'split_percentages',
  'duplicate_arm',
  'missing_timeout',
  'invalid_wait',
  'invalid_wait_for',
  'unknown_template',
  'template_channel_mismatch',
] as const;
export type ViolationCode = (typeof violationCodes)[number];

/** One problem: `path` is dotted (`segments.1.journey.nodes.email_1.next`). */
export interface Violation {
  code: ViolationCode;
  path: string;
  message: string;
}

/** A known template and the channel it renders for (`call` for voicebot scripts and voicemails). */
export interface TemplateRef {
  id: string;
  channel: ContactChannel;
}

export interface ValidateOptions {
  /** When given, every template a node uses must be listed here, for the node's channel. */
  templates?: readonly TemplateRef[];
}

/**
 * Every problem of a parsed definition (empty = publishable).
 *
 * @example
 * const violations = getConstraintViolations(def, { templates: defaultTemplateRefs });
 * if (violations.length > 0) throw new SaldoError('validation', 'strategy has problems', violations);
 */
export function getConstraintViolations(
  definition: StrategyDefinition,
  options: ValidateOptions = {},
): Violation[] {
  const out = segmentViolations(definition.segments);
  definition.segments.forEach((seg, i) =>
    out.push(...journeyViolations(seg.journey, `segments.${i}.journey`, options)),
  );
  return out;
}

/**
 * Parse (zod) then check; for API bodies and YAML documents already turned into plain data.
 *
 * @example
 * const r = checkStrategy(JSON.parse(body));
 * if (!r.ok) reply.code(400).send({ violations: r.violations });
 */
export function checkStrategy(
  input: unknown,
  options: ValidateOptions = {},
): { ok: true; definition: StrategyDefinition } | { ok: false; violations: Violation[] } {
  const parsed = StrategyDefinition.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      violations: parsed.error.issues.map((i) => ({
        code: 'schema',
        path: i.path.map(String).join('.'),
        message: i.message,
      })),
    };
  }
  const violations = getConstraintViolations(parsed.data, options);
  return violations.length === 0 ? { ok: true, definition: parsed.data } : { ok: false, violations };
}

interface Edge {
  to: string;
  field: string;
}

/**
 * The successors of a node, with the field that names each.
 *
 * @example
 * successors({ kind: 'send', channel: 'sms', template: 'sms_reminder_v1', next: 'wait' }); // [{ to: 'wait', field: 'next' }]
 */
export function successors(node: StrategyNode): Edge[] {
  switch (node.kind) {
    case 'send':
    case 'wait':
    case 'call':
    case 'escalate':
    case 'offer':
    case 'set_status':
      return [{ to: node.next, field: 'next' }];
    case 'wait_for':
      return [
        { to: node.onEvent, field: 'onEvent' },
        ...(node.onTimeout !== undefined ? [{ to: node.onTimeout, field: 'onTimeout' }] : []),
      ];
    case 'branch':
      return [
        ...node.branches.map((b, i) => ({ to: b.next, field: `branches.${i}.next` })),
        { to: node.otherwise, field: 'otherwise' },
      ];
    case 'split':
      return node.arms.map((a, i) => ({ to: a.next, field: `arms.${i}.next` }));
    case 'exit':
      return [];
    default:
      return assertUnreachable(node, 'strategy node');
  }
}

/** Whether the interpreter can leave this node within the same transition (no time passes). */
function isInstant(node: StrategyNode): boolean {
  if (node.kind === 'wait_for') return false; // always suspends until an event or its timeout
  if (node.kind === 'wait') return node.duration === undefined || !isPositiveDuration(node.duration);
  return true;
}

function journeyViolations(journey: Journey, path: string, options: ValidateOptions): Violation[] {
  const out: Violation[] = [];
  const nodes = new Map(Object.entries(journey.nodes));
  const at = (id: string): string => `${path}.nodes.${id}`;
  for (const [id, node] of nodes) {
    out.push(...nodeViolations(node, at(id), options));
    for (const e of successors(node)) {
      if (!nodes.has(e.to))
        out.push({
          code: 'unknown_node',
          path: `${at(id)}.${e.field}`,
          message: `"${id}" goes to unknown node "${e.to}"`,
        });
    }
  }
  if (!nodes.has(journey.entry)) {
    out.push({
      code: 'missing_entry',
      path: `${path}.entry`,
      message: `entry node "${journey.entry}" does not exist`,
    });
    return out;
  }
  const next = (id: string): string[] => {
    const n = nodes.get(id);
    return n === undefined
      ? []
      : successors(n)
          .map((e) => e.to)
          .filter((to) => nodes.has(to));
  };
  const reachable = closure([journey.entry], next);
  for (const id of nodes.keys()) {
    if (!reachable.has(id))
      out.push({
        code: 'unreachable_node',
        path: at(id),
        message: `"${id}" cannot be reached from the entry "${journey.entry}"`,
      });
  }
  const predecessors = new Map<string, string[]>();
  for (const id of nodes.keys())
    for (const to of next(id)) predecessors.set(to, [...(predecessors.get(to) ?? []), id]);
  const exits = [...nodes].filter(([, n]) => n.kind === 'exit').map(([id]) => id);
  const canExit = closure(exits, (id) => predecessors.get(id) ?? []);
  if (!canExit.has(journey.entry)) {
    out.push({
      code: 'no_exit_reachable',
      path,
      message: `no exit node can be reached from the entry "${journey.entry}"`,
    });
  } else {
    for (const id of reachable) {
      if (!canExit.has(id))
        out.push({
          code: 'no_exit_reachable',
          path: at(id),
          message: `no exit node can be reached from "${id}": a journey there never ends`,
        });
    }
  }
  for (const cycle of instantCycles(nodes, next, reachable)) {
    out.push({
      code: 'zero_time_cycle',
      path: at(cycle[0] ?? ''),
      message: `cycle ${[...cycle, cycle[0]].join(' → ')} has no wait with a positive duration (an infinite loop in zero time)`,
    });
  }
  return out;
}

function closure(start: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>(start);
  const stack = [...start];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const n of next(id)) {
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(n);
    }
  }
  return seen;
}

/** Strongly connected components (Tarjan) of reachable instant nodes that form a cycle. */
function instantCycles(
  nodes: Map<string, StrategyNode>,
  next: (id: string) => string[],
  reachable: Set<string>,
): string[][] {
  const instant = (id: string): boolean => reachable.has(id) && isInstant(nodes.get(id) as StrategyNode);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v).filter(instant)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      scc.unshift(w);
      if (w === v) break;
    }
    if (scc.length > 1 || next(v).includes(v)) cycles.push(scc);
  };
  for (const id of nodes.keys()) if (instant(id) && !index.has(id)) visit(id);
  return cycles;
}

function nodeViolations(node: StrategyNode, path: string, options: ValidateOptions): Violation[] {
  const out: Violation[] = [];
  const v = (code: ViolationCode, message: string, sub = ''): void =>
    void out.push({ code, path: sub ? `${path}.${sub}` : path, message });
  switch (node.kind) {
    case 'send':
      out.push(...templateViolations(node.template, node.channel, `${path}.template`, options));
      break;
    case 'call':
      out.push(...templateViolations(node.template, 'call', `${path}.template`, options));
      if (node.voicemailTemplate !== undefined)
        out.push(...templateViolations(node.voicemailTemplate, 'call', `${path}.voicemailTemplate`, options));
      break;
    case 'wait':
      if (node.duration === undefined && node.until === undefined)
        v('invalid_wait', 'a wait needs a duration, an until window, or both');
      if (node.duration !== undefined && toDuration(node.duration) === null)
        v('invalid_wait', `"${String(node.duration)}" is not a valid ISO 8601 duration`, 'duration');
      if (node.until !== undefined && node.until.from >= node.until.to)
        v(
          'invalid_wait',
          `window ${node.until.from}–${node.until.to} is empty (from must be before to)`,
          'until',
        );
      break;
    case 'wait_for':
      if (node.timeout === undefined)
        v('missing_timeout', 'a wait_for needs a timeout, or it may wait forever');
      else if (!isPositiveDuration(node.timeout))
        v(
          'invalid_wait_for',
          `timeout "${String(node.timeout)}" is not a positive ISO 8601 duration`,
          'timeout',
        );
      if (node.onTimeout === undefined)
        v('missing_timeout', 'a wait_for needs an onTimeout successor', 'onTimeout');
      if (node.intents !== undefined && !node.events.some((e) => e === 'replied' || e === 'any'))
        v('invalid_wait_for', 'intents only apply when the node listens for replied (or any)', 'intents');
      break;
    case 'split': {
      const sum = node.arms.reduce((s, a) => s + a.percent, 0);
      if (Math.abs(sum - 100) > 1e-9)
        v('split_percentages', `arm percentages sum to ${sum}, not 100`, 'arms');
      const names = new Set<string>();
      node.arms.forEach((a, i) => {
        if (names.has(a.name)) v('duplicate_arm', `arm name "${a.name}" is used twice`, `arms.${i}.name`);
        names.add(a.name);
      });
      break;
    }
    case 'branch':
      node.branches.forEach((b, i) =>
        b.when.forEach((c, j) =>
          out.push(...conditionViolations(c, `${path}.branches.${i}.when.${j}`, false)),
        ),
      );
      break;
    case 'escalate':
    case 'offer':
    case 'set_status':
    case 'exit':
      break;
    default:
      return assertUnreachable(node, 'strategy node');
  }
  return out;
}

function templateViolations(
  id: string,
  channel: ContactChannel,
  path: string,
  options: ValidateOptions,
): Violation[] {
  if (options.templates === undefined) return [];
  const matches = options.templates.filter((t) => t.id === id);
  if (matches.length === 0)
    return [{ code: 'unknown_template', path, message: `template "${id}" is not in the template set` }];
  if (!matches.some((t) => t.channel === channel)) {
    return [
      {
        code: 'template_channel_mismatch',
        path,
        message: `template "${id}" is for ${matches.map((t) => t.channel).join(', ')}, not ${channel}`,
      },
    ];
  }
  return [];
}
