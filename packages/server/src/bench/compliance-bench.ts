// Compliance engine throughput: checks per second with 50 history events per contact, on one core
// (the event loop thread). Contacts are validated once up front; each check = context preparation
// (parse 50 timestamps) + every applicable pack + nextAllowedAt when refused.
import { performance } from 'node:perf_hooks';
import {
  ContactCheck,
  checkLine,
  createComplianceEngine,
  type ContactCheckInput,
} from '@saldo/core/compliance';

const TEMPLATES = 2_000;
const CHECKS = 250_000;
const JSON_CHECKS = 20_000;
const HISTORY = 50;

const debtors: ContactCheckInput['debtor'][] = [
  { country: 'US', timezone: 'America/New_York' },
  { country: 'US', region: 'US-MA', timezone: 'America/New_York' },
  { country: 'US', region: 'US-NYC', timezone: 'America/New_York', timezones: ['America/Chicago'] },
  { country: 'CO', timezone: 'America/Bogota' },
  { country: 'MX', timezone: 'America/Mexico_City' },
  { country: 'CL', timezone: 'America/Santiago' },
  { country: 'ES', timezone: 'Europe/Madrid' },
  { country: 'GB', timezone: 'Europe/London' },
  { country: 'BR', region: 'BR-SP', timezone: 'America/Sao_Paulo' },
];
const channels = ['call', 'call', 'call', 'voicebot', 'voicemail', 'sms', 'whatsapp', 'email'] as const;
const outcomes = [
  'no_answer',
  'no_answer',
  'voicemail',
  'connected',
  'conversation',
  'busy',
  'not_connected',
  'delivered',
] as const;

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeContacts(): ContactCheckInput[] {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const base = Date.parse('2026-03-02T00:00:00Z');
  return Array.from({ length: TEMPLATES }, (_, i) => {
    const at = base + Math.floor(r() * 60 * 86_400_000);
    const history = Array.from({ length: HISTORY }, () => ({
      at: new Date(at - Math.floor(r() * 21 * 86_400_000) - 60_000).toISOString().slice(0, 19) + 'Z',
      channel: pick(channels),
      direction: r() < 0.9 ? ('outbound' as const) : ('inbound' as const),
      outcome: pick(outcomes),
      debtId: r() < 0.7 ? 'A' : 'B',
    }));
    return {
      id: `bench-${i}`,
      at: new Date(at).toISOString().slice(0, 19) + 'Z',
      channel: pick(channels),
      debtId: 'A',
      recipient: 'debtor',
      debtor: {
        ...pick(debtors),
        consents: { call: true, voicebot: true, voicemail: true, sms: true, whatsapp: true, email: true },
      },
      history,
      content: { optOutInstructions: true, miniMiranda: true },
    };
  });
}

export async function runComplianceBench(
  log: (line: string) => void,
): Promise<{ name: string; checksPerSecond: number; [k: string]: unknown }> {
  const t0 = performance.now();
  const engine = createComplianceEngine();
  const loadMs = performance.now() - t0;
  // Inputs go through JSON text, as they do from the CLI and the API (flat strings, not ropes).
  const lines = makeContacts().map((c) => JSON.stringify(c));
  const contacts = lines.map((l) => ContactCheck.parse(JSON.parse(l)));

  // Warm-up: JIT, zone-offset and holiday caches.
  let allowed = 0;
  for (let i = 0; i < 20_000; i++) engine.check(contacts[i % TEMPLATES]!);

  // CPU time of this thread is the "one core" figure; wall time is also reported (it is worse
  // when other processes compete for the core).
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < CHECKS; i++) if (engine.check(contacts[i % TEMPLATES]!).allowed) allowed++;
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const checksPerSecond = Math.round(CHECKS / cpuSeconds);
  const wallChecksPerSecond = Math.round(CHECKS / seconds);

  const jCpu0 = process.cpuUsage();
  for (let i = 0; i < JSON_CHECKS; i++) checkLine(engine, lines[i % TEMPLATES]!);
  const jCpu = process.cpuUsage(jCpu0);
  const jsonChecksPerSecond = Math.round(JSON_CHECKS / ((jCpu.user + jCpu.system) / 1e6));

  log(
    `compliance: ${CHECKS} checks × ${HISTORY} history events: ${checksPerSecond.toLocaleString('en-US')} checks/s per CPU-second on one core ` +
      `(wall ${wallChecksPerSecond.toLocaleString('en-US')}/s; engine on validated input; ${((allowed / CHECKS) * 100).toFixed(0)}% allowed)`,
  );
  log(
    `compliance: JSON line → zod validation → decision: ${jsonChecksPerSecond.toLocaleString('en-US')} checks/s`,
  );
  log(`compliance: ${engine.packs.length} packs loaded and compiled in ${loadMs.toFixed(0)} ms`);
  return {
    name: 'compliance-check',
    checksPerSecond,
    wallChecksPerSecond,
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    historyEvents: HISTORY,
    checks: CHECKS,
    allowedShare: allowed / CHECKS,
    jsonChecksPerSecond,
    packLoadMs: Math.round(loadMs),
  };
}
