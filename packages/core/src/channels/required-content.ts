import type { TemplateNode, TemplateVariable } from './template-language.js';
import { channels, electronicChannels, type Channel } from './channel.js';

/**
 * Content a debtor-facing template must carry, by the debtor's country and the channel. `basis: 'law'`
 * rules come from the instrument in their `citation`; `basis: 'policy'` rules are Saldo's conservative
 * default where no statute was found — they are labelled so auditors can tell law from choice.
 */
export const contentRequirements = [
  'opt_out_instructions',
  'debt_collector_disclosure',
  'creditor_identity',
  'collector_identity',
  'limited_content_only',
] as const;
export type ContentRequirement = (typeof contentRequirements)[number];

export interface ContentRule {
  id: string;
  requirement: ContentRequirement;
  /** ISO 3166-1 alpha-2 countries, or `*` for every country without a more specific rule set. */
  countries: readonly string[];
  channels: readonly Channel[];
  basis: 'law' | 'policy';
  citation: string;
  /** Evidence for the reading: V1 (primary text read), V2 (secondary source), K (background), policy. */
  confidence: 'V1' | 'V2' | 'K' | 'policy';
}

const ELECTRONIC: readonly Channel[] = electronicChannels;
/** Every channel but voicemail: a limited-content voicemail is not a communication (12 CFR 1006.2(b), (j)). */
const WRITTEN_AND_SPOKEN: readonly Channel[] = channels.filter((c) => c !== 'voicemail');

export const contentRules: readonly ContentRule[] = [
  // US: every email/text/other electronic message carries a simple opt-out (US-REGF-EOPTOUT).
  {
    id: 'US-REGF-EOPTOUT',
    requirement: 'opt_out_instructions',
    countries: ['US'],
    channels: ELECTRONIC,
    basis: 'law',
    citation: '12 CFR 1006.6(e)',
    confidence: 'V2',
  },
  // US: mini-Miranda in every communication; an LCM is not a communication (US-REGF-MIRANDA), nor is a
  // conversation's identity check, which conveys no debt information (the compliance pack's rule
  // exempts it; templates cannot declare that, so every template is held to the rule).
  {
    id: 'US-REGF-MIRANDA',
    requirement: 'debt_collector_disclosure',
    countries: ['US'],
    channels: WRITTEN_AND_SPOKEN,
    basis: 'law',
    citation:
      '15 U.S.C. 1692e(11); 12 CFR 1006.18(e); not a communication without debt information: 12 CFR 1006.2(d), 1006.6(d)',
    confidence: 'K',
  },
  // US: a voicemail must be a limited-content message, otherwise it is a communication that can reach third parties (US-REGF-LCM).
  {
    id: 'US-REGF-LCM',
    requirement: 'limited_content_only',
    countries: ['US'],
    channels: ['voicemail'],
    basis: 'law',
    citation: '12 CFR 1006.2(j)',
    confidence: 'V1',
  },
  // Spain: the agency is usually the creditor's processor and must identify the creditor (ES-PROCESSOR).
  {
    id: 'ES-PROCESSOR',
    requirement: 'creditor_identity',
    countries: ['ES'],
    channels: WRITTEN_AND_SPOKEN,
    basis: 'law',
    citation: 'LOPDGDD art. 33.2; GDPR art. 28 (AEPD FAQ)',
    confidence: 'V2',
  },
  // Mexico: at first contact give the agency's name and the financial entity that granted the credit (MX-ID-FIRST).
  {
    id: 'MX-ID-FIRST-CREDITOR',
    requirement: 'creditor_identity',
    countries: ['MX'],
    channels: WRITTEN_AND_SPOKEN,
    basis: 'law',
    citation: 'CONDUSEF Disposiciones en materia de despachos de cobranza (DOF 7 Oct 2014)',
    confidence: 'V2',
  },
  {
    id: 'MX-ID-FIRST-AGENCY',
    requirement: 'collector_identity',
    countries: ['MX'],
    channels: WRITTEN_AND_SPOKEN,
    basis: 'law',
    citation: 'CONDUSEF Disposiciones en materia de despachos de cobranza (DOF 7 Oct 2014)',
    confidence: 'V2',
  },
  // Colombia: contact only through channels the consumer authorised (CO-CHANNELS) — saying who collects for whom and how to withdraw is Saldo policy.
  {
    id: 'CO-POLICY-IDENTITY',
    requirement: 'creditor_identity',
    countries: ['CO'],
    channels: WRITTEN_AND_SPOKEN,
    basis: 'policy',
    citation: 'Ley 2300 de 2023 (channel authorisation); Saldo policy',
    confidence: 'policy',
  },
  // Everywhere outside the US: an opt-out path on electronic messages honours the GDPR art. 21 objection (ES) and channel withdrawal (CO-CHANNELS); Saldo policy elsewhere.
  {
    id: 'POLICY-EOPTOUT',
    requirement: 'opt_out_instructions',
    countries: ['*', 'ES', 'MX', 'CO'],
    channels: ELECTRONIC,
    basis: 'policy',
    citation: 'GDPR art. 21 (ES); Ley 2300 de 2023 (CO); Saldo policy',
    confidence: 'policy',
  },
  // Countries without a specific rule set: name the creditor (fair, non-misleading information: Directive (EU) 2021/2167 art. 10(1) in the EU).
  {
    id: 'POLICY-IDENTITY',
    requirement: 'creditor_identity',
    countries: ['*'],
    channels: WRITTEN_AND_SPOKEN,
    basis: 'policy',
    citation: 'Directive (EU) 2021/2167 art. 10(1) (EU); Saldo policy',
    confidence: 'policy',
  },
];

