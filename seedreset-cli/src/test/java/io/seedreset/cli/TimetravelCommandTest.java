package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code seedreset timetravel} on the reference platform: ticketing-demo two months ahead (the days skipped
 * hold orders and door scans), {@code org list} shows the clock, {@code --back} leaves every tenant table as
 * it was; the dry run writes nothing; production and bad months are refused with their exit codes.
 */
class TimetravelCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "acme-demo";

    private Cli.OnDatabase database;

    @BeforeEach
    void demo() {
        database = Cli.onFreshDatabase("--actor", "timetravel-test");
        ok("init");
        ok("org", "create", DEMO, "--name", "Acme Demo", "--kind", "demo");
        ok("org", "create", "acme", "--name", "Acme");
        ok("apply", "ticketing-demo", "--org", DEMO, "--mode", "minimal", "--seed", "7", "--confirm", DEMO);
    }

    @Test
    void two_months_ahead_and_back_leaves_every_row_as_it_was() throws Exception {
        List<String> before = SnapshotCommandTest.state(database.dataSource(), DEMO);
        Map<String, String> digest = DatabaseSnapshot.of(database.dataSource(), "platform.seed_audit", "platform.seed_applications",
                "platform.seed_row_sets", "platform.seed_updates", "platform.organizations", "platform.organization_clocks");

        Cli.Run preview = database.run("timetravel", "--org", DEMO, "--months", "2", "--dry-run");
        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(preview.out()).startsWith("Dry run (nothing written) of time travel in 'acme-demo': clock 0 -> 2 month(s) ahead");
        assertThat(SnapshotCommandTest.state(database.dataSource(), DEMO)).isEqualTo(before);

        JsonNode ahead = JSON.readTree(ok("--json", "timetravel", "--org", DEMO, "--months", "2", "--confirm", DEMO));
        assertThat(ahead.get("toMonths").asInt()).isEqualTo(2);
        assertThat(ahead.get("posted")).singleElement().satisfies(run -> {
            assertThat(run.get("packId").asText()).isEqualTo("ticketing-demo");
            assertThat(run.get("days").size()).isBetween(59, 62);
        });
        assertThat(ok("org", "list")).containsPattern("acme-demo .* \\+2 month\\(s\\)");
        ok("validate", "--org", DEMO);

        Cli.Run back = database.run("timetravel", "--org", DEMO, "--back", "--confirm", DEMO);
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(back.out()).contains("clock 2 -> 0 month(s) ahead").contains("Tore down 1 activity application(s)");
        assertThat(SnapshotCommandTest.state(database.dataSource(), DEMO)).isEqualTo(before);
        assertThat(DatabaseSnapshot.of(database.dataSource(), "platform.seed_audit", "platform.seed_applications", "platform.seed_row_sets",
                "platform.seed_updates", "platform.organizations", "platform.organization_clocks")).isEqualTo(digest);
        assertThat(ok("org", "list")).containsPattern("acme-demo .* real");
    }

    @Test
    void production_bad_months_and_a_missing_confirmation_are_refused() {
        assertThat(database.run("timetravel", "--org", "acme", "--months", "1", "--confirm", "acme").exitCode()).isEqualTo(3);
        Cli.Run tooFar = database.run("timetravel", "--org", DEMO, "--months", "13", "--confirm", DEMO);
        assertThat(tooFar.exitCode()).isEqualTo(2);
        assertThat(tooFar.err().strip()).doesNotContain("\n").contains("1 to 12 months");
        assertThat(database.run("timetravel", "--org", DEMO, "--months", "-1", "--confirm", DEMO).exitCode()).isEqualTo(2);
        assertThat(database.run("timetravel", "--org", DEMO, "--months", "1").exitCode()).isEqualTo(4);
        assertThat(database.run("timetravel", "--org", DEMO).exitCode()).isEqualTo(2);
        assertThat(ok("timetravel", "--org", DEMO, "--back")).isEqualTo("'acme-demo' runs on the real clock: nothing to go back.\n");
    }

    private String ok(String... args) {
        Cli.Run run = database.run(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run).isZero();
        return run.out();
    }
}
