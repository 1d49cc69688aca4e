CREATE SCHEMA IF NOT EXISTS uploads;

-- Module uploads: files people attach to their organization's rows (an agency event's images, a
-- supplier's bill's receipts). The bytes live on disk, in the server's uploads directory under
-- <database>/<org_id>/<id>; this table is what the platform knows of each file. A folder of its own rather than
-- a table in events or accounting: one table serves both modules, and it needs both of their tables,
-- so it comes after them (V191, after accounting's V190).
--
-- A tenant table like every other: a reset deletes its rows with the organization's other rows (the
-- files it leaves behind are swept by the purge, io.seedreset.platform.uploads.UploadPurge), and a
-- teardown refuses while a person's upload references a seeded event or bill, naming it.
CREATE TABLE uploads.files (
    org_id       uuid        NOT NULL REFERENCES platform.organizations (id),
    id           uuid        NOT NULL,
    event_id     uuid,
    bill_id      uuid,
    filename     text        NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes > 0),
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by  text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, event_id) REFERENCES events.events (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, bill_id) REFERENCES accounting.bills (org_id, id) ON DELETE RESTRICT,
    -- Attached to exactly one row.
    CHECK (num_nonnulls(event_id, bill_id) = 1)
);
CREATE INDEX files_event_idx ON uploads.files (org_id, event_id);
CREATE INDEX files_bill_idx ON uploads.files (org_id, bill_id);
-- The purge finds old uploads across organizations by age.
CREATE INDEX files_created_at_idx ON uploads.files (created_at);

-- The files live on disk, not in the database, so a snapshot cannot carry them: it leaves their rows
-- out too (a restore deletes them like every tenant row, and the purge then removes the files).
INSERT INTO platform.snapshot_exclusions (table_name, reason)
VALUES ('uploads.files', 'the files live on disk: a snapshot cannot carry them');
