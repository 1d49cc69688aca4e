CREATE SCHEMA IF NOT EXISTS accounting;

-- Module accounting: a small business's books kept by double entry, and the documents around them.
-- Every document that moves money (an issued invoice, a bill, a payment, a payroll run, an inventory
-- issue, a bank fee) points at the journal entry it posted (entry_id), and every entry's lines
-- balance. Money is numeric(14,2), never floating point; every amount carries its document's
-- currency (an ISO 4217 code).
--
-- As in the other modules, constraints hold what one row can say about itself (enumerations,
-- non-negative amounts, a line that is a debit or a credit, net = gross - withholding); what spans
-- rows (an entry balances, a balance equals the total minus what was allocated to it, on-hand
-- stock never goes negative, nothing is posted into a closed period after its close) is checked
-- by validation rules and by the platform's own workflows. Every foreign key is composite and
-- ON DELETE RESTRICT, with an index on its referencing columns.

-- The travel business buys from airlines, hotels and tour operators, and pays rent and advisers.
ALTER TABLE suppliers.vendors DROP CONSTRAINT vendors_category_check;
ALTER TABLE suppliers.vendors ADD CONSTRAINT vendors_category_check CHECK (category IN (
    'catering', 'audio_visual', 'staging', 'florals', 'photography', 'transportation', 'security', 'entertainment',
    'staffing', 'printing', 'airline', 'lodging', 'tour_operator', 'professional_services', 'office'));

-- The chart of accounts. control names the few accounts the platform posts to by itself (an issued
-- invoice debits RECEIVABLES and credits SALES_TAX; a payment's overpayment is owed back under
-- CUSTOMER_CREDIT), at most one account each.
CREATE TABLE accounting.accounts (
    org_id     uuid        NOT NULL REFERENCES platform.organizations (id),
    id         uuid        NOT NULL,
    code       text        NOT NULL,
    name       text        NOT NULL,
    type       text        NOT NULL CHECK (type IN ('ASSET', 'LIABILITY', 'EQUITY', 'REVENUE', 'EXPENSE')),
    control    text        CHECK (control IN ('RECEIVABLES', 'PAYABLES', 'SALES_TAX', 'CUSTOMER_CREDIT', 'INVENTORY',
                                              'PAYROLL_LIABILITIES', 'ACCRUED_EXPENSES', 'RETAINED_EARNINGS')),
    currency   char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    active     boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, code)
);
CREATE UNIQUE INDEX accounts_control_idx ON accounting.accounts (org_id, control) WHERE control IS NOT NULL;

-- Sales tax charged on invoice lines; what it collects is owed on account_id.
CREATE TABLE accounting.tax_rates (
    org_id     uuid         NOT NULL REFERENCES platform.organizations (id),
    id         uuid         NOT NULL,
    name       text         NOT NULL,
    rate       numeric(6,4) NOT NULL CHECK (rate >= 0 AND rate < 1),
    account_id uuid         NOT NULL,
    active     boolean      NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, name),
    FOREIGN KEY (org_id, account_id) REFERENCES accounting.accounts (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX tax_rates_account_idx ON accounting.tax_rates (org_id, account_id);

-- Reporting periods (the pack keeps quarters). Once closed, nothing may be posted with a date inside
-- the period: the platform refuses it, and a validation rule finds any entry posted after the close.
CREATE TABLE accounting.periods (
    org_id    uuid        NOT NULL REFERENCES platform.organizations (id),
    id        uuid        NOT NULL,
    name      text        NOT NULL,
    starts_on date        NOT NULL,
    ends_on   date        NOT NULL,
    status    text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    closed_at timestamptz,
    closed_by text,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, starts_on),
    CHECK (ends_on >= starts_on),
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);

-- entry_date is the accounting date (which period the entry falls in); posted_at when it was recorded.
CREATE TABLE accounting.journal_entries (
    org_id       uuid        NOT NULL REFERENCES platform.organizations (id),
    id           uuid        NOT NULL,
    entry_number text        NOT NULL,
    entry_date   date        NOT NULL,
    posted_at    timestamptz NOT NULL,
    source       text        NOT NULL CHECK (source IN ('OPENING', 'INVOICE', 'BILL', 'PAYMENT', 'PAYROLL', 'INVENTORY', 'BANK',
                                                        'ACCRUAL', 'DEPRECIATION', 'MANUAL')),
    memo         text        NOT NULL,
    currency     char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_by   text        NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, entry_number)
);
CREATE INDEX journal_entries_date_idx ON accounting.journal_entries (org_id, entry_date);

