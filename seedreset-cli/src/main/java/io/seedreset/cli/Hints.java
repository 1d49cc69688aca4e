package io.seedreset.cli;

import io.seedreset.api.SeedResetException;

/**
 * The CLI's advice after an engine error. The engine's messages say what happened in the Java
 * API's words; what to type next (a flag, a command) is this front end's to say, found from the
 * failure's reason and details rather than from its text.
 */
final class Hints {

    private Hints() {
    }

    /** The message as the CLI prints it: the engine's, then the CLI's advice if it has any. */
    static String message(SeedResetException e) {
        return e.getMessage() + hint(e);
    }

    private static String hint(SeedResetException e) {
        String organization = e.detail(SeedResetException.ORGANIZATION);
        String sqlState = e.detail(SeedResetException.SQL_STATE);
        return switch (e.reason()) {
            case UNKNOWN_ORGANIZATION -> ": see 'seedreset org list', or create it with 'seedreset org create " + organization
                    + " --name NAME --kind demo'";
            case UNKNOWN_PACK -> ": see 'seedreset packs'";
            case ORGANIZATION_EXISTS -> ": see 'seedreset org list'";
            case UNKNOWN_APPLICATION -> ": see 'seedreset history --org " + organization + "'";
            case PRODUCTION_ORGANIZATION -> " (create a demo organization with 'seedreset org create')";
            case CONFIRMATION_REQUIRED -> " (--confirm " + organization + ")";
            case ALREADY_APPLIED -> ": add --replace to tear it down and apply this one";
            // Applied with the same arguments but another plan hash: the reviewed plan was of another seed or anchor.
            case PLAN_CHANGED -> e.detail(SeedResetException.APPLICATION) == null ? "" : " (--seed, --anchor or --replace)";
            case SCHEMA_NOT_INITIALISED -> ": run 'seedreset init' first";
            case SCHEMA_OUTDATED -> ": run 'seedreset init' to upgrade";
            case GUARDS_ALTERED -> ": run 'seedreset init' to restore the guards";
            case DATABASE_UNAVAILABLE -> sqlState == null ? ""
                    : sqlState.startsWith("28") ? " (--user and --password)"
                    : sqlState.startsWith("08") ? " (--url or SEEDRESET_URL)" : "";
            default -> "";
        };
    }
}
