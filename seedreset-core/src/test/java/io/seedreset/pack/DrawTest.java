package io.seedreset.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Faker is made only when a pack asks for one, and it draws the same values whenever it is made. */
class DrawTest {

    private static PackContext context() {
        return new PackContext("pack", "org", 7L, Instant.parse("2026-11-21T00:00:00Z"), "default", Map.of());
    }

    @Test
    void making_the_faker_takes_nothing_from_the_row_stream() {
        Draw withFaker = context().draw("entity", 3);
        withFaker.faker();
        Draw without = context().draw("entity", 3);

        assertThat(withFaker.random().nextLong()).isEqualTo(without.random().nextLong());
    }

    @Test
    void a_faker_made_on_an_earlier_row_draws_what_one_made_on_this_row_draws() {
        PackContext early = context();
        early.draw("entity", 0).faker();
        long fromEarlyFaker = early.draw("entity", 1).faker().number().numberBetween(0L, Long.MAX_VALUE);

        long fromLateFaker = context().draw("entity", 1).faker().number().numberBetween(0L, Long.MAX_VALUE);

        assertThat(fromEarlyFaker).isEqualTo(fromLateFaker);
    }
}
