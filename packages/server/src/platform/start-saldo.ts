// Saldo's server entry: one process in the role asked for (api, worker or all), built from the
// same pieces in every deployment shape (ADR 0001). `saldo start` calls startSaldo().
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildPlatform, type Platform } from './composition-root.js';
import { buildApp, type RoutePlugin } from './http/build-app.js';
import type { ApiDeps } from '../shared/http/deps.js';
import { startPeriodic } from '../shared/jobs/periodic.js';
import type { Config } from './config.js';
import type { Clock } from '../shared/clock/clock.js';
import { extraRoutes } from './http/module-routes.js';
import type { RunningInboundSmtp } from '../modules/channels/adapters/inbound-smtp-server.js';
import { startInboundSmtp } from '../modules/channels/start-inbound-smtp.js';

export const version: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

async function spoolUpload(body: Buffer) {
  const dir = await mkdtemp(join(tmpdir(), 'saldo-upload-'));
  const path = join(dir, 'upload.csv');
  await writeFile(path, body);
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function apiDeps(p: Platform): ApiDeps {
  return {
    auth: p.auth,
    organizations: p.organizations,
    record: p.record,
    imports: p.imports,
    ready: p.ready,
    spoolUpload,
    version,
    storage: p.db.kind,
    statusOrgId: p.defaultOrgId,
  };
}

/** The HTTP app over a platform (tests inject requests into it without a port). */
export async function buildHttp(
  p: Platform,
  opts: { logger?: boolean | object; extra?: RoutePlugin[] } = {},
): Promise<FastifyInstance> {
  return buildApp(apiDeps(p), {
    logger: opts.logger ?? false,
    extraRoutes: [...extraRoutes(p), ...(opts.extra ?? [])],
  });
}

export interface RunningSaldo {
  platform: Platform;
  app: FastifyInstance | null;
  url: string | null;
  /** The inbound SMTP listener (SALDO_INBOUND_SMTP_PORT), api/all role only. */
  inboundSmtp: { port: number } | null;
  stop(): Promise<void>;
}

export async function startSaldo(
  config: Config,
  opts: { clock?: Clock; platform?: Platform; log?: (line: string) => void } = {},
): Promise<RunningSaldo> {
  const platform =
    opts.platform ??
    (await buildPlatform({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      clock: opts.clock,
      secretKey: config.secretKey,
      bootstrapApiKey: config.bootstrapApiKey,
      env: process.env,
      nluModelPath: config.nluModelPath,
      nluLlm: config.nluLlm,
    }));
  let app: FastifyInstance | null = null;
  let url: string | null = null;
  let inboundSmtp: RunningInboundSmtp | null = null;
  const logger = { level: config.logLevel };
  if (config.role === 'api' || config.role === 'all') {
    app = await buildHttp(platform, { logger });
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    void platform.nlu().catch((err: unknown) => app?.log.error({ err }, 'NLU model failed to load'));
    url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
    if (config.inboundSmtp) {
      const http = app;
      inboundSmtp = await startInboundSmtp(
        config.inboundSmtp,
        platform.channels.inboundMail,
        (level, msg, data) => http.log[level](data, msg),
      );
    }
  }
  let stopJobs = () => {};
  if (config.role === 'worker' || config.role === 'all') {
    const log = app?.log ?? {
      info: (o: object, m: string) => opts.log?.(`${m} ${JSON.stringify(o)}`),
      error: (o: object, m: string) => opts.log?.(`${m} ${JSON.stringify(o)}`),
    };
    stopJobs = startPeriodic(platform.jobs, log, platform.clock);
  }
  return {
    platform,
    app,
    url,
    inboundSmtp: inboundSmtp ? { port: inboundSmtp.port } : null,
    async stop() {
      stopJobs();
      await inboundSmtp?.close();
      await app?.close();
      await platform.close();
    },
  };
}
