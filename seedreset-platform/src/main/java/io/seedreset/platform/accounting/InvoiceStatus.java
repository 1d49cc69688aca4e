package io.seedreset.platform.accounting;

/** Where an invoice stands, as {@code accounting.invoices.status} says; the status follows the balance once issued. */
public enum InvoiceStatus {
    DRAFT, ISSUED, PARTIALLY_PAID, PAID, VOID
}
