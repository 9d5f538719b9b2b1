import type { FastifyInstance } from 'fastify';

export interface HealthRouteDeps {
  ready(): Promise<boolean>;
  version: string;
  storage: 'pglite' | 'postgres';
}

export default async function healthRoutes(app: FastifyInstance, deps: HealthRouteDeps) {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['health'], summary: 'Liveness: the process answers', security: [] },
    },
    async () => ({ status: 'ok', version: deps.version }),
  );
  app.get(
    '/ready',
    {
      config: { public: true },
      schema: { tags: ['health'], summary: 'Readiness: the database answers', security: [] },
    },
    async (_req, reply) => {
      const ok = await deps.ready();
      return reply
        .status(ok ? 200 : 503)
        .send({ status: ok ? 'ready' : 'unavailable', storage: deps.storage });
    },
  );
}
