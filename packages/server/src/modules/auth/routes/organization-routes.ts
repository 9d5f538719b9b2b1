import type { FastifyInstance } from 'fastify';
import { ALL_ROLES, type Role } from '../../../shared/http/route-kit.js';
import type { Auth } from '../usecases/auth.js';
import type { Organizations } from '../usecases/organizations.js';
import { principal } from '../../../shared/http/route-kit.js';
import { problem, sendProblem } from '../../../shared/http/problem.js';

const role = { type: 'string', enum: ['admin', 'strategist', 'agent', 'compliance'] } as const;

/** `/v1/organizations*`, `/v1/users`, `/v1/api-keys*`: tenants and who may act in them. */
export default async function organizationRoutes(
  app: FastifyInstance,
  deps: { auth: Auth; organizations: Organizations },
) {
  await tenantRoutes(app, deps.organizations);
  await userRoutes(app, deps.auth);
  await apiKeyRoutes(app, deps.auth);
}

async function tenantRoutes(app: FastifyInstance, organizations: Organizations) {
  app.get(
    '/v1/organizations/current',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['organizations'], summary: "The caller's organization" },
    },
    async (req) => organizations.get(principal(req).orgId),
  );

  app.post<{
    Body: {
      slug: string;
      name: string;
      defaultCountry?: string;
      admin: { email: string; name: string; password: string };
    };
  }>(
    '/v1/organizations',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['organizations'],
        summary: 'Create a tenant and its first admin (operators: admins of the default organization)',
        body: {
          type: 'object',
          required: ['slug', 'name', 'admin'],
          additionalProperties: false,
          properties: {
            slug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' },
            name: { type: 'string', minLength: 1, maxLength: 200 },
            defaultCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
            admin: {
              type: 'object',
              required: ['email', 'name', 'password'],
              additionalProperties: false,
              properties: {
                email: { type: 'string', format: 'email' },
                name: { type: 'string', minLength: 1 },
                password: { type: 'string', minLength: 10 },
              },
            },
          },
        },
      },
    },
    async (req, reply) => reply.status(201).send(await organizations.create(principal(req), req.body)),
  );
}

async function userRoutes(app: FastifyInstance, auth: Auth) {
  app.get(
    '/v1/users',
    { config: { roles: ['admin'] }, schema: { tags: ['users'], summary: 'Users of the organization' } },
    async (req) => ({ items: await auth.listUsers(principal(req).orgId) }),
  );

  app.post<{ Body: { email: string; name: string; role: Role; password: string } }>(
    '/v1/users',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['users'],
        summary: 'Create a user (password login)',
        body: {
          type: 'object',
          required: ['email', 'name', 'role', 'password'],
          additionalProperties: false,
          properties: {
            email: { type: 'string', format: 'email' },
            name: { type: 'string', minLength: 1, maxLength: 200 },
            role,
            password: { type: 'string', minLength: 10, maxLength: 200 },
          },
        },
      },
    },
    async (req, reply) => reply.status(201).send(await auth.createUser(principal(req).orgId, req.body)),
  );
}

async function apiKeyRoutes(app: FastifyInstance, auth: Auth) {
  app.get(
    '/v1/api-keys',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['api-keys'], summary: 'API keys (never the secret: only its prefix)' },
    },
    async (req) => ({ items: await auth.listApiKeys(principal(req).orgId) }),
  );

  app.post<{ Body: { name: string; role: Role } }>(
    '/v1/api-keys',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key; the key is returned once and stored hashed',
        body: {
          type: 'object',
          required: ['name', 'role'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, role },
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await auth.createApiKey(principal(req).orgId, req.body.name, req.body.role)),
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/api-keys/:id',
    { config: { roles: ['admin'] }, schema: { tags: ['api-keys'], summary: 'Revoke an API key' } },
    async (req, reply) => {
      const ok = await auth.revokeApiKey(principal(req).orgId, req.params.id);
      return ok
        ? reply.status(204).send()
        : sendProblem(reply, problem(404, `api key ${req.params.id} not found or already revoked`));
    },
  );
}
