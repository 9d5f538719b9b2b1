import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { IANAZone } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSaldoError } from '../errors/index.js';
import { importColumns, requiredImportColumns, type RawImportRow } from '../record/import-columns.js';
import { parseCivilDate } from '../calendar/civil.js';
import {
  createRng,
  demoCountries,
  demoEmailDomains,
  demoPhone,
  demoRegions,
  generatePortfolio,
  generatePortfolioDebtors,
  maxDemoDebtors,
  type DemoCountry,
  type DemoDebtor,
} from './index.js';

const asOf = '2025-06-30';
const asOfDay = parseCivilDate(asOf) as number;
const take = <T>(items: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const item of items) {
    out.push(item);
    if (out.length === n) break;
  }
  return out;
};
const toMinor = (s: string | undefined) => Math.round(Number(s ?? '0') * 100);
const share = (n: number, of: number) => n / of;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

// One 20k-debtor book shared by the statistical tests; figures measured are printed once at the end.
let book: DemoDebtor[];
let rows: RawImportRow[];
const measured: Record<string, string> = {};
beforeAll(() => {
  book = [...generatePortfolioDebtors({ debtors: 20_000, seed: 2025, asOf })];
  rows = book.flatMap((d) => d.rows);
});
afterAll(() =>
  console.info(
    `demo portfolio, 20k debtors / ${rows.length} accounts:\n${Object.entries(measured)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}`,
  ),
);

describe('generatePortfolio: shape and determinism', () => {
  it('same seed gives identical rows, another seed a different book', () => {
    const a = [...generatePortfolio({ debtors: 300, seed: 7, asOf })];
    const b = [...generatePortfolio({ debtors: 300, seed: 7, asOf })];
    const c = [...generatePortfolio({ debtors: 300, seed: 8, asOf })];
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(c.map((r) => r.external_ref)).not.toEqual(a.map((r) => r.external_ref));
  });

  it('debtor #i does not depend on the size of the book', () => {
    const small = [...generatePortfolio({ debtors: 50, seed: 3, asOf })];
    const large = take(generatePortfolio({ debtors: 5_000, seed: 3, asOf }), small.length);
    expect(large).toEqual(small);
  });

  it.each([0, 1, 7, 1_000])('produces exactly %i debtors, each with 1-3 accounts', (n) => {
    const generated = [...generatePortfolio({ debtors: n, seed: 11, asOf })];
    const perDebtor = new Map<string, number>();
    for (const r of generated)
      perDebtor.set(r.debtor_ref as string, (perDebtor.get(r.debtor_ref as string) ?? 0) + 1);
    expect(perDebtor.size).toBe(n);
    expect([...perDebtor.values()].filter((count) => count < 1 || count > 3)).toEqual([]);
  });

  it('fills every required column, uses only import columns, and keeps external_ref unique', () => {
    const columns = new Set<string>(importColumns);
    const problems: string[] = [];
    for (const r of rows) {
      for (const c of requiredImportColumns) if (!r[c]) problems.push(`${r.external_ref}: ${c} blank`);
      for (const key of Object.keys(r))
        if (!columns.has(key)) problems.push(`${r.external_ref}: unknown column ${key}`);
      for (const c of ['principal', 'interest', 'fees', 'balance'] as const)
        if (!/^\d+\.\d{2}$/.test(r[c] ?? '')) problems.push(`${r.external_ref}: ${c} ${r[c]}`);
      if (r.language !== 'es' && r.language !== 'en')
        problems.push(`${r.external_ref}: language ${r.language}`);
      if (r.date_of_birth && parseCivilDate(r.date_of_birth) === undefined)
        problems.push(`${r.external_ref}: dob ${r.date_of_birth}`);
    }
    expect(problems).toEqual([]);
    expect(new Set(rows.map((r) => r.external_ref)).size).toBe(rows.length);
    expect(rows.every((r) => /^(MX|ES|CO|US)-[A-Z]{2}-\d{8}$/.test(r.external_ref as string))).toBe(true);
  });

  it("repeats the debtor columns identically on each of a debtor's accounts", () => {
    const debtorColumns = [
      'first_name',
      'last_name',
      'country',
      'region',
      'timezone',
      'phone',
      'email',
      'date_of_birth',
    ] as const;
    const multi = book.filter((d) => d.rows.length > 1);
    expect(share(multi.length, book.length)).toBeGreaterThan(0.1);
    const differing = multi.filter((d) =>
      d.rows.some((r) => debtorColumns.some((c) => r[c] !== d.rows[0]?.[c])),
    );
    expect(differing).toEqual([]);
    measured['debtors with 2-3 accounts'] = pct(share(multi.length, book.length));
  });

  it('rejects bad options eagerly with a validation SaldoError', () => {
    for (const bad of [
      { debtors: -1 },
      { debtors: 1.5 },
      { debtors: maxDemoDebtors + 1 },
      { asOf: '2025-02-30' },
      { asOf: '30/06/2025' },
      { countries: [] },
      { countries: ['FR'] },
    ]) {
      const options = { debtors: 10, seed: 1, asOf, ...bad } as Parameters<typeof generatePortfolio>[0];
      let error: unknown;
      try {
        generatePortfolio(options);
      } catch (e) {
        error = e;
      }
      expect(isSaldoError(error) && error.kind === 'validation', JSON.stringify(bad)).toBe(true);
    }
  });
});

