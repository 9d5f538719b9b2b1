-- A version counter per organisation's provider settings, bumped in the same statement as every
-- change to channel_settings (insert, update or delete). Processes that cache an organisation's
-- providers (API, workers) re-read this one row every few seconds and rebuild on a change, so a
-- settings change made through one process reaches the others within a bounded time. A counter,
-- not max(updated_at): a delete leaves no timestamp behind, and two changes may share an instant.
-- Runs unchanged on PostgreSQL 15+ and PGlite.
CREATE TABLE channel_settings_versions (
  org_id     text PRIMARY KEY REFERENCES organizations(id),
  version    bigint NOT NULL CHECK (version >= 1),
  changed_at timestamptz NOT NULL
);
