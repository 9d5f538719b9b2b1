import { defaultTemplatesEnUs } from './default-templates-en-us.js';
import { defaultTemplatesEsEs } from './default-templates-es-es.js';
import { defaultTemplatesEsMx } from './default-templates-es-mx.js';
import { defaultTemplatesEsUs } from './default-templates-es-us.js';
import { meetsRequiredContent, type MessageTemplate } from './template.js';
import type { Channel } from './channel.js';
import { languageOf, templateLanguages, type TemplateLanguage, type TemplatePurpose } from './types.js';

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

/** The variant a language falls back to when the debtor's own variant has no template. */
const defaultVariant: Record<TemplateLanguage, string> = { es: 'es-MX', en: 'en-US' };

/**
 * Picks the template for a purpose and channel in the debtor's locale: exact locale first, then the
 * same language (es-CO → es-MX, en-GB → en-US), then a language-only template.
 *
 * With `country` (the debtor's), a template that lacks content the country requires is never
 * chosen while another one carries it: the first one in that order that passes the country's
 * required content wins, then one in another language (the country's own variant first: a US
 * debtor is better served in English than refused in Spanish). When none passes, the first in the
 * debtor's language is returned, and the compliance engine refuses the contact with its rule.
 *
 * @example
 * findTemplate(defaultTemplates, { purpose: 'reminder', channel: 'sms', locale: 'es-CO', country: 'CO' })?.id
 * // 'tpl_default_reminder_sms_es-MX'
 */
export function findTemplate(
  templates: readonly MessageTemplate[],
  want: { purpose: TemplatePurpose; channel: Channel; locale: string; country?: string },
): MessageTemplate | undefined {
  const candidates = templates.filter((t) => t.purpose === want.purpose && t.channel === want.channel);
  const own = inLocaleOrder(candidates, want.locale);
  if (want.country === undefined) return own[0];
  const country = want.country.toUpperCase();
  const lang = languageOf(want.locale);
  const others = templateLanguages
    .filter((l) => l !== lang)
    .flatMap((l) => inLocaleOrder(candidates, `${l}-${country}`));
  return [...own, ...others].find((t) => meetsRequiredContent(t, country)) ?? own[0];
}

/**
 * The candidates in the language of `locale`, best first: the exact locale, the bare language
 * (`es`), the language's default variant (es-MX, en-US), any other variant in list order.
 */
function inLocaleOrder(candidates: readonly MessageTemplate[], locale: string): MessageTemplate[] {
  const lang = languageOf(locale);
  const rank = (t: MessageTemplate): number =>
    t.locale === locale ? 0 : t.locale === lang ? 1 : t.locale === defaultVariant[lang] ? 2 : 3;
  return candidates
    .filter((t) => languageOf(t.locale) === lang)
    .map((t, i) => ({ t, r: rank(t), i }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.t);
}
