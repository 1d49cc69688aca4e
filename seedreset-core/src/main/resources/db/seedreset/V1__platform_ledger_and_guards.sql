-- The platform schema: organizations (tenants), the seed ledger, the audit trail,
-- and the data-level guards of the production boundary (DESIGN.md, level 2).
-- Tenant tables get their guard triggers from the engine (seedreset init), because
-- the engine discovers them from metadata; the functions they call live here.

-- The platform schema itself is created by Flyway (it keeps its history table there).

CREATE TABLE platform.organizations (
    id            uuid        PRIMARY KEY,
    slug          text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name          text        NOT NULL CHECK (length(trim(name)) > 0),
    kind          text        NOT NULL DEFAULT 'production' CHECK (kind IN ('production', 'demo', 'qa', 'sandbox')),
    -- Fail closed: an organization is production unless it was explicitly created otherwise.
    is_production boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT production_kind_is_production CHECK (kind <> 'production' OR is_production)
);

CREATE TABLE platform.seed_applications (
    id           uuid        PRIMARY KEY,
    org_id       uuid        NOT NULL REFERENCES platform.organizations (id),
    pack_id      text        NOT NULL,
    pack_version text        NOT NULL,
    mode         text        NOT NULL,
    parameters   jsonb       NOT NULL,
    seed         bigint      NOT NULL,
    anchor       timestamptz NOT NULL,
    actor        text        NOT NULL,
    applied_at   timestamptz NOT NULL,
    row_counts   jsonb       NOT NULL DEFAULT '{}',
    plan_hash    text        NOT NULL DEFAULT '',
    duration_ms  bigint      NOT NULL DEFAULT 0,
    -- Set when the application's rows are removed; the record itself is kept as history.
    removed_at   timestamptz,
    removed_by   text,
    removal      text CHECK (removal IN ('teardown', 'reset', 'replace'))
);
CREATE INDEX seed_applications_org_idx ON platform.seed_applications (org_id, applied_at);

-- The ledger: one row per row an application created. No foreign keys on purpose:
-- it is written in bulk next to every seeded row, and the engine is its only writer.
CREATE TABLE platform.seed_rows (
    org_id         uuid NOT NULL,
    application_id uuid NOT NULL,
    table_name     text NOT NULL,
    row_id         uuid NOT NULL,
    PRIMARY KEY (org_id, table_name, row_id)
);
CREATE INDEX seed_rows_application_idx ON platform.seed_rows (application_id, table_name);

-- Every attempt, refused and failed ones included, written in its own transaction.
CREATE TABLE platform.seed_audit (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at    timestamptz,
    actor          text        NOT NULL,
    operation      text        NOT NULL,
    -- The slug as given and the id if it resolved; no foreign key, so attempts on
    -- production organizations are recorded too (the audit is not the ledger).
    org_slug       text,
    org_id         uuid,
    pack_id        text,
    pack_version   text,
    application_id uuid,
    outcome        text        NOT NULL CHECK (outcome IN ('started', 'succeeded', 'unchanged', 'refused', 'failed')),
    message        text
);
CREATE INDEX seed_audit_org_idx ON platform.seed_audit (org_slug, started_at);

-- Level 2a: in seed context (the transaction-local setting seedreset.application_id),
-- no insert, update or delete may touch a production organization's rows.
-- Statement-level triggers with transition tables: one check per COPY, not per row.
CREATE FUNCTION platform.seed_context() RETURNS text
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('seedreset.application_id', true), '') $$;

CREATE FUNCTION platform.refuse_production_rows(table_name text, org_ids uuid[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    production_slug text;
BEGIN
    SELECT o.slug INTO production_slug
      FROM platform.organizations o
     WHERE o.id = ANY (org_ids) AND o.is_production
     LIMIT 1;
    IF production_slug IS NOT NULL THEN
        RAISE EXCEPTION 'organization ''%'' is a production organization: seed writes to % are refused by the database guard', production_slug, table_name
            USING ERRCODE = 'SR001';
    END IF;
END $$;

CREATE FUNCTION platform.guard_seed_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF platform.seed_context() IS NOT NULL THEN
        PERFORM platform.refuse_production_rows(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, ARRAY(SELECT DISTINCT org_id FROM new_rows));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION platform.guard_seed_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF platform.seed_context() IS NOT NULL THEN
        PERFORM platform.refuse_production_rows(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
            ARRAY(SELECT org_id FROM old_rows UNION SELECT org_id FROM new_rows));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION platform.guard_seed_delete() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF platform.seed_context() IS NOT NULL THEN
        PERFORM platform.refuse_production_rows(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, ARRAY(SELECT DISTINCT org_id FROM old_rows));
    END IF;
    RETURN NULL;
END $$;

-- Level 2b: no ledger row may point at a production organization, in any context.
CREATE FUNCTION platform.guard_ledger() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    production_slug text;
BEGIN
    SELECT o.slug INTO production_slug
      FROM (SELECT DISTINCT org_id FROM new_rows) r
      JOIN platform.organizations o ON o.id = r.org_id
     WHERE o.is_production
     LIMIT 1;
    IF production_slug IS NOT NULL THEN
        RAISE EXCEPTION 'organization ''%'' is a production organization: % may not point at it', production_slug, TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME
            USING ERRCODE = 'SR002';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER seedreset_ledger_guard_insert AFTER INSERT ON platform.seed_rows
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_ledger();
CREATE TRIGGER seedreset_ledger_guard_update AFTER UPDATE ON platform.seed_rows
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_ledger();
CREATE TRIGGER seedreset_ledger_guard_insert AFTER INSERT ON platform.seed_applications
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_ledger();
CREATE TRIGGER seedreset_ledger_guard_update AFTER UPDATE ON platform.seed_applications
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_ledger();

-- Level 2c: the production flag only ever moves towards safety, and only when it is true.
CREATE FUNCTION platform.guard_production_flag() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.is_production AND NOT NEW.is_production THEN
        RAISE EXCEPTION 'organization ''%'' is a production organization: is_production can never be turned off', OLD.slug
            USING ERRCODE = 'SR003';
    END IF;
    -- Records of applications already torn down stay as history (like the audit); an
    -- organization that holds no seeded rows and no active application may become production.
    IF NOT OLD.is_production AND NEW.is_production
       AND (EXISTS (SELECT 1 FROM platform.seed_rows WHERE org_id = OLD.id)
            OR EXISTS (SELECT 1 FROM platform.seed_applications WHERE org_id = OLD.id AND removed_at IS NULL)) THEN
        RAISE EXCEPTION 'organization ''%'' still holds seeded rows: tear them down before marking it production', OLD.slug
            USING ERRCODE = 'SR003';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER seedreset_guard_flag BEFORE UPDATE ON platform.organizations
    FOR EACH ROW EXECUTE FUNCTION platform.guard_production_flag();
