import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { audited } from '../audited.js';
import type { CliIo } from '../io.js';
import { buildCore, loadConfig } from '../platform.js';

/**
 * `saldo privacy export | erase`: a debtor's access and erasure requests from the command line
 * (docs/privacy.md), each on the organisation's audit trail as the API's are.
 */
export function register(program: Command, io: CliIo) {
  const privacy = program
    .command('privacy')
    .description("A debtor's personal data: export it (access request) or erase it (erasure request)");
  privacy
    .command('export <debtorId>')
    .description('Every personal datum held on the debtor, as JSON (stdout, or --out to a 0600 file)')
    .requiredOption('--org <slug>', 'the organisation the debtor belongs to')
    .option('--out <file>', 'write the document to this file (mode 0600) instead of stdout')
    .action(async (debtorId: string, o: { org: string; out?: string }) => {
      const p = await buildCore({ config: loadConfig(io.env) });
      try {
        const orgId = (await p.organizations.getBySlug(o.org)).id;
        const doc = await audited(
          p,
          io,
          { orgId, action: 'saldo privacy export', target: `debtor:${debtorId}` },
          () => p.privacy.exportPersonalData(orgId, debtorId),
        );
        const json = `${JSON.stringify(doc, null, 2)}\n`;
        if (o.out) {
          writeFileSync(o.out, json, { mode: 0o600, flag: 'wx' });
          io.stdout.write(`written to ${o.out}\n`);
        } else io.stdout.write(json);
      } finally {
        await p.close();
      }
    });
  privacy
    .command('erase <debtorId>')
    .description(
      "Erase the debtor's personal data (crypto-shredding); refused while an account is still being collected",
    )
    .requiredOption('--org <slug>', 'the organisation the debtor belongs to')
    .requiredOption('--reason <text>', 'the request it answers (1–500 characters, no personal data)')
    .action(async (debtorId: string, o: { org: string; reason: string }) => {
      if (o.reason.trim().length === 0 || o.reason.length > 500)
        throw new Error('--reason must be 1 to 500 characters');
      const p = await buildCore({ config: loadConfig(io.env) });
      try {
        const orgId = (await p.organizations.getBySlug(o.org)).id;
        const actor = { kind: 'cli' as const, id: io.env.USER ?? io.env.LOGNAME ?? 'unknown' };
        const r = await audited(
          p,
          io,
          {
            orgId,
            action: 'saldo privacy erase',
            target: `debtor:${debtorId}`,
            detail: { reason: o.reason },
          },
          () => p.privacy.erase(orgId, debtorId, o.reason, actor),
        );
        io.stdout.write(
          `${r.repeated ? 'already erased' : 'erased'} ${debtorId} at ${r.erasedAt}: key shredded, ${r.scrubbed.contactPoints} contact points deleted, ${r.suppressedAddresses} addresses suppressed; kept ${r.kept.accounts} accounts, ${r.kept.payments} payments, ${r.kept.timelineEntries} timeline entries\n`,
        );
      } finally {
        await p.close();
      }
    });
}
