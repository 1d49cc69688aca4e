package io.seedreset.platform.workflow;

import java.util.Map;

/**
 * A workflow the platform refuses (ticketing's, accounting's), with nothing written: why (the {@link Kind}, which a
 * front end maps to a status), a reason in snake case a client can act on, a one-line message, and the values it names.
 */
public final class WorkflowRefused extends RuntimeException {

    /** What kind of refusal: the HTTP front end answers 400, 403, 404, 409 and 422 for them. */
    public enum Kind {
        /** The request itself is wrong: a missing or impossible field. */
        INVALID,
        /** The caller's role may not do this, whatever the row. */
        FORBIDDEN,
        /** The row is not there for the caller: missing, another organization's, or not theirs. */
        NOT_FOUND,
        /** The rows' current state refuses it (sold out, not on sale, already used, a closed period); another time it may pass. */
        CONFLICT,
        /** Well formed, but what it names cannot be used (an expired or unknown promo code). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String reason;
    private final Map<String, String> details;

    WorkflowRefused(Kind kind, String reason, String message, Map<String, String> details) {
        super(message);
        this.kind = kind;
        this.reason = reason;
        this.details = Map.copyOf(details);
    }

    public static WorkflowRefused invalid(String message) {
        return new WorkflowRefused(Kind.INVALID, "invalid_request", message, Map.of());
    }

    public static WorkflowRefused forbidden(String message) {
        return new WorkflowRefused(Kind.FORBIDDEN, "forbidden", message, Map.of());
    }

    /** One answer for a missing row, another organization's and one the caller may not see, so ids cannot be probed. */
    public static WorkflowRefused notFound(String what, Object id) {
        return new WorkflowRefused(Kind.NOT_FOUND, "not_found", "no " + what + " " + id, Map.of());
    }

    public static WorkflowRefused conflict(String reason, String message, Map<String, String> details) {
        return new WorkflowRefused(Kind.CONFLICT, reason, message, details);
    }

    public static WorkflowRefused unprocessable(String reason, String message, Map<String, String> details) {
        return new WorkflowRefused(Kind.UNPROCESSABLE, reason, message, details);
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public Map<String, String> details() {
        return details;
    }
}
