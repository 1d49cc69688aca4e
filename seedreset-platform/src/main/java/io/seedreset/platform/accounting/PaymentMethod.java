package io.seedreset.platform.accounting;

/** How a payment was made, as {@code accounting.payments.method} says. */
public enum PaymentMethod {
    BANK_TRANSFER, ACH, CARD, CHECK
}
