import { describe, expect, it } from 'vitest';
import { foldAccents } from '../../nlu/normalize.js';
import { debtWords } from '../testing.js';
import { enCatalog } from './catalog-en.js';
import { esCatalog, preVerificationKeys, type ReplyKey } from './catalog-es.js';
import { dialogueLocaleFor, dialogueLocales, localeOverrides } from './overrides.js';
import {
  catalogText,
  describeAgreement,
  describeRefusal,
  fill,
  formatDate,
  formatMoney,
  replyFormat,
} from './render.js';

const keys = Object.keys(esCatalog) as ReplyKey[];
const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the reply catalogue', () => {
  it('has every key in every locale, with the placeholders of its base', () => {
    expect(Object.keys(enCatalog).sort()).toEqual([...keys].sort());
    for (const locale of dialogueLocales) {
      for (const key of keys) {
        const text = catalogText(locale, key);
        expect(text.trim().length, `${locale} ${key}`).toBeGreaterThan(0);
        const base = locale.startsWith('en') ? enCatalog[key] : esCatalog[key];
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(base));
      }
    }
  });

  it('overrides only keys of the catalogue', () => {
    for (const locale of dialogueLocales)
      for (const key of Object.keys(localeOverrides[locale])) expect(keys).toContain(key);
  });

  it.each(['es', 'en'] as const)(
    'says nothing about a debt before verification (%s): no amount, digit, creditor or debt word',
    (lang) => {
      const catalog = lang === 'es' ? esCatalog : enCatalog;
      for (const key of preVerificationKeys) {
        for (const locale of dialogueLocales.filter((l) => l.startsWith(lang))) {
          const filled = fill(catalogText(locale, key), { collector: 'Grupo Norte', via: 'por WhatsApp' });
          const text = foldAccents(filled.toLowerCase());
          expect(text, `${locale} ${key}`).not.toMatch(/\d/);
          expect(text, `${locale} ${key}`).not.toMatch(debtWords);
          expect(text, `${locale} ${key}`).not.toMatch(/\{(creditor|balance|amount)\}/);
        }
        expect(catalog[key]).not.toMatch(/\{(creditor|balance|amount|agreement)\}/);
      }
    },
  );

  it('never threatens: no legal-action or pressure words in any locale', () => {
    const threats =
      /\b(demanda|embargo|juicio|denuncia|carcel|arrest|lawsuit|sue|garnish|jail|court|buró|bureau)\b/i;
    for (const locale of dialogueLocales)
      for (const key of keys)
        expect(foldAccents(catalogText(locale, key)), `${locale} ${key}`).not.toMatch(threats);
  });
});

describe('formatting for the debtor locale', () => {
  it('formats amounts with Intl for the country', () => {
    expect(formatMoney(485000, 'MXN', 'es-MX')).toBe('$4,850.00');
    expect(formatMoney(123456, 'EUR', 'es-ES')).toMatch(/1234,56\s?€|1\.234,56\s?€/);
    expect(formatMoney(125000, 'USD', 'en-US')).toBe('$1,250.00');
    expect(formatMoney(50000, 'CLP', 'es-CL')).toMatch(/\$\s?50\.000/);
  });

  it('formats dates with the weekday', () => {
    expect(formatDate('2026-11-27', 'es-MX')).toBe('viernes, 27 de noviembre');
    expect(formatDate('2026-11-27', 'en-US')).toBe('Friday, November 27');
  });

  it('describes agreements in the debtor words', () => {
    const f = replyFormat('es', 'MX', 'MXN');
    expect(
      describeAgreement(
        {
          kind: 'promise',
          parts: [
            { date: '2026-11-27', amountMinor: 20000 },
            { date: '2026-12-01', amountMinor: 465000 },
          ],
        },
        f,
      ),
    ).toBe('$200.00 el viernes, 27 de noviembre y $4,650.00 el martes, 1 de diciembre');
    const plan = describeAgreement(
      {
        kind: 'plan',
        frequency: 'monthly',
        totalMinor: 90000,
        installments: [
          { due: '2026-12-01', amountMinor: 30000 },
          { due: '2027-01-01', amountMinor: 30000 },
          { due: '2027-02-01', amountMinor: 30000 },
        ],
      },
      replyFormat('en', 'US', 'USD'),
    );
    expect(plan).toBe('3 monthly payments of $300.00 starting Tuesday, December 1 (total $900.00)');
  });

  it('says why a proposal was refused, short, in the debtor language', () => {
    const refusal = { code: 'date_too_far' as const, message: 'Too far', messageEs: 'Muy lejos' };
    expect(describeRefusal([refusal], replyFormat('es', 'MX', 'MXN'))).toBe('la fecha es demasiado lejana');
    expect(describeRefusal([refusal], replyFormat('en', 'US', 'USD'))).toBe('that date is too far away');
  });

  it('picks the catalogue locale per language and country', () => {
    expect(dialogueLocaleFor('es', 'US')).toBe('es-US');
    expect(dialogueLocaleFor('es', 'PE')).toBe('es-PE');
    expect(dialogueLocaleFor('es', 'BR')).toBe('es-MX');
    expect(dialogueLocaleFor('en', 'MX')).toBe('en-US');
  });
});
