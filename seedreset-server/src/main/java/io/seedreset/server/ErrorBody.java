package io.seedreset.server;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiRequired;
import java.util.Map;

/**
 * Every error the server answers, as JSON: {@code {"error": {"status": 404, "reason": "unknown_organization",
 * "message": "...", "details": {...}}}}. The reason is the engine's ({@link io.seedreset.api.SeedResetException.Reason},
 * in lower case) or one of the server's own: {@code unknown_route}, {@code method_not_allowed},
 * {@code malformed_request}, {@code request_too_large}, {@code rate_limited} (429, with {@code Retry-After}:
 * {@link RateLimiter}), {@code internal_error}. The message is one line;
 * no stack trace ever leaves the server.
 *
 * <p>The annotations describe it in the API's description ({@link ApiDescription}), where it is the
 * {@code ErrorBody} schema every route's errors refer to.
 */
@OpenApiDescription("Every error the server answers: one object under \"error\"")
public record ErrorBody(@OpenApiRequired Error error) {

    /** The error itself. */
    @OpenApiDescription("What went wrong")
    public record Error(
            @OpenApiRequired @OpenApiDescription("The HTTP status, again")
            int status,
            @OpenApiRequired @OpenApiDescription("The engine's reason in lower case, or the server's own: unknown_route, "
                    + "method_not_allowed, malformed_request, request_too_large, internal_error")
            @OpenApiExample("unknown_organization")
            String reason,
            @OpenApiRequired @OpenApiDescription("One line for a person; never a stack trace") @OpenApiExample("unknown organization 'ghost'")
            String message,
            @OpenApiRequired @OpenApiDescription("The values the message names, under documented keys (empty when there are none)")
            Map<String, String> details) {
    }

    public static ErrorBody of(int status, String reason, String message, Map<String, String> details) {
        return new ErrorBody(new Error(status, reason, oneLine(message), Map.copyOf(details)));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
