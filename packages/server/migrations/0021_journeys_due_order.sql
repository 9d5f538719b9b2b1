-- Workers claim due journeys `ORDER BY next_run_at, account_id LIMIT n`. An index on next_run_at
-- alone makes that a sort of every due row once the planner has statistics (a freshly enrolled
-- book is due all at once): each claim then reads the whole book. With account_id in the index
-- the claim reads only the rows it takes.
DROP INDEX IF EXISTS journeys_due;
CREATE INDEX journeys_due ON journeys (next_run_at, account_id) WHERE next_run_at IS NOT NULL;
