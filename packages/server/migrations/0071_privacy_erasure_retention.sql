-- Erasure of a debtor's personal data on request or at the end of the retention period, what stays
-- to recognise them afterwards, and retention per organisation (modules/privacy, docs/privacy.md).
-- Runs unchanged on PostgreSQL 15+ and PGlite.

-- When the debtor's personal data was erased; the row stays (accounts, payments and the timeline's
-- facts point at it) with its personal columns scrubbed.
ALTER TABLE debtors ADD COLUMN erased_at timestamptz;

-- The fact of each erasure (no personal data): who, when, on what basis, what was done.
CREATE TABLE privacy_erasures (
  debtor_id  text PRIMARY KEY REFERENCES debtors(id),
  org_id     text NOT NULL REFERENCES organizations(id),
  erased_at  timestamptz NOT NULL,
  basis      text NOT NULL CHECK (basis IN ('request', 'retention')),
  actor_kind text NOT NULL CHECK (actor_kind IN ('api_key', 'session', 'cli', 'system')),
  actor_id   text NOT NULL,
  -- What the requester wrote (the DPO's reference, "Art. 17 request of 2026-11-20"): no personal data.
  reason     text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  -- Counts of what was scrubbed, deleted and kept.
  result     jsonb NOT NULL
);
CREATE INDEX privacy_erasures_org ON privacy_erasures (org_id, erased_at);

-- The addresses of erased debtors, as keyed hashes (HMAC-SHA256 of the normalised address under
-- a key derived from the root key), so that a later import or message from the same address is
-- recognised: an opt-out is never undone by erasure. `opted_out_channels`: channels the person had
-- opted out of (or withdrew consent for) when erased; the send path refuses them to this address.
CREATE TABLE privacy_suppressions (
  org_id             text NOT NULL REFERENCES organizations(id),
  address_hash       text NOT NULL,
  erased_debtor_id   text NOT NULL REFERENCES debtors(id),
  kind               text NOT NULL CHECK (kind IN ('phone', 'email', 'whatsapp')),
  opted_out_channels text[] NOT NULL,
  created_at         timestamptz NOT NULL,
  PRIMARY KEY (org_id, address_hash, erased_debtor_id)
);

-- Retention per organisation, versioned (append-only): the latest version is in force.
-- closed_account_days NULL: keep until erased on request.
CREATE TABLE privacy_retention_policies (
  org_id              text NOT NULL REFERENCES organizations(id),
  version             int NOT NULL CHECK (version >= 1),
  closed_account_days int CHECK (closed_account_days BETWEEN 30 AND 3650),
  updated_by          text NOT NULL,
  updated_at          timestamptz NOT NULL,
  PRIMARY KEY (org_id, version)
);
