package io.seedreset.server;

/**
 * Request attributes ({@code ctx.attribute(name, value)}) through which the handler that knows who is
 * calling tells the guardrails: the {@link RateLimiter} and the {@link AccessLog}. Sign-in and bearer
 * tokens set them once they exist; until then none is set, the rate limits key on the client's
 * address and the access log writes {@code -}.
 *
 * <p>Set them in a {@code before} handler: every {@code before} handler runs before the rate limiter,
 * which is a {@code beforeMatched} handler.
 */
public final class RequestAttributes {

    /**
     * The caller the per-key rate limit counts against, e.g. {@code "token:42"}: any string that names
     * one caller (not one request). Absent: the client's address. The sign-in limit always counts
     * per address.
     */
    public static final String RATE_LIMIT_KEY = "seedreset.rateLimitKey";

    /** The organization the request works on (its slug), for the access log. */
    public static final String ORGANIZATION = "seedreset.organization";

    /** Whether that organization is a demo tenant ({@link Boolean}), for the access log. */
    public static final String DEMO = "seedreset.demo";

    /** The persona the caller acts as, for the access log. */
    public static final String PERSONA = "seedreset.persona";

    private RequestAttributes() {
    }
}
