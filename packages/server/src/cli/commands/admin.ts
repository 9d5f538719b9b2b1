import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { buildCore, loadConfig } from '../platform.js';
import type { Role } from '../../shared/http/route-kit.js';
import { audited } from '../audited.js';

const ROLES = ['admin', 'strategist', 'agent', 'compliance'];

async function withPlatform<T>(
  io: CliIo,
  fn: (p: Awaited<ReturnType<typeof buildCore>>) => Promise<T>,
): Promise<T> {
  const c = loadConfig(io.env);
  const p = await buildCore({ config: c });
  try {
    return await fn(p);
  } finally {
    await p.close();
  }
}

/** First-setup commands run on the server's own machine (direct database access = operator). */
export function register(program: Command, io: CliIo) {
  const apikey = program.command('apikey').description('API keys for integrations');
  apikey
    .command('create')
    .option('--name <name>', 'what the key is for', 'cli')
    .option('--role <role>', ROLES.join(' | '), 'admin')
    .option('--org <slug>', 'organization slug (default organization when omitted)')
    .action(async (o: { name: string; role: string; org?: string }) => {
      if (!ROLES.includes(o.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      await withPlatform(io, async (p) => {
        const orgId = o.org ? (await p.organizations.getBySlug(o.org)).id : p.defaultOrgId;
        const { key, info } = await audited(
          p,
          io,
          {
            orgId,
            action: 'saldo apikey create',
            target: 'api keys',
            detail: { name: o.name, role: o.role },
          },
          () => p.auth.createApiKey(orgId, o.name, o.role as Role),
        );
        io.stdout.write(`${key}\n`);
        io.stderr.write(
          `created ${info.id} (${info.role}); the key above is shown once — store it now. Use it as: Authorization: Bearer <key>\n`,
        );
      });
    });
  const user = program.command('user').description('People who log in with a password');
  user
    .command('create')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .option('--role <role>', ROLES.join(' | '), 'admin')
    .option('--org <slug>', 'organization slug (default organization when omitted)')
    .action(async (o: { email: string; name: string; role: string; org?: string }) => {
      const password = io.env.SALDO_NEW_USER_PASSWORD;
      if (!password)
        throw new Error(
          'set SALDO_NEW_USER_PASSWORD (≥ 10 characters) in the environment; passwords are never taken as arguments',
        );
      await withPlatform(io, async (p) => {
        const orgId = o.org ? (await p.organizations.getBySlug(o.org)).id : p.defaultOrgId;
        const u = await audited(
          p,
          io,
          { orgId, action: 'saldo user create', target: 'users', detail: { email: o.email, role: o.role } },
          () => p.auth.createUser(orgId, { email: o.email, name: o.name, role: o.role as Role, password }),
        );
        io.stdout.write(`created user ${u.id} ${u.email} (${u.role})\n`);
      });
    });
  user
    .command('unlock <email>')
    .description('Lift the login lock and back-off of an account after too many failed logins')
    .action(async (email: string) => {
      await withPlatform(io, async (p) => {
        const r = await p.auth.unlockLogin(email);
        io.stdout.write(
          !r.found
            ? `no user ${email}; its failed-login counter (if any) was cleared\n`
            : r.wasLocked
              ? `unlocked ${email}\n`
              : `${email} was not locked; its failed-login counter was cleared\n`,
        );
      });
    });
}
