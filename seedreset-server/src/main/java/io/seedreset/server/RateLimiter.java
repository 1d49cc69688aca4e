package io.seedreset.server;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The {@link RateLimits}, as a {@code beforeMatched} handler: it runs after every {@code before}
 * handler (where a caller is identified, see {@link RequestAttributes}) and only on a request that
 * matched a route, whose path template it knows. Over a limit it answers 429 with
 * {@code Retry-After} (whole seconds, at least 1) and an {@link ErrorBody} of reason
 * {@code rate_limited}, and the route does not run. {@code GET /health} is never limited.
 */
public final class RateLimiter implements Handler {

    /** Load balancers and the benchmark call it, and it costs nothing. */
    private static final Set<String> UNLIMITED = Set.of("/health");
    private static final long SECOND = 1_000_000_000L;
    /** Below this many keys a bucket table is never swept. */
    static final int SWEEP_FLOOR = 10_000;

    private final RateLimits limits;
    private final RateLimitKey key;
    private final Buckets requests;
    private final Buckets signIns;

    /** The limits, per caller ({@link RateLimitKey#CALLER_OR_ADDRESS}). */
    public RateLimiter(RateLimits limits) {
        this(limits, RateLimitKey.CALLER_OR_ADDRESS);
    }

    /** The limits, per the given key (the sign-in limit is per client address whatever the key). */
    public RateLimiter(RateLimits limits, RateLimitKey key) {
        this.limits = limits;
        this.key = key;
        TimeMeter clock = timeMeter(limits.nanoClock());
        this.requests = limits.requestsPerSecond() == 0 ? null
                : new Buckets(limits.burst(), limits.requestsPerSecond(), Duration.ofSeconds(1), clock, SWEEP_FLOOR);
        this.signIns = limits.signInsPerMinute() == 0 ? null
                : new Buckets(limits.signInsPerMinute(), limits.signInsPerMinute(), Duration.ofMinutes(1), clock, SWEEP_FLOOR);
    }

    @Override
    public void handle(Context ctx) {
        String route = ctx.endpointHandlerPath();
        if (UNLIMITED.contains(route) || UNLIMITED.contains(withoutTrailingSlash(ctx.path()))) {
            return;
        }
        if (requests != null) {
            ConsumptionProbe probe = requests.take(key.of(ctx));
            if (!probe.isConsumed()) {
                refuse(ctx, probe, "too many requests (the limit is " + limits.requestsPerSecond() + " a second, in bursts of up to "
                        + limits.burst() + ")");
                return;
            }
        }
        if (signIns != null && isSignIn(route)) {
            ConsumptionProbe probe = signIns.take(RateLimitKey.CLIENT_ADDRESS.of(ctx));
            if (!probe.isConsumed()) {
                refuse(ctx, probe, "too many sign-in attempts from this address (the limit is " + limits.signInsPerMinute() + " a minute)");
            }
        }
    }

    private boolean isSignIn(String route) {
        for (String prefix : limits.signInPaths()) {
            if (route.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(Context ctx, ConsumptionProbe probe, String why) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + SECOND - 1) / SECOND);
        ctx.header("Retry-After", Long.toString(seconds));
        ctx.status(429).json(ErrorBody.of(429, "rate_limited", why + ": try again in " + seconds + (seconds == 1 ? " second" : " seconds"),
                Map.of("retry_after_seconds", Long.toString(seconds))));
        ctx.skipRemainingHandlers();
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static TimeMeter timeMeter(LongSupplier nanoClock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /**
     * One bucket per key, each of {@code capacity} tokens refilled greedily at {@code tokens} per
     * {@code period}. A full bucket is as good as none, so when the table outgrows its mark the full
     * ones are dropped and the mark set to twice what is left: memory stays proportional to the
     * callers active within one refill, at an amortised constant cost per request.
     */
    static final class Buckets {
        private final ConcurrentHashMap<String, Bucket> byKey = new ConcurrentHashMap<>();
        private final long capacity;
        private final long tokens;
        private final Duration period;
        private final TimeMeter clock;
        private final int sweepFloor;
        private volatile int sweepAt;

        Buckets(long capacity, long tokens, Duration period, TimeMeter clock, int sweepFloor) {
            this.capacity = capacity;
            this.tokens = tokens;
            this.period = period;
            this.clock = clock;
            this.sweepFloor = sweepFloor;
            this.sweepAt = sweepFloor;
        }

        /** Takes a token from the key's bucket, if it has one. */
        ConsumptionProbe take(String key) {
            ConsumptionProbe probe = byKey.computeIfAbsent(key, unused -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(tokens, period))
                    .withCustomTimePrecision(clock)
                    .build()).tryConsumeAndReturnRemaining(1);
            if (byKey.size() > sweepAt) {
                sweep();
            }
            return probe;
        }

        /** How many keys have a bucket. */
        int size() {
            return byKey.size();
        }

        private synchronized void sweep() {
            if (byKey.size() > sweepAt) {
                byKey.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
                sweepAt = Math.max(sweepFloor, 2 * byKey.size());
            }
        }
    }
}
