/**
 * The closed set of rule kinds, as one zod union, and their compilation into checks.
 */
import { z } from 'zod';
import { assertUnreachable } from '../errors/index.js';
import { channels, recipients, type Channel, type Recipient } from './vocab.js';
import type { Messages, RuleCheck } from './rule-base.js';
import { TimeWindowRule, compileTimeWindow, describeTimeWindow } from './rules/time-window.js';
import { FrequencyCapRule, compileFrequencyCap, describeFrequencyCap } from './rules/frequency-cap.js';
import { CooldownRule, compileCooldown, describeCooldown } from './rules/cooldown.js';
import {
  DistinctChannelCapRule,
  compileDistinctChannelCap,
  describeDistinctChannelCap,
} from './rules/distinct-channel-cap.js';
import { MinSpacingRule, compileMinSpacing, describeMinSpacing } from './rules/min-spacing.js';
import {
  ConsentRequiredRule,
  compileConsentRequired,
  describeConsentRequired,
} from './rules/consent-required.js';
import { OptOutRule, compileOptOut, describeOptOut } from './rules/opt-out.js';
import { StateBlockRule, compileStateBlock, describeStateBlock } from './rules/state-block.js';
import { ThirdPartyRule, compileThirdParty, describeThirdParty } from './rules/third-party.js';
import {
  ContentRequiredRule,
  compileContentRequired,
  describeContentRequired,
} from './rules/content-required.js';

/**
 * Every rule kind. Packs are data made of these.
 */
export const ruleKinds = [
  'time_window',
  'frequency_cap',
  'cooldown',
  'distinct_channel_cap',
  'min_spacing',
  'consent_required',
  'opt_out',
  'state_block',
  'third_party',
  'content_required',
] as const;
export type RuleKind = (typeof ruleKinds)[number];

/**
 * One rule of a pack (discriminated by `kind`).
 *
 * @example
 * Rule.parse({ kind: 'opt_out', id: 'MX-OPTOUT', citation: 'Saldo policy', confidence: 'K', severity: 'policy' });
 */
export const Rule = z.discriminatedUnion('kind', [
  TimeWindowRule,
  FrequencyCapRule,
  CooldownRule,
  DistinctChannelCapRule,
  MinSpacingRule,
  ConsentRequiredRule,
  OptOutRule,
  StateBlockRule,
  ThirdPartyRule,
  ContentRequiredRule,
]);
export type Rule = z.infer<typeof Rule>;
/** The input shape of a rule (defaults not yet applied). */
export type RuleInput = z.input<typeof Rule>;

/**
 * A rule compiled for evaluation: metadata + channel/recipient bit masks + the check closure.
 */
export interface CompiledRule {
  readonly rule: Rule;
  readonly messages: Messages;
  readonly channelMask: number;
  readonly recipientMask: number;
  /** False for rules whose outcome does not depend on the zone (evaluated once). */
  readonly zoneDependent: boolean;
  /** How far back (ms) the rule can look into the history; older events are never read. */
  readonly lookbackMs: number;
  readonly check: RuleCheck;
}

function maskOf<T>(all: readonly T[], chosen: readonly T[] | undefined): number {
  if (!chosen) return (1 << all.length) - 1;
  let m = 0;
  for (const c of chosen) m |= 1 << all.indexOf(c);
  return m;
}

/**
 * Compiles a validated rule.
 *
 * @example
 * compileRule(Rule.parse({ kind: 'opt_out', id: 'X', citation: 'c', confidence: 'K', severity: 'policy' })).zoneDependent; // false
 */
export function compileRule(rule: Rule): CompiledRule {
  const [check, describe, zoneDependent] = kindParts(rule);
  return {
    rule,
    messages: rule.message ?? describe,
    channelMask: maskOf<Channel>(channels, rule.channels),
    recipientMask: maskOf<Recipient>(recipients, rule.recipients),
    zoneDependent,
    lookbackMs: lookback(rule),
    check,
  };
}

const DAY = 86_400_000;

/** A safe upper bound of the history span a rule reads (one extra day covers DST and local days). */
function lookback(rule: Rule): number {
  const win = (
    w: { type: 'rolling'; days: number } | { type: 'calendar_day' } | { type: 'calendar_week' },
  ): number => (w.type === 'rolling' ? (w.days + 1) * DAY : w.type === 'calendar_day' ? 2 * DAY : 8 * DAY);
  switch (rule.kind) {
    case 'frequency_cap':
    case 'distinct_channel_cap':
      return win(rule.window);
    case 'cooldown':
      return 'localDays' in rule.duration
        ? (rule.duration.localDays + 1) * DAY
        : rule.duration.hours * 3_600_000;
    case 'min_spacing':
      return rule.hours * 3_600_000;
    case 'time_window':
    case 'consent_required':
    case 'opt_out':
    case 'state_block':
    case 'third_party':
    case 'content_required':
      return 0;
    default:
      return assertUnreachable(rule, 'rule kind');
  }
}

function kindParts(rule: Rule): [RuleCheck, Messages, boolean] {
  switch (rule.kind) {
    case 'time_window':
      return [compileTimeWindow(rule), describeTimeWindow(rule), true];
    case 'frequency_cap':
      return [compileFrequencyCap(rule), describeFrequencyCap(rule), true];
    case 'cooldown':
      return [compileCooldown(rule), describeCooldown(rule), true];
    case 'distinct_channel_cap':
      return [compileDistinctChannelCap(rule), describeDistinctChannelCap(rule), true];
    case 'min_spacing':
      return [compileMinSpacing(rule), describeMinSpacing(rule), false];
    case 'consent_required':
      return [compileConsentRequired(rule), describeConsentRequired(rule), false];
    case 'opt_out':
      return [compileOptOut(rule), describeOptOut(rule), false];
    case 'state_block':
      return [compileStateBlock(rule), describeStateBlock(rule), false];
    case 'third_party':
      return [compileThirdParty(rule), describeThirdParty(rule), false];
    case 'content_required':
      return [compileContentRequired(rule), describeContentRequired(rule), false];
    default:
      return assertUnreachable(rule, 'rule kind');
  }
}