-- Each line is a debit or a credit, never both; the entry's currency is the lines'.
CREATE TABLE accounting.journal_lines (
    org_id     uuid          NOT NULL REFERENCES platform.organizations (id),
    id         uuid          NOT NULL,
    entry_id   uuid          NOT NULL,
    line_no    integer       NOT NULL CHECK (line_no > 0),
    account_id uuid          NOT NULL,
    debit      numeric(14,2) NOT NULL CHECK (debit >= 0),
    credit     numeric(14,2) NOT NULL CHECK (credit >= 0),
    memo       text,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, entry_id, line_no),
    FOREIGN KEY (org_id, entry_id) REFERENCES accounting.journal_entries (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, account_id) REFERENCES accounting.accounts (org_id, id) ON DELETE RESTRICT,
    CHECK ((debit = 0) <> (credit = 0))
);
-- The unique constraint's index leads with (org_id, entry_id), so it also serves that foreign key.
CREATE INDEX journal_lines_account_idx ON accounting.journal_lines (org_id, account_id);

-- Who the business invoices: companies whose staff it sends travelling, groups, and individual travellers.
CREATE TABLE accounting.customers (
    org_id             uuid        NOT NULL REFERENCES platform.organizations (id),
    id                 uuid        NOT NULL,
    name               text        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('CORPORATE', 'GROUP', 'INDIVIDUAL')),
    contact_name       text        NOT NULL,
    email              text        NOT NULL,
    phone              text        NOT NULL,
    city               text        NOT NULL,
    state              text        NOT NULL,
    payment_terms_days integer     NOT NULL CHECK (payment_terms_days >= 0),
    currency           char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at         timestamptz NOT NULL,
    PRIMARY KEY (org_id, id)
);

-- Accounts receivable. balance is what is still owed: total minus what payments allocated to it.
CREATE TABLE accounting.invoices (
    org_id         uuid          NOT NULL REFERENCES platform.organizations (id),
    id             uuid          NOT NULL,
    invoice_number text          NOT NULL,
    customer_id    uuid          NOT NULL,
    issue_date     date          NOT NULL,
    due_date       date          NOT NULL,
    status         text          NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID')),
    currency       char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    subtotal       numeric(14,2) NOT NULL CHECK (subtotal >= 0),
    tax            numeric(14,2) NOT NULL CHECK (tax >= 0),
    total          numeric(14,2) NOT NULL CHECK (total >= 0),
    balance        numeric(14,2) NOT NULL CHECK (balance >= 0),
    entry_id       uuid,
    memo           text,
    created_at     timestamptz   NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, invoice_number),
    FOREIGN KEY (org_id, customer_id) REFERENCES accounting.customers (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, entry_id) REFERENCES accounting.journal_entries (org_id, id) ON DELETE RESTRICT,
    CHECK (due_date >= issue_date),
    CHECK (total = subtotal + tax),
    CHECK (balance <= total),
    CHECK ((status = 'DRAFT') = (entry_id IS NULL))
);
CREATE INDEX invoices_customer_idx ON accounting.invoices (org_id, customer_id);
CREATE INDEX invoices_entry_idx ON accounting.invoices (org_id, entry_id);
CREATE INDEX invoices_due_date_idx ON accounting.invoices (org_id, due_date);

CREATE TABLE accounting.invoice_lines (
    org_id      uuid          NOT NULL REFERENCES platform.organizations (id),
    id          uuid          NOT NULL,
    invoice_id  uuid          NOT NULL,
    line_no     integer       NOT NULL CHECK (line_no > 0),
    description text          NOT NULL,
    quantity    numeric(10,2) NOT NULL CHECK (quantity > 0),
    unit_price  numeric(14,2) NOT NULL CHECK (unit_price >= 0),
    amount      numeric(14,2) NOT NULL CHECK (amount >= 0),
    tax_rate_id uuid,
    tax         numeric(14,2) NOT NULL CHECK (tax >= 0),
    account_id  uuid          NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, invoice_id, line_no),
    FOREIGN KEY (org_id, invoice_id) REFERENCES accounting.invoices (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, tax_rate_id) REFERENCES accounting.tax_rates (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, account_id) REFERENCES accounting.accounts (org_id, id) ON DELETE RESTRICT,
    CHECK (tax_rate_id IS NOT NULL OR tax = 0)
);
CREATE INDEX invoice_lines_tax_rate_idx ON accounting.invoice_lines (org_id, tax_rate_id);
CREATE INDEX invoice_lines_account_idx ON accounting.invoice_lines (org_id, account_id);

