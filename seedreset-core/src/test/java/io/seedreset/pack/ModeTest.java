package io.seedreset.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mode's defaults read (and serialise) in one order on every run, whatever map the pack built them in. */
class ModeTest {

    @Test
    void defaults_are_sorted_by_name() {
        Mode mode = Mode.of("default", "d", Map.of("vendors", 12L, "events", 5L, "spaces", 4L, "budgets", 3L, "deals", 15L,
                "rooms", 2L, "zones", 1L, "areas", 9L));

        assertThat(mode.defaults().keySet()).containsExactly("areas", "budgets", "deals", "events", "rooms", "spaces", "vendors",
                "zones");
    }

    @Test
    void defaults_cannot_change_and_hold_no_nulls() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("events", null);

        assertThatThrownBy(() -> Mode.of("default", "d", Map.of("events", 5L)).defaults().put("x", 1L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Mode.of("default", "d", withNull)).isInstanceOf(NullPointerException.class);
    }
}
