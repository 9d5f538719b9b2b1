-- Strategy runner: versioned strategies, one journey per enrolled account, the command outbox and
-- an inbox that de-duplicates redelivered events. Runs unchanged on PostgreSQL 15+ and PGlite.

CREATE TABLE strategies (
  org_id      text NOT NULL REFERENCES organizations(id),
  id          text NOT NULL CHECK (id ~ '^stg_[a-z0-9_]{1,60}$'),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);

-- Versions are immutable once published; a draft is the next version being edited (at most one).
CREATE TABLE strategy_versions (
  org_id       text NOT NULL,
  strategy_id  text NOT NULL,
  version      int NOT NULL CHECK (version >= 1),
  status       text NOT NULL CHECK (status IN ('draft','published')),
  definition   jsonb NOT NULL,
  created_at   timestamptz NOT NULL,
  published_at timestamptz,
  migration    text CHECK (migration IN ('move','finish_on_old')),
  PRIMARY KEY (org_id, strategy_id, version),
  FOREIGN KEY (org_id, strategy_id) REFERENCES strategies(org_id, id)
);
CREATE UNIQUE INDEX strategy_versions_one_draft ON strategy_versions (org_id, strategy_id) WHERE status = 'draft';

-- One journey per enrolled account. `state` is null until the first run (enrolment is a bulk
-- INSERT … SELECT; the worker picks the segment and starts the journey). `rev` grows on every
-- write: a worker whose lease expired cannot overwrite a newer state (optimistic check).
CREATE TABLE journeys (
  account_id     text PRIMARY KEY REFERENCES accounts(id),
  org_id         text NOT NULL REFERENCES organizations(id),
  strategy_id    text NOT NULL,
  version        int NOT NULL,
  status         text NOT NULL CHECK (status IN ('pending','active','waiting','done','exited')),
  state          jsonb,
  -- Attempt counters of the previous journey of the account, so contact keys never repeat.
  carry_attempts jsonb NOT NULL DEFAULT '{}',
  next_run_at    timestamptz,
  lease_owner    text,
  lease_until    timestamptz,
  rev            bigint NOT NULL DEFAULT 0,
  enrolled_at    timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
-- Due claims: oldest next_run_at first, only rows that can run.
CREATE INDEX journeys_due ON journeys (next_run_at) WHERE next_run_at IS NOT NULL;
CREATE INDEX journeys_org_strategy ON journeys (org_id, strategy_id, version, status);

-- Commands written in the same transaction as the journey state that produced them. Contacts are
-- delivered by the dispatcher under their idempotency key; other commands are recorded.
CREATE TABLE outbox (
  id               bigserial PRIMARY KEY,
  org_id           text NOT NULL REFERENCES organizations(id),
  account_id       text NOT NULL REFERENCES accounts(id),
  kind             text NOT NULL CHECK (kind IN ('contact','escalate','offer','set_status','exit')),
  idempotency_key  text NOT NULL,
  command          jsonb NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending','in_flight','sent','refused','failed','dead','cancelled','recorded')),
  attempts         int NOT NULL DEFAULT 0,
  refusals         int NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  lease_owner      text,
  lease_until      timestamptz,
  last_error       text,
  provider_message_id text,
  sent_at          timestamptz,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  UNIQUE (org_id, idempotency_key)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status IN ('pending','in_flight');
CREATE INDEX outbox_account ON outbox (account_id, status);
CREATE INDEX outbox_provider_id ON outbox (org_id, provider_message_id) WHERE provider_message_id IS NOT NULL;

-- Every compliance refusal of an outbox contact, per blocking rule (reports count them).
CREATE TABLE outbox_refusals (
  outbox_id       bigint NOT NULL REFERENCES outbox(id),
  org_id          text NOT NULL,
  rule            text NOT NULL,
  message         text NOT NULL,
  next_allowed_at timestamptz,
  at              timestamptz NOT NULL
);
CREATE INDEX outbox_refusals_org ON outbox_refusals (org_id, at);

-- Events already applied to a journey (a redelivered webhook or a re-polled payment is a no-op).
CREATE TABLE journey_inbox (
  org_id     text NOT NULL,
  event_key  text NOT NULL,
  account_id text NOT NULL,
  type       text NOT NULL,
  at         timestamptz NOT NULL,
  PRIMARY KEY (org_id, event_key)
);

-- Watermarks of the record feeds the event router polls (payments, promises).
CREATE TABLE journey_feeds (
  name       text PRIMARY KEY,
  watermark  timestamptz NOT NULL
);
