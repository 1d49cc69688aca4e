package io.seedreset.api;

import java.util.Locale;

/**
 * What an audited attempt was ({@link AuditEntry#operation()}): the operations that write to an
 * organization, and those refused and audited on a production organization.
 */
public enum AuditOperation {
    /** {@code init} repairing guards it found dropped, disabled or altered. */
    INIT,
    /** A plan, audited when it was refused on a production organization. */
    PLAN,
    /** An apply (with {@code --replace}, the teardown of what it replaces is part of it). */
    APPLY,
    /** A teardown of one application or of every application of an organization. */
    TEARDOWN,
    /** A reset: every row of the organization deleted, its packs applied again. */
    RESET,
    /** A validation, audited when it was refused on a production organization. */
    VALIDATE;

    /** The operation as the audit stores it and JSON writes it: {@code apply}, {@code teardown}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
