package io.seedreset.cli;

import io.seedreset.api.SeedResetException;
import io.seedreset.cli.output.CommandWords;

/**
 * The CLI's advice after an engine error. The engine's messages say what happened in the Java
 * API's words; what to type next (a flag, a command) is this front end's to say, found from the
 * failure's reason and details rather than from its text. The commands it names are short, as
 * advice in a one-line message should be (a terminal shortens long quoted values); the commands
 * the CLI prints to be copied, such as a plan's apply line, carry the connection options instead
 * ({@link io.seedreset.cli.output.CommandWords}).
 */
final class Hints {

    private Hints() {
    }

    /** The message as the CLI prints it: the engine's, then the CLI's advice if it has any. */
    static String message(SeedResetException e, boolean embedded) {
        return e.getMessage() + hint(e, embedded);
    }

    private static String hint(SeedResetException e, boolean embedded) {
        CommandWords commands = CommandWords.PLAIN;
        String organization = e.detail(SeedResetException.ORGANIZATION);
        String sqlState = e.detail(SeedResetException.SQL_STATE);
        return switch (e.reason()) {
            case UNKNOWN_ORGANIZATION -> ": see '" + commands.command("org", "list") + "', or create it with '"
                    + commands.command("org", "create", organization) + " --name NAME --kind demo'";
            case UNKNOWN_PACK -> ": see '" + commands.command("packs") + "'";
            case ORGANIZATION_EXISTS -> ": see '" + commands.command("org", "list") + "'";
            case UNKNOWN_APPLICATION -> ": see '" + commands.command("history", "--org", organization) + "'";
            case UNKNOWN_SNAPSHOT -> ": see '" + commands.command("snapshot", "list", "--org", organization) + "'";
            // Followed as typed, the advice must not make another production organization: org create's kind defaults to production.
            case PRODUCTION_ORGANIZATION -> " (create a demo organization for seed packs with '" + commands.command("org", "create")
                    + " SLUG --name NAME --kind demo')";
            case CONFIRMATION_REQUIRED, CONFIRMATION_MISMATCH -> " (--confirm " + organization + ")";
            case ALREADY_APPLIED -> ": add --replace to tear it down and apply this one";
            case REQUIRED_MODULE_MISSING -> " (--modules " + e.detail(SeedResetException.MODULE) + ")";
            // Applied with the same arguments but another plan hash: the reviewed plan was of another seed or anchor.
            case PLAN_CHANGED -> e.detail(SeedResetException.APPLICATION) == null ? "" : " (--seed, --anchor or --replace)";
            case SCHEMA_NOT_INITIALISED -> ": run '" + commands.command("init") + "' first";
            case SCHEMA_OUTDATED -> ": run '" + commands.command("init") + "' to upgrade";
            case INVALID_CONFIGURATION -> e.detail(SeedResetException.SETTINGS) == null ? "" : " (--config FILE or SEEDRESET_CONFIG, as init had)";
            case GUARDS_ALTERED -> ": run '" + commands.command("init") + "' to restore the guards";
            case DATABASE_UNAVAILABLE -> sqlState == null ? ""
                    // The embedded database has no URL or password to check: its server is the thing to look at.
                    : embedded ? " (the embedded database: see '" + commands.command("db", "status") + "')"
                    : sqlState.startsWith("28") ? " (--user and --password)"
                    : sqlState.startsWith("08") ? " (--url or SEEDRESET_URL)" : "";
            default -> "";
        };
    }
}