-- Accounts payable: what suppliers (suppliers.vendors) bill. bill_number is the supplier's own reference.
CREATE TABLE accounting.bills (
    org_id      uuid          NOT NULL REFERENCES platform.organizations (id),
    id          uuid          NOT NULL,
    bill_number text          NOT NULL,
    vendor_id   uuid          NOT NULL,
    issue_date  date          NOT NULL,
    due_date    date          NOT NULL,
    status      text          NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'PARTIALLY_PAID', 'PAID', 'VOID')),
    currency    char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    subtotal    numeric(14,2) NOT NULL CHECK (subtotal >= 0),
    tax         numeric(14,2) NOT NULL CHECK (tax >= 0),
    total       numeric(14,2) NOT NULL CHECK (total >= 0),
    balance     numeric(14,2) NOT NULL CHECK (balance >= 0),
    entry_id    uuid,
    memo        text,
    created_at  timestamptz   NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, vendor_id, bill_number),
    FOREIGN KEY (org_id, vendor_id) REFERENCES suppliers.vendors (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, entry_id) REFERENCES accounting.journal_entries (org_id, id) ON DELETE RESTRICT,
    CHECK (due_date >= issue_date),
    CHECK (total = subtotal + tax),
    CHECK (balance <= total),
    CHECK ((status = 'DRAFT') = (entry_id IS NULL))
);
-- The unique constraint's index leads with (org_id, vendor_id), so it also serves that foreign key.
CREATE INDEX bills_entry_idx ON accounting.bills (org_id, entry_id);
CREATE INDEX bills_due_date_idx ON accounting.bills (org_id, due_date);

-- Stock the business keeps (brochures, travel kits): on hand is the sum of its movements.
CREATE TABLE accounting.inventory_items (
    org_id           uuid          NOT NULL REFERENCES platform.organizations (id),
    id               uuid          NOT NULL,
    sku              text          NOT NULL,
    name             text          NOT NULL,
    unit_cost        numeric(14,2) NOT NULL CHECK (unit_cost >= 0),
    currency         char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    quantity_on_hand integer       NOT NULL CHECK (quantity_on_hand >= 0),
    reorder_point    integer       NOT NULL CHECK (reorder_point >= 0),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, sku)
);

CREATE TABLE accounting.bill_lines (
    org_id            uuid          NOT NULL REFERENCES platform.organizations (id),
    id                uuid          NOT NULL,
    bill_id           uuid          NOT NULL,
    line_no           integer       NOT NULL CHECK (line_no > 0),
    description       text          NOT NULL,
    quantity          numeric(10,2) NOT NULL CHECK (quantity > 0),
    unit_price        numeric(14,2) NOT NULL CHECK (unit_price >= 0),
    amount            numeric(14,2) NOT NULL CHECK (amount >= 0),
    tax               numeric(14,2) NOT NULL CHECK (tax >= 0),
    account_id        uuid          NOT NULL,
    inventory_item_id uuid,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, bill_id, line_no),
    FOREIGN KEY (org_id, bill_id) REFERENCES accounting.bills (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, account_id) REFERENCES accounting.accounts (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, inventory_item_id) REFERENCES accounting.inventory_items (org_id, id) ON DELETE RESTRICT
);
CREATE INDEX bill_lines_account_idx ON accounting.bill_lines (org_id, account_id);
CREATE INDEX bill_lines_inventory_item_idx ON accounting.bill_lines (org_id, inventory_item_id);

-- account_id is the bank account's cash account in the chart; balance = opening_balance + its transactions.
CREATE TABLE accounting.bank_accounts (
    org_id          uuid          NOT NULL REFERENCES platform.organizations (id),
    id              uuid          NOT NULL,
    name            text          NOT NULL,
    bank_name       text          NOT NULL,
    account_last4   text          NOT NULL CHECK (account_last4 ~ '^[0-9]{4}$'),
    account_id      uuid          NOT NULL,
    currency        char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    opening_date    date          NOT NULL,
    opening_balance numeric(14,2) NOT NULL,
    balance         numeric(14,2) NOT NULL,
    created_at      timestamptz   NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, account_id),
    FOREIGN KEY (org_id, account_id) REFERENCES accounting.accounts (org_id, id) ON DELETE RESTRICT
);
-- The unique constraint's index serves the foreign key: one bank account per cash account.

