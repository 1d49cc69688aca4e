CREATE SCHEMA IF NOT EXISTS dispatch;

-- A work order dispatches a vendor's crew to an event.
CREATE TABLE dispatch.work_orders (
    org_id       uuid        NOT NULL REFERENCES platform.organizations (id),
    id           uuid        NOT NULL,
    event_id     uuid        NOT NULL,
    vendor_id    uuid        NOT NULL,
    task         text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('scheduled', 'dispatched', 'completed', 'cancelled')),
    crew_size    integer     NOT NULL CHECK (crew_size > 0),
    scheduled_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, event_id) REFERENCES events.events (org_id, id),
    FOREIGN KEY (org_id, vendor_id) REFERENCES suppliers.vendors (org_id, id)
);
CREATE INDEX work_orders_event_idx ON dispatch.work_orders (org_id, event_id);
CREATE INDEX work_orders_vendor_idx ON dispatch.work_orders (org_id, vendor_id);
