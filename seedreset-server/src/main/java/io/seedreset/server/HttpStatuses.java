package io.seedreset.server;

import io.seedreset.api.SeedResetException.Reason;

/**
 * The HTTP status of each engine failure, as {@link Reason}'s javadoc documents it. The switch has
 * no default, so a reason added to core does not compile here until it has a status.
 */
public final class HttpStatuses {

    private HttpStatuses() {
    }

    public static int of(Reason reason) {
        return switch (reason) {
            case INVALID_VALUE, UNKNOWN_MODE, UNKNOWN_MODULE, INVALID_PARAMETER, UNKNOWN_ROLE, INVALID_SNAPSHOT, INVALID_IMPORT -> 400;
            case UNKNOWN_ORGANIZATION, UNKNOWN_PACK, UNKNOWN_APPLICATION, UNKNOWN_SNAPSHOT -> 404;
            case PRODUCTION_ORGANIZATION, DATABASE_GUARD, GUARDS_BYPASSED, UNSAFE_ROLE -> 403;
            case CONFIRMATION_REQUIRED -> 428;
            case CONFIRMATION_MISMATCH, ORGANIZATION_BUSY, ORGANIZATION_EXISTS, ALREADY_APPLIED, PLAN_CHANGED,
                    REQUIRED_PACK_MISSING, REQUIRED_MODULE_MISSING, REQUIRED_BY_SCENARIO, ROWS_CHANGED, CONCURRENT_CHANGE, ALREADY_EXISTS,
                    DATABASE_BUSY, SNAPSHOT_IN_USE -> 409;
            case VALIDATION_FAILED -> 422;
            case GUARDS_ALTERED, DATABASE_UNAVAILABLE, SCHEMA_NOT_INITIALISED, SCHEMA_OUTDATED, SCHEMA_TOO_NEW, INTERRUPTED -> 503;
            case INVALID_CONFIGURATION, SCHEMA_MIGRATION_FAILED, PACK_FAILED, FILE_ERROR, DATABASE_ERROR, INTERNAL_ERROR -> 500;
        };
    }
}
