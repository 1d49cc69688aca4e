-- An organization's own clock: how many months ahead of the real one it runs (time travel). Absent means
-- the real clock. The engine's activity and the platform's "today" read it; only time travel writes it,
-- behind the gate. Capped at 12 months: a year ahead is as far as a sales call needs, and the packs'
-- dates (anchored to the real day) stay plausible that far.
CREATE TABLE platform.organization_clocks (
    org_id uuid        PRIMARY KEY REFERENCES platform.organizations (id),
    months integer     NOT NULL CHECK (months BETWEEN 1 AND 12),
    set_at timestamptz NOT NULL,
    set_by text        NOT NULL
);
