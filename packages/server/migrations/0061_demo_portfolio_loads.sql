-- What the demo loader generated (modules/imports/usecases/load-demo-portfolio.ts): the generator's
-- inputs for each demo portfolio, written before its import. The record keeps dates of birth and
-- national ids only as HMACs, so the sandbox's simulated debtors learn who they are by generating the
-- same book again from these inputs (each value checked against the stored HMAC): the demo still
-- converses after a restart, and in a process other than the one that loaded it.
CREATE TABLE demo_portfolio_loads (
  seq            bigserial PRIMARY KEY,
  org_id         text NOT NULL REFERENCES organizations(id),
  portfolio_code text NOT NULL,
  country        text NOT NULL,
  -- generatePortfolio's options: same seed, debtors, reference date and country, same book.
  seed           bigint NOT NULL,
  debtors        int NOT NULL CHECK (debtors >= 0),
  as_of          date NOT NULL,
  loaded_at      timestamptz NOT NULL
);
CREATE INDEX demo_portfolio_loads_org ON demo_portfolio_loads (org_id, seq);
