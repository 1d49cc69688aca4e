-- The change log of the organizations the JUnit extension tracks: a trigger on every tenant table records each row a
-- tracked organization's tests insert (the row, for its key), update or delete (its before-image), whatever
-- connection wrote it, so the restore after each test changes back exactly those rows.
-- The columns are named "organization", never org_id: the engine takes every table with an org_id column for a
-- tenant table, and these are not.
CREATE SCHEMA IF NOT EXISTS seedreset_junit;

CREATE TABLE IF NOT EXISTS seedreset_junit.tracked (
    organization uuid PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS seedreset_junit.changes (
    seq          bigserial PRIMARY KEY,
    organization uuid     NOT NULL,
    table_oid    oid      NOT NULL,
    operation    text     NOT NULL,
    image        jsonb    NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_organization_idx ON seedreset_junit.changes (organization, seq);

CREATE OR REPLACE FUNCTION seedreset_junit.record_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    changed_org uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.org_id ELSE OLD.org_id END;
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
    IF TG_OP = 'UPDATE' AND NEW.org_id IS DISTINCT FROM OLD.org_id
       AND EXISTS (SELECT 1 FROM seedreset_junit.tracked t WHERE t.organization = NEW.org_id) THEN
        INSERT INTO seedreset_junit.changes (organization, table_oid, operation, image)
        VALUES (NEW.org_id, TG_RELID, 'INSERT', to_jsonb(NEW));
    END IF;
    RETURN NULL;
END $$;
