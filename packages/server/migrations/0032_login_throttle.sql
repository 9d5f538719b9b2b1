-- Password guessing limits, kept in the database so that every API process counts the same
-- attempts (an attacker spreading guesses over several processes gains nothing). Times come from
-- the application's clock, never from now(). Runs unchanged on PostgreSQL 15+ and PGlite.

-- Consecutive failed logins per account: the user's id when the email is known, else a SHA-256 of
-- the normalised email (unknown emails are throttled the same way, and no typed text is stored).
-- blocked_until: the exponential back-off; locked_at: set after too many failures, cleared only by
-- an administrator's unlock or a successful login after it (which the lock prevents).
CREATE TABLE login_failures (
  account_key     text PRIMARY KEY,
  failures        int NOT NULL CHECK (failures >= 0),
  blocked_until   timestamptz,
  locked_at       timestamptz,
  last_failure_at timestamptz NOT NULL
);
CREATE INDEX login_failures_prune ON login_failures (last_failure_at) WHERE locked_at IS NULL;

-- A token bucket per client address: each failed login takes a token, tokens refill over time.
CREATE TABLE login_ip_buckets (
  ip          text PRIMARY KEY,
  tokens      double precision NOT NULL,
  refilled_at timestamptz NOT NULL
);
CREATE INDEX login_ip_buckets_prune ON login_ip_buckets (refilled_at);
