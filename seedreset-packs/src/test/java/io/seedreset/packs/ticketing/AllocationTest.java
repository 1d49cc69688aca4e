package io.seedreset.packs.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exact shares: what makes "40% on sale" ten events out of twenty-five in every seed. */
class AllocationTest {

    private static final int[] EVENT_STATUSES = {40, 20, 15, 10, 10, 5};

    @Test
    void large_totals_get_the_largest_remainders() {
        assertThat(Allocation.of(25, EVENT_STATUSES)).containsExactly(10, 5, 4, 3, 2, 1);
        assertThat(Allocation.of(50, EVENT_STATUSES)).containsExactly(20, 10, 8, 5, 5, 2);
        assertThat(Allocation.of(40, 70, 15, 10, 5)).containsExactly(28, 6, 4, 2);
    }

    @Test
    void small_totals_keep_every_kind_they_have_room_for() {
        assertThat(Allocation.of(10, 70, 15, 10, 5)).containsExactly(6, 2, 1, 1);
        assertThat(Allocation.of(5, EVENT_STATUSES)).containsExactly(1, 1, 1, 1, 1, 0);
        assertThat(Allocation.of(1, EVENT_STATUSES)).containsExactly(1, 0, 0, 0, 0, 0);
        assertThat(Allocation.of(0, EVENT_STATUSES)).containsOnly(0);
    }

    @Test
    void the_shuffled_slots_hold_exactly_the_counts() {
        int[] counts = {6, 2, 1, 1};

        int[] slots = Allocation.shuffled(counts, new Random(7));

        assertThat(slots).hasSize(10);
        for (int kind = 0; kind < counts.length; kind++) {
            int k = kind;
            assertThat(Arrays.stream(slots).filter(s -> s == k).count()).isEqualTo(counts[kind]);
        }
        assertThat(Allocation.shuffled(counts, new Random(7))).containsExactly(slots);
    }
}
