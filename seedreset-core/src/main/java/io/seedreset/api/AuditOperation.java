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
    VALIDATE,
    /** A snapshot taken of an organization (by hand, or as the backup before an apply or a reset). */
    SNAPSHOT,
    /** A snapshot deleted. */
    SNAPSHOT_DELETE,
    /** An organization made a snapshot's state, from the database or a file. */
    RESTORE,
    /** An organization's baseline set or cleared. */
    BASELINE,
    /** Rows imported from a file. */
    IMPORT,
    /** Synthetic activity posted. */
    ACTIVITY,
    /** An organization's clock moved. */
    TIMETRAVEL;

    /** The operation as the audit stores it and JSON writes it: {@code apply}, {@code teardown}, {@code snapshot-delete}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
