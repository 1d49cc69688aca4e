package io.seedreset.server;

import java.util.Map;

/** A refusal of the API's own (not the engine's): answered with its status, reason and headers as an {@link ErrorBody}. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String reason;
    private final Map<String, String> headers;

    public ApiException(int status, String reason, String message) {
        this(status, reason, message, Map.of());
    }

    public ApiException(int status, String reason, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.headers = Map.copyOf(headers);
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
}
