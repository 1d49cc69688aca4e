-- The staff who run demo tenants through the admin API and the console: sales engineers, customer
-- success. Each member holds one token (BearerTokens, prefix 'srk'), shown once when created; only its
-- hash is kept. Revoking keeps the row, so that the audit's actor names someone 'staff list' still
-- shows; a name is unique among members not revoked, so it can be given again after a revoke.
CREATE TABLE operations.staff (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100 AND name = btrim(name)),
    secret_hash bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX staff_active_name_key ON operations.staff (lower(name)) WHERE revoked_at IS NULL;
