import { extractAmount } from './amount.js';
import { extractChannel } from './channel.js';
import { localNow } from './civil.js';
import { extractDate } from './date.js';
import { extractInstallments } from './installments.js';
import type { Language, OrgIntent } from './intents.js';
import { detectLanguage } from './language.js';
import { defaultZone, variantFor } from './locale.js';
import type { NluModel } from './model.js';
import { conceptsIn } from './concepts.js';
import { lexiconCues, wholeReplyIntent } from './lexicon.js';
import { foldText, tokenize } from './normalize.js';
import { implicitOptOut, ruleIntents } from './rules.js';
import type { NluEntities } from './schema.js';
import { extractTimeOfDay } from './time-of-day.js';

export interface ParseOptions {
  model: NluModel;
  lang?: Language;
  /** Local reference time ("2026-11-24T10:00:00"), an ISO instant, or a Date. Without it no date is resolved. */
  now?: string | Date;
  /** IANA zone of the debtor; decides the regional variant ("$" = MXN in Mexico City). */
  timezone?: string;
}

export interface NluResult {
  intent: OrgIntent;
  confidence: number;
  lang: Language;
  entities: NluEntities;
  /** Other intents in the same message, most likely first (e.g. `stop_contact` after `already_paid`). */
  secondary?: OrgIntent[];
}

/** Below this the classifier's guess is reported as `unknown`. Tuned by cross-validation on train. */
export const minConfidence = 0.2;
/** A second intent is reported when the classifier gives it at least this probability. */
export const secondaryThreshold = 0.25;
/** The classifier overrules a rule's intent (which then becomes secondary) only above this probability. */
export const overruleThreshold = 0.5;
/**
 * Only a redirection may take the primary slot from an opt-out rule: the debtor still wants to be
 * contacted, another way or at another time ("text me, don't call"; "no me llamen al trabajo, mejor
 * al cel en la mañana"). Evidence: a channel or a time of day asked for outside the refusal ("prefiero
 * que no me llamen" is still an opt-out). Everything else (already paid, dispute, wrong party, deceased, bankruptcy,
 * abuse, a promise…) is secondary: a missed opt-out is a legal violation, so an opt-out always wins.
 */
/** What else an opt-out carries, from its own words: "ya pagué, dejen de llamar" → secondary already_paid. */
const stopCompanionCues: ReadonlyArray<[string, OrgIntent]> = [
  ['paid_past', 'already_paid'],
  ['insult', 'abuse'],
  ['threat', 'abuse'],
  ['hardship', 'hardship'],
  ['future_pay', 'promise_to_pay'],
  ['refuse', 'refuse'],
];

function redirectionEvidence(text: string, lang: Language): boolean {
  return extractChannel(text, lang) !== undefined || extractTimeOfDay(text, lang) !== undefined;
}

/**
 * The classifier labels a whole yes / no / social reply may replace: `unknown`, and the reading of one
 * word of it (the "no" of "cómo no", the question of "¿cómo ha estado?"). Never a substantive intent.
 */
const overridable: Record<'affirm' | 'deny' | 'smalltalk', readonly OrgIntent[]> = {
  affirm: ['unknown', 'deny'],
  deny: ['unknown', 'affirm'],
  smalltalk: ['unknown', 'request_info'],
};

const maxChars = 2000;

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}

/**
 * Understands one debtor reply: intent (primary + secondaries), confidence, language, entities.
 * Rules decide the high-stakes intents; the trained classifier decides the rest.
 *
 * @example
 * parse('te pago 500 pesos el viernes', { model, now: '2026-11-24T10:00:00', timezone: 'America/Mexico_City' })
 * // → { intent: 'promise_to_pay', confidence: 0.999, lang: 'es', entities: { amount: { value: 500, currency: 'MXN' }, date: '2026-11-27' } }
 */
