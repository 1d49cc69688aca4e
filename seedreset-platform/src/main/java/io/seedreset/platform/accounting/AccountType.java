package io.seedreset.platform.accounting;

/** What an account of the chart is, as {@code accounting.accounts.type} says. */
public enum AccountType {
    ASSET, LIABILITY, EQUITY, REVENUE, EXPENSE;

    /**
     * Whether a debit raises the account's balance: assets and expenses; liabilities, equity and revenue are raised by
     * credits. A contra account (accumulated depreciation, an asset) has a balance below zero.
     */
    public boolean debitNormal() {
        return this == ASSET || this == EXPENSE;
    }
}
