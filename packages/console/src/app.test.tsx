import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './app.js';

describe('App', () => {
  it('renders one main landmark with a heading, reachable by the skip link', () => {
    const html = renderToStaticMarkup(<App />);
    expect(html.match(/<main /g)).toHaveLength(1);
    expect(html).toMatch(/<main id="main"[^>]*><h1>/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('href="#main"');
  });

  it('speaks the browser language, and a language chosen before wins', () => {
    const es = renderToStaticMarkup(<App preferredLanguages={['es-MX', 'en']} />);
    expect(es).toContain('Saltar al contenido');
    expect(es).toMatch(/<label[^>]*>Idioma<\/label>/);
    const chosen = renderToStaticMarkup(<App preferredLanguages={['es-MX']} savedLanguage="en" />);
    expect(chosen).toContain('Skip to content');
  });
});
