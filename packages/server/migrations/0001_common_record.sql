-- Saldo common record: tenants, people, accounts and the append-only timeline.
-- Runs unchanged on PostgreSQL 15+ and PGlite. Ids are prefixed text (acct_…, dbt_…) so that a
-- stray id in a log says what it is; they are generated in SQL so bulk loads need no round trip.

CREATE OR REPLACE FUNCTION saldo_id(prefix text) RETURNS text LANGUAGE sql VOLATILE AS
$$ SELECT prefix || '_' || replace(gen_random_uuid()::text, '-', '') $$;

-- One row: the deployment's secret for HMACs of identity data and tokens, generated at first
-- start unless SALDO_SECRET_KEY is set. Losing it makes stored identity hashes unverifiable.
CREATE TABLE deployment (
  id         int PRIMARY KEY CHECK (id = 1),
  secret     text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE organizations (
  id              text PRIMARY KEY DEFAULT saldo_id('org'),
  slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name            text NOT NULL,
  default_country char(2),
  created_at      timestamptz NOT NULL
);

CREATE TABLE users (
  id            text PRIMARY KEY DEFAULT saldo_id('usr'),
  org_id        text NOT NULL REFERENCES organizations(id),
  email         text NOT NULL,
  name          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin','strategist','agent','compliance')),
  password_hash text NOT NULL,
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users(id),
  org_id      text NOT NULL REFERENCES organizations(id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);

CREATE TABLE api_keys (
  id           text PRIMARY KEY DEFAULT saldo_id('key'),
  org_id       text NOT NULL REFERENCES organizations(id),
  name         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('admin','strategist','agent','compliance')),
  key_prefix   text NOT NULL,
  key_hash     text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at   timestamptz
);

CREATE TABLE creditors (
  id         text PRIMARY KEY DEFAULT saldo_id('cred'),
  org_id     text NOT NULL REFERENCES organizations(id),
  name       text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (org_id, name)
);

-- A placement: the accounts one creditor handed over, with its currency and default rule country.
CREATE TABLE portfolios (
  id          text PRIMARY KEY DEFAULT saldo_id('pf'),
  org_id      text NOT NULL REFERENCES organizations(id),
  creditor_id text NOT NULL REFERENCES creditors(id),
  code        text NOT NULL,
  name        text NOT NULL,
  currency    char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  country     char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  placed_at   date,
  created_at  timestamptz NOT NULL,
  UNIQUE (org_id, code)
);

CREATE TABLE debtors (
  id                text PRIMARY KEY DEFAULT saldo_id('dbt'),
  org_id            text NOT NULL REFERENCES organizations(id),
  external_ref      text NOT NULL,
  first_name        text NOT NULL DEFAULT '',
  last_name         text NOT NULL,
  language          text NOT NULL CHECK (language IN ('es','en')),
  country           char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  region            text CHECK (region ~ '^[A-Z]{2}-[A-Z0-9]{1,3}$'),
  timezone          text NOT NULL,
  -- Identity-check data is never stored in clear: HMAC-SHA256 with a per-deployment secret.
  dob_hash          text,
  national_id_hash  text,
  vulnerabilities   text[] NOT NULL DEFAULT '{}',
  preferred_channel text CHECK (preferred_channel IN ('email','sms','whatsapp','call')),
  preferred_hours   jsonb,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  UNIQUE (org_id, external_ref)
);
CREATE INDEX debtors_org_country ON debtors (org_id, country);

CREATE TABLE contact_points (
  id          text PRIMARY KEY DEFAULT saldo_id('cp'),
  org_id      text NOT NULL REFERENCES organizations(id),
  debtor_id   text NOT NULL REFERENCES debtors(id),
  kind        text NOT NULL CHECK (kind IN ('phone','email','whatsapp')),
  value       text NOT NULL,
  line_type   text CHECK (line_type IN ('mobile','landline','voip','unknown')),
  verified_at timestamptz,
  bounced_at  timestamptz,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  UNIQUE (debtor_id, kind, value)
);
-- Inbound messages are matched to debtors by contact point.
CREATE INDEX contact_points_lookup ON contact_points (org_id, kind, value);

-- Consent / channel authorisation and opt-outs, per debtor and channel.
CREATE TABLE channel_consents (
  org_id         text NOT NULL REFERENCES organizations(id),
  debtor_id      text NOT NULL REFERENCES debtors(id),
  channel        text NOT NULL CHECK (channel IN ('call','voicebot','sms','whatsapp','email','letter')),
  state          text NOT NULL CHECK (state IN ('granted','denied','unknown')),
  source         text NOT NULL,
  recorded_at    timestamptz NOT NULL,
  opted_out_at   timestamptz,
  opt_out_source text,
  PRIMARY KEY (debtor_id, channel)
);

CREATE TABLE accounts (
  id               text PRIMARY KEY DEFAULT saldo_id('acct'),
  org_id           text NOT NULL REFERENCES organizations(id),
  portfolio_id     text NOT NULL REFERENCES portfolios(id),
  debtor_id        text NOT NULL REFERENCES debtors(id),
  external_ref     text NOT NULL,
  product          text NOT NULL DEFAULT 'unspecified',
  currency         char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  principal_minor  bigint NOT NULL CHECK (principal_minor >= 0),
  interest_minor   bigint NOT NULL DEFAULT 0 CHECK (interest_minor >= 0),
  fees_minor       bigint NOT NULL DEFAULT 0 CHECK (fees_minor >= 0),
  balance_minor    bigint NOT NULL CHECK (balance_minor >= 0),
  delinquent_since date,
  status           text NOT NULL CHECK (status IN ('active','promised','in_plan','disputed','paid','settled','closed','cease','bankrupt','deceased','legal')),
  tags             text[] NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  UNIQUE (org_id, external_ref)
);
CREATE INDEX accounts_debtor ON accounts (debtor_id);
CREATE INDEX accounts_org_status ON accounts (org_id, status, delinquent_since);

CREATE TABLE payments (
  id           text PRIMARY KEY DEFAULT saldo_id('pay'),
  org_id       text NOT NULL REFERENCES organizations(id),
  account_id   text NOT NULL REFERENCES accounts(id),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency     char(3) NOT NULL,
  paid_at      timestamptz NOT NULL,
  method       text,
  external_id  text,
  source       text NOT NULL,
  created_at   timestamptz NOT NULL
);
-- An external payment id is recorded once: a retried webhook or feed row is not a second payment.
CREATE UNIQUE INDEX payments_external ON payments (org_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX payments_account ON payments (account_id, paid_at);

CREATE TABLE promises (
  id           text PRIMARY KEY DEFAULT saldo_id('ptp'),
  org_id       text NOT NULL REFERENCES organizations(id),
  account_id   text NOT NULL REFERENCES accounts(id),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency     char(3) NOT NULL,
  due_date     date NOT NULL,
  status       text NOT NULL CHECK (status IN ('pending','kept','broken','cancelled')),
  channel      text,
  actor        text NOT NULL CHECK (actor IN ('system','bot','agent','debtor')),
  paid_minor   bigint NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL,
  resolved_at  timestamptz
);
CREATE INDEX promises_account ON promises (account_id, status, due_date);

CREATE TABLE payment_plans (
  id                 text PRIMARY KEY DEFAULT saldo_id('plan'),
  org_id             text NOT NULL REFERENCES organizations(id),
  account_id         text NOT NULL REFERENCES accounts(id),
  total_minor        bigint NOT NULL CHECK (total_minor > 0),
  currency           char(3) NOT NULL,
  status             text NOT NULL CHECK (status IN ('active','completed','broken','cancelled')),
  actor              text NOT NULL CHECK (actor IN ('system','bot','agent','debtor')),
  created_at         timestamptz NOT NULL
);

CREATE TABLE plan_installments (
  plan_id      text NOT NULL REFERENCES payment_plans(id),
  seq          int NOT NULL CHECK (seq >= 1),
  due_date     date NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  paid_minor   bigint NOT NULL DEFAULT 0,
  status       text NOT NULL CHECK (status IN ('pending','paid','late','missed')),
  PRIMARY KEY (plan_id, seq)
);

CREATE TABLE disputes (
  id          text PRIMARY KEY DEFAULT saldo_id('dsp'),
  org_id      text NOT NULL REFERENCES organizations(id),
  account_id  text NOT NULL REFERENCES accounts(id),
  reason      text NOT NULL,
  details     text,
  status      text NOT NULL CHECK (status IN ('open','verified','resolved','rejected')),
  channel     text,
  opened_at   timestamptz NOT NULL,
  resolved_at timestamptz
);

-- Every message, call, payment, promise, plan, dispute, note and status change. Append-only:
-- the trigger below refuses UPDATE and DELETE, so history cannot be rewritten.
CREATE TABLE timeline_events (
  seq         bigserial PRIMARY KEY,
  id          text NOT NULL UNIQUE DEFAULT saldo_id('evt'),
  org_id      text NOT NULL REFERENCES organizations(id),
  debtor_id   text NOT NULL REFERENCES debtors(id),
  account_id  text REFERENCES accounts(id),
  occurred_at timestamptz NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('message','call','payment','promise','plan','dispute','note','status_change','contact_change','import')),
  actor       text NOT NULL CHECK (actor IN ('system','bot','agent','debtor')),
  actor_id    text,
  channel     text CHECK (channel IN ('email','sms','whatsapp','call','voicebot','voicemail','letter','portal','api')),
  direction   text CHECK (direction IN ('outbound','inbound')),
  summary     text NOT NULL,
  data        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX timeline_account ON timeline_events (account_id, occurred_at, seq);
CREATE INDEX timeline_debtor ON timeline_events (debtor_id, occurred_at, seq);

CREATE OR REPLACE FUNCTION saldo_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'timeline_events is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER timeline_append_only BEFORE UPDATE OR DELETE ON timeline_events
  FOR EACH ROW EXECUTE FUNCTION saldo_append_only();

CREATE TABLE imports (
  id           text PRIMARY KEY DEFAULT saldo_id('imp'),
  org_id       text NOT NULL REFERENCES organizations(id),
  portfolio_id text NOT NULL REFERENCES portfolios(id),
  source_name  text NOT NULL,
  format       text NOT NULL CHECK (format IN ('csv','json')),
  mode         text NOT NULL CHECK (mode IN ('all_or_nothing','valid_rows')),
  status       text NOT NULL CHECK (status IN ('running','succeeded','failed')),
  total_rows   int NOT NULL DEFAULT 0,
  inserted     int NOT NULL DEFAULT 0,
  updated      int NOT NULL DEFAULT 0,
  unchanged    int NOT NULL DEFAULT 0,
  rejected     int NOT NULL DEFAULT 0,
  error        text,
  created_by   text,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz
);

CREATE TABLE import_errors (
  import_id text NOT NULL REFERENCES imports(id),
  row_no    int NOT NULL,
  field     text NOT NULL,
  message   text NOT NULL
);
CREATE INDEX import_errors_import ON import_errors (import_id, row_no);
