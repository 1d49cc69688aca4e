-- The data-level guards of the production boundary (docs/DESIGN.md, level 2): the functions.
-- Not a migration: 'seedreset init' runs this file every time, so it also repairs functions
-- someone rewrote, and Guards.verify compares each installed function's whole definition
-- (arguments, result, language, volatility, security, settings, body) with this text before
-- every mutating operation. The triggers that call them are declared in Guards.java.
-- search_path is pinned so that no object in another schema can stand in for pg_catalog's.
-- Every header keeps one form, which Guards.java reads:
--   CREATE OR REPLACE FUNCTION platform.NAME(ARGUMENTS) RETURNS TYPE
--       LANGUAGE L [STABLE] [SECURITY DEFINER] [SET search_path = pg_catalog, pg_temp] AS $$
-- {{tenant_column}} stands for the tenant column init was given (platform.tenancy, org_id by default):
-- Guards.java writes it in before installing and before comparing. Tenants are named by their key in
-- that column, as text (platform.organizations.tenant_key), whatever its type; ledger row ids are text.

-- In seed context (the transaction-local setting seedreset.application_id), no insert,
-- update, delete or truncate may touch a production organization's rows, nor rows of an
-- organization that does not exist (fail closed for schemas without a foreign key to it).
-- One AFTER row trigger per tenant table, with no WHEN clause and no transition tables: it sees
-- each row as written, after every BEFORE trigger of the application; PostgreSQL parses a WHEN
-- clause again for every statement (even the shortest test of the setting cost more than the
-- function's own test) and copies every row into a transition table. Outside seed context
-- guard_seed_row tests one expression and returns. In seed context a row of the organization
-- the engine declared (seedreset.org_id, locked and checked) passes after one comparison, the
-- declared organization itself is checked once per transaction, and a row of any other
-- organization is checked on its own.
CREATE OR REPLACE FUNCTION platform.refuse_production_rows(table_name text, tenant_keys text[], errcode text, verb text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    refused text;
BEGIN
    SELECT coalesce('''' || o.slug || ''' is a production organization', 'tenant ' || coalesce(r.tenant_key, 'NULL') || ' is no organization')
      INTO refused
      FROM unnest(tenant_keys) AS r(tenant_key)
      LEFT JOIN platform.organizations o ON o.tenant_key = r.tenant_key
     WHERE o.id IS NULL OR o.is_production
     LIMIT 1;
    IF refused IS NOT NULL THEN
        RAISE EXCEPTION 'organization %: % % refused by the database guard', refused, verb, table_name
            USING ERRCODE = errcode;
    END IF;
END $$;

-- The row trigger's function runs for every row the application writes, so its first line is all
-- it costs outside seed context. That line is one comparison: the setting is NULL in a session
-- that never entered seed context and '' in one that did (it reverts at the transaction's end),
-- and either way the comparison is not true. PL/pgSQL sets up every expression it evaluates again
-- in each transaction, and an application's autocommit write is one transaction, so the
-- expression is kept to one call and one operator. The function is STABLE: PL/pgSQL then
-- evaluates that expression without first advancing the command counter and taking a fresh
-- snapshot, which it would do for a VOLATILE function (check_seed_row, which reads, stays
-- VOLATILE). No SET clause (switching search_path on every call cost more than the test), every
-- name in it qualified instead, and the work in seed context handed to check_seed_row, which pins
-- search_path like every other guard.
CREATE OR REPLACE FUNCTION platform.guard_seed_row() RETURNS trigger
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF pg_catalog.current_setting('seedreset.application_id', true) OPERATOR(pg_catalog.<>) '' THEN
        PERFORM platform.check_seed_row(TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP,
            CASE WHEN TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN OLD.{{tenant_column}}::pg_catalog.text END,
            CASE WHEN TG_OP OPERATOR(pg_catalog.<>) 'DELETE' THEN NEW.{{tenant_column}}::pg_catalog.text END);
    END IF;
    RETURN NULL;
END $$;

-- In seed context: the declared organization once per transaction, then a row of any other
-- organization on its own.
CREATE OR REPLACE FUNCTION platform.check_seed_row(table_schema text, table_name text, operation text, old_org text, new_org text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    declared text := nullif(current_setting('seedreset.org_id', true), '');
BEGIN
    IF declared IS NOT NULL AND declared IS DISTINCT FROM current_setting('seedreset.org_checked', true) THEN
        PERFORM platform.refuse_production_rows(table_schema || '.' || table_name, ARRAY[declared], 'SR001', 'seed writes to');
        PERFORM set_config('seedreset.org_checked', declared, true);
    END IF;
    IF operation <> 'INSERT' AND old_org IS DISTINCT FROM declared THEN
        PERFORM platform.refuse_production_rows(table_schema || '.' || table_name, ARRAY[old_org], 'SR001', 'seed writes to');
    END IF;
    IF operation <> 'DELETE' AND new_org IS DISTINCT FROM declared THEN
        PERFORM platform.refuse_production_rows(table_schema || '.' || table_name, ARRAY[new_org], 'SR001', 'seed writes to');
    END IF;
END $$;

-- TRUNCATE has no rows to look at and wipes every tenant: never in seed context.
CREATE OR REPLACE FUNCTION platform.guard_seed_truncate() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF coalesce(current_setting('seedreset.application_id', true), '') = '' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'TRUNCATE of %.% in seed context would reach every organization: refused by the database guard',
        TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'SR001';
END $$;

-- Counts ledger entries on their organizations' rows (platform.organizations.ledger_entries):
-- the write that makes a flip of is_production and a ledger write conflict. An organization
-- that gains entries must exist and must not be production, as seen after taking its row
-- lock: a flip committed meanwhile is seen (READ COMMITTED) or fails the write (40001).
-- Called from the ledger's trigger functions, which run as the schema's owner (SECURITY
-- DEFINER): the application's role needs no privilege on the count, and cannot call a
-- trigger function itself.
CREATE OR REPLACE FUNCTION platform.count_ledger_entries(table_name text, org_ids uuid[], deltas bigint[]) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    refused text;
BEGIN
    WITH delta AS (SELECT d.org_id, sum(d.n) AS n FROM unnest(org_ids, deltas) AS d(org_id, n) GROUP BY d.org_id),
         counted AS (UPDATE platform.organizations o SET ledger_entries = o.ledger_entries + delta.n
                       FROM delta WHERE o.id = delta.org_id
                     RETURNING o.id, o.slug, o.is_production, delta.n)
    SELECT coalesce('''' || c.slug || ''' is a production organization', 'id ' || d.org_id || ' is no organization')
      INTO refused
      FROM delta d LEFT JOIN counted c ON c.id = d.org_id
     WHERE d.n > 0 AND (c.id IS NULL OR c.is_production)
     LIMIT 1;
    IF refused IS NOT NULL THEN
        RAISE EXCEPTION 'organization %: ledger rows in % refused by the database guard', refused, table_name
            USING ERRCODE = 'SR002';
    END IF;
END $$;

-- A batch of seeded rows or a before-image enters the ledger.
CREATE OR REPLACE FUNCTION platform.guard_ledger_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM platform.count_ledger_entries(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
        ARRAY(SELECT org_id FROM new_rows), ARRAY(SELECT 1::bigint FROM new_rows));
    RETURN NULL;
END $$;

-- How the ledger finds a tenant table's rows: {key column, its type, the tenant column's type}. The key is
-- the single primary-key column, or the one beside the tenant column of a two-column primary key.
CREATE OR REPLACE FUNCTION platform.ledger_key(table_oid oid, tenant_column text) RETURNS text[]
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    found text[];
BEGIN
    SELECT ARRAY[max(k.attname::text), max(format_type(k.atttypid, k.atttypmod)),
                 (SELECT format_type(t.atttypid, t.atttypmod) FROM pg_attribute t
                   WHERE t.attrelid = table_oid AND t.attname = tenant_column AND NOT t.attisdropped)]
      INTO found
      FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
     WHERE i.indrelid = table_oid AND i.indisprimary AND k.attname <> tenant_column
    HAVING count(*) = 1;
    IF found IS NULL OR found[3] IS NULL THEN
        RAISE EXCEPTION 'table % has no key the ledger can name its rows by: refused by the database guard', table_oid::regclass
            USING ERRCODE = 'SR002';
    END IF;
    RETURN found;
END $$;

-- A batch of seeded rows leaves the ledger only once none of its rows exists any more
-- (teardown deletes the rows first): the ledger cannot be emptied to launder seeded rows.
CREATE OR REPLACE FUNCTION platform.guard_row_sets_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    recorded record;
    still text;
    tenant_column text := (SELECT t.tenant_column FROM platform.tenancy t);
    key text[];
BEGIN
    FOR recorded IN
        SELECT d.table_name, o.tenant_key, array_agg(r.row_id) AS row_ids, n.nspname, c.relname, c.oid
          FROM old_rows d CROSS JOIN LATERAL unnest(d.row_ids) AS r(row_id)
          JOIN platform.organizations o ON o.id = d.org_id
          JOIN pg_class c ON c.relkind IN ('r', 'p')
          JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname || '.' || c.relname = d.table_name
         GROUP BY d.table_name, o.tenant_key, n.nspname, c.relname, c.oid
    LOOP
        key := platform.ledger_key(recorded.oid, tenant_column);
        EXECUTE format('SELECT t.%1$I::text FROM %3$I.%4$I t WHERE t.%5$I = CAST($1 AS %6$s) AND t.%1$I = ANY (CAST($2 AS %2$s[])) LIMIT 1',
                       key[1], key[2], recorded.nspname, recorded.relname, tenant_column, key[3])
           INTO still USING recorded.tenant_key, recorded.row_ids;
        IF still IS NOT NULL THEN
            RAISE EXCEPTION 'ledger rows of % cannot be deleted while the rows they record exist (row %): refused by the database guard',
                recorded.table_name, still USING ERRCODE = 'SR002';
        END IF;
    END LOOP;
    PERFORM platform.count_ledger_entries(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
        ARRAY(SELECT org_id FROM old_rows), ARRAY(SELECT -1::bigint FROM old_rows));
    RETURN NULL;
END $$;

-- A before-image leaves the ledger only once it was written back (the row holds those values
-- again) or its row is gone. Of several images of one row, the earliest is what the row holds.
CREATE OR REPLACE FUNCTION platform.guard_updates_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    recorded record;
    differs text;
    tenant_column text := (SELECT t.tenant_column FROM platform.tenancy t);
    key text[];
BEGIN
    FOR recorded IN
        SELECT e.table_name, array_agg(o.tenant_key) AS tenant_keys, array_agg(e.row_id) AS row_ids,
               array_agg(e.before) AS befores, n.nspname, c.relname, c.oid
          FROM (SELECT DISTINCT ON (d.org_id, d.table_name, d.row_id) d.org_id, d.table_name, d.row_id, d.before
                  FROM old_rows d ORDER BY d.org_id, d.table_name, d.row_id, d.id) e
          JOIN platform.organizations o ON o.id = e.org_id
          JOIN pg_class c ON c.relkind IN ('r', 'p')
          JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname || '.' || c.relname = e.table_name
         GROUP BY e.table_name, n.nspname, c.relname, c.oid
    LOOP
        key := platform.ledger_key(recorded.oid, tenant_column);
        EXECUTE format($q$SELECT t.%1$I::text FROM unnest($1, $2, $3) AS i(tenant_key, row_id, before)
                          JOIN %3$I.%4$I t ON t.%5$I = CAST(i.tenant_key AS %6$s) AND t.%1$I = CAST(i.row_id AS %2$s)
                         WHERE EXISTS (SELECT 1 FROM jsonb_each(i.before) v WHERE to_jsonb(t) -> v.key IS DISTINCT FROM v.value)
                         LIMIT 1$q$, key[1], key[2], recorded.nspname, recorded.relname, tenant_column, key[3])
           INTO differs USING recorded.tenant_keys, recorded.row_ids, recorded.befores;
        IF differs IS NOT NULL THEN
            RAISE EXCEPTION 'the before-image of % row % cannot be deleted before it is written back: refused by the database guard',
                recorded.table_name, differs USING ERRCODE = 'SR002';
        END IF;
    END LOOP;
    PERFORM platform.count_ledger_entries(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
        ARRAY(SELECT org_id FROM old_rows), ARRAY(SELECT -1::bigint FROM old_rows));
    RETURN NULL;
END $$;

-- An application is recorded once, open. Its record is history: only what apply fills in
-- when it finishes (counts, plan hash, duration) and its closing may change, it closes only
-- when the ledger holds nothing of it any more, and it never reopens nor goes away.
CREATE OR REPLACE FUNCTION platform.guard_applications() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.removed_at IS NOT NULL OR NEW.removed_by IS NOT NULL OR NEW.removal IS NOT NULL THEN
            RAISE EXCEPTION 'application % is recorded open: refused by the database guard', NEW.id USING ERRCODE = 'SR002';
        END IF;
        PERFORM platform.count_ledger_entries('platform.seed_applications', ARRAY[NEW.org_id], ARRAY[1::bigint]);
        RETURN NEW;
    END IF;
    IF (NEW.id, NEW.org_id, NEW.pack_id, NEW.pack_version, NEW.mode, NEW.parameters, NEW.seed, NEW.anchor, NEW.actor,
        NEW.applied_at, NEW.seq, NEW.source, NEW.modules)
       IS DISTINCT FROM
       (OLD.id, OLD.org_id, OLD.pack_id, OLD.pack_version, OLD.mode, OLD.parameters, OLD.seed, OLD.anchor, OLD.actor,
        OLD.applied_at, OLD.seq, OLD.source, OLD.modules) THEN
        RAISE EXCEPTION 'application % is history: only its outcome and its closing may be recorded (refused by the database guard)',
            OLD.id USING ERRCODE = 'SR002';
    END IF;
    IF OLD.removed_at IS NOT NULL THEN
        IF (NEW.removed_at, NEW.removed_by, NEW.removal, NEW.row_counts, NEW.plan_hash, NEW.duration_ms)
           IS DISTINCT FROM (OLD.removed_at, OLD.removed_by, OLD.removal, OLD.row_counts, OLD.plan_hash, OLD.duration_ms) THEN
            RAISE EXCEPTION 'application % is closed: it never changes again (refused by the database guard)', OLD.id
                USING ERRCODE = 'SR002';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.removed_at IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM platform.seed_row_sets s WHERE s.org_id = OLD.org_id AND s.application_id = OLD.id)
           OR EXISTS (SELECT 1 FROM platform.seed_updates u WHERE u.org_id = OLD.org_id AND u.application_id = OLD.id) THEN
            RAISE EXCEPTION 'application % still has rows in the ledger: only its teardown closes it (refused by the database guard)',
                OLD.id USING ERRCODE = 'SR002';
        END IF;
        PERFORM platform.count_ledger_entries('platform.seed_applications', ARRAY[OLD.org_id], ARRAY[-1::bigint]);
    END IF;
    RETURN NEW;
END $$;

-- The production flag only moves towards safety, and a production organization stays.
-- An organization may become production only when the ledger holds nothing of it (records of
-- applications already torn down stay as history, like the audit). The ledger's count on the
-- row is written only by the ledger's triggers (one trigger level down), never by hand.
CREATE OR REPLACE FUNCTION platform.guard_production_flag() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.ledger_entries <> 0 THEN
            RAISE EXCEPTION 'organization ''%'': ledger_entries is kept by the ledger''s triggers and starts at 0', NEW.slug
                USING ERRCODE = 'SR003';
        END IF;
        -- Without a tenants table of the application's, an organization's rows hold its own id.
        NEW.tenant_key := coalesce(NEW.tenant_key, NEW.id::text);
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.is_production THEN
            RAISE EXCEPTION 'organization ''%'' is a production organization: it cannot be deleted here', OLD.slug
                USING ERRCODE = 'SR003';
        END IF;
        IF OLD.ledger_entries > 0 THEN
            RAISE EXCEPTION 'organization ''%'' still holds seeded rows: tear them down before deleting it', OLD.slug
                USING ERRCODE = 'SR003';
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.ledger_entries IS DISTINCT FROM OLD.ledger_entries AND pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'organization ''%'': ledger_entries is kept by the ledger''s triggers and cannot be set by hand', OLD.slug
            USING ERRCODE = 'SR003';
    END IF;
    IF OLD.is_production AND NOT NEW.is_production THEN
        RAISE EXCEPTION 'organization ''%'' is a production organization: is_production can never be turned off', OLD.slug
            USING ERRCODE = 'SR003';
    END IF;
    IF OLD.id <> NEW.id OR OLD.tenant_key <> NEW.tenant_key THEN
        RAISE EXCEPTION 'organization ''%'': its id and its tenant key never change', OLD.slug USING ERRCODE = 'SR003';
    END IF;
    IF NOT OLD.is_production AND NEW.is_production
       AND (NEW.ledger_entries > 0
            OR EXISTS (SELECT 1 FROM platform.seed_row_sets WHERE org_id = OLD.id)
            OR EXISTS (SELECT 1 FROM platform.seed_updates WHERE org_id = OLD.id)
            OR EXISTS (SELECT 1 FROM platform.seed_applications WHERE org_id = OLD.id AND removed_at IS NULL)) THEN
        RAISE EXCEPTION 'organization ''%'' still holds seeded rows: tear them down before marking it production', OLD.slug
            USING ERRCODE = 'SR003';
    END IF;
    RETURN NEW;
END $$;

-- The application's own tenants table (platform.tenancy.tenants_table), where its production flag lives.
-- The flag of a tenant an organization is registered on goes on to the organization's row, whose guard
-- (guard_production_flag) refuses turning it off and turning it on while the ledger holds anything of it:
-- the same row lock, the same conflict with ledger writes, whoever writes and at every isolation level.
-- A NULL flag counts as production (fail closed). A registered tenant's key never changes, and it is
-- not deleted while it is production or holds seeded rows. Runs as the schema's owner (SECURITY DEFINER):
-- the application's role needs no privilege on platform.organizations to write its own tenants.
CREATE OR REPLACE FUNCTION platform.guard_tenants() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    settings record;
    old_key text;
    new_key text;
    flag boolean;
    registered record;
BEGIN
    SELECT t.tenants_key, t.tenants_production INTO settings FROM platform.tenancy t;
    IF TG_OP <> 'INSERT' THEN
        old_key := to_jsonb(OLD) ->> settings.tenants_key;
    END IF;
    IF TG_OP = 'DELETE' THEN
        SELECT o.slug, o.is_production, o.ledger_entries INTO registered
          FROM platform.organizations o WHERE o.tenant_key = old_key FOR UPDATE;
        IF FOUND AND (registered.is_production OR registered.ledger_entries > 0) THEN
            RAISE EXCEPTION 'tenant % is organization ''%'', which is production or holds seeded rows: it cannot be deleted (refused by the database guard)',
                old_key, registered.slug USING ERRCODE = 'SR003';
        END IF;
        RETURN OLD;
    END IF;
    new_key := to_jsonb(NEW) ->> settings.tenants_key;
    flag := coalesce((to_jsonb(NEW) ->> settings.tenants_production)::boolean, true);
    IF TG_OP = 'UPDATE' AND old_key IS DISTINCT FROM new_key
       AND EXISTS (SELECT 1 FROM platform.organizations o WHERE o.tenant_key = old_key) THEN
        RAISE EXCEPTION 'tenant % is registered as an organization: its key never changes (refused by the database guard)', old_key
            USING ERRCODE = 'SR003';
    END IF;
    IF NOT flag AND EXISTS (SELECT 1 FROM platform.organizations o WHERE o.tenant_key = new_key AND o.is_production) THEN
        RAISE EXCEPTION 'tenant % is a production organization: its % can never be turned off (refused by the database guard)',
            new_key, settings.tenants_production USING ERRCODE = 'SR003';
    END IF;
    UPDATE platform.organizations o SET is_production = flag
     WHERE o.tenant_key = new_key AND o.is_production IS DISTINCT FROM flag;
    RETURN NEW;
END $$;

-- The audit is append-only: an entry is written once, and a 'started' entry is finished once
-- (its outcome, application, message and finish time), never rewritten nor removed.
CREATE OR REPLACE FUNCTION platform.guard_audit() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF OLD.outcome <> 'started' OR NEW.outcome = 'started'
       OR (NEW.id, NEW.started_at, NEW.actor, NEW.operation, NEW.org_slug, NEW.org_id, NEW.pack_id, NEW.pack_version)
          IS DISTINCT FROM (OLD.id, OLD.started_at, OLD.actor, OLD.operation, OLD.org_slug, OLD.org_id, OLD.pack_id, OLD.pack_version) THEN
        RAISE EXCEPTION 'audit entry % is append-only: only a started entry is finished, once (refused by the database guard)', OLD.id
            USING ERRCODE = 'SR004';
    END IF;
    RETURN NEW;
END $$;

-- What is never done to the ledger, the audit or the organizations: rewriting ledger rows,
-- deleting history, truncating any of them.
CREATE OR REPLACE FUNCTION platform.refuse_rewrite() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION '% on %.% refused by the database guard: the ledger and the audit are written once, and organizations are removed one by one',
        TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'SR004';
END $$;
