-- A module switched on or off for one organization. No row: the module's default, which is on, except
-- for an unstable module in a demo, qa or sandbox organization (the server's module list says which
-- modules are unstable). A switched-off module answers every route as if it did not exist.
CREATE TABLE operations.module_flags (
    organization_id uuid        NOT NULL REFERENCES platform.organizations (id),
    module          text        NOT NULL CHECK (module ~ '^[a-z][a-z0-9-]*$'),
    enabled         boolean     NOT NULL,
    changed_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, module)
);
