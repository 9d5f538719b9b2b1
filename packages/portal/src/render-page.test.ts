import { describe, expect, it } from 'vitest';
import { renderPage } from './render-page.js';

describe('renderPage', () => {
  it('declares the language, titles the page and links past the frame to one main landmark', () => {
    const html = renderPage({ lang: 'es', title: 'Tu saldo', mainHtml: '<h1>Tu saldo</h1>' });
    expect(html).toMatch(/^<!doctype html>\n<html lang="es">/);
    expect(html).toContain('<title>Tu saldo · Portal de pagos</title>');
    expect(html).toContain('<a class="skip-link" href="#main">Saltar al contenido</a>');
    expect(html.match(/<main /g)).toHaveLength(1);
    expect(html).toContain('<main id="main" tabindex="-1"><h1>Tu saldo</h1></main>');
    expect(html).not.toContain('<script');
  });

  it('speaks English and escapes the title', () => {
    const html = renderPage({ lang: 'en', title: '<Your> "balance"', mainHtml: '' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>&lt;Your&gt; &quot;balance&quot; · Payment portal</title>');
    expect(html).toContain('>Skip to content</a>');
  });

  it('adds the enhancement script as a module when given', () => {
    const html = renderPage({ lang: 'en', title: 'x', mainHtml: '', scriptSrc: '/portal/enhance.js' });
    expect(html).toContain('<script type="module" src="/portal/enhance.js"></script>');
  });
});
