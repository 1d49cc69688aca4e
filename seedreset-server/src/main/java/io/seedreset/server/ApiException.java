package io.seedreset.server;

import io.javalin.http.Context;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.util.Map;

/** A refusal of the API's own (not the engine's): answered with its status, reason and headers as an {@link ErrorBody}. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String reason;
    private final Map<String, String> headers;
    private final Map<String, String> details;

    public ApiException(int status, String reason, String message) {
        this(status, reason, message, Map.of());
    }

    public ApiException(int status, String reason, String message, Map<String, String> headers) {
        this(status, reason, message, headers, Map.of());
    }

    /** With the values the message names, under keys a client acts on (the error's {@code details}). */
    public ApiException(int status, String reason, String message, Map<String, String> headers, Map<String, String> details) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.headers = Map.copyOf(headers);
        this.details = Map.copyOf(details);
    }

    /**
     * The row the path names is not there for the caller: it does not exist, is another
     * organization's, or is not the caller's to see. One answer for all three, so that ids cannot be probed.
     */
    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "not_found", "no " + what + " " + id);
    }

    /**
     * No route answers this request: the answer to a path nobody declared (in Javalin's words, which its
     * own 404 carries), and to every route of a module switched off for the caller's organization, which
     * must look the same.
     */
    public static ApiException unknownRoute(Context ctx) {
        return new ApiException(404, "unknown_route", "Endpoint " + ctx.method() + " " + ctx.path() + " not found");
    }

    /** The caller's role may not do this, whatever the row. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    /** A workflow the platform refused, with its reason, message and details: 400, 403, 404, 409 or 422 by its kind. */
    public static ApiException of(WorkflowRefused refused) {
        int status = switch (refused.kind()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
        return new ApiException(status, refused.reason(), refused.getMessage(), Map.of(), refused.details());
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, String> details() {
        return details;
    }
}
