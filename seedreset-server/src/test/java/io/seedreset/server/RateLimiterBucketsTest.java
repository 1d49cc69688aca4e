package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter's bucket table stays as large as the callers active within one refill, not every caller ever seen. */
class RateLimiterBucketsTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void full_buckets_are_dropped_when_the_table_outgrows_its_mark() {
        RateLimiter.Buckets buckets = new RateLimiter.Buckets(2, 2, Duration.ofSeconds(1), RateLimiter.timeMeter(nanos::get), 4);
        for (int i = 1; i <= 5; i++) {
            assertThat(buckets.take("caller " + i).isConsumed()).isTrue();
        }
        assertThat(buckets.size()).as("over the mark of 4, but none is full: kept, and the mark doubled").isEqualTo(5);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        for (int i = 6; i <= 11; i++) {
            assertThat(buckets.take("caller " + i).isConsumed()).isTrue();
        }
        assertThat(buckets.size()).as("callers 1-5 refilled: dropped at 11 keys; 6-11 kept").isEqualTo(6);

        assertThat(buckets.take("caller 6").isConsumed()).isTrue();
        assertThat(buckets.take("caller 6").isConsumed()).as("a kept bucket keeps its count").isFalse();
        assertThat(buckets.take("caller 1").isConsumed()).as("a dropped one was full: a new one is the same").isTrue();
        assertThat(buckets.take("caller 1").isConsumed()).isTrue();
        assertThat(buckets.take("caller 1").isConsumed()).isFalse();
    }
}