-- Money in (RECEIVED from a customer), out (SENT to a supplier) or back (a REFUND to a customer of
-- what they paid beyond their invoices). What a payment does not allocate stays a credit.
CREATE TABLE accounting.payments (
    org_id          uuid          NOT NULL REFERENCES platform.organizations (id),
    id              uuid          NOT NULL,
    payment_number  text          NOT NULL,
    direction       text          NOT NULL CHECK (direction IN ('RECEIVED', 'SENT', 'REFUND')),
    customer_id     uuid,
    vendor_id       uuid,
    bank_account_id uuid          NOT NULL,
    paid_on         date          NOT NULL,
    amount          numeric(14,2) NOT NULL CHECK (amount > 0),
    currency        char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    method          text          NOT NULL CHECK (method IN ('BANK_TRANSFER', 'ACH', 'CARD', 'CHECK')),
    reference       text,
    entry_id        uuid          NOT NULL,
    created_at      timestamptz   NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, payment_number),
    FOREIGN KEY (org_id, customer_id) REFERENCES accounting.customers (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, vendor_id) REFERENCES suppliers.vendors (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, bank_account_id) REFERENCES accounting.bank_accounts (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, entry_id) REFERENCES accounting.journal_entries (org_id, id) ON DELETE RESTRICT,
    CHECK ((direction IN ('RECEIVED', 'REFUND')) = (customer_id IS NOT NULL)),
    CHECK ((direction = 'SENT') = (vendor_id IS NOT NULL))
);
CREATE INDEX payments_customer_idx ON accounting.payments (org_id, customer_id);
CREATE INDEX payments_vendor_idx ON accounting.payments (org_id, vendor_id);
CREATE INDEX payments_bank_account_idx ON accounting.payments (org_id, bank_account_id);
CREATE INDEX payments_entry_idx ON accounting.payments (org_id, entry_id);

-- Which invoice (of a RECEIVED payment) or bill (of a SENT one) a payment settles, and how much of it.
CREATE TABLE accounting.payment_allocations (
    org_id       uuid          NOT NULL REFERENCES platform.organizations (id),
    id           uuid          NOT NULL,
    payment_id   uuid          NOT NULL,
    invoice_id   uuid,
    bill_id      uuid,
    amount       numeric(14,2) NOT NULL CHECK (amount > 0),
    allocated_on date          NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, payment_id) REFERENCES accounting.payments (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, invoice_id) REFERENCES accounting.invoices (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, bill_id) REFERENCES accounting.bills (org_id, id) ON DELETE RESTRICT,
    CHECK (num_nonnulls(invoice_id, bill_id) = 1)
);
CREATE INDEX payment_allocations_payment_idx ON accounting.payment_allocations (org_id, payment_id);
CREATE INDEX payment_allocations_invoice_idx ON accounting.payment_allocations (org_id, invoice_id);
CREATE INDEX payment_allocations_bill_idx ON accounting.payment_allocations (org_id, bill_id);

-- A bank statement matched against the books up to statement_date.
CREATE TABLE accounting.reconciliations (
    org_id            uuid          NOT NULL REFERENCES platform.organizations (id),
    id                uuid          NOT NULL,
    bank_account_id   uuid          NOT NULL,
    statement_date    date          NOT NULL,
    statement_balance numeric(14,2) NOT NULL,
    reconciled_at     timestamptz   NOT NULL,
    reconciled_by     text          NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, bank_account_id, statement_date),
    FOREIGN KEY (org_id, bank_account_id) REFERENCES accounting.bank_accounts (org_id, id) ON DELETE RESTRICT
);
-- The unique constraint's index leads with (org_id, bank_account_id), so it also serves that foreign key.

-- A line of the bank's statement: positive in, negative out. payment_id is the payment it matches;
-- entry_id the entry of a transaction that has no payment (a bank fee, interest, a card settlement).
CREATE TABLE accounting.bank_transactions (
    org_id            uuid          NOT NULL REFERENCES platform.organizations (id),
    id                uuid          NOT NULL,
    bank_account_id   uuid          NOT NULL,
    posted_on         date          NOT NULL,
    description       text          NOT NULL,
    amount            numeric(14,2) NOT NULL CHECK (amount <> 0),
    payment_id        uuid,
    entry_id          uuid,
    reconciliation_id uuid,
    created_at        timestamptz   NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, bank_account_id) REFERENCES accounting.bank_accounts (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, payment_id) REFERENCES accounting.payments (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, entry_id) REFERENCES accounting.journal_entries (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, reconciliation_id) REFERENCES accounting.reconciliations (org_id, id) ON DELETE RESTRICT,
    CHECK (num_nonnulls(payment_id, entry_id) = 1)
);
CREATE INDEX bank_transactions_account_idx ON accounting.bank_transactions (org_id, bank_account_id, posted_on);
CREATE INDEX bank_transactions_payment_idx ON accounting.bank_transactions (org_id, payment_id);
CREATE INDEX bank_transactions_entry_idx ON accounting.bank_transactions (org_id, entry_id);
CREATE INDEX bank_transactions_reconciliation_idx ON accounting.bank_transactions (org_id, reconciliation_id);

