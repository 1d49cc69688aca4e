package io.seedreset.api;

/**
 * Every failure an operation reports. The message is one line that names the thing, what
 * happened and what to do; messages are API (tests and scripts assert on them).
 */
public class SeedResetException extends RuntimeException {

    /** What kind of failure this is; front ends map it to an exit code or HTTP status. */
    public enum Kind {
        /** Unknown pack, organization or mode, a bad parameter value, a malformed anchor. */
        BAD_INPUT,
        /** Refused by the production boundary (code, database guards or product rule). */
        REFUSED,
        /** Busy organization, already applied, confirmation missing or wrong, plan changed. */
        CONFLICT,
        /** Anything else: database unreachable or uninitialised, a failed invariant, a bug. */
        FAILURE
    }

    private final Kind kind;

    public SeedResetException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SeedResetException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static SeedResetException badInput(String message) {
        return new SeedResetException(Kind.BAD_INPUT, message);
    }

    public static SeedResetException refused(String message) {
        return new SeedResetException(Kind.REFUSED, message);
    }

    public static SeedResetException conflict(String message) {
        return new SeedResetException(Kind.CONFLICT, message);
    }

    public static SeedResetException failure(String message) {
        return new SeedResetException(Kind.FAILURE, message);
    }
}
