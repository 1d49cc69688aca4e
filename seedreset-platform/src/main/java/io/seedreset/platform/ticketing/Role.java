package io.seedreset.platform.ticketing;

/** What a ticketing account is, as {@code ticketing.users.role} says. */
public enum Role {
    /** The tenant's administrators: every event, order and code. */
    ADMIN,
    /** Staff of a promoting company: their company's events, drafts included, and those events' orders and sales. */
    PROMOTER,
    /** A ticket buyer: published events, their own orders and tickets. */
    CUSTOMER,
    /** Door staff of a company: published events and the tickets they hold, no orders. */
    SCANNER
}
