CREATE SCHEMA IF NOT EXISTS spaces;

CREATE TABLE spaces.spaces (
    org_id      uuid          NOT NULL REFERENCES platform.organizations (id),
    id          uuid          NOT NULL,
    name        text          NOT NULL,
    building    text          NOT NULL,
    space_type  text          NOT NULL CHECK (space_type IN ('ballroom', 'meeting_room', 'terrace', 'studio', 'hall')),
    capacity    integer       NOT NULL CHECK (capacity > 0),
    hourly_rate numeric(10,2) NOT NULL CHECK (hourly_rate >= 0),
    PRIMARY KEY (org_id, id)
);

-- A reservation books a space for an event.
CREATE TABLE spaces.reservations (
    org_id    uuid        NOT NULL REFERENCES platform.organizations (id),
    id        uuid        NOT NULL,
    space_id  uuid        NOT NULL,
    event_id  uuid        NOT NULL,
    purpose   text        NOT NULL,
    status    text        NOT NULL CHECK (status IN ('tentative', 'confirmed', 'released')),
    starts_at timestamptz NOT NULL,
    ends_at   timestamptz NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, space_id) REFERENCES spaces.spaces (org_id, id),
    FOREIGN KEY (org_id, event_id) REFERENCES events.events (org_id, id),
    CHECK (ends_at > starts_at)
);
CREATE INDEX reservations_space_idx ON spaces.reservations (org_id, space_id);
CREATE INDEX reservations_event_idx ON spaces.reservations (org_id, event_id);
