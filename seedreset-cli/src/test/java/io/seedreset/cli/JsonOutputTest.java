package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** --json speaks one dialect: values as the options take them, one form of duration, tables in one order. */
class JsonOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Cli.OnDatabase database;

    @BeforeEach
    void organization() {
        database = Cli.onFreshDatabase("--json");
        assertThat(seedreset("init").exitCode()).isZero();
        assertThat(seedreset("org", "create", "acme-demo", "--name", "Acme Demo", "--kind", "demo").exitCode()).isZero();
    }

    private Cli.Run seedreset(String... args) {
        return database.run(args);
    }

    private JsonNode json(String... args) throws Exception {
        Cli.Run run = seedreset(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void enum_values_are_lower_case_as_the_options_take_them() throws Exception {
        assertThat(json("org", "list").get(0).get("kind").asText()).isEqualTo("demo");
        assertThat(json("org", "create", "acme-qa", "--name", "QA", "--kind", "qa").get("kind").asText()).isEqualTo("qa");
        assertThat(json("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo").get("status").asText())
                .isEqualTo("applied");
        assertThat(json("packs").findValuesAsText("type")).isNotEmpty().containsOnly("integer");
    }

    @Test
    void every_duration_is_whole_milliseconds_named_duration_ms() throws Exception {
        JsonNode apply = json("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo");
        JsonNode history = json("history", "--org", "acme-demo").get("applications").get(0);
        JsonNode reset = json("reset", "--org", "acme-demo", "--confirm", "acme-demo");
        JsonNode teardown = json("teardown", "--org", "acme-demo", "--confirm", "acme-demo");
        for (JsonNode timed : List.of(apply, history, reset, reset.get("reapplied").get(0), teardown)) {
            assertThat(timed.get("durationMs").isIntegralNumber()).as(timed.toString()).isTrue();
            assertThat(timed.has("duration") || timed.has("durationMillis")).as(timed.toString()).isFalse();
        }
    }

    @Test
    void counts_and_changed_rows_are_in_the_order_the_plan_lists_the_tables() throws Exception {
        JsonNode basePlan = json("plan", "ticketing-demo", "--org", "acme-demo", "--mode", "minimal");
        JsonNode base = json("apply", "ticketing-demo", "--org", "acme-demo", "--confirm", "acme-demo", "--mode", "minimal");
        assertThat(fields(base.get("counts"))).isEqualTo(fields(basePlan.get("counts")));

        JsonNode plan = json("plan", "cancelled-event", "--org", "acme-demo");
        JsonNode scenario = json("apply", "cancelled-event", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(fields(plan.get("updates"))).hasSizeGreaterThan(1);
        assertThat(fields(scenario.get("updates"))).isEqualTo(fields(plan.get("updates")));

        JsonNode teardown = json("teardown", "--org", "acme-demo", "--confirm", "acme-demo", "--application",
                scenario.get("applicationId").asText());
        assertThat(fields(teardown.get("restored"))).containsExactlyInAnyOrderElementsOf(fields(plan.get("updates")));
    }

    @Test
    void an_error_with_json_is_one_json_object_on_stderr() throws Exception {
        Cli.Run run = seedreset("plan", "event-agency-starter", "--org", "acme");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        JsonNode error = JSON.readTree(run.err()).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(2);
        assertThat(error.get("kind").asText()).isEqualTo("usage");
        assertThat(error.get("message").asText()).startsWith("unknown organization 'acme': see 'seedreset org list'");
        assertThat(error.get("reason").asText()).as("the engine's reason, for scripts").isEqualTo("unknown_organization");
        assertThat(error.get("details").get("organization").asText()).isEqualTo("acme");

        JsonNode usage = JSON.readTree(seedreset("plan", "event-agency-starter").err()).get("error");
        assertThat(usage.get("reason").asText()).as("picocli's own errors are bad values too").isEqualTo("invalid_value");
        assertThat(usage.get("details").isEmpty()).isTrue();
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
