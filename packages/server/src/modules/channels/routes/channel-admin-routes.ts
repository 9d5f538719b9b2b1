import type { FastifyInstance } from 'fastify';
import type { ChannelSettingsAdmin } from '../usecases/channel-settings.js';
import type { Templates } from '../usecases/templates.js';
import {
  channelSettingsRoutes,
  deliveryMetricsRoutes,
  type DeliveryMetricsView,
} from './channel-settings-routes.js';
import { templateReadRoutes, templateWriteRoutes } from './template-routes.js';
import { unknownOutcomeRoutes } from './unknown-outcome-routes.js';
import type { UnknownOutcomeStore } from '../ports/unknown-outcomes.js';
import type { Clock } from '../../../shared/clock/clock.js';

/** What the channel administration routes need (buildChannels' `admin`). */
export interface ChannelAdminRouteDeps {
  templates: Templates;
  settings: ChannelSettingsAdmin;
  /** Process-wide DeliveryMetrics counters; shown to the operator (default) organisation only. */
  metrics?: DeliveryMetricsView;
  /** Messages with an unknown outcome, and a person's decision on them (ADR 0011). */
  unknownOutcomes: { store: UnknownOutcomeStore; clock: Clock };
}

/** Channel administration: templates, provider settings, delivery metrics, unknown outcomes. */
export default async function channelAdminRoutes(app: FastifyInstance, deps: ChannelAdminRouteDeps) {
  await templateReadRoutes(app, deps.templates);
  await templateWriteRoutes(app, deps.templates);
  await channelSettingsRoutes(app, deps.settings);
  await deliveryMetricsRoutes(app, deps.metrics);
  await unknownOutcomeRoutes(app, deps.unknownOutcomes);
}
