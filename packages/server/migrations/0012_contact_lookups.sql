-- Lookups on the send path. Every contact reads the debtor's last inbound WhatsApp message (the
-- 24-hour service window) by sender address; without this index that is a scan of every inbound
-- event of the organisation, which grows with each reply and status callback.
-- Runs unchanged on PostgreSQL 15+ and PGlite.
CREATE INDEX inbound_events_whatsapp_from ON inbound_events (org_id, (payload->>'from'), received_at)
  WHERE type = 'message' AND channel = 'whatsapp';
