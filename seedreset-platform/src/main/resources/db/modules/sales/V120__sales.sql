CREATE SCHEMA IF NOT EXISTS sales;

-- A deal sells (part of) an event to a client: tickets, sponsorship, a package.
CREATE TABLE sales.deals (
    org_id         uuid          NOT NULL REFERENCES platform.organizations (id),
    id             uuid          NOT NULL,
    event_id       uuid          NOT NULL,
    title          text          NOT NULL,
    client_company text          NOT NULL,
    contact_name   text          NOT NULL,
    contact_email  text          NOT NULL,
    stage          text          NOT NULL CHECK (stage IN ('lead', 'proposal', 'negotiation', 'won', 'lost')),
    amount         numeric(12,2) NOT NULL CHECK (amount >= 0),
    probability    integer       NOT NULL CHECK (probability BETWEEN 0 AND 100),
    opened_at      timestamptz   NOT NULL,
    expected_close date          NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, event_id) REFERENCES events.events (org_id, id)
);
CREATE INDEX deals_event_idx ON sales.deals (org_id, event_id);