-- quantity is signed: a PURCHASE (from a bill) adds stock, an ISSUE (handed to travellers) removes it.
CREATE TABLE accounting.inventory_movements (
    org_id    uuid          NOT NULL REFERENCES platform.organizations (id),
    id        uuid          NOT NULL,
    item_id   uuid          NOT NULL,
    moved_on  date          NOT NULL,
    kind      text          NOT NULL CHECK (kind IN ('PURCHASE', 'ISSUE', 'ADJUSTMENT')),
    quantity  integer       NOT NULL CHECK (quantity <> 0),
    unit_cost numeric(14,2) NOT NULL CHECK (unit_cost >= 0),
    bill_id   uuid,
    entry_id  uuid,
    memo      text          NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, item_id) REFERENCES accounting.inventory_items (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, bill_id) REFERENCES accounting.bills (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, entry_id) REFERENCES accounting.journal_entries (org_id, id) ON DELETE RESTRICT,
    CHECK (kind <> 'PURCHASE' OR quantity > 0),
    CHECK (kind <> 'ISSUE' OR quantity < 0)
);
CREATE INDEX inventory_movements_item_idx ON accounting.inventory_movements (org_id, item_id, moved_on);
CREATE INDEX inventory_movements_bill_idx ON accounting.inventory_movements (org_id, bill_id);
CREATE INDEX inventory_movements_entry_idx ON accounting.inventory_movements (org_id, entry_id);

CREATE TABLE accounting.employees (
    org_id        uuid          NOT NULL REFERENCES platform.organizations (id),
    id            uuid          NOT NULL,
    first_name    text          NOT NULL,
    last_name     text          NOT NULL,
    email         text          NOT NULL,
    title         text          NOT NULL,
    department    text          NOT NULL,
    annual_salary numeric(14,2) NOT NULL CHECK (annual_salary > 0),
    currency      char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    hired_on      date          NOT NULL,
    active        boolean       NOT NULL,
    created_at    timestamptz   NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, email)
);

-- One run per month: gross pay, what is withheld (taxes, benefits) and paid on, and net to the employees.
CREATE TABLE accounting.payroll_runs (
    org_id       uuid          NOT NULL REFERENCES platform.organizations (id),
    id           uuid          NOT NULL,
    period_start date          NOT NULL,
    period_end   date          NOT NULL,
    pay_date     date          NOT NULL,
    status       text          NOT NULL CHECK (status IN ('DRAFT', 'PAID')),
    currency     char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    gross        numeric(14,2) NOT NULL CHECK (gross >= 0),
    withholding  numeric(14,2) NOT NULL CHECK (withholding >= 0),
    net          numeric(14,2) NOT NULL CHECK (net >= 0),
    entry_id     uuid,
    created_at   timestamptz   NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, period_start),
    FOREIGN KEY (org_id, entry_id) REFERENCES accounting.journal_entries (org_id, id) ON DELETE RESTRICT,
    CHECK (period_end >= period_start),
    CHECK (net = gross - withholding),
    CHECK ((status = 'PAID') = (entry_id IS NOT NULL))
);
CREATE INDEX payroll_runs_entry_idx ON accounting.payroll_runs (org_id, entry_id);

CREATE TABLE accounting.payroll_lines (
    org_id      uuid          NOT NULL REFERENCES platform.organizations (id),
    id          uuid          NOT NULL,
    run_id      uuid          NOT NULL,
    employee_id uuid          NOT NULL,
    gross       numeric(14,2) NOT NULL CHECK (gross >= 0),
    withholding numeric(14,2) NOT NULL CHECK (withholding >= 0),
    net         numeric(14,2) NOT NULL CHECK (net >= 0),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, run_id, employee_id),
    FOREIGN KEY (org_id, run_id) REFERENCES accounting.payroll_runs (org_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (org_id, employee_id) REFERENCES accounting.employees (org_id, id) ON DELETE RESTRICT,
    CHECK (net = gross - withholding)
);
CREATE INDEX payroll_lines_employee_idx ON accounting.payroll_lines (org_id, employee_id);
