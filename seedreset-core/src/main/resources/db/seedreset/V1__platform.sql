-- The platform schema: organizations (tenants), the seed ledger and the audit trail.
-- The data-level guards of the production boundary (DESIGN.md, level 2) are not a
-- migration: 'seedreset init' (re)installs them from io/seedreset/internal/safety/guards.sql
-- every time, and every mutating operation verifies them first.

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
    outcome        text        NOT NULL CHECK (outcome IN ('started', 'succeeded', 'unchanged', 'refused', 'conflict', 'failed')),
    message        text
);
CREATE INDEX seed_audit_org_idx ON platform.seed_audit (org_slug, started_at);
