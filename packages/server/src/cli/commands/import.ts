import { createWriteStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { importColumns } from '@saldo/core/record';
import type { CliIo } from '../io.js';
import { buildCore, loadConfig } from '../platform.js';
import { csvCell } from '../../modules/imports/index.js';
import { audited } from '../audited.js';

export function register(program: Command, io: CliIo) {
  program
    .command('import <file>')
    .description(
      'Import a portfolio CSV (UTF-8 or Latin-1, comma or semicolon). Upserts by external_ref. See docs/import.md',
    )
    .option('--portfolio <code>', 'target portfolio code (created on first use)', 'default')
    .option('--creditor <name>', 'creditor of a new portfolio', 'Default creditor')
    .option('--currency <ISO>', 'currency of a new portfolio (default: first row)')
    .option('--country <ISO>', 'rules country of a new portfolio (default: first row)')
    .option(
      '--valid-rows',
      'import the valid rows and write the rest to a rejects file (default: all-or-nothing)',
    )
    .option('--rejects <path>', 'rejects file for --valid-rows (default: <file>.rejects.csv)')
    .option('--encoding <enc>', 'utf8 | latin1 | auto', 'auto')
    .option('--org <slug>', 'organization slug (default: the default organization)')
    .option('--no-progress', 'no progress bar')
    .action(
      async (
        file: string,
        o: {
          portfolio: string;
          creditor: string;
          currency?: string;
          country?: string;
          validRows?: boolean;
          rejects?: string;
          encoding: 'auto';
          org?: string;
          progress: boolean;
        },
      ) => {
        const config = loadConfig(io.env);
        const p = await buildCore({ config });
        try {
          const orgId = o.org ? (await p.organizations.getBySlug(o.org)).id : p.defaultOrgId;
          const total = statSync(file).size;
          const bar = o.progress
            ? new cliProgress.SingleBar(
                {
                  stream: io.stderr as NodeJS.WriteStream,
                  format: 'importing [{bar}] {percentage}% | {rows} rows | {eta}s left',
                  noTTYOutput: true,
                  notTTYSchedule: 2000,
                  hideCursor: true,
                },
                cliProgress.Presets.shades_classic,
              )
            : null;
          bar?.start(total, 0, { rows: 0 });
          let rows = 0;
          const rejectsPath = o.validRows ? (o.rejects ?? `${file}.rejects.csv`) : null;
          const rejects = rejectsPath ? createWriteStream(rejectsPath) : null;
          rejects?.write(`row,errors,${importColumns.join(',')}\n`);
          const importFile = () =>
            p.imports.importCsvFile(orgId, file, {
              portfolio: {
                code: o.portfolio,
                creditor: o.creditor,
                currency: o.currency,
                country: o.country,
              },
              mode: o.validRows ? 'valid_rows' : 'all_or_nothing',
              encoding: o.encoding,
              createdBy: 'cli',
              onBytes: (b) => bar?.update(b, { rows }),
              onProgress: (n) => {
                rows = n;
                bar?.update({ rows });
              },
              onReject: (row, issues) => {
                rejects?.write(
                  `${row.rowNo},${csvCell(issues.map((i) => `${i.path}: ${i.message}`).join(' | '))},${importColumns.map((c) => csvCell(row.raw[c] ?? '')).join(',')}\n`,
                );
              },
            });
          const r = await audited(
            p,
            io,
            {
              orgId,
              action: 'saldo import',
              target: `portfolio ${o.portfolio}`,
              detail: { file, bytes: total, mode: o.validRows ? 'valid_rows' : 'all_or_nothing' },
            },
            importFile,
          );
          bar?.update(total, { rows: r.totalRows });
          bar?.stop();
          if (rejects) await new Promise((res) => rejects.end(res));
          if (r.ignoredColumns.length)
            io.stderr.write(`note: ignored unknown column(s): ${r.ignoredColumns.join(', ')}\n`);
          const summary = `${r.totalRows} rows: ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected`;
          if (r.status === 'succeeded') {
            io.stdout.write(`import ${r.importId} succeeded — ${summary}\n`);
            if (r.rejected && rejectsPath) io.stdout.write(`rejected rows written to ${rejectsPath}\n`);
          } else {
            io.stdout.write(
              `import ${r.importId} FAILED — nothing was written. ${r.errorCount} problem(s) in ${r.rejected} row(s):\n`,
            );
            for (const e of r.errors.slice(0, 50))
              io.stdout.write(`  row ${e.row}, ${e.path}: ${e.message}\n`);
            if (r.errorCount > 50)
              io.stdout.write(`  … and ${r.errorCount - 50} more (GET /v1/imports/${r.importId}/errors)\n`);
            io.setExitCode(1);
          }
        } finally {
          await p.close();
        }
      },
    );
}
