package io.seedreset.server;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The server's rate limits (issue 8), token buckets kept in memory: so per server process, and
 * forgotten on restart. Every route but {@code GET /health} draws one token per request from its
 * caller's bucket ({@link RateLimitKey}); a request to a sign-in path also draws from its client
 * address's sign-in bucket. An empty bucket answers 429 with {@code Retry-After}.
 *
 * @param requestsPerSecond how fast a caller's bucket refills: its sustained rate; 0 turns the limit off
 * @param burst             the bucket's size: how many requests a caller may make at once
 * @param signInsPerMinute  the sign-in bucket's size and its refill per minute, per client address; 0 turns it off
 * @param signInPaths       where the sign-in limit applies: prefixes of the matched route's path
 *                          ({@code /api/v1/auth/login}), so a spelling of the URL cannot avoid it
 * @param nanoClock         the clock the buckets refill by, in nanoseconds ({@link System#nanoTime()}); tests move their own
 */
public record RateLimits(int requestsPerSecond, int burst, int signInsPerMinute, List<String> signInPaths, LongSupplier nanoClock) {

    /**
     * A demo's front end may fire a page's worth of calls at once (bursts of 40), and no person keeps
     * up 20 a second for long; a script that does is slowed to that.
     */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 20;
    public static final int DEFAULT_BURST = 40;
    /** A person who mistypes a password twice is not held up; a guesser gets 5 tries a minute per address. */
    public static final int DEFAULT_SIGN_INS_PER_MINUTE = 5;
    /** Where sign-in will be ({@code POST}): issue 8. */
    public static final String DEFAULT_SIGN_IN_PATH = "/api/v1/auth/login";
    public static final List<String> DEFAULT_SIGN_IN_PATHS = List.of(DEFAULT_SIGN_IN_PATH);
    /** {@link System#nanoTime()}: one instance, so that settings on it compare equal. */
    public static final LongSupplier SYSTEM_CLOCK = System::nanoTime;
    /** A rate above this is no limit (and bucket4j refuses a refill faster than a token a nanosecond): 0 says so. */
    public static final int MAX_RATE = 1_000_000;

    public RateLimits {
        if (requestsPerSecond < 0 || requestsPerSecond > MAX_RATE) {
            throw new IllegalArgumentException("the request rate limit " + requestsPerSecond + " is not 0 (off) to " + MAX_RATE);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("the burst " + burst + " is not positive");
        }
        if (signInsPerMinute < 0 || signInsPerMinute > MAX_RATE) {
            throw new IllegalArgumentException("the sign-in limit " + signInsPerMinute + " is not 0 (off) to " + MAX_RATE);
        }
        signInPaths = List.copyOf(signInPaths);
        for (String path : signInPaths) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("the sign-in path '" + path + "' does not start with /");
            }
        }
        if (nanoClock == null) {
            throw new IllegalArgumentException("no clock");
        }
    }

    public static RateLimits defaults() {
        return new RateLimits(DEFAULT_REQUESTS_PER_SECOND, DEFAULT_BURST, DEFAULT_SIGN_INS_PER_MINUTE, DEFAULT_SIGN_IN_PATHS, SYSTEM_CLOCK);
    }

    /** The same limits on another clock (tests). */
    public RateLimits withClock(LongSupplier nanoClock) {
        return new RateLimits(requestsPerSecond, burst, signInsPerMinute, signInPaths, nanoClock);
    }
}
