package io.seedreset.platform.ticketing;

/**
 * The caller may not read this kind of row at all, whichever row it is (a scanner asking for orders,
 * a customer for promo codes). A row that exists but is not the caller's to see is not refused this
 * way: it is not found, like a missing one, so that ids cannot be probed.
 */
public final class NotPermitted extends RuntimeException {

    NotPermitted(String message) {
        super(message);
    }
}