describe('generatePortfolio: contact data', () => {
  it("writes E.164 phones valid for libphonenumber-js, of the row's country and type", () => {
    const callingCode: Record<DemoCountry, string> = { MX: '52', ES: '34', CO: '57', US: '1' };
    const problems: string[] = [];
    for (const r of book.map((d) => d.rows[0] as RawImportRow)) {
      const phone = parsePhoneNumberFromString(r.phone as string);
      if (!phone?.isValid() || phone.number !== r.phone) problems.push(`invalid ${r.phone}`);
      if (phone?.countryCallingCode !== callingCode[r.country as DemoCountry])
        problems.push(`${r.country} ${r.phone}`);
      // Spain and Colombia distinguish mobile ranges; MX and US numbers are FIXED_LINE_OR_MOBILE.
      const expectedType = r.phone_type === 'mobile' ? 'MOBILE' : 'FIXED_LINE';
      if ((r.country === 'ES' || r.country === 'CO') && phone?.getType() !== expectedType)
        problems.push(`${r.phone} ${r.phone_type} is ${phone?.getType()}`);
      if (r.whatsapp && (r.whatsapp !== r.phone || r.phone_type !== 'mobile'))
        problems.push(`whatsapp ${r.whatsapp} for ${r.phone_type} ${r.phone}`);
    }
    expect(problems).toEqual([]);
    const latamMobiles = book
      .map((d) => d.rows[0] as RawImportRow)
      .filter((r) => r.country !== 'US' && r.phone_type === 'mobile');
    const whatsapp = share(latamMobiles.filter((r) => r.whatsapp).length, latamMobiles.length);
    expect(whatsapp).toBeCloseTo(0.7, 1);
    measured['MX/ES/CO mobiles on WhatsApp'] = pct(whatsapp);
  });

  it('makes valid numbers for every area code and prefix in the region table', () => {
    const invalid: string[] = [];
    for (const country of demoCountries) {
      for (const region of demoRegions[country]) {
        for (const place of region.places) {
          for (const code of place.areaCodes) {
            const rng = createRng(code.length, Number(code));
            for (let i = 0; i < 25; i++) {
              const { e164 } = demoPhone(country, { ...place, areaCodes: [code] }, rng);
              if (!parsePhoneNumberFromString(e164)?.isValid())
                invalid.push(`${region.code} ${code}: ${e164}`);
            }
          }
        }
      }
    }
    expect(invalid).toEqual([]);
  });

  it("gives MX and US phones an area code of the debtor's own region and place", () => {
    const mismatched = rows.filter((r) => {
      if (r.country !== 'MX' && r.country !== 'US') return false;
      const region = demoRegions[r.country].find((g) => g.code === r.region);
      const national = (r.phone as string).slice(r.country === 'US' ? 2 : 3);
      return !region?.places.some(
        (p) => p.zone === r.timezone && p.areaCodes.some((a) => national.startsWith(a)),
      );
    });
    expect(mismatched).toEqual([]);
  });

  it('uses valid IANA zones that match the region table', () => {
    const zones = new Set(rows.map((r) => r.timezone as string));
    for (const zone of zones) expect(IANAZone.isValidZone(zone), zone).toBe(true);
    const mismatched = rows.filter((r) => {
      const region = demoRegions[r.country as DemoCountry].find((g) => g.code === r.region);
      return !r.region?.startsWith(`${r.country}-`) || !region?.places.some((p) => p.zone === r.timezone);
    });
    expect(mismatched).toEqual([]);
    for (const zone of [
      'Atlantic/Canary',
      'America/Tijuana',
      'America/Hermosillo',
      'America/Cancun',
      'America/Phoenix',
      'America/Bogota',
    ])
      expect(zones.has(zone), zone).toBe(true);
  });

  it('sends e-mail only to reserved example domains, for about 80 % of debtors', () => {
    const domains = new Set<string>(demoEmailDomains);
    const withEmail = book.filter((d) => d.rows[0]?.email);
    const wrong = rows.filter(
      (r) =>
        r.email && (!/^[a-z0-9._]+@[a-z.]+$/.test(r.email) || !domains.has(r.email.split('@')[1] as string)),
    );
    expect(wrong).toEqual([]);
    expect(share(withEmail.length, book.length)).toBeCloseTo(0.8, 1);
    measured['with e-mail'] = pct(share(withEmail.length, book.length));
  });

  it('speaks Spanish in MX/ES/CO and mostly English in the US, with a Hispanic Spanish-speaking share', () => {
    const firstRows = book.map((d) => d.rows[0] as RawImportRow);
    expect(firstRows.filter((r) => r.country !== 'US').every((r) => r.language === 'es')).toBe(true);
    const us = firstRows.filter((r) => r.country === 'US');
    const es = share(us.filter((r) => r.language === 'es').length, us.length);
    expect(es).toBeGreaterThan(0.1);
    expect(es).toBeLessThan(0.2);
    measured['US debtors with language es'] = pct(es);
  });

  it('records US TCPA consents at realistic rates and leaves some consents unknown', () => {
    const us = book.filter((d) => d.country === 'US').map((d) => d.rows[0] as RawImportRow);
    const call = share(us.filter((r) => r.consent_call === 'true').length, us.length);
    const sms = share(us.filter((r) => r.consent_sms === 'true').length, us.length);
    expect(call).toBeCloseTo(0.6, 1);
    expect(sms).toBeCloseTo(0.5, 1);
    expect(rows.some((r) => r.consent_call === '')).toBe(true);
    measured['US consent_call / consent_sms true'] = `${pct(call)} / ${pct(sms)}`;
  });

  it('tags NYC debtors and includes Massachusetts and vulnerable debtors', () => {
    const firstRows = book.map((d) => d.rows[0] as RawImportRow);
    const nyc = firstRows.filter((r) => r.tags?.split(';').includes('nyc'));
    expect(nyc.length).toBeGreaterThan(0);
    expect(
      nyc.filter((r) => r.region !== 'US-NY' || !/^\+1(212|646|917|718|347|929)/.test(r.phone as string)),
    ).toEqual([]);
    const ma = firstRows.filter((r) => r.region === 'US-MA');
    expect(ma.length).toBeGreaterThan(50);
    const vulnerable = share(firstRows.filter((r) => r.vulnerability).length, firstRows.length);
    expect(vulnerable).toBeGreaterThan(0.01);
    expect(vulnerable).toBeLessThan(0.03);
    measured['NYC / MA / vulnerable debtors'] =
      `${pct(share(nyc.length, book.length))} / ${pct(share(ma.length, book.length))} / ${pct(vulnerable)}`;
  });
});

