-- The send intent's lease. An outbound message is written `queued` before its provider is called;
-- while `send_lease_until` is ahead, a process is (or may be) calling the provider, and a replay of
-- the key is a duplicate. Once it has passed with the row still `queued` and no provider id, the
-- sender died mid-send: the replay sends again under the same message id, which is the provider's
-- idempotency key. NULL (rows written before this column) counts as passed.
ALTER TABLE outbound_messages ADD COLUMN send_lease_until timestamptz;
