/**
 * `@saldo/core/compliance`: the compliance engine. Rules are versioned data (packs), compiled
 * into pure checks; every outbound contact is checked against every applicable pack of the
 * debtor's jurisdiction (strictest wins) in every candidate time zone.
 *
 * @example
 * import { createComplianceEngine, parseContactCheck } from '@saldo/core/compliance';
 * const engine = createComplianceEngine();
 * const r = parseContactCheck(JSON.parse(line));
 * if (r.ok) console.log(engine.check(r.value));
 */
export * from './vocab.js';
export * from './zone.js';
export * from './holidays.js';
export * from './context.js';
export * from './rule-base.js';
export * from './event-filter.js';
export * from './window.js';
export * from './rule.js';
export * from './pack.js';
export * from './contact.js';
export * from './decision.js';
export * from './evaluate.js';
export * from './org-policy.js';
export * from './check-json.js';
export * from './packs/index.js';
export * from './rules/time-window.js';
export * from './rules/frequency-cap.js';
export * from './rules/cooldown.js';
export * from './rules/distinct-channel-cap.js';
export * from './rules/min-spacing.js';
export * from './rules/consent-required.js';
export * from './rules/opt-out.js';
export * from './rules/state-block.js';
export * from './rules/third-party.js';
export * from './rules/content-required.js';
