import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, ChainReport } from '../../api/types.js';
import { I18nProvider } from '../../i18n/i18n-context.js';
import type { Language } from '../../i18n/messages.js';
import { translator } from '../../i18n/translate.js';
import { SignIn } from '../sign-in.js';
import { AuditTable } from './audit-table.js';
import { ChainResult } from './chain-result.js';

function render(node: ReactNode, language: Language = 'en', intl = 'en-GB') {
  return renderToStaticMarkup(
    <I18nProvider value={{ language, intl, t: translator(language), setLanguage: () => {} }}>
      {node}
    </I18nProvider>,
  );
}

const entry = (seq: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  at: '2026-11-24T15:00:00Z',
  actor: { kind: 'session', id: 'usr_7', role: 'admin' },
  action: 'PUT /v1/compliance/policy',
  target: '/v1/compliance/policy',
  outcome: 'requested',
  detail: { requestId: 'req-1' },
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
  ...over,
});

/** Every <label for> names an element id of the markup. */
function labelsPointAtControls(html: string) {
  const fors = [...html.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]!);
  expect(fors.length).toBeGreaterThan(0);
  for (const id of fors)
    expect(html).toMatch(new RegExp(`<(input|select)[^>]* id="${id.replace(/[:]/g, '\\:')}"`));
  return fors.length;
}

describe('the audit table', () => {
  it('has a caption, column and row headers, the time in the viewer zone, and named buttons', () => {
    const html = render(
      <AuditTable
        entries={[entry(1), entry(2, { outcome: 'completed 200' })]}
        filtered={false}
        onViewRequest={() => {}}
        timeZone="Europe/Madrid"
      />,
    );
    expect(html).toMatch(/<caption id="[^"]+">Entries 1 to 2, oldest first<\/caption>/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(8);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toContain('<time dateTime="2026-11-24T15:00:00Z">24 Nov 2026, 16:00:00 CET</time>');
    expect(html).toContain('aria-label="View the request recorded with entry 2"');
    expect(html).toContain('completed (200)');
    expect(html).toMatch(/role="region" aria-labelledby="[^"]+" tabindex="0"/);
  });

  it('in Spanish, with the locale date format', () => {
    const html = render(
      <AuditTable entries={[entry(3)]} filtered onViewRequest={() => {}} timeZone="America/Mexico_City" />,
      'es',
      'es-MX',
    );
    expect(html).toContain('Entradas 3 a 3 que cumplen los filtros');
    expect(html).toMatch(/24 nov.* 2026.*09:00:00/);
    expect(html).toContain('administrador');
  });

  it('says when nothing matches', () => {
    expect(render(<AuditTable entries={[]} filtered onViewRequest={() => {}} />)).toBe(
      '<p>No entries match.</p>',
    );
  });
});

describe('the verification result', () => {
  const report = (breaks: ChainReport['breaks']): ChainReport => ({
    entries: 8,
    lastSeq: 8,
    lastHash: 'f'.repeat(64),
    breaks,
    intact: breaks.length === 0,
  });

  it('intact: up to which entry, and the head hash', () => {
    expect(render(<ChainResult report={report([])} />)).toContain(
      `Chain intact up to entry 8, head ${'f'.repeat(64)}.`,
    );
  });

  it('broken: a table of the problems, each explained', () => {
    const html = render(
      <ChainResult
        report={report([
          { seq: 3, problem: 'edited' },
          { seq: 8, problem: 'truncated', headSeq: 9 },
        ])}
      />,
      'es',
    );
    expect(html).toContain('La cadena está rota: 2 problemas encontrados.');
    expect(html).toContain('<caption id="chain-problems">Problemas encontrados en la cadena</caption>');
    expect(html).toContain('<code>edited</code>');
    expect(html).toContain('La entrada 3 fue editada');
    expect(html).toContain('se borraron entradas del final');
  });
});

describe('the sign-in form', () => {
  it('labels every field, the organisation with its hint, and has an alert region for errors', () => {
    const html = render(<SignIn onSignedIn={async () => {}} />, 'es');
    expect(labelsPointAtControls(html)).toBe(3);
    expect(html).toContain('>Correo electrónico</label>');
    expect(html).toContain('>Contraseña</label>');
    expect(html).toContain('>Organización (opcional)</label>');
    expect(html).toMatch(/autoComplete="current-password"/i);
    expect(html).toMatch(/<div role="alert"/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });
});
