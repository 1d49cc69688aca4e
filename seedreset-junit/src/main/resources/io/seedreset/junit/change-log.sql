-- The change log of the organizations the JUnit extension tracks: a trigger on every tenant table records each row a
-- tracked organization's tests insert (the row, for its key), update or delete (its before-image), whatever
-- connection wrote it, so the restore after each test changes back exactly those rows.
-- An organization is its tenant key as text (platform.organizations.tenant_key), whatever the tenant column's type.
-- The columns are named "organization", never org_id: the engine takes every table with the tenant column for a
-- tenant table, and these are not. {{tenant_column}} is the database's tenant column (platform.tenancy), written
-- in by ChangeLog before this runs.
CREATE SCHEMA IF NOT EXISTS seedreset_junit;

CREATE TABLE IF NOT EXISTS seedreset_junit.tracked (
    organization text PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS seedreset_junit.changes (
    seq          bigserial PRIMARY KEY,
    organization text     NOT NULL,
    table_oid    oid      NOT NULL,
    operation    text     NOT NULL,
    image        jsonb    NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_organization_idx ON seedreset_junit.changes (organization, seq);

CREATE OR REPLACE FUNCTION seedreset_junit.record_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    changed_org text := CASE WHEN TG_OP = 'INSERT' THEN NEW.{{tenant_column}}::text ELSE OLD.{{tenant_column}}::text END;
BEGIN
    -- The restore's own writes put rows back; they are no change to undo.
    IF coalesce(current_setting('seedreset_junit.restoring', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    IF EXISTS (SELECT 1 FROM seedreset_junit.tracked t WHERE t.organization = changed_org) THEN
        INSERT INTO seedreset_junit.changes (organization, table_oid, operation, image)
        VALUES (changed_org, TG_RELID, TG_OP, to_jsonb(CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END));
    END IF;
    -- A row that moves to a tracked organization is a row that organization gains.
    IF TG_OP = 'UPDATE' AND NEW.{{tenant_column}} IS DISTINCT FROM OLD.{{tenant_column}}
       AND EXISTS (SELECT 1 FROM seedreset_junit.tracked t WHERE t.organization = NEW.{{tenant_column}}::text) THEN
        INSERT INTO seedreset_junit.changes (organization, table_oid, operation, image)
        VALUES (NEW.{{tenant_column}}::text, TG_RELID, 'INSERT', to_jsonb(NEW));
    END IF;
    RETURN NULL;
END $$;
