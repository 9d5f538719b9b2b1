import type { CliIo } from './io.js';
import type { CorePlatform } from './platform.js';

/**
 * Runs an operator's change from the command line between two audit entries, as the HTTP app does
 * for API changes: `requested` before (no trace, no change), then `completed` or `failed`.
 */
export async function audited<T>(
  p: Pick<CorePlatform, 'audit'>,
  io: CliIo,
  what: { orgId: string; action: string; target: string; detail?: Record<string, unknown> },
  change: () => Promise<T>,
): Promise<T> {
  // The operating-system account that ran the command: the CLI has no other identity.
  const actor = { kind: 'cli' as const, id: io.env.USER ?? io.env.LOGNAME ?? 'unknown' };
  const event = { ...what, actor, detail: what.detail ?? {} };
  const requested = await p.audit.record({ ...event, outcome: 'requested' });
  try {
    const result = await change();
    await p.audit.record({ ...event, outcome: 'completed', detail: { requested: requested.seq } });
    return result;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await p.audit.record({ ...event, outcome: 'failed', detail: { requested: requested.seq, reason } });
    throw err;
  }
}
