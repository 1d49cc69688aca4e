package io.seedreset.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every failure an operation of the Java API reports, and nothing else leaves it. It carries:
 * <ul>
 *   <li>a {@link Reason}, the one case it is, which a front end maps to an exit code or an HTTP
 *       status (each reason belongs to one coarse {@link Kind});</li>
 *   <li>{@link #details()}, the values the message names (organization, pack, ...), so that a
 *       front end can add its own advice ("add --replace", a link) without parsing the message;</li>
 *   <li>a one-line message that names the thing, what happened and, in the API's own terms,
 *       what to do. It names no flag, command or route of any front end: those hints are the
 *       front ends' to add;</li>
 *   <li>the cause, when a database or pack error lies under it.</li>
 * </ul>
 * Reasons and detail keys are API: scripts and front ends rely on them, messages may be reworded.
 */
public class SeedResetException extends RuntimeException {

    /** The coarse kind of a failure: the CLI's exit codes follow it. */
    public enum Kind {
        /** The request is wrong: an unknown name, a malformed value. Retrying it unchanged fails again. */
        BAD_INPUT,
        /** Refused by the production boundary (code, database guards or product rule). */
        REFUSED,
        /** The request is sound but the organization's state is in the way: busy, already applied, unconfirmed. */
        CONFLICT,
        /** Something failed underneath: the database, the schema, a validation rule, a pack, a bug. */
        FAILURE
    }

    /** Detail keys, named once so that front ends and the engine agree on them. */
    public static final String ORGANIZATION = "organization";
    public static final String PACK = "pack";
    public static final String MODE = "mode";
    public static final String MODULE = "module";
    public static final String PARAMETER = "parameter";
    public static final String VALUE = "value";
    public static final String APPLICATION = "application";
    public static final String REQUIRED_PACK = "requiredPack";
    public static final String PLAN_HASH = "planHash";
    public static final String REVIEWED_PLAN_HASH = "reviewedPlanHash";
    public static final String CONFIRMATION = "confirmation";
    public static final String WAITED_MS = "waitedMs";
    public static final String RULE = "rule";
    public static final String ROLE = "role";
    public static final String TABLE = "table";
    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String SQL_STATE = "sqlState";
    public static final String SNAPSHOT = "snapshot";
    public static final String LINE = "line";
    public static final String COLUMN = "column";
    /** The migration locations given when they do not match a database initialised with its own settings. */
    public static final String SETTINGS = "settings";

    /**
     * The case a failure is. The HTTP status in each description is what a server should answer
     * (the admin API does); the CLI exits with its {@link Kind}'s code.
     */
    public enum Reason {
        /** A malformed or out-of-range value: a slug, a name, an anchor, a page size (400; details: {@code value} when one value is at fault). */
        INVALID_VALUE(Kind.BAD_INPUT),
        /** The configuration a program built, or the schema it points at, is unusable: no data source, two packs with one id, tenant tables in a foreign-key cycle (500 in a server: its own setup). */
        INVALID_CONFIGURATION(Kind.BAD_INPUT),
        /** No organization has this slug (404; details: {@code organization}). */
        UNKNOWN_ORGANIZATION(Kind.BAD_INPUT),
        /** No installed pack has this id (404; details: {@code pack}). */
        UNKNOWN_PACK(Kind.BAD_INPUT),
        /** The pack has no such mode (400; details: {@code pack}, {@code mode}). */
        UNKNOWN_MODE(Kind.BAD_INPUT),
        /** The pack has no such module (400; details: {@code pack}, {@code module}). */
        UNKNOWN_MODULE(Kind.BAD_INPUT),
        /** The pack has no such parameter, or the value does not fit it (400; details: {@code pack}, {@code parameter}). */
        INVALID_PARAMETER(Kind.BAD_INPUT),
        /** The organization has no active application with this id (404; details: {@code organization}, {@code application}). */
        UNKNOWN_APPLICATION(Kind.BAD_INPUT),
        /** The database has no role of this name (400; details: {@code role}). */
        UNKNOWN_ROLE(Kind.BAD_INPUT),
        /** The organization has no snapshot of this name (404; details: {@code organization}, {@code snapshot}). */
        UNKNOWN_SNAPSHOT(Kind.BAD_INPUT),
        /** A snapshot file cannot be restored: not a snapshot, truncated, altered, or of another schema version (400; details: {@code value}, {@code schemaVersion} when that differs). */
        INVALID_SNAPSHOT(Kind.BAD_INPUT),
        /** A file to import cannot be loaded as it is: not UTF-8, malformed, unknown or missing columns, a bad value, a missing reference, a duplicate key, empty (400; details: {@code value} the file, {@code line}, {@code column} when known, {@code table}). */
        INVALID_IMPORT(Kind.BAD_INPUT),

        /** The organization is production: seed packs never run there (403; details: {@code organization}). */
        PRODUCTION_ORGANIZATION(Kind.REFUSED),
        /** A guard trigger in the database refused a write (403; details: {@code sqlState}). */
        DATABASE_GUARD(Kind.REFUSED),
        /** The installed guards differ from the declared ones, or cannot fire; init restores them (503; details: none). */
        GUARDS_ALTERED(Kind.REFUSED),
        /** A session setting (session_replication_role) would keep the guard triggers from firing (403). */
        GUARDS_BYPASSED(Kind.REFUSED),
        /** The role could switch the guards off (a superuser, the schema's owner), so it cannot be the application's (400; details: {@code role}). */
        UNSAFE_ROLE(Kind.REFUSED),

        /** A mutation needs the organization's slug typed as confirmation, and none was given (428; details: {@code organization}). */
        CONFIRMATION_REQUIRED(Kind.CONFLICT),
        /** The typed confirmation is not the organization's slug (409; details: {@code organization}, {@code confirmation}). */
        CONFIRMATION_MISMATCH(Kind.CONFLICT),
        /** Another operation holds the organization (409; details: {@code organization}, {@code waitedMs}). */
        ORGANIZATION_BUSY(Kind.CONFLICT),
        /** An organization with this slug exists (409; details: {@code organization}). */
        ORGANIZATION_EXISTS(Kind.CONFLICT),
        /** The pack is applied with other settings; replacing it must be asked for (409; details: {@code organization}, {@code pack}, {@code application}). */
        ALREADY_APPLIED(Kind.CONFLICT),
        /** The rows differ from the reviewed plan's (409; details: {@code pack}, {@code planHash}, {@code reviewedPlanHash}, {@code organization} when applied). */
        PLAN_CHANGED(Kind.CONFLICT),
        /** A scenario's required pack is not applied (409; details: {@code pack}, {@code requiredPack}, {@code organization}). */
        REQUIRED_PACK_MISSING(Kind.CONFLICT),
        /**
         * An apply limited to some modules of a pack writes rows that reference rows of its other modules, which no
         * application of the pack with the same arguments holds yet (409; details: {@code organization}, {@code pack},
         * {@code module}: the missing modules, comma-separated).
         */
        REQUIRED_MODULE_MISSING(Kind.CONFLICT),
        /** The application is required by a scenario applied on top of it (409; details: {@code pack}, {@code application}, {@code requiredPack}). */
        REQUIRED_BY_SCENARIO(Kind.CONFLICT),
        /** Rows someone else created or changed stand in the way of a teardown (409; details: {@code table} when known). */
        ROWS_CHANGED(Kind.CONFLICT),
        /** Another transaction changed the same rows at the same time; nothing was written and a retry may pass (409). */
        CONCURRENT_CHANGE(Kind.CONFLICT),
        /** Something exists where it would be created, e.g. a file (409; details: {@code value}). */
        ALREADY_EXISTS(Kind.CONFLICT),
        /** The snapshot is an organization's baseline and cannot be deleted while it is (409; details: {@code organization}, {@code snapshot}). */
        SNAPSHOT_IN_USE(Kind.CONFLICT),
        /** The database (or the embedded one) is held by another process (409). */
        DATABASE_BUSY(Kind.CONFLICT),

        /** The database cannot be reached, or refused the login, or does not exist (503; details: {@code sqlState} when it answered). */
        DATABASE_UNAVAILABLE(Kind.FAILURE),
        /** The database holds no Seed &amp; Reset schema: init creates it (503). */
        SCHEMA_NOT_INITIALISED(Kind.FAILURE),
        /** The schema is older than this code: init upgrades it (503; details: {@code schemaVersion}). */
        SCHEMA_OUTDATED(Kind.FAILURE),
        /** The schema is newer than this code knows (503; details: {@code schemaVersion}). */
        SCHEMA_TOO_NEW(Kind.FAILURE),
        /** Migrating the schema or installing the guards failed (500). */
        SCHEMA_MIGRATION_FAILED(Kind.FAILURE),
        /** A pack's validation rule does not hold (422; details: {@code pack}, {@code rule}, {@code organization}). */
        VALIDATION_FAILED(Kind.FAILURE),
        /** A pack failed or wrote rows the schema does not take: the pack's bug (500; details: {@code pack}, {@code table} when known). */
        PACK_FAILED(Kind.FAILURE),
        /** Reading or writing a file failed: a disk full, a broken pipe (500; details: {@code value}, the file when known). */
        FILE_ERROR(Kind.FAILURE),
        /** Any other database error (500; details: {@code sqlState}). */
        DATABASE_ERROR(Kind.FAILURE),
        /** The operation's thread was interrupted; nothing was committed (503). */
        INTERRUPTED(Kind.FAILURE),
        /** A failure nothing above foresaw: a bug to report (500). */
        INTERNAL_ERROR(Kind.FAILURE);

        private final Kind kind;

        Reason(Kind kind) {
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    private final Reason reason;
    private final Map<String, String> details;

    public SeedResetException(Reason reason, String message) {
        this(reason, message, Map.of(), null);
    }

    public SeedResetException(Reason reason, String message, Map<String, String> details) {
        this(reason, message, details, null);
    }

    public SeedResetException(Reason reason, String message, Map<String, String> details, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.details = Collections.unmodifiableMap(new TreeMap<>(details));
    }

    public Reason reason() {
        return reason;
    }

    public Kind kind() {
        return reason.kind();
    }

    /** The values the message names, by the keys this class declares, sorted by key. */
    public Map<String, String> details() {
        return details;
    }

    /** One detail, or null. */
    public String detail(String key) {
        return details.get(key);
    }
}
