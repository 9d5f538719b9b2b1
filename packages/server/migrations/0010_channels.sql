-- Channels: durable inbound events, outbound messages, per-organisation provider settings (secrets
-- encrypted by the application), the audit trail of refused contacts and stored call scripts.
-- Runs unchanged on PostgreSQL 15+ and PGlite.

-- Every inbound message, status callback and call step, stored BEFORE the provider is acknowledged.
-- A redelivery by the provider hits the unique key and is stored once. Processing is retried until
-- processed_at is set (at-least-once); attempts / last_error / next_attempt_at drive the retries.
CREATE TABLE inbound_events (
  id                  text PRIMARY KEY DEFAULT saldo_id('inb'),
  org_id              text NOT NULL REFERENCES organizations(id),
  provider            text NOT NULL,
  provider_message_id text NOT NULL,
  type                text NOT NULL CHECK (type IN ('message','status','call')),
  channel             text NOT NULL,
  payload             jsonb NOT NULL,
  received_at         timestamptz NOT NULL,
  processed_at        timestamptz,
  attempts            int NOT NULL DEFAULT 0,
  last_error          text,
  next_attempt_at     timestamptz,
  UNIQUE (org_id, provider, provider_message_id)
);
-- The retry queue: unprocessed events, oldest first.
CREATE INDEX inbound_events_pending ON inbound_events (received_at, id) WHERE processed_at IS NULL;

-- One row per contact attempt, inserted under its idempotency key BEFORE the provider is called, so
-- a retried request cannot send twice. Also the contact history the compliance engine counts.
CREATE TABLE outbound_messages (
  id                  text PRIMARY KEY DEFAULT saldo_id('msg'),
  org_id              text NOT NULL REFERENCES organizations(id),
  debtor_id           text NOT NULL REFERENCES debtors(id),
  account_id          text REFERENCES accounts(id),
  channel             text NOT NULL CHECK (channel IN ('email','sms','whatsapp','call','voicebot','voicemail','letter')),
  template_id         text NOT NULL,
  recipient           text NOT NULL,
  provider            text NOT NULL,
  provider_message_id text,
  idempotency_key     text NOT NULL,
  status              text NOT NULL CHECK (status IN ('queued','sent','delivered','read','opened','clicked','failed','undelivered','bounced','complained','ringing','answered','answered_human','answered_machine','no_answer','busy','completed')),
  outcome             text CHECK (outcome IN ('no_answer','voicemail','connected','conversation','busy','not_connected')),
  requested_by        text NOT NULL,
  error               text,
  retryable           boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  UNIQUE (org_id, idempotency_key)
);
CREATE UNIQUE INDEX outbound_messages_provider_id ON outbound_messages (org_id, provider, provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE INDEX outbound_messages_provider_lookup ON outbound_messages (org_id, provider_message_id) WHERE provider_message_id IS NOT NULL;
-- Contact history of a debtor (compliance caps look back 35 days).
CREATE INDEX outbound_messages_debtor ON outbound_messages (org_id, debtor_id, created_at);

-- Provider settings of organisations other than the default one (which reads the environment).
-- `settings` holds non-secret fields only; `secrets_enc` is AES-256-GCM ciphertext made by the
-- application: 'v1:' || base64(iv(12) || tag(16) || ciphertext), bound to (org_id, provider).
CREATE TABLE channel_settings (
  org_id      text NOT NULL REFERENCES organizations(id),
  provider    text NOT NULL CHECK (provider IN ('twilio','meta','smtp')),
  settings    jsonb NOT NULL DEFAULT '{}',
  secrets_enc text NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, provider)
);
CREATE INDEX channel_settings_twilio ON channel_settings ((settings->>'accountSid')) WHERE provider = 'twilio';
CREATE INDEX channel_settings_meta_phone ON channel_settings ((settings->>'phoneNumberId')) WHERE provider = 'meta';
CREATE INDEX channel_settings_meta_verify ON channel_settings ((settings->>'verifyTokenHash')) WHERE provider = 'meta';

-- Audit trail: every contact the compliance engine refused, with the blocking rules.
CREATE TABLE compliance_refusals (
  id              text PRIMARY KEY DEFAULT saldo_id('cref'),
  org_id          text NOT NULL REFERENCES organizations(id),
  account_id      text NOT NULL REFERENCES accounts(id),
  debtor_id       text NOT NULL REFERENCES debtors(id),
  channel         text NOT NULL,
  template_id     text NOT NULL,
  idempotency_key text NOT NULL,
  requested_by    text NOT NULL,
  rule_ids        text[] NOT NULL,
  reasons         jsonb NOT NULL,
  next_allowed_at timestamptz,
  at              timestamptz NOT NULL
);
CREATE INDEX compliance_refusals_account ON compliance_refusals (org_id, account_id, at);

-- Rendered call scripts, written before the call is placed so any process can answer Twilio.
CREATE TABLE voice_scripts (
  id         text PRIMARY KEY,
  org_id     text NOT NULL REFERENCES organizations(id),
  country    text NOT NULL,
  script     jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

-- Opt-in de-duplication of timeline entries: a writer that sets data.dedupKey appends at most one
-- entry per (debtor, key). The channel TimelineWriter sets 'inbound:<inboundId>', so an inbound
-- event reaches a debtor's timeline once even when processing is retried after a failure or a
-- crash between the timeline write and markProcessed.
CREATE UNIQUE INDEX timeline_dedup_key ON timeline_events (debtor_id, (data->>'dedupKey')) WHERE data ? 'dedupKey';
