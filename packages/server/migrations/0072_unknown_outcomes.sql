-- Messages whose provider call ended with no answer (ADR 0011: `outcome_unknown`), waiting for a
-- person to say whether they reached the debtor: found without a scan of every message.
CREATE INDEX outbound_messages_unknown_outcome ON outbound_messages (org_id, id)
  WHERE status = 'failed' AND error LIKE 'outcome_unknown%';
