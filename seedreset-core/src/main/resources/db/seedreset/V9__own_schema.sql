-- Adoption on an application's own schema (docs/DESIGN.md, "Your own schema").

-- How this database keeps its tenants, set by 'seedreset init' and read by every operation, so that a
-- command run without the settings cannot work on the wrong column. One row.
--   tenant_column      the column every tenant table holds the tenant's key in
--   tenant_tables      'schema.table' or 'schema.*' patterns; empty: every table with tenant_column
--   tenants_table      the application's own tenants table ('schema.table'), or NULL when
--                      platform.organizations is the tenants table (the reference platform)
--   tenants_key        its key column, whose values the tenant column holds
--   tenants_production its production flag: where the application keeps it, guarded there
--   tenants_slug, tenants_name  columns a new tenant's slug and name go to, or NULL
CREATE TABLE platform.tenancy (
    singleton          boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    tenant_column      text    NOT NULL DEFAULT 'org_id',
    tenant_tables      text[]  NOT NULL DEFAULT '{}',
    tenants_table      text,
    tenants_key        text,
    tenants_production text,
    tenants_slug       text,
    tenants_name       text,
    CONSTRAINT tenants_table_complete CHECK (tenants_table IS NULL OR (tenants_key IS NOT NULL AND tenants_production IS NOT NULL))
);
INSERT INTO platform.tenancy DEFAULT VALUES;

-- An organization's key in the application's tenant column: its own id on the reference platform,
-- the application's tenant key (a bigint, a text code, ...) as text otherwise. It never changes.
ALTER TABLE platform.organizations ADD COLUMN tenant_key text;
UPDATE platform.organizations SET tenant_key = id::text;
ALTER TABLE platform.organizations ALTER COLUMN tenant_key SET NOT NULL;
ALTER TABLE platform.organizations ADD CONSTRAINT organizations_tenant_key_unique UNIQUE (tenant_key);

-- The ledger records any key type: UUID, bigint, integer or text keys, as text. The view keeps its shape.
DROP VIEW platform.seed_rows;
ALTER TABLE platform.seed_row_sets ALTER COLUMN row_ids TYPE text[] USING row_ids::text[];
ALTER TABLE platform.seed_updates ALTER COLUMN row_id TYPE text USING row_id::text;
CREATE VIEW platform.seed_rows AS
    SELECT s.org_id, s.application_id, s.table_name, r.row_id
      FROM platform.seed_row_sets s CROSS JOIN LATERAL unnest(s.row_ids) AS r(row_id);
