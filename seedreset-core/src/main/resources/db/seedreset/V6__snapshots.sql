-- An application is no longer only a pack's: a snapshot restored into an organization is one too
-- (its rows go to the ledger like a pack's, so teardown and reset work on them), and so are rows
-- imported from a file and synthetic activity. 'source' says which; reset re-applies packs and
-- restores snapshots again, and drops what was imported or simulated.
ALTER TABLE platform.seed_applications
    ADD COLUMN source text NOT NULL DEFAULT 'pack' CHECK (source IN ('pack', 'snapshot', 'import', 'activity'));

-- A restore replaces what was there, closing the applications it replaced.
ALTER TABLE platform.seed_applications DROP CONSTRAINT seed_applications_removal_check;
ALTER TABLE platform.seed_applications
    ADD CONSTRAINT seed_applications_removal_check CHECK (removal IN ('teardown', 'reset', 'replace', 'restore'));

ALTER TABLE platform.seed_audit DROP CONSTRAINT seed_audit_operation_known;
ALTER TABLE platform.seed_audit
    ADD CONSTRAINT seed_audit_operation_known
    CHECK (operation IN ('init', 'plan', 'apply', 'teardown', 'reset', 'validate',
                         'snapshot', 'snapshot-delete', 'restore', 'baseline', 'import', 'activity', 'timetravel'));

-- A snapshot: an organization's whole state (every tenant table's rows, seeded or not) at one
-- moment, kept in the database. The rows are each table's COPY text, gzipped, split into chunks
-- so neither end holds a large table in memory; the same bytes make the portable file.
-- A snapshot belongs to the organization it was taken of (its name is unique there) and may be
-- restored into any non-production organization; a file restores without being stored here.
CREATE TABLE platform.snapshots (
    id             uuid        PRIMARY KEY,
    org_id         uuid        NOT NULL REFERENCES platform.organizations (id),
    name           text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    -- 'manual' by someone's command; 'backup' taken before an apply --backup or a reset, rotated.
    kind           text        NOT NULL CHECK (kind IN ('manual', 'backup')),
    schema_version text        NOT NULL,
    taken_from     text        NOT NULL,
    taken_at       timestamptz NOT NULL,
    taken_by       text        NOT NULL,
    row_counts     jsonb       NOT NULL,
    -- Per table: columns (in COPY order), rows, sha256 of the uncompressed COPY text.
    manifest       jsonb       NOT NULL,
    bytes          bigint      NOT NULL,
    UNIQUE (org_id, name)
);
CREATE INDEX snapshots_org_idx ON platform.snapshots (org_id, taken_at);

CREATE TABLE platform.snapshot_chunks (
    snapshot_id uuid    NOT NULL REFERENCES platform.snapshots (id) ON DELETE CASCADE,
    table_name  text    NOT NULL,
    seq         integer NOT NULL,
    data        bytea   NOT NULL,
    PRIMARY KEY (snapshot_id, table_name, seq)
);

-- What 'reset' returns an organization to: its packs (no row here) or a snapshot.
CREATE TABLE platform.baselines (
    org_id      uuid        PRIMARY KEY REFERENCES platform.organizations (id),
    snapshot_id uuid        NOT NULL REFERENCES platform.snapshots (id),
    set_at      timestamptz NOT NULL,
    set_by      text        NOT NULL
);
CREATE INDEX baselines_snapshot_idx ON platform.baselines (snapshot_id);

-- Tenant tables whose rows are not part of an organization's state to keep: a module lists its own
-- here (credentials, say: a snapshot must not carry them, and their ids may be unique across
-- organizations). Snapshots leave them out; a restore still empties them, like every tenant table.
CREATE TABLE platform.snapshot_exclusions (
    table_name text PRIMARY KEY,
    reason     text NOT NULL
);
