/**
 * Boundary helpers shared by the CLI and the HTTP API: raw JSON in, decision or error out.
 */
import type { CompiledPack } from './pack.js';
import type { ComplianceEngine } from './evaluate.js';
import type { CheckError, Decision } from './decision.js';
import { describeIssues, parseContactCheck } from './contact.js';

/**
 * Validates one raw object and checks it; a malformed object yields `{ id: null, error }`.
 *
 * @example
 * checkRaw(engine, { id: 'x' }); // { id: null, error: 'at: …; channel: …' }
 */
export function checkRaw(
  engine: ComplianceEngine,
  raw: unknown,
  org?: CompiledPack | null,
): Decision | CheckError {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { id: null, error: 'expected a JSON object' };
  const parsed = parseContactCheck(raw);
  if (!parsed.ok) return { id: null, error: describeIssues(parsed.issues) };
  return engine.check(parsed.value, org);
}

/**
 * Checks one JSON Lines line (`null` for a blank line, which is skipped).
 *
 * @example
 * checkLine(engine, '{"id":"1"'); // { id: null, error: "invalid JSON: Expected ',' or '}' after property value …" }
 * checkLine(engine, '   '); // null: blank lines are skipped
 */
export function checkLine(
  engine: ComplianceEngine,
  line: string,
  org?: CompiledPack | null,
): Decision | CheckError | null {
  if (line.trim() === '') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return { id: null, error: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return checkRaw(engine, raw, org);
}

/**
 * True for an error result.
 */
export function isCheckError(r: Decision | CheckError): r is CheckError {
  return 'error' in r;
}
