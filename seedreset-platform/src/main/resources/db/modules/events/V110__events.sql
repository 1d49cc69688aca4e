CREATE SCHEMA IF NOT EXISTS events;

CREATE TABLE events.events (
    org_id             uuid        NOT NULL REFERENCES platform.organizations (id),
    id                 uuid        NOT NULL,
    name               text        NOT NULL,
    event_type         text        NOT NULL CHECK (event_type IN ('conference', 'gala', 'product_launch', 'offsite', 'wedding', 'festival', 'trade_show')),
    client_name        text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('inquiry', 'planning', 'confirmed', 'completed', 'cancelled')),
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz NOT NULL,
    city               text        NOT NULL,
    state              text        NOT NULL,
    expected_attendees integer     NOT NULL CHECK (expected_attendees > 0),
    created_at         timestamptz NOT NULL,
    PRIMARY KEY (org_id, id),
    CHECK (ends_at > starts_at)
);
CREATE INDEX events_starts_at_idx ON events.events (org_id, starts_at);
