package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code seedreset activity} on a real database: a table or JSON, once a day, exit codes for bad input and production. */
class ActivityCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cli.OnDatabase database;

    @BeforeEach
    void organizationsWithAnAgency() {
        database = Cli.onFreshDatabase("--actor", "activity-test");
        ok("init");
        ok("org", "create", "acme-demo", "--name", "Acme Demo", "--kind", "demo");
        ok("org", "create", "acme", "--name", "Acme");
        ok("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo");
    }

    @Test
    void posts_todays_lead_as_a_table_then_nothing_the_second_time_as_json() throws Exception {
        Cli.Run table = ok("activity", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(table.out()).startsWith("Activity for 'acme-demo', ")
                .contains("PACK", "STATUS", "DAYS", "ROWS", "CHANGED", "APPLICATION")
                .containsPattern("event-agency-starter +posted +1 +1 +0 +[0-9a-f-]{36}")
                .containsPattern("sales\\.deals +1");

        JsonNode again = JSON.readTree(ok("--json", "activity", "--org", "acme-demo", "--confirm", "acme-demo", "--days", "1").out());
        assertThat(again.get("organization").asText()).isEqualTo("acme-demo");
        assertThat(again.get("runs")).hasSize(1);
        assertThat(again.get("runs").get(0).get("status").asText()).isEqualTo("unchanged");
        assertThat(again.get("runs").get(0).get("applicationId").isNull()).isTrue();

        assertThat(ok("history", "--org", "acme-demo").out()).contains("activity:event-agency-starter")
                .containsPattern("activity-test +activity +acme-demo");
        assertThat(ok("validate", "--org", "acme-demo").out()).doesNotContain("FAIL");
    }

    @Test
    void bad_days_are_usage_production_is_refused_and_a_missing_confirmation_is_a_conflict() {
        Cli.Run tooMany = database.run("activity", "--org", "acme-demo", "--confirm", "acme-demo", "--days", "93");
        assertThat(tooMany.exitCode()).as(tooMany.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooMany.err().strip()).isEqualTo("seedreset: activity covers 1 to 92 days, not 93");

        Cli.Run production = database.run("activity", "--org", "acme", "--confirm", "acme");
        assertThat(production.exitCode()).as(production.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(production.err()).startsWith("seedreset: organization 'acme' is a production organization");

        Cli.Run unconfirmed = database.run("activity", "--org", "acme-demo");
        assertThat(unconfirmed.exitCode()).as(unconfirmed.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(unconfirmed.err()).contains("--confirm acme-demo");

        assertThat(ok("history", "--org", "acme-demo").out()).doesNotContain("activity:event-agency-starter");
    }

    private Cli.Run ok(String... args) {
        Cli.Run run = database.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }
}
