-- Fewer writes per journey decision and per dispatched contact (measured: docs/benchmarks.md).
--
-- A claim only sets lease_owner/lease_until, which no index covers: with free room on the page,
-- Postgres updates the row in place (a HOT update, no new index entries). Freshly written pages
-- are full at the default fillfactor (100), so every claim also wrote three index entries.
ALTER TABLE journeys SET (fillfactor = 70);
-- Only pending contacts are looked up by account (cancelling what an exited journey queued).
-- Indexing every status gave each claim (pending → in_flight) and each mark (→ sent) one more
-- index entry to write.
DROP INDEX IF EXISTS outbox_account;
CREATE INDEX outbox_account_pending ON outbox (account_id) WHERE status = 'pending';
-- Every journey write that moves `next_run_at` (nearly all) adds an entry to each index of the
-- table. (org_id, strategy_id, version, status) served only version migrations and retargeting
-- on publish — rare administrative passes that page through the primary key just as well (one
-- pass over the table) — and cost a third of the index writes of every decision.
DROP INDEX IF EXISTS journeys_org_strategy;
