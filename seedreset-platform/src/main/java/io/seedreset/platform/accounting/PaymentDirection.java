package io.seedreset.platform.accounting;

/** Which way a payment moves money, as {@code accounting.payments.direction} says. */
public enum PaymentDirection {
    /** From a customer, settling invoices; what it does not settle is the customer's credit. */
    RECEIVED,
    /** To a supplier, settling bills. */
    SENT,
    /** Back to a customer, of their credit. */
    REFUND
}
