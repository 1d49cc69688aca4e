package io.seedreset.platform.uploads;

/**
 * An upload refused for what was sent rather than for who sent it or where to: too large, or not a kind of file the
 * row takes. Nothing is stored. (Who and where are {@link io.seedreset.platform.workflow.WorkflowRefused}'s.)
 */
public final class UploadRefused extends RuntimeException {

    /** Why: the HTTP front end answers 413 and 415. */
    public enum Why {
        /** The body is larger than {@link Uploads#MAX_BYTES}. */
        TOO_LARGE,
        /** The content type is not one the row takes, or the bytes are not of the type it says. */
        UNSUPPORTED_TYPE
    }

    private final Why why;

    UploadRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
