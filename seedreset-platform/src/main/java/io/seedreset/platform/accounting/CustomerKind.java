package io.seedreset.platform.accounting;

/** Who a customer is, as {@code accounting.customers.kind} says: a company, a group, or one traveller. */
public enum CustomerKind {
    CORPORATE, GROUP, INDIVIDUAL
}
