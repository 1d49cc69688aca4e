CREATE SCHEMA IF NOT EXISTS suppliers;

CREATE TABLE suppliers.vendors (
    org_id       uuid         NOT NULL REFERENCES platform.organizations (id),
    id           uuid         NOT NULL,
    name         text         NOT NULL,
    category     text         NOT NULL CHECK (category IN ('catering', 'audio_visual', 'staging', 'florals', 'photography',
                                                           'transportation', 'security', 'entertainment', 'staffing', 'printing')),
    contact_name text         NOT NULL,
    email        text         NOT NULL,
    phone        text         NOT NULL,
    city         text         NOT NULL,
    state        text         NOT NULL,
    rating       numeric(2,1) CHECK (rating BETWEEN 1 AND 5),
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (org_id, id)
);
