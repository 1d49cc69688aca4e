-- Module identity: who signs in to the platform API, and the tokens they hold.
-- The agency modules keep their people in identity.users (the accounting module will too);
-- ticketing keeps its own accounts (ticketing.users). One sign-in serves both: an email names one
-- person per organization.
CREATE SCHEMA identity;

CREATE TABLE identity.users (
    org_id        uuid        NOT NULL REFERENCES platform.organizations (id),
    id            uuid        NOT NULL,
    email         text        NOT NULL,
    password_hash text        NOT NULL,
    name          text        NOT NULL,
    role          text        NOT NULL,
    active        boolean     NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, email)
);

-- Sign-in sessions and long-lived API tokens. Only a hash of each token's secret is stored; the
-- token names its row by id, so a presented secret is compared with one hash, in constant time.
-- A token belongs to a person of identity.users or ticketing.users (person_table) and answers only
-- while that person exists and is active. A reset deletes every row of the organization, this
-- table's included, so it revokes every token. No foreign key to the person: a teardown removes
-- seeded people and leaves their tokens dead, not in its way.
CREATE TABLE identity.tokens (
    org_id         uuid        NOT NULL REFERENCES platform.organizations (id),
    id             uuid        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('session', 'api')),
    person_table   text        NOT NULL CHECK (person_table IN ('identity.users', 'ticketing.users')),
    person_id      uuid        NOT NULL,
    secret_hash    bytea       NOT NULL,
    issued_at      timestamptz NOT NULL,
    expires_at     timestamptz,
    PRIMARY KEY (org_id, id),
    CHECK ((kind = 'session') = (expires_at IS NOT NULL))
);
CREATE INDEX tokens_person_idx ON identity.tokens (org_id, person_table, person_id);
CREATE UNIQUE INDEX tokens_id_idx ON identity.tokens (id);
