package io.seedreset.platform.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * How often, and how far apart, an outbox tries to deliver one item: the first retry after
 * {@code firstDelay}, each following one after twice the delay before it, never more than
 * {@code maxDelay} apart; after {@code attempts} failed attempts the item is given up ('failed').
 */
public record Retries(int attempts, Duration firstDelay, Duration maxDelay) {

    /** Eight attempts over about an hour: 30 s, 1, 2, 4, 8, 16 and 32 minutes apart. */
    public static final Retries DEFAULT = new Retries(8, Duration.ofSeconds(30), Duration.ofMinutes(32));

    public Retries {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must be positive, the largest no smaller than the first");
        }
    }

    /** Whether an item that has failed this many times is given up. */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= attempts;
    }

    /** When to try again after the given number of failed attempts (1 after the first failure). */
    public Instant nextAttempt(int failedAttempts, Instant now) {
        Duration delay = firstDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }
}
