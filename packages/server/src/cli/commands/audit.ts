import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { buildCore, loadConfig } from '../platform.js';

/** `saldo audit verify`: recomputes every organisation's hash chain (docs/security.md, "Audit trail"). */
export function register(program: Command, io: CliIo) {
  const audit = program.command('audit').description('The hash-chained audit trail of changes');
  audit
    .command('verify')
    .description(
      "Recompute each organisation's audit chain; exit 1 if any entry was edited, deleted or inserted",
    )
    .option('--org <slug>', 'one organisation (default: every organisation with a trail)')
    .option('--json', 'one JSON report per organisation')
    .action(async (o: { org?: string; json?: boolean }) => {
      const p = await buildCore({ config: loadConfig(io.env) });
      try {
        const reports = o.org
          ? [await p.audit.verify((await p.organizations.getBySlug(o.org)).id)]
          : await p.audit.verifyAll();
        for (const r of reports) {
          if (o.json) io.stdout.write(`${JSON.stringify({ ...r, intact: r.breaks.length === 0 })}\n`);
          else {
            const state = r.breaks.length === 0 ? 'intact' : `BROKEN (${r.breaks.length} problems)`;
            io.stdout.write(`${r.orgId}: ${r.entries} entries, ${state}; head ${r.lastSeq} ${r.lastHash}\n`);
            for (const b of r.breaks) io.stdout.write(`  entry ${b.seq}: ${b.problem}\n`);
          }
        }
        if (!o.json) io.stdout.write(`anchors: ${p.audit.anchorLocation ?? 'none'}\n`);
        if (reports.some((r) => r.breaks.length > 0)) io.setExitCode(1);
      } finally {
        await p.close();
      }
    });
  audit
    .command('anchor')
    .description(
      "Record each organisation's head in the anchor file (SALDO_AUDIT_ANCHORS) once the entries since its last anchor verify; the worker does it hourly",
    )
    .action(async () => {
      const p = await buildCore({ config: loadConfig(io.env) });
      try {
        for (const r of await p.audit.anchor()) {
          if (r.breaks.length > 0) {
            io.stdout.write(`${r.orgId}: BROKEN, not anchored\n`);
            for (const b of r.breaks) io.stdout.write(`  entry ${b.seq}: ${b.problem}\n`);
            io.setExitCode(1);
          } else if (r.anchored)
            io.stdout.write(`${r.orgId}: anchored ${r.anchored.seq} ${r.anchored.hash}\n`);
          else io.stdout.write(`${r.orgId}: nothing new since the last anchor\n`);
        }
        io.stdout.write(`anchors: ${p.audit.anchorLocation ?? 'none'}\n`);
      } finally {
        await p.close();
      }
    });
}
