-- Module operations: what the platform keeps about an organization, as opposed to the organization's
-- own data. A reset or a teardown must leave these rows alone (a demo's captured mail, its usage, its
-- feedback and its module switches outlive the data they were about), so they are not tenant tables:
-- they name their organization in organization_id, not org_id, and the engine, which takes every
-- table with an org_id column outside the platform schema for a tenant table, never touches them.

CREATE SCHEMA operations;

-- Mail the platform sends on people's behalf (order confirmations, ticket transfers). Written in the
-- transaction of what it tells about, so that nothing is sent for work that rolled back. A production
-- organization's mail is 'pending' until the deliverer hands it to SMTP ('sent', or 'failed' after its
-- attempts); every other organization's is 'captured': kept here, readable, never sent.
CREATE TABLE operations.mail (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES platform.organizations (id),
    kind            text        NOT NULL,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('captured', 'pending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);
CREATE INDEX mail_organization_idx ON operations.mail (organization_id, created_at);
CREATE INDEX mail_pending_idx ON operations.mail (created_at) WHERE status = 'pending';
