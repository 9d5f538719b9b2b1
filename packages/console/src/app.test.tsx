import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './app.js';

describe('App', () => {
  it('renders one main landmark with a heading, reachable by the skip link', () => {
    const html = renderToStaticMarkup(<App />);
    expect(html.match(/<main /g)).toHaveLength(1);
    expect(html).toMatch(/<main id="main"[^>]*><h1>/);
    expect(html).toContain('href="#main"');
  });
});
