-- Data protection (ADR 0010, docs/privacy.md): per-debtor data keys, the personal part of the
-- append-only timeline sealed under them, and erasure by destroying the key (crypto-shredding).
-- Runs unchanged on PostgreSQL 15+ and PGlite.

-- One random 256-bit key per debtor, sealed (AES-256-GCM) with the deployment's root key by the
-- application (shared/crypto/debtor-vault.ts). Erasure sets sealed_key to NULL and records when:
-- every ciphertext made with the key is unreadable from then on. `saldo secrets rotate` re-seals
-- the live keys with the new root key.
CREATE TABLE debtor_keys (
  debtor_id   text PRIMARY KEY REFERENCES debtors(id),
  org_id      text NOT NULL REFERENCES organizations(id),
  sealed_key  text,
  created_at  timestamptz NOT NULL,
  shredded_at timestamptz,
  CHECK ((sealed_key IS NULL) = (shredded_at IS NOT NULL))
);

-- The personal part of a timeline entry (message texts, addresses, what was said on a call, free
-- notes), sealed under the debtor's key as `p1:` + base64; NULL when the entry has none. The clear
-- columns keep only non-personal facts (kind, actor, channel, direction, amounts, dates, statuses,
-- ids, template ids, rule codes).
ALTER TABLE timeline_events ADD COLUMN personal text;

-- The fact of an erasure is itself an entry (kind `privacy`, no personal part). The new check is
-- looser than the old one, so NOT VALID skips re-reading the table.
ALTER TABLE timeline_events DROP CONSTRAINT timeline_events_kind_check;
ALTER TABLE timeline_events ADD CONSTRAINT timeline_events_kind_check CHECK (kind IN ('message', 'call', 'payment', 'promise', 'plan', 'settlement', 'dispute', 'note', 'status_change', 'contact_change', 'import', 'privacy')) NOT VALID;

-- Entries written before this migration hold their personal part in clear (summary, data) and no
-- key can seal them without rewriting history. The last such seq is recorded here: those rows, and
-- only those, may be scrubbed when their debtor is erased (the trigger below).
CREATE TABLE privacy_legacy_timeline (
  id       int PRIMARY KEY CHECK (id = 1),
  last_seq bigint NOT NULL
);
INSERT INTO privacy_legacy_timeline (id, last_seq) SELECT 1, COALESCE(max(seq), 0) FROM timeline_events;

-- The timeline stays append-only. One exception, for erasure only: inside the erasing transaction
-- (which sets the transaction-local `saldo.erasing_debtor` to the debtor's id), a row of that
-- debtor written before this migration may have its summary replaced by the fixed marker and keys
-- removed from its data — never added or changed (`OLD.data @> NEW.data`) — and nothing else.
-- Rows written since (whose personal part is sealed) can never be updated, and nothing is deleted.
CREATE OR REPLACE FUNCTION saldo_timeline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('saldo.erasing_debtor', true) = OLD.debtor_id
     AND OLD.seq <= (SELECT last_seq FROM privacy_legacy_timeline WHERE id = 1)
     AND (NEW.seq, NEW.id, NEW.org_id, NEW.debtor_id, NEW.occurred_at, NEW.kind, NEW.actor)
         = (OLD.seq, OLD.id, OLD.org_id, OLD.debtor_id, OLD.occurred_at, OLD.kind, OLD.actor)
     AND (NEW.account_id, NEW.actor_id, NEW.channel, NEW.direction)
         IS NOT DISTINCT FROM (OLD.account_id, OLD.actor_id, OLD.channel, OLD.direction)
     AND NEW.personal IS NULL AND OLD.personal IS NULL
     AND NEW.summary = '[erased]'
     AND OLD.data @> NEW.data
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'timeline_events is append-only (% refused)', TG_OP;
END $$;
DROP TRIGGER timeline_append_only ON timeline_events;
CREATE TRIGGER timeline_append_only BEFORE UPDATE OR DELETE ON timeline_events
  FOR EACH ROW EXECUTE FUNCTION saldo_timeline_append_only();
