package io.seedreset.platform.accounting;

/** Where a journal entry comes from, as {@code accounting.journal_entries.source} says. */
public enum EntrySource {
    /** The balances the books open with. */
    OPENING,
    INVOICE,
    BILL,
    PAYMENT,
    PAYROLL,
    /** Stock issued or counted; a purchase comes in through a bill. */
    INVENTORY,
    /** A bank fee or interest, with its bank transaction. */
    BANK,
    ACCRUAL,
    DEPRECIATION,
    /** Posted by hand. */
    MANUAL
}
