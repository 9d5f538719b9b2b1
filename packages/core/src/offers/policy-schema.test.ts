import { describe, expect, it } from 'vitest';
import { SaldoError } from '../errors/index.js';
import { defaultOfferPolicy } from './default-policy.js';
import { parseOfferPolicy, parseProposal } from './policy-schema.js';

/** The issues a refused input throws, as `path: message`. */
function issues(parse: () => unknown): string[] {
  try {
    parse();
  } catch (e) {
    expect(e).toBeInstanceOf(SaldoError);
    const err = e as SaldoError;
    expect(err.kind).toBe('validation');
    return err.issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a validation error');
}

type Tree = { [key: string]: unknown };
const copy = (): Tree => structuredClone(defaultOfferPolicy) as unknown as Tree;

/** Sets (or, with `DELETE`, removes) the value at a dotted path of a copied policy. */
const DELETE = Symbol('delete');
function changed(path: string, value: unknown): Tree {
  const root = copy();
  const keys = path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) node = node[key] as Tree;
  if (value === DELETE) delete node[keys[keys.length - 1]!];
  else node[keys[keys.length - 1]!] = value;
  return root;
}

describe('parseOfferPolicy', () => {
  it('accepts the default policy unchanged', () => {
    expect(parseOfferPolicy(copy())).toEqual(defaultOfferPolicy);
  });

  it('names every unknown field by its path', () => {
    const p = changed('promises.maxDays', 10);
    ((p.settlements as Tree).bands as Tree[])[1]!.floor = 1;
    p.extra = true;
    expect(issues(() => parseOfferPolicy(p)).sort()).toEqual([
      'extra: unknown field',
      'promises.maxDays: unknown field',
      'settlements.bands.1.floor: unknown field',
    ]);
  });

  it.each<[string, string, unknown, string?]>([
    ['a fractional day count', 'promises.maxDaysAhead', 30.5],
    ['a number given as text', 'promises.maxDaysAhead', '30'],
    ['a share above 100 %', 'promises.minPartialBps', 10001],
    ['a negative share', 'plans.minInstallmentBps', -1],
    ['no instalments', 'plans.maxInstallments', 0],
    ['no frequency', 'plans.frequencies', []],
    ['a frequency twice', 'hardship.plan.frequencies', ['monthly', 'monthly']],
    ['an unknown frequency', 'plans.frequencies', ['daily'], 'plans.frequencies.0'],
    ['bands not starting at 0', 'settlements.bands.0.fromDpd', 30],
    ['bands out of order', 'settlements.bands.2.fromDpd', 60],
    ['a floor above 100 %', 'settlements.bands.1.floorBps', 12000],
    ['no bands', 'settlements.bands', []],
    ['an offer open 0 days', 'settlements.validDays', 0],
    ['a lower-case country', 'hardship.referral.mx', { es: 'a', en: 'b' }],
    ['an empty referral', 'hardship.referral.MX.en', ''],
    ['a missing group', 'hardship', DELETE],
  ])('refuses %s at %s', (_, path, value, reported = path) => {
    const found = issues(() => parseOfferPolicy(changed(path, value)));
    expect(found.some((i) => i.startsWith(`${reported}: `))).toBe(true);
  });
});

describe('parseProposal', () => {
  it('accepts each kind', () => {
    expect(parseProposal({ kind: 'promise', parts: [{ date: '2026-11-27', amountMinor: 100 }] }).kind).toBe(
      'promise',
    );
    expect(parseProposal({ kind: 'plan', frequency: 'monthly', installmentMinor: 30000 }).kind).toBe('plan');
    expect(parseProposal({ kind: 'settlement', amountMinor: 1 }).kind).toBe('settlement');
    expect(parseProposal({ kind: 'pause', days: 10 }).kind).toBe('pause');
  });

  it.each<[string, unknown, string]>([
    ['an unknown field', { kind: 'settlement', amountMinor: 1, note: 'x' }, 'note: unknown field'],
    [
      'a date that does not exist',
      { kind: 'promise', parts: [{ date: '2026-02-30', amountMinor: 1 }] },
      'parts.0.date',
    ],
    ['a fractional amount', { kind: 'settlement', amountMinor: 10.5 }, 'amountMinor'],
    ['an amount as text', { kind: 'settlement', amountMinor: '100' }, 'amountMinor'],
    ['no parts', { kind: 'promise', parts: [] }, 'parts'],
    ['an unknown kind', { kind: 'gift', amountMinor: 1 }, 'kind'],
  ])('refuses %s', (_, input, path) => {
    expect(issues(() => parseProposal(input)).some((i) => i.startsWith(path))).toBe(true);
  });
});
