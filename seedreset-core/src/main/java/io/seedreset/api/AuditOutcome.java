package io.seedreset.api;

import java.util.Locale;

/**
 * How an audited attempt ended ({@link AuditEntry#outcome()}). An attempt is recorded as
 * {@link #STARTED} before any work and finished with one of the others; one that stays
 * {@code STARTED} never finished (the process died), and is never read as a success.
 */
public enum AuditOutcome {
    /** Recorded before the work; still so when the process died before finishing it. */
    STARTED,
    /** The operation did what it was asked. */
    SUCCEEDED,
    /** There was nothing to do: the same application was already in place, or nothing to tear down. */
    UNCHANGED,
    /** The safety boundary refused it: a production organization, or guards not in place. */
    REFUSED,
    /** It conflicted: organization busy, confirmation missing or wrong, already applied differently, and the like. */
    CONFLICT,
    /** It failed: bad input, a broken validation rule, a database error. */
    FAILED;

    /** The outcome as the audit stores it and JSON writes it: {@code started}, {@code succeeded}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
