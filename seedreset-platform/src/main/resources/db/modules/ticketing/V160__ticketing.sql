CREATE SCHEMA IF NOT EXISTS ticketing;

-- A ticketing platform's tenant: the companies that sell through it (promoters, venue operators,
-- resellers), their venues and events, the ticket inventory, customers' orders and tickets, and the
-- door scanning and messaging around them.
--
-- Constraints hold what one row can say about itself: enumerations, non-negative money and counts,
-- uniqueness per organization, composite foreign keys. What spans rows or columns (an order's total is
-- the sum of its items plus fees and tax, sold plus available equals total, an event ends after it
-- starts) is checked by validation rules, as a platform checks it in its application code.
--
-- Foreign keys are ON DELETE RESTRICT: a referenced row (a ticket with scans, a customer with
-- orders) can never be deleted from under its references. Unlike the default NO ACTION, RESTRICT
-- does not first look for a replacement parent row before checking the children, which halves
-- the per-row work of deleting many rows (tearing down a 60,000-row scenario).

CREATE TABLE ticketing.companies (
    org_id     uuid        NOT NULL REFERENCES platform.organizations (id),
    id         uuid        NOT NULL,
    name       text        NOT NULL,
    slug       text        NOT NULL,
    type       text        NOT NULL CHECK (type IN ('PROMOTER', 'VENUE', 'RESELLER')),
    email      text        NOT NULL,
    phone      text        NOT NULL,
    website    text,
    city       text        NOT NULL,
    state      text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, slug)
);

-- Everyone who signs in: staff of the tenant (admins, promoters, door scanners) and customers.
CREATE TABLE ticketing.users (
    org_id         uuid        NOT NULL REFERENCES platform.organizations (id),
    id             uuid        NOT NULL,
    company_id     uuid,
    email          text        NOT NULL,
    password_hash  text        NOT NULL,
    first_name     text        NOT NULL,
    last_name      text        NOT NULL,
    phone          text,
    role           text        NOT NULL CHECK (role IN ('ADMIN', 'PROMOTER', 'CUSTOMER', 'SCANNER')),
    email_verified boolean     NOT NULL,
    active         boolean     NOT NULL,
    created_at     timestamptz NOT NULL,
    last_login_at  timestamptz,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, email),
    FOREIGN KEY (org_id, company_id) REFERENCES ticketing.companies (org_id, id) ON DELETE RESTRICT,
    CHECK (role <> 'CUSTOMER' OR company_id IS NULL)
);
CREATE INDEX users_company_idx ON ticketing.users (org_id, company_id);

