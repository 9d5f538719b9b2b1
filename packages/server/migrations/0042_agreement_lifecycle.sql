-- What happens to an agreement after it is written (core/src/record/agreement-payments.ts,
-- modules/record/adapters/write-payment.ts, sql-agreement-expiry-store.ts):
-- a payment pays a plan's instalments in order and a plan paid in full is `completed`; an
-- instalment unpaid past its due date plus the grace days is `missed` and breaks the plan;
-- payments towards an accepted settlement add up until it is paid (the account is `settled`), or
-- it `lapses` when its pay-by date plus the grace days passes; an offer nobody accepted `expires`.
-- A pause (a hardship option) holds the account's collection contact until a date.
-- Runs unchanged on PostgreSQL 15+ and PGlite.

-- The debtor's calendar date on which collection contact resumes (the send path refuses
-- contacts before it, except replies in the debtor's own conversation).
ALTER TABLE accounts ADD COLUMN collection_paused_until date;

ALTER TABLE payment_plans ADD COLUMN resolved_at timestamptz;
-- The sweep of missed instalments reads only what is still to be paid.
CREATE INDEX plan_installments_open_due ON plan_installments (due_date) WHERE status = 'pending';

-- Payments counted towards an accepted settlement, and the two ends it can now reach.
ALTER TABLE settlement_offers ADD COLUMN paid_minor bigint NOT NULL DEFAULT 0 CHECK (paid_minor >= 0);
ALTER TABLE settlement_offers DROP CONSTRAINT settlement_offers_status_check;
ALTER TABLE settlement_offers ADD CONSTRAINT settlement_offers_status_check
  CHECK (status IN ('pending_approval', 'open', 'accepted', 'settled', 'lapsed', 'expired', 'withdrawn'));
CREATE INDEX settlement_offers_live_expiry ON settlement_offers (expires_on)
  WHERE status IN ('pending_approval', 'open', 'accepted');
