package io.seedreset.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.seedreset.api.OrganizationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dialect's rules, each on a record made for it, so a rule holds for results that do not exist yet. */
class SeedResetJsonTest {

    record Timed(String name, Duration duration, Duration pause, Duration none) {
    }

    record Counted(long durationMillis, Long elapsedMillis, String labelMillis) {
    }

    record Dated(Instant at, Instant never) {
    }

    record Kinded(OrganizationKind kind, Level level) {
    }

    enum Level { VERY_HIGH }

    record Mapped(Map<String, Long> counts) {
    }

    @Test
    void every_duration_is_whole_milliseconds_in_a_field_ending_in_ms() {
        assertThat(SeedResetJson.write(new Timed("apply", Duration.ofMillis(1_234).plusNanos(999_999), Duration.ofSeconds(2), null)))
                .isEqualTo("{\"name\":\"apply\",\"durationMs\":1234,\"pauseMs\":2000,\"noneMs\":null}");
        assertThat(SeedResetJson.write(new Counted(92, 7L, "text")))
                .isEqualTo("{\"durationMs\":92,\"elapsedMs\":7,\"labelMillis\":\"text\"}");
    }

    @Test
    void instants_are_iso_8601_text() {
        assertThat(SeedResetJson.write(new Dated(Instant.parse("2026-11-21T10:15:00.123456Z"), null)))
                .isEqualTo("{\"at\":\"2026-11-21T10:15:00.123456Z\",\"never\":null}");
    }

    @Test
    void decimals_are_written_as_given_never_in_scientific_notation() {
        assertThat(SeedResetJson.write(Map.of("total", new java.math.BigDecimal("1.5E+3"), "price", new java.math.BigDecimal("19.90"))))
                .contains("\"total\":1500").contains("\"price\":19.90").doesNotContain("E+");
    }

    @Test
    void enum_values_are_lower_case_as_the_options_take_them() {
        assertThat(SeedResetJson.write(new Kinded(OrganizationKind.SANDBOX, Level.VERY_HIGH)))
                .isEqualTo("{\"kind\":\"sandbox\",\"level\":\"very_high\"}");
    }

    @Test
    void maps_keep_the_order_the_result_holds_them_in() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("zeta.children", 2L);
        counts.put("alpha.parents", 1L);

        assertThat(SeedResetJson.write(new Mapped(counts))).isEqualTo("{\"counts\":{\"zeta.children\":2,\"alpha.parents\":1}}");
    }

    @Test
    void indented_output_is_jacksons_default_pretty_printer() {
        assertThat(SeedResetJson.writeIndented(new Mapped(Map.of("a.b", 1L))).replace(System.lineSeparator(), "\n"))
                .isEqualTo("{\n  \"counts\" : {\n    \"a.b\" : 1\n  }\n}");
    }

    @Test
    void a_new_mapper_writes_the_dialect_and_changing_it_changes_nothing_for_anyone_else() throws Exception {
        var mapper = SeedResetJson.newMapper();
        Timed timed = new Timed("x", Duration.ofMillis(5), Duration.ZERO, null);
        assertThat(mapper.writeValueAsString(timed)).isEqualTo(SeedResetJson.write(timed));

        mapper.enable(SerializationFeature.WRAP_ROOT_VALUE);

        assertThat(SeedResetJson.newMapper().writeValueAsString(timed)).isEqualTo(SeedResetJson.write(timed));
        assertThat(SeedResetJson.writer().writeValueAsString(timed)).isEqualTo(SeedResetJson.write(timed));
    }
}