export function parse(text: string, opts: ParseOptions): NluResult {
  const clipped = text.length > maxChars ? text.slice(0, maxChars) : text;
  const zoneHint = opts.timezone && variantFor(opts.timezone, 'es') === 'US' ? 'en' : 'es';
  const guess = detectLanguage(clipped, opts.lang ?? zoneHint);
  const lang = opts.lang ?? guess.lang;
  if (tokenize(foldText(clipped)).length === 0)
    return { intent: 'unknown', confidence: 1, lang, entities: {} };

  const hits = ruleIntents(clipped);
  const ranked = opts.model.classifier.predict(clipped);
  const top = ranked[0] ?? { label: 'unknown', p: 0 };
  let intent: OrgIntent;
  let confidence: number;
  const secondary: OrgIntent[] = [];
  const ruleHit = hits.find((h) => h.keyword) ?? hits.find((h) => h.intent === 'stop_contact') ?? hits[0];
  if (ruleHit?.keyword) {
    // A carrier keyword sent alone is an opt-out, whatever else the model thinks.
    intent = 'stop_contact';
    confidence = 1;
  } else if (ruleHit) {
    // The classifier saw the rule hit as a feature; it may explain the message better
    // ("ya pagué, dejen de llamar" is already_paid + stop_contact). The rule intent is never dropped.
    const ruleP = ranked.find((r) => r.label === ruleHit.intent)?.p ?? 0;
    const mayOverrule =
      ruleHit.intent === 'stop_contact'
        ? top.label === 'contact_preference' && redirectionEvidence(clipped, lang)
        : top.label !== 'unknown';
    if (top.label !== ruleHit.intent && top.p >= overruleThreshold && mayOverrule) {
      intent = top.label;
      confidence = top.p;
    } else {
      intent = ruleHit.intent;
      confidence = Math.max(0.9, ruleP);
    }
  } else if (guess.foreign && !opts.lang) {
    intent = 'unknown';
    confidence = 0.9;
  } else {
    intent = top.p >= minConfidence ? top.label : 'unknown';
    confidence = top.p >= minConfidence ? top.p : 1 - top.p;
    if (
      (intent === 'promise_to_pay' || intent === 'pay_now') &&
      conceptsIn(foldText(clipped)).includes('dismiss')
    ) {
      // "sí claro, te pago cuando las ranas echen pelo", "I'll pay when pigs fly": a promise tied to never.
      intent = 'refuse';
      confidence = Math.max(0.5, ranked.find((r) => r.label === 'refuse')?.p ?? 0);
    }
    const whole = wholeReplyIntent(clipped);
    if (whole !== undefined && overridable[whole].includes(intent)) {
      // A reply made only of yes, no or greeting words is that, however it is spelt ("yeppers", "nel
      // pastel", "quiubo"): the model's "unknown" there only means it never saw the word, and its
      // "deny" for "cómo no" (of course) or "request_info" for "¿cómo ha estado?" reads one word of it.
      intent = whole;
      confidence = Math.max(0.5, ranked.find((r) => r.label === whole)?.p ?? 0);
    }
  }
  for (const h of hits) if (h.intent !== intent && !secondary.includes(h.intent)) secondary.push(h.intent);
  if (intent === 'stop_contact' && ruleHit && !ruleHit.keyword) {
    const cues = lexiconCues(foldText(clipped));
    for (const [cue, label] of stopCompanionCues)
      if (cues.includes(cue) && !secondary.includes(label)) secondary.push(label);
  }
  const implicit =
    intent === 'abuse' || intent === 'contact_preference' ? implicitOptOut(clipped) : undefined;
  if (
    (implicit === 'threat' && intent === 'abuse') ||
    (implicit === 'refused_channel' && intent === 'contact_preference')
  ) {
    if (!secondary.includes('stop_contact')) secondary.push('stop_contact');
  }
  for (const r of ranked) {
    if (
      r.p >= secondaryThreshold &&
      r.label !== intent &&
      r.label !== 'unknown' &&
      !secondary.includes(r.label)
    )
      secondary.push(r.label);
  }

  const timezone = opts.timezone ?? defaultZone(lang);
  const entities = extractEntities(clipped, lang, timezone, opts.now, intent);
  const result: NluResult = { intent, confidence: round(confidence), lang, entities };
  if (secondary.length > 0) result.secondary = secondary;
  return result;
}

/** All entities of a reply. A channel the debtor refuses ("stop calling") is not a preference. */
export function extractEntities(
  text: string,
  lang: Language,
  timezone: string,
  now: string | Date | undefined,
  _intent?: OrgIntent,
): NluEntities {
  const variant = variantFor(timezone, lang);
  const entities: NluEntities = {};
  const amount = extractAmount(text, variant, lang);
  if (amount) entities.amount = amount;
  const local = now === undefined ? undefined : localNow(now, timezone);
  if (local) {
    const date = extractDate(text, lang, local);
    if (date) entities.date = date;
  }
  const installments = extractInstallments(text, lang);
  if (installments !== undefined) entities.installments = installments;
  const channel = extractChannel(text, lang);
  if (channel) entities.channel = channel;
  const timeOfDay = extractTimeOfDay(text, lang);
  if (timeOfDay) entities.timeOfDay = timeOfDay;
  return entities;
}
