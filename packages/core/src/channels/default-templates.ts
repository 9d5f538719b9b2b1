import { defaultTemplatesEnUs } from './default-templates-en-us.js';
import { defaultTemplatesEsEs } from './default-templates-es-es.js';
import { defaultTemplatesEsMx } from './default-templates-es-mx.js';
import { defaultTemplatesEsUs } from './default-templates-es-us.js';
import type { MessageTemplate } from './template.js';
import type { Channel } from './channel.js';
import { languageOf, type TemplatePurpose } from './types.js';

/** The default template set that ships with Saldo: es-MX, es-ES, es-US and en-US. */
export const defaultTemplates: readonly MessageTemplate[] = [
  ...defaultTemplatesEsMx,
  ...defaultTemplatesEsEs,
  ...defaultTemplatesEsUs,
  ...defaultTemplatesEnUs,
];

const scriptedVoice: Partial<Record<Channel, readonly Channel[]>> = {
  call: ['call', 'voicebot'],
  voicebot: ['voicebot', 'call'],
};

/**
 * The template channels that can serve a contact on `channel`, the channel's own first: a scripted
 * call template serves both an agent's call and a voicebot call; any other channel only its own.
 *
 * @example
 * templateChannelsFor('voicebot'); // ['voicebot', 'call']
 * templateChannelsFor('sms'); // ['sms']
 */
export function templateChannelsFor(channel: Channel): readonly Channel[] {
  return scriptedVoice[channel] ?? [channel];
}

/**
 * Picks the template for a purpose and channel in the debtor's locale: exact locale first, then the
 * same language (es-CO → es-MX, en-GB → en-US), then a language-only template.
 *
 * @example
 * findTemplate(defaultTemplates, { purpose: 'reminder', channel: 'sms', locale: 'es-CO' })?.id
 * // 'tpl_default_reminder_sms_es-MX'
 */
export function findTemplate(
  templates: readonly MessageTemplate[],
  want: { purpose: TemplatePurpose; channel: Channel; locale: string },
): MessageTemplate | undefined {
  const candidates = templates.filter((t) => t.purpose === want.purpose && t.channel === want.channel);
  const lang = languageOf(want.locale);
  return (
    candidates.find((t) => t.locale === want.locale) ??
    candidates.find((t) => t.locale === lang) ??
    candidates.find(
      (t) => languageOf(t.locale) === lang && t.locale === (lang === 'es' ? 'es-MX' : 'en-US'),
    ) ??
    candidates.find((t) => languageOf(t.locale) === lang)
  );
}
