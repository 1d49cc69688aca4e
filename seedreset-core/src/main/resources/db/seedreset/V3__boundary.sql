-- The production flag and the ledger must conflict when they change at the same time, under
-- every isolation level and whoever writes (not only the engine, which locks the organization
-- row). Every ledger entry of an organization (a batch of seeded rows, a before-image, an
-- active application) is counted on the organization's own row by the ledger's triggers
-- (guards.sql). A ledger write therefore updates that row, and so does turning
-- is_production on: the two serialise on the row lock, and a transaction whose snapshot
-- predates the other's commit gets a serialization failure instead of passing a stale check.
-- Only the ledger's triggers may change the count (guards.sql refuses a change by hand).
ALTER TABLE platform.organizations
    ADD COLUMN ledger_entries bigint NOT NULL DEFAULT 0 CHECK (ledger_entries >= 0);

UPDATE platform.organizations o
   SET ledger_entries = (SELECT count(*) FROM platform.seed_row_sets s WHERE s.org_id = o.id)
                      + (SELECT count(*) FROM platform.seed_updates u WHERE u.org_id = o.id)
                      + (SELECT count(*) FROM platform.seed_applications a WHERE a.org_id = o.id AND a.removed_at IS NULL);

-- The audit is append-only (guards.sql): a finished entry carries the time it finished.
ALTER TABLE platform.seed_audit
    ADD CONSTRAINT seed_audit_finished CHECK ((outcome = 'started') = (finished_at IS NULL));

-- A name is printed in tables, messages and consoles: bounded, and no control characters that
-- could fake a line on a terminal. NOT VALID: names already stored are not re-checked.
ALTER TABLE platform.organizations
    ADD CONSTRAINT organizations_name_printable CHECK (char_length(name) <= 200 AND name !~ '[[:cntrl:]]') NOT VALID;
