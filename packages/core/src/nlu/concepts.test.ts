import { describe, expect, it } from 'vitest';
import { conceptsIn, speechActs } from './concepts.js';
import { foldText } from './normalize.js';

const con = (text: string) => conceptsIn(foldText(text), text);
const acts = (text: string) => speechActs(text, foldText(text));

describe('concept classes', () => {
  it.each([
    ['I got furloughed last week', 'job_loss'],
    ['me corrieron del jale', 'job_loss'],
    ['estoy en el paro', 'job_loss'],
    ['mi hija está internada', 'illness'],
    ["I'm in chemo", 'illness'],
    ['mi esposa se nos adelantó', 'death'],
    ['she passed on', 'death'],
    ['voy a ir a la PROFECO', 'legal'],
    ['send me the validation letter', 'proof'],
    ['mándame el desglose', 'proof'],
    ['me hacen una rebaja?', 'reduce'],
    ['kien habla', 'whois'],
    ['mom can you grab milk', 'chat'],
    ['Tu código de verificación es 1234', 'notice'],
    ["I'll pay when hell freezes over", 'dismiss'],
    ['yes this is him', 'its_me'],
    ['he moved out years ago', 'someone_else'],
    ['pago la mitad ahora y el resto en enero', 'split'],
    ['¿cuántas cuotas me faltan?', 'status'],
    ['no voy a pagar dos veces', 'paid_twice'],
    ['who is Brandon?', 'who_name'],
    ['¿Quién es Jorge?', 'who_name'],
  ])('%s → %s', (text, concept) => expect(con(text)).toContain(concept));

  it('does not read "who is this" as a name, nor a bare "I\'ll" as illness', () => {
    expect(con('Who is this?')).not.toContain('who_name');
    expect(con('ill pay friday')).not.toContain('illness');
  });
});

describe('speech acts', () => {
  it.each([
    ['¿cuánto debo?', 'wh'],
    ['how much is left', 'wh'],
    ['¿puedo pagar en cuotas?', 'modal'],
    ['could you waive the fees', 'modal'],
    ['si me quitan los intereses pago', 'cond'],
    ['if you take 700 I pay', 'cond'],
    ['mi mamá ya consignó', 'past'],
    ['I sent it yesterday', 'past'],
    ['realizaré el pago el lunes', 'future'],
    ["I'll pay Friday", 'future'],
  ])('%s → %s', (text, act) => expect(acts(text)).toContain(act));

  it('keeps the tense that folding would erase', () => {
    expect(acts('consignó')).toContain('past');
    expect(acts('consigno el lunes')).not.toContain('past');
    expect(acts('porque no tengo')).not.toContain('wh');
  });
});
