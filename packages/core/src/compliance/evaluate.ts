/**
 * The engine: stacks every applicable pack (strictest wins), evaluates every candidate zone
 * (allowed only if allowed in all) and computes `nextAllowedAt` by iteration: candidate = the
 * latest clear time of the blocking rules, re-evaluate there, repeat (bounded).
 */
import { recipients } from './vocab.js';
import { PASS, NO_END } from './rule-base.js';
import { compilePack, type CompiledPack } from './pack.js';
import { prepareContext, type ContactCheck } from './contact.js';
import type { EvalContext } from './context.js';
import type { Decision, Reason } from './decision.js';
import { formatInstant, parseValidInstant } from '../calendar/instant.js';
import { builtinPacks } from './packs/index.js';

const MAX_ITERATIONS = 50;
const HORIZON_MS = 400 * 86_400_000;

/**
 * Options for {@link createComplianceEngine}.
 */
export interface EngineOptions {
  /** Pack data to load (validated and compiled now). Default: every built-in pack. */
  packs?: readonly unknown[];
}

/**
 * A loaded engine. `check` is pure and synchronous; `org` is an extra, stricter layer
 * (see `compileOrgPolicy`).
 */
export interface ComplianceEngine {
  readonly packs: readonly CompiledPack[];
  check(input: ContactCheck, org?: CompiledPack | null): Decision;
  /** Same as `check` on an already prepared context. */
  checkContext(id: string, ctx: EvalContext, org?: CompiledPack | null): Decision;
  /** Labels (`CODE@version`) of the packs that apply to a debtor at an instant. */
  packsFor(country: string, region: string | undefined, at: number): readonly CompiledPack[];
}

/**
 * Loads and compiles packs eagerly (a bad pack fails here, not at the first debtor).
 *
 * @example
 * const engine = createComplianceEngine();
 * const d = engine.check(ContactCheck.parse({ id: '1', at: '2026-03-03T13:59:00Z', channel: 'call', debtId: 'A',
 *   debtor: { country: 'US', timezone: 'America/New_York' } }));
 * d.allowed; // true
 */
export function createComplianceEngine(options: EngineOptions = {}): ComplianceEngine {
  const compiled = (options.packs ?? builtinPacks).map(compilePack);
  const lookbackMs = Math.max(0, ...compiled.map((p) => p.lookbackMs));
  const selection = new Map<string, CompiledPack[][]>();

  const groupsFor = (country: string, region: string | undefined): CompiledPack[][] => {
    const key = `${country}|${region ?? ''}`;
    let groups = selection.get(key);
    if (!groups) {
      const covered = compiled.some((p) => p.pack.jurisdiction.country === country);
      const wanted = covered ? country : '*';
      const byCode = new Map<string, CompiledPack[]>();
      for (const p of compiled) {
        const j = p.pack.jurisdiction;
        if (j.country !== wanted || (j.regions && !(region && j.regions.includes(region)))) continue;
        byCode.set(p.pack.code, [...(byCode.get(p.pack.code) ?? []), p]);
      }
      groups = [...byCode.values()].map((versions) =>
        versions.sort((a, b) => b.effectiveFromMs - a.effectiveFromMs),
      );
      selection.set(key, groups);
    }
    return groups;
  };

  const packsFor = (country: string, region: string | undefined, at: number): CompiledPack[] => {
    const out: CompiledPack[] = [];
    for (const versions of groupsFor(country, region)) {
      for (const v of versions) {
        if (v.effectiveFromMs <= at) {
          out.push(v);
          break;
        }
      }
    }
    return out;
  };

  const checkContext = (id: string, ctx: EvalContext, org?: CompiledPack | null): Decision => {
    const packs = stackAt(packsFor, ctx, org, ctx.at);
    const reasons: Reason[] = [];
    const first = evaluateAt(ctx, packs, ctx.at, reasons);
    const labels: string[] = [];
    for (const p of packs) labels.push(p.label);
    if (first === PASS) return { id, allowed: true, reasons, nextAllowedAt: null, packs: labels };
    const next = nextAllowed(ctx, packsFor, org, first);
    if (next.exhausted) reasons.push(exhaustedReason());
    return {
      id,
      allowed: false,
      reasons,
      nextAllowedAt: next.at === null ? null : formatInstant(next.at),
      packs: labels,
    };
  };

  return {
    packs: compiled,
    packsFor,
    checkContext,
    check: (input, org) => {
      // Rules only look back `lookback`; nextAllowedAt only moves forward, so older events never matter.
      const since = parseValidInstant(input.at) - Math.max(lookbackMs, org?.lookbackMs ?? 0);
      return checkContext(input.id, prepareContext(input, since), org);
    },
  };
}