-- The company is the venue's operator.
CREATE TABLE ticketing.venues (
    org_id     uuid    NOT NULL REFERENCES platform.organizations (id),
    id         uuid    NOT NULL,
    company_id uuid    NOT NULL,
    name       text    NOT NULL,
    kind       text    NOT NULL CHECK (kind IN ('STADIUM', 'ARENA', 'AMPHITHEATER', 'CONCERT_HALL', 'THEATER', 'CLUB',
                                                'CONVENTION_CENTER')),
    address    text    NOT NULL,
    city       text    NOT NULL,
    state      text    NOT NULL,
    zip        text    NOT NULL,
    timezone   text    NOT NULL,
    capacity   integer NOT NULL CHECK (capacity > 0),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, company_id) REFERENCES ticketing.companies (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX venues_company_idx ON ticketing.venues (org_id, company_id);

-- Times are instants; timezone is the venue's, in which the event's local times are read.
CREATE TABLE ticketing.events (
    org_id              uuid        NOT NULL REFERENCES platform.organizations (id),
    id                  uuid        NOT NULL,
    promoter_company_id uuid        NOT NULL,
    venue_id            uuid        NOT NULL,
    name                text        NOT NULL,
    slug                text        NOT NULL,
    category            text        NOT NULL CHECK (category IN ('CONCERT', 'SPORTS', 'THEATER', 'COMEDY', 'CONFERENCE',
                                                                 'FESTIVAL')),
    tags                text[]      NOT NULL,
    description         text        NOT NULL,
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    timezone            text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'ON_SALE', 'SOLD_OUT', 'COMPLETED',
                                                               'CANCELLED')),
    sales_start         timestamptz NOT NULL,
    sales_end           timestamptz NOT NULL,
    capacity            integer     NOT NULL CHECK (capacity > 0),
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, slug),
    FOREIGN KEY (org_id, promoter_company_id) REFERENCES ticketing.companies (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, venue_id) REFERENCES ticketing.venues (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX events_promoter_idx ON ticketing.events (org_id, promoter_company_id);
CREATE INDEX events_venue_idx ON ticketing.events (org_id, venue_id);
CREATE INDEX events_starts_at_idx ON ticketing.events (org_id, starts_at);

-- quantity_sold counts every ticket sold (box office, partners, online); the tickets rows are the online orders'.
CREATE TABLE ticketing.ticket_types (
    org_id             uuid          NOT NULL REFERENCES platform.organizations (id),
    id                 uuid          NOT NULL,
    event_id           uuid          NOT NULL,
    tier               text          NOT NULL CHECK (tier IN ('EARLY_BIRD', 'GENERAL', 'VIP')),
    name               text          NOT NULL,
    price              numeric(12,2) NOT NULL CHECK (price >= 0),
    quantity_total     integer       NOT NULL CHECK (quantity_total >= 0),
    quantity_sold      integer       NOT NULL CHECK (quantity_sold >= 0),
    quantity_available integer       NOT NULL CHECK (quantity_available >= 0),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, event_id) REFERENCES ticketing.events (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX ticket_types_event_idx ON ticketing.ticket_types (org_id, event_id);

-- A code without an event applies to every event.
CREATE TABLE ticketing.promo_codes (
    org_id         uuid          NOT NULL REFERENCES platform.organizations (id),
    id             uuid          NOT NULL,
    event_id       uuid,
    code           text          NOT NULL,
    description    text          NOT NULL,
    discount_type  text          NOT NULL CHECK (discount_type IN ('PERCENTAGE', 'FIXED')),
    discount_value numeric(12,2) NOT NULL CHECK (discount_value >= 0),
    valid_from     timestamptz   NOT NULL,
    valid_to       timestamptz   NOT NULL,
    max_uses       integer       CHECK (max_uses > 0),
    used_count     integer       NOT NULL CHECK (used_count >= 0),
    active         boolean       NOT NULL,
    created_at     timestamptz   NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, code),
    FOREIGN KEY (org_id, event_id) REFERENCES ticketing.events (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX promo_codes_event_idx ON ticketing.promo_codes (org_id, event_id);

CREATE TABLE ticketing.orders (
    org_id        uuid          NOT NULL REFERENCES platform.organizations (id),
    id            uuid          NOT NULL,
    order_number  text          NOT NULL,
    customer_id   uuid          NOT NULL,
    event_id      uuid          NOT NULL,
    promo_code_id uuid,
    status        text          NOT NULL CHECK (status IN ('PENDING', 'PAID', 'CANCELLED', 'REFUNDED')),
    subtotal      numeric(12,2) NOT NULL CHECK (subtotal >= 0),
    fees          numeric(12,2) NOT NULL CHECK (fees >= 0),
    tax           numeric(12,2) NOT NULL CHECK (tax >= 0),
    discount      numeric(12,2) NOT NULL CHECK (discount >= 0),
    total         numeric(12,2) NOT NULL CHECK (total >= 0),
    placed_at     timestamptz   NOT NULL,
    paid_at       timestamptz,
    cancelled_at  timestamptz,
    refunded_at   timestamptz,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, order_number),
    FOREIGN KEY (org_id, customer_id) REFERENCES ticketing.users (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, event_id) REFERENCES ticketing.events (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, promo_code_id) REFERENCES ticketing.promo_codes (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX orders_customer_idx ON ticketing.orders (org_id, customer_id);
CREATE INDEX orders_event_idx ON ticketing.orders (org_id, event_id);
CREATE INDEX orders_promo_code_idx ON ticketing.orders (org_id, promo_code_id);

CREATE TABLE ticketing.order_items (
    org_id         uuid          NOT NULL REFERENCES platform.organizations (id),
    id             uuid          NOT NULL,
    order_id       uuid          NOT NULL,
    ticket_type_id uuid          NOT NULL,
    quantity       integer       NOT NULL CHECK (quantity > 0),
    unit_price     numeric(12,2) NOT NULL CHECK (unit_price >= 0),
    line_total     numeric(12,2) NOT NULL CHECK (line_total >= 0),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, order_id) REFERENCES ticketing.orders (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, ticket_type_id) REFERENCES ticketing.ticket_types (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX order_items_order_idx ON ticketing.order_items (org_id, order_id);
CREATE INDEX order_items_ticket_type_idx ON ticketing.order_items (org_id, ticket_type_id);

-- One row per admission, issued when its order is paid; holder_user_id is set when the holder has an account.
CREATE TABLE ticketing.tickets (
    org_id         uuid          NOT NULL REFERENCES platform.organizations (id),
    id             uuid          NOT NULL,
    order_item_id  uuid          NOT NULL,
    ticket_type_id uuid          NOT NULL,
    barcode        text          NOT NULL,
    status         text          NOT NULL CHECK (status IN ('VALID', 'USED', 'TRANSFERRED', 'CANCELLED')),
    price_paid     numeric(12,2) NOT NULL CHECK (price_paid >= 0),
    holder_user_id uuid,
    holder_name    text          NOT NULL,
    holder_email   text          NOT NULL,
    issued_at      timestamptz   NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, barcode),
    FOREIGN KEY (org_id, order_item_id) REFERENCES ticketing.order_items (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, ticket_type_id) REFERENCES ticketing.ticket_types (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, holder_user_id) REFERENCES ticketing.users (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX tickets_order_item_idx ON ticketing.tickets (org_id, order_item_id);
CREATE INDEX tickets_ticket_type_idx ON ticketing.tickets (org_id, ticket_type_id);
CREATE INDEX tickets_holder_idx ON ticketing.tickets (org_id, holder_user_id);

-- to_user_id is set when the recipient has an account; to_email always says where the ticket went.
CREATE TABLE ticketing.ticket_transfers (
    org_id         uuid        NOT NULL REFERENCES platform.organizations (id),
    id             uuid        NOT NULL,
    ticket_id      uuid        NOT NULL,
    from_user_id   uuid        NOT NULL,
    to_user_id     uuid,
    to_email       text        NOT NULL,
    transferred_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, ticket_id) REFERENCES ticketing.tickets (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, from_user_id) REFERENCES ticketing.users (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, to_user_id) REFERENCES ticketing.users (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX ticket_transfers_ticket_idx ON ticketing.ticket_transfers (org_id, ticket_id);
CREATE INDEX ticket_transfers_from_user_idx ON ticketing.ticket_transfers (org_id, from_user_id);
CREATE INDEX ticket_transfers_to_user_idx ON ticketing.ticket_transfers (org_id, to_user_id);

-- A door-scanning device a company owns; event_id is the event it is assigned to, operator_user_id who signed in on it.
CREATE TABLE ticketing.scanners (
    org_id           uuid        NOT NULL REFERENCES platform.organizations (id),
    id               uuid        NOT NULL,
    company_id       uuid        NOT NULL,
    event_id         uuid,
    operator_user_id uuid,
    name             text        NOT NULL,
    device_type      text        NOT NULL CHECK (device_type IN ('HANDHELD', 'TURNSTILE', 'MOBILE')),
    serial_number    text        NOT NULL,
    active           boolean     NOT NULL,
    last_seen_at     timestamptz,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, serial_number),
    FOREIGN KEY (org_id, company_id) REFERENCES ticketing.companies (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, event_id) REFERENCES ticketing.events (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, operator_user_id) REFERENCES ticketing.users (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX scanners_company_idx ON ticketing.scanners (org_id, company_id);
CREATE INDEX scanners_event_idx ON ticketing.scanners (org_id, event_id);
CREATE INDEX scanners_operator_idx ON ticketing.scanners (org_id, operator_user_id);

CREATE TABLE ticketing.scan_logs (
    org_id     uuid        NOT NULL REFERENCES platform.organizations (id),
    id         uuid        NOT NULL,
    ticket_id  uuid        NOT NULL,
    scanner_id uuid        NOT NULL,
    scanned_at timestamptz NOT NULL,
    result     text        NOT NULL CHECK (result IN ('ACCEPTED', 'DUPLICATE', 'REJECTED')),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, ticket_id) REFERENCES ticketing.tickets (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, scanner_id) REFERENCES ticketing.scanners (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX scan_logs_ticket_idx ON ticketing.scan_logs (org_id, ticket_id);
CREATE INDEX scan_logs_scanner_idx ON ticketing.scan_logs (org_id, scanner_id);

CREATE TABLE ticketing.notifications (
    org_id  uuid        NOT NULL REFERENCES platform.organizations (id),
    id      uuid        NOT NULL,
    user_id uuid        NOT NULL,
    channel text        NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH')),
    kind    text        NOT NULL CHECK (kind IN ('ACCOUNT', 'ORDER_UPDATE', 'EVENT_REMINDER', 'TICKET_TRANSFER', 'PROMOTION',
                                                 'SALES_REPORT')),
    subject text        NOT NULL,
    body    text        NOT NULL,
    sent_at timestamptz NOT NULL,
    read_at timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, user_id) REFERENCES ticketing.users (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX notifications_user_idx ON ticketing.notifications (org_id, user_id);

CREATE TABLE ticketing.notification_preferences (
    org_id  uuid    NOT NULL REFERENCES platform.organizations (id),
    id      uuid    NOT NULL,
    user_id uuid    NOT NULL,
    channel text    NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH')),
    kind    text    NOT NULL CHECK (kind IN ('ACCOUNT', 'ORDER_UPDATE', 'EVENT_REMINDER', 'TICKET_TRANSFER', 'PROMOTION',
                                             'SALES_REPORT')),
    enabled boolean NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, user_id, channel, kind),
    FOREIGN KEY (org_id, user_id) REFERENCES ticketing.users (org_id, id) ON DELETE RESTRICT
);
-- The unique constraint's index leads with (org_id, user_id), so it also serves the foreign key.
