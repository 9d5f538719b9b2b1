import {
  buckets,
  numericConditionFields,
  type Condition,
  type ConditionField,
  type Segment,
} from './definition.js';
import type { Violation } from './validate.js';

/**
 * Checks of the condition language: an operator that makes no sense for a field, values outside
 * the closed sets, and conjunctions that can never hold (the cheap, exact cases only: empty
 * numeric intervals and empty value sets — an over-approximation never reports a false problem).
 */

const numeric: readonly ConditionField[] = numericConditionFields;
const journeyFields: readonly ConditionField[] = ['lastEvent', 'lastIntent'];
const recordedEvents = ['opened', 'clicked', 'replied', 'paid', 'promised', 'disputed'];
const bucketRange: Record<(typeof buckets)[number], [number, number]> = {
  current: [-Infinity, 0],
  '1-30': [1, 30],
  '31-60': [31, 60],
  '61-90': [61, 90],
  '90+': [91, Infinity],
};

/** Problems of one condition at `path`; `inSegment` forbids journey facts (not known at enrolment). */
export function conditionViolations(c: Condition, path: string, inSegment: boolean): Violation[] {
  const out: Violation[] = [];
  const bad = (message: string): void => void out.push({ code: 'invalid_condition', path, message });
  if (inSegment && journeyFields.includes(c.field))
    bad(`${c.field} is a journey fact: it can be tested in a branch, not in a segment`);
  const values = c.op === 'in' ? c.value : c.op === 'between' ? c.value : [c.value];
  if (numeric.includes(c.field)) {
    if (c.op === 'contains') bad(`operator contains does not apply to the number ${c.field}`);
    if (values.some((v) => typeof v !== 'number')) bad(`${c.field} compares with numbers`);
  } else {
    if (c.op === 'gte' || c.op === 'lte' || c.op === 'between')
      bad(`operator ${c.op} does not apply to ${c.field}`);
    else if (values.some((v) => typeof v !== 'string')) bad(`${c.field} compares with strings`);
  }
  if (c.op === 'between' && c.value[0] > c.value[1]) bad(`between [${c.value[0]}, ${c.value[1]}] is empty`);
  if (c.op === 'in' && c.value.length === 0) bad('in [] never matches');
  const known = closedSet(c.field);
  if (known !== null && c.op !== 'contains') {
    for (const v of values)
      if (!known.includes(String(v)))
        bad(`unknown ${c.field} "${String(v)}" (expected one of ${known.join(', ')})`);
  }
  return out;
}

function closedSet(f: ConditionField): readonly string[] | null {
  if (f === 'bucket') return buckets;
  if (f === 'lastEvent') return recordedEvents;
  // lastIntent may also be an organisation intent: not a closed set.
  return null;
}

/** Why the conjunction can never hold, or null when it might. */
export function unsatisfiableReason(conditions: readonly Condition[]): string | null {
  const ranges = new Map<string, [number, number]>();
  const sets = new Map<string, Set<string>>();
  const narrow = (f: string, lo: number, hi: number): void => {
    const [a, b] = ranges.get(f) ?? [-Infinity, Infinity];
    ranges.set(f, [Math.max(a, lo), Math.min(b, hi)]);
  };
  for (const c of conditions) {
    if (c.field === 'bucket' && (c.op === 'eq' || c.op === 'in')) {
      const bs = (c.op === 'eq' ? [c.value] : c.value)
        .map(String)
        .filter((b): b is keyof typeof bucketRange => Object.hasOwn(bucketRange, b));
      if (bs.length > 0)
        narrow(
          'dpd',
          Math.min(...bs.map((b) => bucketRange[b][0])),
          Math.max(...bs.map((b) => bucketRange[b][1])),
        );
      continue;
    }
    if (numeric.includes(c.field)) {
      if (c.op === 'gte') narrow(c.field, c.value, Infinity);
      else if (c.op === 'lte') narrow(c.field, -Infinity, c.value);
      else if (c.op === 'between') narrow(c.field, c.value[0], c.value[1]);
      else if (c.op === 'eq' && typeof c.value === 'number') narrow(c.field, c.value, c.value);
      else if (c.op === 'in') {
        const nums = c.value.filter((v): v is number => typeof v === 'number');
        if (nums.length > 0) narrow(c.field, Math.min(...nums), Math.max(...nums));
      }
    } else if (c.field !== 'tags' && (c.op === 'eq' || c.op === 'in')) {
      const vs = new Set((c.op === 'eq' ? [c.value] : c.value).map(String));
      const prev = sets.get(c.field);
      sets.set(c.field, prev === undefined ? vs : new Set([...prev].filter((v) => vs.has(v))));
    }
  }
  for (const [f, [lo, hi]] of ranges) if (lo > hi) return `no ${f} satisfies every condition`;
  for (const [f, vs] of sets) if (vs.size === 0) return `no ${f} satisfies every condition`;
  return null;
}

/** Segment-level problems: duplicate ids, conditions, segments that can never be chosen. */
export function segmentViolations(segments: readonly Segment[]): Violation[] {
  const out: Violation[] = [];
  const seenIds = new Set<string>();
  const seenConditions = new Map<string, string>();
  let catchAll: string | null = null;
  segments.forEach((seg, i) => {
    const path = `segments.${i}`;
    if (seenIds.has(seg.id))
      out.push({ code: 'duplicate_id', path: `${path}.id`, message: `segment id "${seg.id}" is used twice` });
    seenIds.add(seg.id);
    seg.conditions.forEach((c, j) => out.push(...conditionViolations(c, `${path}.conditions.${j}`, true)));
    const key = JSON.stringify(seg.conditions);
    const never = unsatisfiableReason(seg.conditions);
    if (catchAll !== null)
      out.push({
        code: 'segment_never_matches',
        path,
        message: `segment "${seg.id}" comes after the catch-all "${catchAll}" and can never match`,
      });
    else if (seenConditions.has(key))
      out.push({
        code: 'segment_never_matches',
        path,
        message: `segment "${seg.id}" has the same conditions as "${seenConditions.get(key)}", which comes first`,
      });
    else if (never !== null)
      out.push({
        code: 'segment_never_matches',
        path,
        message: `segment "${seg.id}" can never match: ${never}`,
      });
    if (!seenConditions.has(key)) seenConditions.set(key, seg.id);
    if (seg.conditions.length === 0 && catchAll === null) catchAll = seg.id;
  });
  return out;
}
