-- The root secret key leaves the database: it sealed the provider secrets stored beside it, so
-- one stolen database dump held both. The key now lives in the environment (SALDO_SECRET_KEY) or in
-- a 0600 key file beside the data directory; at the first start after this migration an existing
-- key is written to that file and `secret` is cleared.
--
-- What stays is a fingerprint of the key in use (HMAC-SHA256 of a fixed label, 16 hex digits):
-- it tells a wrong or missing key apart from a new deployment, so Saldo refuses to start rather
-- than seal new data with a key that cannot open the old. Runs unchanged on PostgreSQL 15+ and PGlite.
ALTER TABLE deployment ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE deployment ADD COLUMN key_fingerprint text;