/**
 * Evaluates every rule of `packs` at `t`; returns PASS, or the latest clear time among blocking
 * rules (NO_END if one has no end). Blocking rules are appended to `reasons` when given.
 */
function evaluateAt(
  ctx: EvalContext,
  packs: readonly CompiledPack[],
  t: number,
  reasons: Reason[] | null,
): number {
  const rIdx = recipients.indexOf(ctx.recipient);
  let worst = PASS;
  for (const pack of packs) {
    for (const r of pack.rules) {
      if (((r.channelMask >> ctx.channelIdx) & 1) === 0 || ((r.recipientMask >> rIdx) & 1) === 0) continue;
      let out = PASS;
      if (r.zoneDependent) {
        for (const zone of ctx.zones) {
          const o = r.check(ctx, zone, t);
          if (o > out) out = o;
        }
      } else {
        out = r.check(ctx, ctx.zones[0]!, t);
      }
      if (out === PASS) continue;
      if (out > worst) worst = out;
      if (reasons) {
        reasons.push({
          rule: r.rule.id,
          citation: r.rule.citation,
          message: r.messages.en,
          messageEn: r.messages.en,
          messageEs: r.messages.es,
          pack: pack.label,
          confidence: r.rule.confidence,
          severity: r.rule.severity,
        });
      }
    }
  }
  return worst;
}

type PacksFor = (country: string, region: string | undefined, at: number) => CompiledPack[];

/** The law/policy packs in force at `t`, plus the organisation layer. */
function stackAt(
  packsFor: PacksFor,
  ctx: EvalContext,
  org: CompiledPack | null | undefined,
  t: number,
): CompiledPack[] {
  const packs = packsFor(ctx.country, ctx.region, t);
  if (org) packs.push(org);
  return packs;
}

function nextAllowed(
  ctx: EvalContext,
  packsFor: PacksFor,
  org: CompiledPack | null | undefined,
  first: number,
): { at: number | null; exhausted: boolean } {
  let clear = first;
  let t = ctx.at;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    if (clear === NO_END) return { at: null, exhausted: false };
    // Whole seconds, rounded up: the printed instant must itself be allowed.
    t = Math.ceil(Math.max(clear, t + 1) / 1000) * 1000;
    if (t - ctx.at > HORIZON_MS) return { at: null, exhausted: true };
    clear = evaluateAt(ctx, stackAt(packsFor, ctx, org, t), t, null);
    if (clear === PASS) return { at: t, exhausted: false };
  }
  return { at: null, exhausted: true };
}

function exhaustedReason(): Reason {
  const en =
    'No allowed instant found within the search bound (50 re-checks / 400 days); treat as blocked and review';
  return {
    rule: 'SALDO-NO-WINDOW',
    citation: 'Saldo engine bound',
    message: en,
    messageEn: en,
    messageEs:
      'No se encontró un instante permitido dentro del límite de búsqueda (50 reevaluaciones / 400 días); trátelo como bloqueado y revíselo',
    pack: 'engine',
    confidence: 'K',
    severity: 'policy',
  };
}
