-- Payment plans with their instalment schedule, and settlement offers: written only through the
-- offer gate (ADR 0009, modules/record/adapters/sql-agreement-store.ts), each with its timeline
-- event. `payment_plans` and `plan_installments` exist since 0001; a plan now also records its
-- frequency and the channel it was agreed on. Runs unchanged on PostgreSQL 15+ and PGlite.
ALTER TABLE payment_plans
  ADD COLUMN frequency text NOT NULL DEFAULT 'monthly' CHECK (frequency IN ('weekly', 'fortnightly', 'monthly')),
  ADD COLUMN channel text;
ALTER TABLE payment_plans ALTER COLUMN frequency DROP DEFAULT;
CREATE INDEX payment_plans_account ON payment_plans (account_id, status);

-- A settlement offer: the amount that settles the account if paid by `expires_on` (the debtor's
-- calendar date). Below the policy's approval share it waits for a person (`pending_approval`);
-- accepted, it is the settlement agreed.
CREATE TABLE settlement_offers (
  id             text PRIMARY KEY DEFAULT saldo_id('stl'),
  org_id         text NOT NULL REFERENCES organizations(id),
  account_id     text NOT NULL REFERENCES accounts(id),
  amount_minor   bigint NOT NULL CHECK (amount_minor > 0),
  balance_minor  bigint NOT NULL CHECK (balance_minor >= amount_minor),
  currency       char(3) NOT NULL,
  expires_on     date NOT NULL,
  needs_approval boolean NOT NULL,
  status         text NOT NULL CHECK (status IN ('pending_approval', 'open', 'accepted', 'expired', 'withdrawn')),
  channel        text,
  actor          text NOT NULL CHECK (actor IN ('system', 'bot', 'agent', 'debtor')),
  created_at     timestamptz NOT NULL,
  resolved_at    timestamptz
);
CREATE INDEX settlement_offers_account ON settlement_offers (account_id, status);

-- The timeline gains the kind `settlement`. The new check is looser than the old one, so every
-- stored row satisfies it: NOT VALID skips re-reading the (large, append-only) table.
ALTER TABLE timeline_events DROP CONSTRAINT timeline_events_kind_check;
ALTER TABLE timeline_events ADD CONSTRAINT timeline_events_kind_check CHECK (kind IN ('message', 'call', 'payment', 'promise', 'plan', 'settlement', 'dispute', 'note', 'status_change', 'contact_change', 'import')) NOT VALID;
