import { describe, expect, it } from 'vitest';
import { formatInstant, formatTimeOfDay, intlLocale, pickLanguage, translator } from './translate.js';

describe('language and formats', () => {
  it('takes the first browser language the console speaks, else English', () => {
    expect(pickLanguage(['es-MX', 'en-US'])).toBe('es');
    expect(pickLanguage(['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLanguage(['de'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('formats with the browser variant of the chosen language', () => {
    expect(intlLocale('es', ['en-US', 'es-MX'])).toBe('es-MX');
    expect(intlLocale('en', ['es-MX'])).toBe('en');
  });

  it('fills placeholders and leaves a missing one visible', () => {
    const t = translator('es');
    expect(t('verify.intact', { seq: 12, hash: 'ab12' })).toBe(
      'Cadena intacta hasta la entrada 12, cabeza ab12.',
    );
    expect(t('verify.intact', { seq: 12 })).toContain('{hash}');
  });

  it('shows an instant in the viewer zone and the locale format', () => {
    const at = '2026-11-24T15:00:05Z';
    expect(formatInstant(at, 'es-MX', 'America/Mexico_City')).toMatch(/24 nov.* 2026.*09:00:05/);
    expect(formatInstant(at, 'en-US', 'Europe/Madrid')).toMatch(/Nov 24, 2026.*04:00:05\sPM/);
    expect(formatTimeOfDay(new Date(at), 'es-ES', 'Europe/Madrid')).toBe('16:00');
  });
});
