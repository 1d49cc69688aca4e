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

-- Every seeded row costs a ledger row, so the ledger keeps one index: its primary key
-- (org_id, table_name, row_id) serves teardown (per organization and table), the reference
-- checks and the production-flag guard. The index by application made every apply pay a
-- second index insert per row for lookups the primary key already answers.
DROP INDEX platform.seed_rows_application_idx;
