// The web console (packages/console, a Vite build) served by the API role at /console/ (ADR 0014):
// its files from the build directory, and its index.html for every other path under /console/, so
// that a deep link (/console/audit) or a reload opens the same view.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { problem, sendProblem } from '../../shared/http/problem.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import { consoleHelmetConfig } from './security-headers.js';

/** Where `npm start` (packages/console/build-if-stale.mjs) writes the build: packages/console/dist. */
export const defaultConsoleDir = fileURLToPath(new URL('../../../../console/dist/', import.meta.url));

/** A path with an extension names a file (assets/index-3f2a.js); anything else is a view. */
const FILE_PATH = /^(?:[\w-][\w.-]*\/)*[\w-][\w.-]*\.[a-z0-9]+$/i;
/** Vite names every built asset by its content hash: the same name never changes content. */
const HASHED_ASSET = /^assets\//;

const route = {
  config: { public: true, ...consoleHelmetConfig },
  schema: { hide: true },
} as const;

function notBuilt(reply: FastifyReply, dir: string) {
  return sendProblem(
    reply,
    problem(
      503,
      `the console is not built (no ${join(dir, 'index.html')}): \`npm start\` builds it, or run \`npm run build -w @saldo/console\``,
    ),
  );
}

/** The console's routes over a build directory (tests point it at a directory of their own). */
export function consoleRoutes(dir: string = defaultConsoleDir): RoutePlugin {
  return async (app: FastifyInstance) => {
    // serve: false — only the routes below answer, with reply.sendFile confined to `dir`.
    await app.register(fastifyStatic, { root: dir, serve: false });

    app.get('/console', route, async (_req, reply) => reply.redirect('/console/', 301));

    app.get<{ Params: { '*': string } }>('/console/*', route, async (req, reply) => {
      if (!existsSync(join(dir, 'index.html'))) return notBuilt(reply, dir);
      const path = req.params['*'];
      if (FILE_PATH.test(path) && !path.split('/').includes('..')) {
        const immutable = HASHED_ASSET.test(path);
        // A missing file is a 404 (sendFile calls the not-found handler), never the index.
        return reply.sendFile(path, {
          cacheControl: immutable,
          ...(immutable ? { maxAge: '365d', immutable: true } : {}),
        });
      }
      // A view: the app decides what to show. Revalidated on every visit, so a new build is seen.
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    });
  };
}
