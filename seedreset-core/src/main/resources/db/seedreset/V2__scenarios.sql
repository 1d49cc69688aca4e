-- Before-images: the previous values of rows an application changed rather than created
-- (a scenario such as cancelled-event edits the rows of the pack it builds on). Teardown
-- writes them back, latest change first, so the rows read as they did before. Like
-- platform.seed_rows it has no foreign keys: it is written in bulk and only by the engine.
CREATE TABLE platform.seed_updates (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id         uuid   NOT NULL,
    application_id uuid   NOT NULL,
    table_name     text   NOT NULL,
    row_id         uuid   NOT NULL,
    -- Only the columns the application set, as they were before: {"status": "ON_SALE"}.
    before         jsonb  NOT NULL
);
CREATE INDEX seed_updates_application_idx ON platform.seed_updates (application_id, id);
CREATE INDEX seed_updates_org_idx ON platform.seed_updates (org_id);

-- The order applications were made in, which reset replays (a scenario after the pack it
-- builds on) and history lists; applied_at alone can tie under a fixed or coarse clock.
ALTER TABLE platform.seed_applications ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;

-- The ledger, compact: one row per batch of rows an application wrote to a table, their ids
-- in an array, instead of one indexed row per seeded row. Writing a row-per-row ledger cost
-- every apply a second index insert for each data row (a sixth of a 60,000-row apply);
-- batches cost a few rows per table. platform.seed_rows stays the way to read it, one row per
-- seeded row, as DESIGN.md describes the ledger.
DROP TABLE platform.seed_rows;
CREATE TABLE platform.seed_row_sets (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id         uuid   NOT NULL,
    application_id uuid   NOT NULL,
    table_name     text   NOT NULL,
    row_ids        uuid[] NOT NULL
);
CREATE INDEX seed_row_sets_application_idx ON platform.seed_row_sets (application_id, table_name);
CREATE INDEX seed_row_sets_org_idx ON platform.seed_row_sets (org_id, table_name);

CREATE VIEW platform.seed_rows AS
    SELECT s.org_id, s.application_id, s.table_name, r.row_id
      FROM platform.seed_row_sets s CROSS JOIN LATERAL unnest(s.row_ids) AS r(row_id);
