// Saldo's server entry: one process in the role asked for (api, worker or all), built from the
// same pieces in every deployment shape (ADR 0001). `saldo start` calls startSaldo().
import type { FastifyInstance } from 'fastify';
import { buildPlatform, type Platform } from './composition-root.js';
import { buildApp } from './http/build-app.js';
import { consoleRoutes, defaultConsoleDir } from './http/console-routes.js';
import { startPeriodic } from '../shared/jobs/periodic.js';
import type { Config } from './config.js';
import type { Clock } from '../shared/clock/clock.js';
import type { RoutePlugin } from '../shared/http/route-kit.js';
import { startInboundSmtp } from '../modules/channels/index.js';
import { version } from './version.js';

export { version } from './version.js';

/**
 * The HTTP app over a platform (tests inject requests into it without a port). `consoleDir`: serve
 * the web console's build from there at /console/ (the api role serves packages/console/dist).
 */
export async function buildHttp(
  p: Platform,
  opts: {
    logger?: boolean | object;
    extra?: RoutePlugin[];
    http?: Pick<Config['http'], 'trustProxy'>;
    consoleDir?: string;
  } = {},
): Promise<FastifyInstance> {
  const web = opts.consoleDir === undefined ? [] : [consoleRoutes(opts.consoleDir)];
  return buildApp(
    {
      authenticate: (token) => p.auth.authenticate(token),
      version,
      routes: [...p.routes, ...(opts.extra ?? []), ...web],
      audit: p.httpAudit,
    },
    { logger: opts.logger ?? false, trustProxy: opts.http?.trustProxy ?? false },
  );
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
    opts.platform ?? (await buildPlatform({ config, ...(opts.clock ? { clock: opts.clock } : {}) }));
  const api = config.role === 'api' || config.role === 'all' ? await startApi(platform, config) : null;
  let stopJobs = () => {};
  if (config.role === 'worker' || config.role === 'all') {
    const log = api?.app.log ?? {
      info: (o: object, m: string) => opts.log?.(`${m} ${JSON.stringify(o)}`),
      error: (o: object, m: string) => opts.log?.(`${m} ${JSON.stringify(o)}`),
    };
    stopJobs = startPeriodic(platform.jobs, log, platform.clock);
  }
  return {
    platform,
    app: api?.app ?? null,
    url: api?.url ?? null,
    inboundSmtp: api?.inboundSmtp ? { port: api.inboundSmtp.port } : null,
    async stop() {
      stopJobs();
      await api?.inboundSmtp?.close();
      await api?.app.close();
      await platform.close();
    },
  };
}

/**
 * The api role: the HTTP server (the API, the status page and the web console), the NLU warmed up
 * behind it, and the inbound SMTP listener if configured.
 */
async function startApi(platform: Platform, config: Config) {
  const app = await buildHttp(platform, {
    logger: { level: config.logLevel },
    http: config.http,
    consoleDir: defaultConsoleDir,
  });
  const { host } = config.http;
  await app.listen({ port: config.http.port, host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.http.port;
  void platform.nlu().catch((err: unknown) => app.log.error({ err }, 'NLU model failed to load'));
  const url = `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${port}`;
  const smtp = config.channels.inboundSmtp;
  const inboundSmtp = smtp
    ? await startInboundSmtp(smtp, platform.channels.inboundMail, (level, msg, data) =>
        app.log[level](data, msg),
      )
    : null;
  return { app, url, inboundSmtp };
}
