package io.seedreset.cli;

/** The documented exit codes (README, "Exit codes"). */
public final class ExitCodes {

    public static final int OK = 0;
    /** Anything that went wrong: database unreachable or uninitialised, a failed invariant. */
    public static final int FAILURE = 1;
    /** Bad arguments: unknown command, option, pack, organization or mode; bad values. */
    public static final int USAGE = 2;
    /** Refused by the production boundary. */
    public static final int REFUSED = 3;
    /** Busy organization or database, already applied differently, confirmation missing or wrong, plan changed. */
    public static final int CONFLICT = 4;

    private ExitCodes() {
    }

    /** The word for a code in {@code --json} errors: ok, failure, usage, refused or conflict. */
    public static String kind(int exitCode) {
        return switch (exitCode) {
            case OK -> "ok";
            case USAGE -> "usage";
            case REFUSED -> "refused";
            case CONFLICT -> "conflict";
            default -> "failure";
        };
    }
}
