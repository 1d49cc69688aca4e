-- The data-level guards of the production boundary (DESIGN.md, level 2). Not a migration:
-- 'seedreset init' runs this file every time, so it also repairs guards someone dropped,
-- disabled or rewrote, and Guards.verify compares the installed functions with this text
-- before every mutating operation. Tenant tables get their triggers from Guards.install,
-- which discovers them from metadata.
-- search_path is pinned so that no object in another schema can stand in for pg_catalog's.

-- In seed context (the transaction-local setting seedreset.application_id), no insert,
-- update, delete or truncate may touch a production organization's rows, nor rows of an
-- organization that does not exist (fail closed for schemas without a foreign key to it).
-- Statement-level triggers with transition tables: one check per COPY, not one per row.
CREATE OR REPLACE FUNCTION platform.seed_context() RETURNS text
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
    AS $$ SELECT nullif(current_setting('seedreset.application_id', true), '') $$;

CREATE OR REPLACE FUNCTION platform.refuse_production_rows(table_name text, org_ids uuid[], errcode text, verb text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    refused text;
BEGIN
    SELECT coalesce('''' || o.slug || ''' is a production organization', 'id ' || r.org_id || ' is no organization')
      INTO refused
      FROM unnest(org_ids) AS r(org_id)
      LEFT JOIN platform.organizations o ON o.id = r.org_id
     WHERE o.id IS NULL OR o.is_production
     LIMIT 1;
    IF refused IS NOT NULL THEN
        RAISE EXCEPTION 'organization %: % % refused by the database guard', refused, verb, table_name
            USING ERRCODE = errcode;
    END IF;
END $$;

CREATE OR REPLACE FUNCTION platform.guard_seed_insert() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF platform.seed_context() IS NOT NULL THEN
        PERFORM platform.refuse_production_rows(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
            ARRAY(SELECT DISTINCT org_id FROM new_rows), 'SR001', 'seed writes to');
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION platform.guard_seed_update() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF platform.seed_context() IS NOT NULL THEN
        PERFORM platform.refuse_production_rows(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
            ARRAY(SELECT org_id FROM old_rows UNION SELECT org_id FROM new_rows), 'SR001', 'seed writes to');
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION platform.guard_seed_delete() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF platform.seed_context() IS NOT NULL THEN
        PERFORM platform.refuse_production_rows(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
            ARRAY(SELECT DISTINCT org_id FROM old_rows), 'SR001', 'seed writes to');
    END IF;
    RETURN NULL;
END $$;

-- TRUNCATE has no rows to look at and wipes every tenant: never in seed context.
CREATE OR REPLACE FUNCTION platform.guard_seed_truncate() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF platform.seed_context() IS NOT NULL THEN
        RAISE EXCEPTION 'TRUNCATE of %.% in seed context would reach every organization: refused by the database guard',
            TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'SR001';
    END IF;
    RETURN NULL;
END $$;

-- No ledger row may point at a production organization (or at none), in any context.
CREATE OR REPLACE FUNCTION platform.guard_ledger() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM platform.refuse_production_rows(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
        ARRAY(SELECT DISTINCT org_id FROM new_rows), 'SR002', 'ledger rows in');
    RETURN NULL;
END $$;

-- The production flag only moves towards safety, and a production organization stays.
-- Records of applications already torn down stay as history (like the audit): an
-- organization with no seeded rows and no active application may become production.
CREATE OR REPLACE FUNCTION platform.guard_production_flag() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.is_production THEN
            RAISE EXCEPTION 'organization ''%'' is a production organization: it cannot be deleted here', OLD.slug
                USING ERRCODE = 'SR003';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.is_production AND NOT NEW.is_production THEN
        RAISE EXCEPTION 'organization ''%'' is a production organization: is_production can never be turned off', OLD.slug
            USING ERRCODE = 'SR003';
    END IF;
    IF OLD.id <> NEW.id THEN
        RAISE EXCEPTION 'organization ''%'': its id never changes', OLD.slug USING ERRCODE = 'SR003';
    END IF;
    IF NOT OLD.is_production AND NEW.is_production
       AND (EXISTS (SELECT 1 FROM platform.seed_row_sets WHERE org_id = OLD.id)
            OR EXISTS (SELECT 1 FROM platform.seed_applications WHERE org_id = OLD.id AND removed_at IS NULL)) THEN
        RAISE EXCEPTION 'organization ''%'' still holds seeded rows: tear them down before marking it production', OLD.slug
            USING ERRCODE = 'SR003';
    END IF;
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS seedreset_guard_flag ON platform.organizations;
CREATE TRIGGER seedreset_guard_flag BEFORE UPDATE OR DELETE ON platform.organizations
    FOR EACH ROW EXECUTE FUNCTION platform.guard_production_flag();

DROP TRIGGER IF EXISTS seedreset_ledger_guard_insert ON platform.seed_row_sets;
CREATE TRIGGER seedreset_ledger_guard_insert AFTER INSERT ON platform.seed_row_sets
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_ledger();
DROP TRIGGER IF EXISTS seedreset_ledger_guard_update ON platform.seed_row_sets;
CREATE TRIGGER seedreset_ledger_guard_update AFTER UPDATE ON platform.seed_row_sets
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_ledger();
DROP TRIGGER IF EXISTS seedreset_ledger_guard_insert ON platform.seed_updates;
CREATE TRIGGER seedreset_ledger_guard_insert AFTER INSERT ON platform.seed_updates
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_ledger();
DROP TRIGGER IF EXISTS seedreset_ledger_guard_update ON platform.seed_updates;
CREATE TRIGGER seedreset_ledger_guard_update AFTER UPDATE ON platform.seed_updates
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_ledger();
DROP TRIGGER IF EXISTS seedreset_ledger_guard_insert ON platform.seed_applications;
CREATE TRIGGER seedreset_ledger_guard_insert AFTER INSERT ON platform.seed_applications
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_ledger();
DROP TRIGGER IF EXISTS seedreset_ledger_guard_update ON platform.seed_applications;
CREATE TRIGGER seedreset_ledger_guard_update AFTER UPDATE ON platform.seed_applications
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_ledger();
