import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { buildPlatform, loadConfig, startSaldo } from '../platform.js';
import { loadDemoPortfolio } from '../../modules/imports/index.js';

export function register(program: Command, io: CliIo) {
  program
    .command('start')
    .description('Run Saldo: migrate, then serve the API and/or run the workers')
    .option('--role <role>', 'api | worker | all', 'all')
    .option('--port <port>', 'HTTP port (env PORT)', (v) => Number(v))
    .option('--host <host>', 'interface to listen on (env HOST)')
    .option('--data-dir <dir>', 'PGlite data directory when DATABASE_URL is not set (env SALDO_DATA_DIR)')
    .option('--demo-if-empty', 'load a demo portfolio when the database holds no accounts')
    .option('--demo-debtors <n>', 'size of that demo portfolio', (v) => Number(v), 2000)
    .action(
      async (o: {
        role: string;
        port?: number;
        host?: string;
        dataDir?: string;
        demoIfEmpty?: boolean;
        demoDebtors: number;
      }) => {
        const config = loadConfig(io.env, {
          role: o.role as 'all',
          port: o.port,
          host: o.host,
          dataDir: o.dataDir,
        });
        const where = config.db.databaseUrl
          ? 'PostgreSQL (DATABASE_URL)'
          : `embedded PGlite in ${config.db.dataDir}`;
        io.stderr.write(`Saldo: opening ${where}…\n`);
        const platform = await buildPlatform({ config });
        if (platform.migrations.applied.length)
          io.stderr.write(`Saldo: applied migrations ${platform.migrations.applied.join(', ')}\n`);
        if (o.demoIfEmpty && (await platform.record.summary(platform.defaultOrgId)).accounts === 0) {
          io.stderr.write(
            `Saldo: empty database — loading a demo portfolio of ${o.demoDebtors} debtors (MX, ES, CO, US)…\n`,
          );
          // The sandbox's debtors learn who they are, so they can answer the bot's identity check.
          const personas = platform.channels.sandboxPersonas;
          const demo = await loadDemoPortfolio({ ...platform, personas }, platform.defaultOrgId, {
            debtors: o.demoDebtors,
            seed: 1,
          });
          io.stderr.write(
            `Saldo: demo loaded: ${demo.accounts} accounts in ${demo.portfolios.map((p) => p.code).join(', ')}\n`,
          );
          // The demo moves: every collectable account enters the default strategy.
          const enrolled = await platform.engine.strategies.enrol(platform.defaultOrgId, {});
          io.stderr.write(
            `Saldo: ${JSON.stringify(enrolled.enrolled)} accounts enrolled in strategy ${enrolled.strategyId} v${enrolled.version}\n`,
          );
        }
        const running = await startSaldo(config, { platform, log: (l) => io.stderr.write(`${l}\n`) });
        io.stdout.write(
          running.url
            ? `Saldo is up: ${running.url} (console at ${running.url}/console/, API docs at ${running.url}/docs; role ${config.role})\n`
            : `Saldo worker running (role ${config.role})\n`,
        );
        if (
          !config.secrets.bootstrapApiKey &&
          running.url &&
          (await platform.auth.listApiKeys(platform.defaultOrgId)).length === 0
        ) {
          // First start: hand the operator a way in. Shown once; only its hash is stored.
          const { key } = await platform.auth.createApiKey(platform.defaultOrgId, 'first start', 'admin');
          io.stdout.write(
            `First start: your admin API key (shown once, store it now):\n  ${key}\nUse it as: curl ${running.url}/v1/accounts -H "Authorization: Bearer ${key}"\n`,
          );
          io.stdout.write(firstSignIn(running.url, key));
        }
        await new Promise<void>((resolve) => {
          const stop = () => void running.stop().then(resolve);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      },
    );
}

/**
 * How a newcomer gets a console sign-in: no user ships with a password, so the first start shows the
 * one request that creates a person with a password of their own choosing, with the key above.
 */
function firstSignIn(url: string, key: string): string {
  const body = `{"email":"you@example.com","name":"Your name","role":"admin","password":"<10 or more characters>"}`;
  return [
    `To sign in to the console (${url}/console/), create yourself a user with a password of your choice:`,
    `  curl -X POST ${url}/v1/users -H "Authorization: Bearer ${key}" -H 'content-type: application/json' \\`,
    `       -d '${body}'`,
    `(role compliance reads the audit trail too; admin can do everything.)`,
    '',
  ].join('\n');
}