describe('generatePortfolio: the book', () => {
  it('mixes countries ≈ MX 35 %, ES 20 %, CO 20 %, US 25 %', () => {
    const expected: Record<DemoCountry, number> = { MX: 0.35, ES: 0.2, CO: 0.2, US: 0.25 };
    const figures: string[] = [];
    for (const [country, target] of Object.entries(expected)) {
      const s = share(book.filter((d) => d.country === country).length, book.length);
      expect(Math.abs(s - target), country).toBeLessThan(0.015);
      figures.push(`${country} ${pct(s)}`);
    }
    measured['country mix'] = figures.join(', ');
  });

  it('keeps to the requested countries, renormalising the mix', () => {
    const only = [...generatePortfolio({ debtors: 2_000, seed: 5, asOf, countries: ['ES', 'US'] })];
    expect(new Set(only.map((r) => r.country))).toEqual(new Set(['ES', 'US']));
    const es = share(only.filter((r) => r.country === 'ES').length, only.length);
    expect(Math.abs(es - 20 / 45)).toBeLessThan(0.04); // 20 / (20 + 25) ≈ 44 %
  });

  it('has a DPD mix like an early-stage book, with a tail up to 720 days', () => {
    const dpd = rows.map((r) =>
      r.delinquent_since ? asOfDay - (parseCivilDate(r.delinquent_since) as number) : 0,
    );
    const buckets: [string, number, number, number][] = [
      ['current', 0, 0, 0.05],
      ['1-30', 1, 30, 0.45],
      ['31-60', 31, 60, 0.22],
      ['61-90', 61, 90, 0.13],
      ['90+', 91, 720, 0.15],
    ];
    const figures: string[] = [];
    for (const [label, lo, hi, target] of buckets) {
      const s = share(dpd.filter((d) => d >= lo && d <= hi).length, dpd.length);
      expect(Math.abs(s - target), label).toBeLessThan(0.015);
      figures.push(`${label} ${pct(s)}`);
    }
    expect(Math.max(...dpd)).toBeLessThanOrEqual(720);
    expect(dpd.filter((d) => d > 365).length).toBeGreaterThan(0);
    measured['DPD mix'] = figures.join(', ');
  });

  it('balances are >= 0 and equal principal + interest + fees - payments, and rows carry them exactly', () => {
    let withPayments = 0;
    const wrong: string[] = [];
    for (const d of book) {
      d.accounts.forEach((a, k) => {
        const r = d.rows[k] as RawImportRow;
        if (a.balance !== a.principal + a.interest + a.fees - a.paid || a.balance < 0 || a.paid < 0)
          wrong.push(`${a.externalRef}: ${JSON.stringify(a)}`);
        const fromRow = [toMinor(r.principal), toMinor(r.interest), toMinor(r.fees), toMinor(r.balance)];
        if (fromRow.join() !== [a.principal, a.interest, a.fees, a.balance].join())
          wrong.push(`${a.externalRef}: row ${fromRow.join()}`);
        if (a.paid > 0) withPayments++;
      });
    }
    expect(wrong).toEqual([]);
    measured['accounts with partial payments'] = pct(share(withPayments, rows.length));
  });

  it('draws principals log-normally around realistic medians per product and currency', () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const cases: [string, string, number][] = [
      ['MXN', 'credit_card', 12_000],
      ['COP', 'personal_loan', 3_500_000],
      ['EUR', 'telco', 180],
      ['USD', 'credit_card', 2_400],
    ];
    const figures: string[] = [];
    for (const [currency, product, target] of cases) {
      const m = median(
        rows.filter((r) => r.currency === currency && r.product === product).map((r) => Number(r.principal)),
      );
      expect(m / target, `${currency} ${product}`).toBeGreaterThan(0.85);
      expect(m / target, `${currency} ${product}`).toBeLessThan(1.15);
      figures.push(`${currency} ${product} ${Math.round(m)}`);
    }
    expect(
      rows.filter((r) => r.currency === 'COP').every((r) => (r.principal as string).endsWith('00.00')),
    ).toBe(true);
    measured['median principal'] = figures.join(', ');
  });

  it('keeps most accounts active, with a few promises, plans and disputes', () => {
    const count = (s: string) => share(rows.filter((r) => r.status === s).length, rows.length);
    expect(count('active')).toBeGreaterThan(0.85);
    for (const s of ['promised', 'in_plan', 'disputed']) expect(count(s), s).toBeGreaterThan(0.005);
    expect(rows.some((r) => r.tags?.includes('first_payment_default'))).toBe(true);
    measured['status active / promised / in_plan / disputed'] = ['active', 'promised', 'in_plan', 'disputed']
      .map((s) => pct(count(s)))
      .join(' / ');
  });
});

