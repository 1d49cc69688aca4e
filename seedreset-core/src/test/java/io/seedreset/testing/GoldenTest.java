package io.seedreset.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.testing.Golden.Normalisation;
import org.junit.jupiter.api.Test;

/** What the golden tests hide, what they keep, and how a difference reads. */
class GoldenTest {

    private static final String RANDOM = "fbcd1a73-fe84-4a76-92a8-f0cf6b4276a6";
    private static final String OTHER_RANDOM = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    private static final String DERIVED = "7ed642aa-7a23-3588-bc2b-29600107606e";

    @Test
    void random_ids_become_numbered_placeholders_everywhere_and_derived_ids_stay() {
        String json = """
                {"applicationId":"%s","organizationId":"%s","replaced":["%s"],"message":"already applied as application %s"}"""
                .formatted(RANDOM, DERIVED, OTHER_RANDOM, RANDOM);

        assertThat(Normalisation.randomIds().apply(json)).isEqualTo("""
                {"applicationId":"<uuid-1>","organizationId":"%s","replaced":["<uuid-2>"],"message":"already applied as application <uuid-1>"}"""
                .formatted(DERIVED));
    }

    @Test
    void named_instants_and_milliseconds_become_placeholders_in_either_layout_and_null_stays() {
        Normalisation normalisation = Normalisation.randomIds().instants("appliedAt", "removedAt").milliseconds("durationMs");

        assertThat(normalisation.apply("""
                {
                  "anchor" : "2026-11-21T00:00:00Z",
                  "appliedAt" : "2026-11-29T19:32:28.401478Z",
                  "removedAt" : null,
                  "durationMs" : 92
                }"""))
                .isEqualTo("""
                        {
                          "anchor" : "2026-11-21T00:00:00Z",
                          "appliedAt" : "<instant>",
                          "removedAt" : null,
                          "durationMs" : "<ms>"
                        }""");
        assertThat(normalisation.apply("{\"appliedAt\":\"2026-11-29T19:32:28Z\",\"durationMs\":0}"))
                .isEqualTo("{\"appliedAt\":\"<instant>\",\"durationMs\":\"<ms>\"}");
    }

    @Test
    void a_value_of_the_wrong_shape_is_never_hidden() {
        Normalisation normalisation = Normalisation.randomIds().instants("appliedAt").milliseconds("durationMs");

        assertThatThrownBy(() -> normalisation.apply("{\"durationMs\":\"PT0.092S\"}")).hasMessageContaining("not whole milliseconds");
        assertThatThrownBy(() -> normalisation.apply("{\"durationMs\":1.5}")).hasMessageContaining("not whole milliseconds");
        assertThatThrownBy(() -> normalisation.apply("{\"appliedAt\":1764444748}")).hasMessageContaining("not an ISO-8601 instant");
        assertThatThrownBy(() -> normalisation.apply("{\"appliedAt\":\"yesterday\"}")).hasMessageContaining("not an ISO-8601 instant");
    }

    @Test
    void a_difference_reads_as_a_line_diff_with_context() {
        String golden = "{\n  \"a\" : 1,\n  \"b\" : 2,\n  \"c\" : 3\n}\n";
        String actual = "{\n  \"a\" : 1,\n  \"b\" : 5,\n  \"c\" : 3\n}\n";

        assertThat(Golden.diff(golden, actual)).isEqualTo("""
                --- golden
                +++ actual
                  {
                    "a" : 1,
                -   "b" : 2,
                +   "b" : 5,
                    "c" : 3
                  }
                """);
    }
}
