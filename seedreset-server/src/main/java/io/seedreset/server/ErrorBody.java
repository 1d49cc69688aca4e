package io.seedreset.server;

import java.util.Map;

/**
 * Every error the server answers, as JSON: {@code {"error": {"status": 404, "reason": "unknown_organization",
 * "message": "...", "details": {...}}}}. The reason is the engine's ({@link io.seedreset.api.SeedResetException.Reason},
 * in lower case) or one of the server's own: {@code unknown_route}, {@code method_not_allowed},
 * {@code malformed_request}, {@code request_too_large}, {@code rate_limited} (429, with {@code Retry-After}:
 * {@link RateLimiter}), {@code internal_error}. The message is one line;
 * no stack trace ever leaves the server.
 */
public record ErrorBody(Error error) {

    /** The error itself. */
    public record Error(int status, String reason, String message, Map<String, String> details) {
    }

    public static ErrorBody of(int status, String reason, String message, Map<String, String> details) {
        return new ErrorBody(new Error(status, reason, oneLine(message), Map.copyOf(details)));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
