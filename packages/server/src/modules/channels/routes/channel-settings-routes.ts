import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SaldoError } from '@saldo/core';
import { ALL_ROLES, principal } from '../../../shared/http/route-kit.js';
import {
  settingsProviders,
  type ChannelSettingsAdmin,
  type SettingsProvider,
} from '../usecases/channel-settings.js';

const ADMIN = ['admin'] as const;

const providerParam = {
  type: 'object',
  required: ['provider'],
  properties: { provider: { type: 'string', enum: [...settingsProviders] } },
} as const;

/** Process-wide DeliveryMetrics counters; shown to the operator (default) organisation only. */
export interface DeliveryMetricsView {
  snapshot(): { provider: string; channel: string; metric: string; value: number }[];
  operatorOrgId: string;
}

/** `/v1/channels/settings*`: an organisation's provider settings. */
export async function channelSettingsRoutes(app: FastifyInstance, settings: ChannelSettingsAdmin) {
  app.get(
    '/v1/channels/settings',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['channel settings'],
        summary: 'Which providers are configured; non-secret fields only, secrets as their last 4 characters',
      },
    },
    async (req) => settings.list(principal(req).orgId),
  );

  app.put<{ Params: { provider: SettingsProvider }; Body: Record<string, unknown> }>(
    '/v1/channels/settings/:provider',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['channel settings'],
        summary:
          "Store one provider's settings (secrets encrypted at rest; an omitted secret keeps the stored one)",
        params: providerParam,
        body: {
          type: 'object',
          maxProperties: 20,
          additionalProperties: { type: 'string', maxLength: 2000 },
        },
      },
    },
    async (req) => settings.put(principal(req).orgId, req.params.provider, req.body),
  );

  app.delete<{ Params: { provider: SettingsProvider } }>(
    '/v1/channels/settings/:provider',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['channel settings'],
        summary: "Remove one provider's settings (its channels go back to the sandbox)",
        params: providerParam,
      },
    },
    async (req) => settings.remove(principal(req).orgId, req.params.provider),
  );
}

/** `/v1/channels/metrics`: the process's delivery counters, for the operator organisation. */
export async function deliveryMetricsRoutes(app: FastifyInstance, metrics: DeliveryMetricsView | undefined) {
  app.get(
    '/v1/channels/metrics',
    {
      config: { roles: ['admin', 'compliance'] },
      schema: {
        tags: ['channel settings'],
        summary:
          'Delivery counters per provider and channel since the process started (operator organisation only: they span every organisation)',
      },
    },
    async (req) => readDeliveryMetrics(req, metrics),
  );
}

function readDeliveryMetrics(req: FastifyRequest, m: DeliveryMetricsView | undefined) {
  if (!m) throw new SaldoError('unavailable', 'delivery metrics are not available in this process');
  if (principal(req).orgId !== m.operatorOrgId)
    throw new SaldoError(
      'forbidden',
      'delivery metrics span every organisation of the deployment: only the operator (default) organisation may read them',
    );
  const items = m
    .snapshot()
    .sort(
      (a, b) =>
        a.provider.localeCompare(b.provider) ||
        a.channel.localeCompare(b.channel) ||
        a.metric.localeCompare(b.metric),
    );
  return { scope: 'process', items };
}
