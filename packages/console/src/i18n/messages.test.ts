import { describe, expect, it } from 'vitest';
import { catalogues, languages } from './messages.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has every text in Spanish and English, with the same placeholders', () => {
    const keys = Object.keys(catalogues.en).sort();
    for (const l of languages) {
      expect(Object.keys(catalogues[l]).sort(), l).toEqual(keys);
      for (const k of keys) {
        const text = catalogues[l][k as keyof typeof catalogues.en];
        expect(text.trim(), `${l} ${k}`).not.toBe('');
        expect(placeholders(text), `${l} ${k}`).toEqual(
          placeholders(catalogues.en[k as keyof typeof catalogues.en]),
        );
      }
    }
  });

  it('is really translated: Spanish differs from English except for shared words', () => {
    const same = Object.keys(catalogues.en).filter(
      (k) =>
        catalogues.es[k as keyof typeof catalogues.en] === catalogues.en[k as keyof typeof catalogues.en],
    );
    expect(same).toEqual([]);
  });
});
