import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkHtmlSafety, parseTemplate, renderParsed, renderTemplate } from './template-language.js';

describe('template language', () => {
  it('renders known variables', () => {
    expect(
      renderTemplate('Hola {{ debtor.firstName }}, debes {{amount}}.', {
        'debtor.firstName': 'Ana',
        amount: '$10.00',
      }),
    ).toEqual({ ok: true, text: 'Hola Ana, debes $10.00.' });
  });

  it('rejects unknown variables with their position', () => {
    const r = parseTemplate('Hi {{debtor.ssn}}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ at: 3, message: 'unknown variable "debtor.ssn"' });
  });

  it.each([
    ['{{constructor.constructor("return process")()}}'],
    ['{{amount + 1}}'],
    ['{{#each debts}}x{{/each}}'],
    ['{{> partial}}'],
    ['{{{amount}}}'],
    ['{{debtor.__proto__}}'],
  ])('refuses anything that is not a plain variable or if: %s', (src) => {
    expect(parseTemplate(src).ok).toBe(false);
  });

  it('supports simple conditionals with else', () => {
    const p = parseTemplate('{{#if agentName}}Soy {{agentName}}{{else}}Somos el equipo{{/if}}.');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(renderParsed(p.nodes, { agentName: 'Mariana' }, 'text')).toEqual({
      ok: true,
      text: 'Soy Mariana.',
    });
    expect(renderParsed(p.nodes, {}, 'text')).toEqual({ ok: true, text: 'Somos el equipo.' });
  });

  it('reports unbalanced conditionals and braces', () => {
    expect(parseTemplate('{{#if amount}}x').ok).toBe(false);
    expect(parseTemplate('x{{/if}}').ok).toBe(false);
    expect(parseTemplate('x {{else}}').ok).toBe(false);
    expect(parseTemplate('Hola {{amount').ok).toBe(false);
  });

  it('limits nesting depth', () => {
    const deep =
      '{{#if amount}}{{#if dueDate}}{{#if agentName}}{{#if paymentLink}}x{{/if}}{{/if}}{{/if}}{{/if}}';
    expect(parseTemplate(deep).ok).toBe(false);
  });

  it('reports missing values instead of rendering blanks', () => {
    expect(renderTemplate('Pay at {{paymentLink}}', {})).toEqual({ ok: false, missing: ['paymentLink'] });
  });

  it('escapes values in html mode and turns links into anchors', () => {
    const r = renderTemplate(
      '<p>{{debtor.firstName}} {{paymentLink}}</p>',
      { 'debtor.firstName': '<b>Ana</b>', paymentLink: 'https://pay.example/x?a=1&b=2' },
      'html',
    );
    expect(r).toEqual({
      ok: true,
      text: '<p>&lt;b&gt;Ana&lt;/b&gt; <a href="https://pay.example/x?a=1&amp;b=2">https://pay.example/x?a=1&amp;b=2</a></p>',
    });
  });

  it('never lets a value inject template syntax or code (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (name) => {
        const r = renderTemplate('Hi {{debtor.firstName}}!', { 'debtor.firstName': name });
        return r.ok && r.text === `Hi ${name}!`;
      }),
    );
  });

  it('never throws on arbitrary sources (property)', () => {
    fc.assert(fc.property(fc.string(), (src) => typeof parseTemplate(src).ok === 'boolean'));
  });

  it('flags unsafe html', () => {
    expect(checkHtmlSafety('<p onclick="x()">hi</p>')).toHaveLength(1);
    expect(checkHtmlSafety('<script>alert(1)</script>')).toHaveLength(1);
    expect(checkHtmlSafety('<a href="javascript:alert(1)">x</a>')).toHaveLength(1);
    expect(checkHtmlSafety('<p style="color:red">hola</p>')).toEqual([]);
  });
});
