import { describe, expect, it } from 'vitest';
import { featurize, stemOf } from './features.js';
import { lexiconCues } from './lexicon.js';
import { foldText } from './normalize.js';

const cues = (text: string) => lexiconCues(foldText(text));

describe('whole-reply yes/no cues', () => {
  it.each(['ok, gracias', 'Sí, claro!', 'yep', 'bet', 'dale', 'vale, perfecto'])('%s is a yes', (t) =>
    expect(cues(t)).toContain('affirm_all'),
  );
  it.each(['no gracias', 'nah I’m good', 'nel', 'ni de coña', "that's incorrect", 'noo', 'n'])(
    '%s is a no',
    (t) => expect(cues(t)).toContain('deny_all'),
  );
  it.each([
    'no debo nada',
    'no es aquí',
    'ya voy en camino',
    'no hay problema, gracias por avisar',
    'ok te pago el viernes',
  ])('%s is neither', (t) => {
    expect(cues(t)).not.toContain('affirm_all');
    expect(cues(t)).not.toContain('deny_all');
  });
});

describe('features', () => {
  it('strips Spanish/English inflections to one stem', () => {
    expect(stemOf('pagaremos')).toBe('pag');
    expect(stemOf('pagando')).toBe('pag');
    expect(stemOf('paying')).toBe('pay');
    expect(stemOf('hola')).toBeUndefined();
  });
  it('marks words in the scope of a negation and cues a concrete date and amount', () => {
    const f = featurize('no es mía, el viernes pago 500 pesos');
    expect(f.has('n:es')).toBe(true);
    expect(f.has('lex:when')).toBe(true);
    expect(f.has('lex:money')).toBe(true);
    expect(featurize('es mía').has('n:es')).toBe(false);
  });
});

describe('canonical tokens', () => {
  it('reads "whats the …" as "what\'s", and "whats" alone as WhatsApp', async () => {
    const { canonicalTokens } = await import('./normalize.js');
    expect(canonicalTokens('whats the amount due')[0]).toBe("what's");
    expect(canonicalTokens('mandame un whats')).toContain('whatsapp');
  });
});
