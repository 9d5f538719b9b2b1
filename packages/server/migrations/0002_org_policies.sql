-- An organization's own compliance policy layer (quiet hours, weekly caps…), stacked on the law
-- packs; evaluation is "strictest wins", so a policy can only tighten. Validated and compiled
-- before it is stored (usecases/compliance-policy.ts).
CREATE TABLE org_compliance_policies (
  org_id     text PRIMARY KEY REFERENCES organizations(id),
  policy     jsonb NOT NULL,
  updated_by text,
  updated_at timestamptz NOT NULL
);
