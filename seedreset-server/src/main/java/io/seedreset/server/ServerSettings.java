package io.seedreset.server;

/**
 * Where the server listens and what it accepts.
 *
 * @param bind            the address to listen on (default 127.0.0.1: loopback only)
 * @param port            the port; 0 picks a free one (tests)
 * @param maxRequestBytes request bodies over this answer 413
 * @param rateLimits      requests over these answer 429
 */
public record ServerSettings(String bind, int port, long maxRequestBytes, RateLimits rateLimits) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

    public ServerSettings {
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("the address to bind is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not 0-65535");
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("the request size limit must be positive");
        }
        if (rateLimits == null) {
            throw new IllegalArgumentException("no rate limits");
        }
    }

    /** With the default rate limits. */
    public ServerSettings(String bind, int port, long maxRequestBytes) {
        this(bind, port, maxRequestBytes, RateLimits.defaults());
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_BIND, DEFAULT_PORT, DEFAULT_MAX_REQUEST_BYTES);
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(bind, port, maxRequestBytes, rateLimits);
    }

    public ServerSettings withRateLimits(RateLimits rateLimits) {
        return new ServerSettings(bind, port, maxRequestBytes, rateLimits);
    }
}
