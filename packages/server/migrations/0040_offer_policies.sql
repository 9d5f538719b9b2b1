-- Offer policies (ADR 0009): what may be offered to a debtor — promise dates, plans, settlement
-- floors, hardship options — per organisation and, optionally, per portfolio. Append-only
-- versions: a change is a new row with who made it and when; the policy in force is the latest
-- version of the portfolio's, else of the organisation's, else the built-in default
-- (`defaultOfferPolicy`). Validated before it is stored (modules/offers/usecases/offer-policies.ts).
-- Runs unchanged on PostgreSQL 15+ and PGlite.
CREATE TABLE offer_policies (
  id           text PRIMARY KEY DEFAULT saldo_id('ofp'),
  org_id       text NOT NULL REFERENCES organizations(id),
  -- NULL: the organisation's policy; else the policy of this portfolio (of the same organisation).
  portfolio_id text REFERENCES portfolios(id),
  version      int NOT NULL CHECK (version >= 1),
  policy       jsonb NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL
);
-- One version number per scope: two concurrent saves cannot both become version n.
CREATE UNIQUE INDEX offer_policies_version ON offer_policies (org_id, (COALESCE(portfolio_id, '')), version);

CREATE OR REPLACE FUNCTION offer_policies_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'offer_policies is append-only (% refused): save a new version', TG_OP;
END $$;
CREATE TRIGGER offer_policies_append_only BEFORE UPDATE OR DELETE ON offer_policies
  FOR EACH ROW EXECUTE FUNCTION offer_policies_append_only();
