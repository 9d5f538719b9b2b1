-- A provider identity belongs to one organisation. Webhooks find their organisation by the identity
-- in the request (Twilio AccountSid, Meta phone_number_id) and check the signature with that
-- organisation's secret: if two organisations could save one identity, the lookup would pick one of
-- them and the other's signed inbound messages, delivery statuses and opt-outs would be refused.
-- Unique indexes make the rule hold under concurrent saves; the use case answers 409 before that.
--
-- A database that already holds a shared identity cannot be upgraded silently: which organisation
-- owns it is the operator's call. The migration stops and names the rows to look at.
-- Runs unchanged on PostgreSQL 15+ and PGlite.
DO $$
DECLARE
  shared text;
BEGIN
  SELECT string_agg(format('%s %s (organisations %s)', provider, identity, orgs), '; ')
    INTO shared
    FROM (
      SELECT provider,
             CASE provider WHEN 'twilio' THEN settings->>'accountSid' ELSE settings->>'phoneNumberId' END AS identity,
             string_agg(org_id, ', ' ORDER BY updated_at) AS orgs
        FROM channel_settings
       WHERE provider IN ('twilio', 'meta')
       GROUP BY 1, 2
      HAVING count(*) > 1
    ) d;
  IF shared IS NOT NULL THEN
    RAISE EXCEPTION 'provider identities saved by more than one organisation: %. A provider account must belong to one organisation: keep the owner''s row and remove the others (DELETE FROM channel_settings WHERE org_id = ''…'' AND provider = ''…''), then start Saldo again.', shared;
  END IF;
END $$;

DROP INDEX channel_settings_twilio;
DROP INDEX channel_settings_meta_phone;
CREATE UNIQUE INDEX channel_settings_twilio_owner ON channel_settings ((settings->>'accountSid')) WHERE provider = 'twilio';
CREATE UNIQUE INDEX channel_settings_meta_phone_owner ON channel_settings ((settings->>'phoneNumberId')) WHERE provider = 'meta';