const SPECIFIC_COUNTRIES = new Set(contentRules.flatMap((r) => r.countries).filter((c) => c !== '*'));

/** Rules that apply to a template for this country and channel. */
export function applicableContentRules(country: string, channel: Channel): ContentRule[] {
  const cc = country.toUpperCase();
  const key = SPECIFIC_COUNTRIES.has(cc) ? cc : '*';
  return contentRules.filter((r) => r.countries.includes(key) && r.channels.includes(channel));
}

/**
 * Variables allowed in a US limited-content message (12 CFR 1006.2(j)): a salutation, a business
 * name that does not reveal debt collection, natural-person names to contact, a callback number.
 */
export const lcmAllowedVariables: readonly TemplateVariable[] = [
  'debtor.firstName',
  'debtor.fullName',
  'agentName',
  'callbackNumber',
  'collector.name',
];

/** Words that reveal debt collection: an LCM's fixed text must not contain them. */
const LCM_FORBIDDEN_WORDS =
  /\b(debt|debts|collect\w*|owe\w*|balance|past due|overdue|payment|pay|deuda\w*|cobr\w*|adeud\w*|saldo|pago\w*|pagar|vencid\w*|atrasad\w*)\b/i;

/** Phrases that satisfy a requirement when written as fixed text instead of using the variable. */
const PHRASES: Record<
  Exclude<ContentRequirement, 'limited_content_only' | 'creditor_identity' | 'collector_identity'>,
  RegExp
> = {
  opt_out_instructions:
    /\b(STOP|BAJA|unsubscribe|opt[ -]out|darte de baja|dar(se)? de baja|no recibir m[aá]s)\b/i,
  debt_collector_disclosure:
    /(debt collector|attempt to collect a debt|cobrador de deudas|intento de cobrar una deuda|despacho de cobranza)/i,
};

export interface ContentViolation {
  ruleId: string;
  requirement: ContentRequirement;
  basis: 'law' | 'policy';
  citation: string;
  message: string;
}

/**
 * Checks one template's parsed fields against the rules for a country and channel. A requirement is
 * met by a variable used outside any `{{#if}}` (so it always renders) or by a fixed phrase.
 */
export function checkRequiredContent(input: {
  country: string;
  channel: Channel;
  fields: readonly { source: string; nodes: readonly TemplateNode[] }[];
}): ContentViolation[] {
  const unconditional = new Set<TemplateVariable>();
  const all = new Set<TemplateVariable>();
  const fixedText: string[] = [];
  for (const f of input.fields) {
    collect(f.nodes, true, unconditional, all, fixedText);
  }
  const text = fixedText.join('\n');
  const out: ContentViolation[] = [];
  for (const rule of applicableContentRules(input.country, input.channel)) {
    const base = {
      ruleId: rule.id,
      requirement: rule.requirement,
      basis: rule.basis,
      citation: rule.citation,
    };
    switch (rule.requirement) {
      case 'opt_out_instructions':
        if (
          !unconditional.has('optOutInstructions') &&
          !unconditional.has('optOutLink') &&
          !PHRASES.opt_out_instructions.test(text)
        )
          out.push({ ...base, message: 'add opt-out instructions, e.g. {{optOutInstructions}}' });
        break;
      case 'debt_collector_disclosure':
        if (!unconditional.has('debtCollectorDisclosure') && !PHRASES.debt_collector_disclosure.test(text))
          out.push({
            ...base,
            message: 'add the debt-collector disclosure, e.g. {{debtCollectorDisclosure}}',
          });
        break;
      case 'creditor_identity':
        if (!unconditional.has('creditor.name'))
          out.push({ ...base, message: 'name the creditor with {{creditor.name}}' });
        break;
      case 'collector_identity':
        if (!unconditional.has('collector.name'))
          out.push({ ...base, message: 'name the collection agency with {{collector.name}}' });
        break;
      case 'limited_content_only': {
        const extra = [...all].filter((v) => !lcmAllowedVariables.includes(v));
        if (extra.length > 0)
          out.push({
            ...base,
            message: `a limited-content voicemail may not use ${extra.map((v) => `{{${v}}}`).join(', ')}`,
          });
        const word = LCM_FORBIDDEN_WORDS.exec(text);
        if (word) out.push({ ...base, message: `a limited-content voicemail may not mention "${word[0]}"` });
        break;
      }
    }
  }
  return out;
}

function collect(
  nodes: readonly TemplateNode[],
  top: boolean,
  unconditional: Set<TemplateVariable>,
  all: Set<TemplateVariable>,
  text: string[],
): void {
  for (const n of nodes) {
    if (n.kind === 'text') text.push(n.text);
    else if (n.kind === 'var') {
      all.add(n.name);
      if (top) unconditional.add(n.name);
    } else {
      all.add(n.name);
      collect(n.then, false, unconditional, all, text);
      collect(n.else, false, unconditional, all, text);
    }
  }
}
