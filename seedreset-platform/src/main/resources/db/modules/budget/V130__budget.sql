CREATE SCHEMA IF NOT EXISTS budget;

CREATE TABLE budget.budgets (
    org_id     uuid          NOT NULL REFERENCES platform.organizations (id),
    id         uuid          NOT NULL,
    event_id   uuid          NOT NULL,
    name       text          NOT NULL,
    currency   char(3)       NOT NULL,
    status     text          NOT NULL CHECK (status IN ('draft', 'submitted', 'approved')),
    total      numeric(12,2) NOT NULL CHECK (total >= 0),
    created_at timestamptz   NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, event_id) REFERENCES events.events (org_id, id)
);
CREATE INDEX budgets_event_idx ON budget.budgets (org_id, event_id);

-- A budget line pays a vendor for (part of) an event.
CREATE TABLE budget.budget_lines (
    org_id      uuid          NOT NULL REFERENCES platform.organizations (id),
    id          uuid          NOT NULL,
    budget_id   uuid          NOT NULL,
    event_id    uuid          NOT NULL,
    vendor_id   uuid          NOT NULL,
    category    text          NOT NULL,
    description text          NOT NULL,
    quantity    integer       NOT NULL CHECK (quantity > 0),
    unit_cost   numeric(12,2) NOT NULL CHECK (unit_cost >= 0),
    amount      numeric(12,2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, budget_id) REFERENCES budget.budgets (org_id, id),
    FOREIGN KEY (org_id, event_id) REFERENCES events.events (org_id, id),
    FOREIGN KEY (org_id, vendor_id) REFERENCES suppliers.vendors (org_id, id),
    CHECK (amount = quantity * unit_cost)
);
CREATE INDEX budget_lines_budget_idx ON budget.budget_lines (org_id, budget_id);
CREATE INDEX budget_lines_event_idx ON budget.budget_lines (org_id, event_id);
CREATE INDEX budget_lines_vendor_idx ON budget.budget_lines (org_id, vendor_id);
