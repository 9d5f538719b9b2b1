import { SaldoError, isSaldoError, type FieldIssue } from '@saldo/core';
import {
  checkLine,
  checkRaw,
  compileOrgPolicy,
  createComplianceEngine,
  parseContactCheck,
  type CheckError,
  type CompiledPack,
  type ComplianceEngine,
  type Decision,
} from '@saldo/core/compliance';
import type { OrgPolicyStore } from '../ports.js';

/**
 * The compliance check use case behind `POST /v1/compliance/check` and `saldo compliance check`:
 * the core engine (packs compiled once, at construction) plus the caller organisation's own
 * policy layer from the {@link OrgPolicyStore}, compiled and cached per policy content.
 */
export interface ComplianceChecker {
  readonly engine: ComplianceEngine;
  /** The organisation's compiled policy layer, or null (no org, or no policy). */
  orgLayer(orgId: string | null | undefined): Promise<CompiledPack | null>;
  /** One raw object: a decision, or the validation issues (for a 400 problem). */
  checkOne(
    raw: unknown,
    orgId?: string | null,
  ): Promise<{ ok: true; decision: Decision } | { ok: false; issues: FieldIssue[] }>;
  /** Many raw objects: one result each, `{ id: null, error }` for a malformed one. */
  checkMany(raws: readonly unknown[], orgId?: string | null): Promise<Array<Decision | CheckError>>;
  /** One JSON Lines line with an already loaded org layer (synchronous; null for a blank line). */
  checkLine(line: string, org: CompiledPack | null): Decision | CheckError | null;
}

/** Contacts checked between two turns of the event loop (a few milliseconds of work). */
const CHECK_CHUNK = 100;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createComplianceChecker(deps: {
  orgPolicyStore: OrgPolicyStore;
  engine?: ComplianceEngine;
}): ComplianceChecker {
  const engine = deps.engine ?? createComplianceEngine();
  const compiled = new Map<string, { key: string; pack: CompiledPack }>();

  const orgLayer = async (orgId: string | null | undefined): Promise<CompiledPack | null> => {
    if (!orgId) return null;
    const policy = await deps.orgPolicyStore.get(orgId);
    if (!policy) return null;
    const key = JSON.stringify(policy);
    const hit = compiled.get(orgId);
    if (hit?.key === key) return hit.pack;
    try {
      const pack = compileOrgPolicy(policy, orgId);
      compiled.set(orgId, { key, pack });
      return pack;
    } catch (e) {
      // A stored policy that does not compile must not silently loosen checks: refuse to serve.
      if (isSaldoError(e))
        throw new SaldoError(
          'unavailable',
          `the compliance policy of organisation ${orgId} is invalid; fix it before checking`,
          e.issues,
        );
      throw e;
    }
  };

  return {
    engine,
    orgLayer,
    async checkOne(raw, orgId) {
      const org = await orgLayer(orgId);
      const parsed =
        typeof raw === 'object' && raw !== null && !Array.isArray(raw)
          ? parseContactCheck(raw)
          : { ok: false as const, issues: [{ path: '(root)', message: 'expected a JSON object' }] };
      if (!parsed.ok) return { ok: false, issues: parsed.issues };
      return { ok: true, decision: engine.check(parsed.value, org) };
    },
    async checkMany(raws, orgId) {
      const org = await orgLayer(orgId);
      const out: Array<Decision | CheckError> = [];
      // A batch of thousands takes seconds of CPU: check it in chunks and let other requests run
      // between them, so one caller's batch does not stall everyone else's requests.
      for (let i = 0; i < raws.length; i += CHECK_CHUNK) {
        if (i > 0) await yieldToEventLoop();
        for (const raw of raws.slice(i, i + CHECK_CHUNK)) out.push(checkRaw(engine, raw, org));
      }
      return out;
    },
    checkLine: (line, org) => checkLine(engine, line, org),
  };
}
