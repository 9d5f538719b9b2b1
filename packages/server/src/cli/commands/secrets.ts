import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { inspectSecretKey, loadConfig, rotateSecretKey } from '../platform.js';

/** The deployment's root secret key: where it is, and rotating it (docs/security.md). */
export function register(program: Command, io: CliIo) {
  const secrets = program.command('secrets').description('The root secret key that seals provider secrets');
  secrets
    .command('rotate')
    .description(
      'Generate a new root key (or take SALDO_NEW_SECRET_KEY when SALDO_SECRET_KEY is set) and re-seal the provider secrets, webhook signing secrets and debtors’ data keys with it. Stop every Saldo process first.',
    )
    .action(async () => {
      const r = await rotateSecretKey(loadConfig(io.env), { newKeyFromEnv: io.env.SALDO_NEW_SECRET_KEY });
      const noun = r.resealed === 1 ? 'provider setting' : 'provider settings';
      const hooks = r.resealedWebhooks === 1 ? 'webhook signing secret' : 'webhook signing secrets';
      io.stdout.write(
        `${r.resumed ? 'finished an interrupted rotation' : 'rotated'}: key ${r.from} → ${r.to}; re-sealed ${r.resealed} ${noun}, ${r.resealedWebhooks} ${hooks} and ${r.resealedDebtorKeys} debtor data ${r.resealedDebtorKeys === 1 ? 'key' : 'keys'}\n`,
      );
      if (r.source === 'file')
        io.stdout.write(
          `the new key is in ${r.file}; the old one stays there as a retired key (back the file up now)\n`,
        );
      else if (!r.resumed)
        io.stdout.write(
          'now set SALDO_SECRET_KEY to the value of SALDO_NEW_SECRET_KEY, and add the old key to SALDO_SECRET_KEY_RETIRED (it verifies identity hashes made with it), before starting Saldo\n',
        );
    });
  secrets
    .command('status')
    .description('Where the root key comes from, its fingerprint, and how many retired keys there are')
    .action(async () => {
      const s = await inspectSecretKey(loadConfig(io.env));
      io.stdout.write(
        `source: ${s.source === 'file' ? `file ${s.file}` : 'SALDO_SECRET_KEY'}\nkey: ${s.fingerprint}\nretired keys: ${s.retired}\n`,
      );
    });
}
