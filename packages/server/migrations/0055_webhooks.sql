-- Outbound webhooks for integrators (docs/webhooks.md): an organisation's subscriptions to domain
-- events, and one delivery row per (subscription, event) — the outbox the delivery job works
-- through, kept after success or final failure so any delivery can be replayed.

CREATE TABLE webhook_subscriptions (
  id                          text PRIMARY KEY DEFAULT saldo_id('wh'),
  org_id                      text NOT NULL REFERENCES organizations(id),
  url                         text NOT NULL,
  -- Webhook event types (modules/webhooks/webhook-event-types.ts).
  events                      text[] NOT NULL,
  description                 text,
  enabled                     boolean NOT NULL,
  -- The signing secret, sealed with the root key (AES-256-GCM; additional data `<org>|<id>`).
  secret_enc                  text NOT NULL,
  -- After a rotation the old secret also signs until it expires (two v1 signatures).
  previous_secret_enc         text,
  previous_secret_expires_at  timestamptz,
  created_at                  timestamptz NOT NULL,
  updated_at                  timestamptz NOT NULL
);
CREATE INDEX webhook_subscriptions_org ON webhook_subscriptions (org_id, created_at);

CREATE TABLE webhook_deliveries (
  id               text PRIMARY KEY DEFAULT saldo_id('whd'),
  org_id           text NOT NULL,
  subscription_id  text NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  -- The domain event delivered (domain_events.seq); its type copied for filtering.
  event_seq        bigint NOT NULL,
  event_type       text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         int NOT NULL,
  next_attempt_at  timestamptz NOT NULL,
  lease_owner      text,
  lease_until      timestamptz,
  last_attempt_at  timestamptz,
  last_status      int,
  last_error       text,
  last_duration_ms int,
  delivered_at     timestamptz,
  created_at       timestamptz NOT NULL,
  -- The fan-out runs again when the event consumer is re-run: the second insert is skipped.
  UNIQUE (subscription_id, event_seq)
);
-- The delivery job's queue: pending deliveries by due time.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
-- A subscription's deliveries, newest first (the API's list).
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, event_seq DESC);
