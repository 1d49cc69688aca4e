package io.seedreset.platform.accounting;

/** Where a supplier's bill stands, as {@code accounting.bills.status} says; the status follows the balance once open. */
public enum BillStatus {
    DRAFT, OPEN, PARTIALLY_PAID, PAID, VOID
}
