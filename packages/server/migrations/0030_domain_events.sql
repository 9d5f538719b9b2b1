-- Domain events: the one path by which facts (a reply, an open, an opt-out, a payment, a promise, a
-- status change) reach the strategy engine. Each row is written in the same transaction as the
-- fact it describes (a transactional outbox), so a committed fact always has its event and a rolled
-- back one never does. The worker role claims unprocessed rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE domain_events (
  seq             bigserial PRIMARY KEY,
  org_id          text NOT NULL,
  type            text NOT NULL,
  -- Writing is idempotent where a fact can be recorded twice (an inbound event processed again
  -- after a crash): the second row with the same key is skipped. NULL: written once by construction.
  event_key       text,
  payload         jsonb NOT NULL,
  recorded_at     timestamptz NOT NULL,
  processed_at    timestamptz,
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  lease_owner     text,
  lease_until     timestamptz,
  last_error      text,
  UNIQUE (org_id, event_key)
);
-- The consumer's queue: unprocessed events in commit-independent sequence order.
CREATE INDEX domain_events_pending ON domain_events (seq) WHERE processed_at IS NULL;

-- Payments and promises recorded since the last poll of the feeds this table replaces (the same
-- five-minute overlap the poll used): they still reach their journeys, and the journey inbox
-- de-duplicates any the poll had already applied.
INSERT INTO domain_events (org_id, type, event_key, payload, recorded_at)
SELECT p.org_id, 'payment.recorded', 'payment:' || p.id,
       jsonb_build_object('type', 'payment.recorded', 'orgId', p.org_id, 'accountId', p.account_id,
         'debtorId', a.debtor_id, 'paymentId', p.id, 'amountMinor', p.amount_minor, 'currency', p.currency,
         'balanceAfterMinor', a.balance_minor, 'paidAt', p.paid_at),
       p.created_at
  FROM payments p JOIN accounts a ON a.id = p.account_id
 WHERE p.created_at >= coalesce((SELECT watermark - interval '5 minutes' FROM journey_feeds WHERE name = 'payments'), '-infinity')
 ORDER BY p.created_at, p.id;
INSERT INTO domain_events (org_id, type, event_key, payload, recorded_at)
SELECT p.org_id, 'promise.made', 'promise:' || p.id || ':made',
       jsonb_build_object('type', 'promise.made', 'orgId', p.org_id, 'accountId', p.account_id,
         'debtorId', a.debtor_id, 'promiseId', p.id, 'amountMinor', p.amount_minor, 'currency', p.currency,
         'dueDate', p.due_date::text, 'channel', p.channel, 'actor', p.actor),
       p.created_at
  FROM promises p JOIN accounts a ON a.id = p.account_id
 WHERE p.created_at >= coalesce((SELECT watermark - interval '5 minutes' FROM journey_feeds WHERE name = 'promises'), '-infinity')
 ORDER BY p.created_at, p.id;

DROP TABLE journey_feeds;
