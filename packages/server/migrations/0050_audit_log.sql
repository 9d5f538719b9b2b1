-- The audit trail: every change a person or an API key makes, append-only and hash-chained per
-- organisation (each entry carries the hash of the one before it), so that `saldo audit verify`
-- detects an edited, deleted or inserted entry. Times come from the application's clock.

CREATE TABLE audit_log (
  org_id      text NOT NULL,
  seq         bigint NOT NULL CHECK (seq >= 1),
  at          timestamptz NOT NULL,
  actor_kind  text NOT NULL CHECK (actor_kind IN ('api_key','session','cli','system')),
  actor_id    text NOT NULL,
  actor_role  text,
  action      text NOT NULL,
  target      text NOT NULL,
  outcome     text NOT NULL,
  -- Canonical JSON (sorted keys) of what was asked, redacted: hashed exactly as stored.
  detail      text NOT NULL,
  prev_hash   text NOT NULL,
  hash        text NOT NULL,
  PRIMARY KEY (org_id, seq)
);
CREATE INDEX audit_log_at ON audit_log (org_id, at);

-- The newest entry of each organisation's chain: appends lock this row, so entries are numbered
-- without gaps even when several API processes write at once.
CREATE TABLE audit_heads (
  org_id  text PRIMARY KEY,
  seq     bigint NOT NULL,
  hash    text NOT NULL
);

CREATE OR REPLACE FUNCTION saldo_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION saldo_audit_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION saldo_audit_append_only();