describe('generatePortfolio: streaming', () => {
  it('yields the first rows of a 1,000,000-debtor book without building it', () => {
    const before = process.memoryUsage().heapUsed;
    const first = take(generatePortfolio({ debtors: 1_000_000, seed: 1, asOf }), 10);
    expect(first).toHaveLength(10);
    // A materialised million-debtor book is > 1 GB; ten rows are a few kilobytes.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
    // And the largest book allowed (10M debtors, ~12M rows) also starts at once.
    expect(take(generatePortfolio({ debtors: maxDemoDebtors, seed: 1, asOf }), 10)).toEqual(first);
  });

  it('holds for any seed, date and country selection (property)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.subarray(['MX', 'ES', 'CO', 'US'] as DemoCountry[], { minLength: 1 }),
        (seed, date, countries) => {
          const day = date.toISOString().slice(0, 10);
          for (const r of generatePortfolio({ debtors: 20, seed, asOf: day, countries })) {
            expect(countries).toContain(r.country);
            for (const c of requiredImportColumns) expect(r[c]).toBeTruthy();
            if (r.delinquent_since) expect(r.delinquent_since < day).toBe(true);
            expect(r.date_of_birth === '' || (r.date_of_birth as string) < day).toBe(true);
            expect(Number(r.balance)).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
