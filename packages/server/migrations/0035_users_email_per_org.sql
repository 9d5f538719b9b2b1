-- Emails are unique within an organisation, not across the deployment. A global unique index made
-- "create user" in one tenant answer "taken" for an address that exists in another tenant, which
-- told every tenant admin who uses Saldo elsewhere. Login looks users up by email (the second index)
-- and, when the same address exists in several organisations, by the password it opens or the
-- organisation slug the caller gives.
DROP INDEX users_email_key;
CREATE UNIQUE INDEX users_org_email_key ON users (org_id, lower(email));
CREATE INDEX users_email_idx ON users (lower(email));
