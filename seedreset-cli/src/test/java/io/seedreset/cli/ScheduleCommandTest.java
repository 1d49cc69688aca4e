package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedreset.api.SeedReset;
import io.seedreset.platform.schedule.JobCatalogue;
import io.seedreset.platform.schedule.Schedules;
import io.seedreset.testing.DatabaseReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 'seedreset schedule list|set|clear|run-now' on a real database: a round trip that a scheduler (as
 * 'seedreset serve' starts one) runs; production refused with exit 3, audited, nothing stored; bad input one
 * line with exit 2 and nothing stored; a missing or wrong confirmation exit 4.
 */
class ScheduleCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN_NOWHERE = "unknown organization 'nowhere': see 'seedreset org list', or create it with"
            + " 'seedreset org create nowhere --name NAME --kind demo'";

    private final Cli.OnDatabase database = Cli.onFreshDatabase("--actor", "ops-lead");
    private final DatabaseReader reader = new DatabaseReader(database.dataSource());

    @BeforeEach
    void organizations() {
        ok("init");
        ok("org", "create", "acme-demo", "--name", "Acme Demo", "--kind", "demo");
        ok("org", "create", "acme", "--name", "Acme");
    }

    private Cli.Run ok(String... args) {
        Cli.Run run = database.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run;
    }

    private Cli.Run fails(int exitCode, String error, String... args) {
        Cli.Run run = database.run(args);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err()).as(run.toString()).isEqualTo("seedreset: " + error + "\n");
        assertThat(run.out()).isEmpty();
        return run;
    }

    private long stored() {
        return reader.queryForLong("SELECT count(*) FROM operations.scheduled_tasks");
    }

    @Test
    void set_list_run_now_and_clear() throws Exception {
        assertThat(ok("schedule", "list").out()).isEqualTo("No schedules: 'seedreset schedule set --org <slug> --job reset --confirm <slug>'"
                + " resets an organization nightly.\n");

        assertThat(ok("schedule", "set", "--org", "acme-demo", "--job", "reset", "--at", "nightly 02:30", "--confirm", "acme-demo").out())
                .matches("Scheduled reset of 'acme-demo' \\(demo\\): nightly 02:30 UTC; next run \\S+T02:30:00Z\\. 'seedreset serve' runs it\\.\n");
        ok("schedule", "set", "--org", "acme-demo", "--job", "rotate-credentials", "--at", "weekly fri 18:00", "--zone", "America/New_York",
                "--confirm", "acme-demo");

        String listed = ok("schedule", "list", "--org", "acme-demo").out();
        assertThat(listed).startsWith("  JOB  ").contains("NEXT RUN", "LAST RESULT", "LAST RUN")
                .containsPattern("(?m)^  reset +acme-demo +demo +nightly 02:30 UTC +\\S+T02:30:00Z +- +-$")
                .containsPattern("(?m)^  rotate-credentials +acme-demo +demo +weekly fri 18:00 America/New_York +\\S+Z +- +-$");
        JsonNode json = JSON.readTree(ok("--json", "schedule", "list").out());
        assertThat(json.get("schedules")).hasSize(2);
        assertThat(json.at("/schedules/0/setBy").asText()).isEqualTo("ops-lead");

        assertThat(ok("schedule", "run-now", "--org", "acme-demo", "--job", "reset", "--confirm", "acme-demo").out())
                .isEqualTo("The reset of 'acme-demo' (demo) is due now: a running 'seedreset serve' runs it within 10 s;"
                        + " 'seedreset schedule list --org acme-demo' shows its result.\n");
        // A server's scheduler, as 'seedreset serve' starts one, on the same database.
        SeedReset seedReset = SeedReset.configure().dataSource(database.dataSource()).actor("server").load();
        try (Schedules.Running server = new Schedules(seedReset, database.dataSource(), Clock.systemUTC(), JobCatalogue.standard(new io.seedreset.platform.uploads.UploadStore(java.nio.file.Path.of("target", "uploads"))))
                .start(Schedules.Settings.DEFAULT, "server-a")) {
            await(() -> reader.queryForLong("SELECT count(*) FROM operations.schedule_runs") == 1);
        }
        assertThat(ok("schedule", "list", "--org", "acme-demo").out())
                .containsPattern("(?m)^  reset +acme-demo +demo +nightly 02:30 UTC +\\S+T02:30:00Z +succeeded: reset: 0 rows deleted, 0 written"
                        + " by … +\\S+Z$");
        // The table cuts a long result; --json has it whole.
        assertThat(JSON.readTree(ok("--json", "schedule", "list", "--org", "acme-demo").out()).at("/schedules/0/lastRun/message").asText())
                .isEqualTo("reset: 0 rows deleted, 0 written by 0 pack(s); 0 API token(s) reissued");
        assertThat(reader.strings("SELECT operation || ' ' || outcome || ' ' || actor FROM platform.seed_audit WHERE org_slug = 'acme-demo'"))
                .as("the scheduled reset took its backup first").containsExactly("snapshot succeeded schedule:reset (set by ops-lead)",
                        "reset succeeded schedule:reset (set by ops-lead)");

        assertThat(ok("schedule", "clear", "--org", "acme-demo", "--job", "reset", "--confirm", "acme-demo").out())
                .isEqualTo("Cleared the reset schedule of 'acme-demo'.\n");
        assertThat(ok("schedule", "list").out()).doesNotContain("  reset ").contains("rotate-credentials");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void a_production_organization_is_refused_with_exit_3_audited_and_nothing_is_stored() {
        Cli.Run set = database.run("schedule", "set", "--org", "acme", "--job", "reset", "--confirm", "acme");
        assertThat(set.exitCode()).as(set.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(set.err()).startsWith("seedreset: organization 'acme' is a production organization").doesNotContain("\n\n");
        assertThat(set.err().lines()).hasSize(1);
        assertThat(database.run("schedule", "set", "--org", "acme", "--job", "rotate-credentials", "--confirm", "acme").exitCode())
                .isEqualTo(ExitCodes.REFUSED);
        assertThat(database.run("schedule", "run-now", "--org", "acme", "--job", "reset", "--confirm", "acme").exitCode())
                .isEqualTo(ExitCodes.REFUSED);

        assertThat(stored()).isZero();
        assertThat(reader.strings("SELECT operation || ' ' || outcome || ' ' || actor FROM platform.seed_audit WHERE org_slug = 'acme'"))
                .containsExactly("reset refused ops-lead", "reset refused ops-lead", "reset refused ops-lead");
    }

    @Test
    void bad_input_is_one_line_with_exit_2_and_a_confirmation_exit_4_and_nothing_is_stored() {
        fails(ExitCodes.USAGE, "'cron 0 0 3 * *': a cron expression has six fields, seconds first: S M H DOM MON DOW, e.g. 'cron 0 0 3 * * *'",
                "schedule", "set", "--org", "acme-demo", "--job", "reset", "--at", "cron 0 0 3 * *", "--confirm", "acme-demo");
        fails(ExitCodes.USAGE, "unknown job 'purge': the jobs are reset, rotate-credentials, purge-uploads, activity",
                "schedule", "set", "--org", "acme-demo", "--job", "purge", "--confirm", "acme-demo");
        fails(ExitCodes.USAGE, UNKNOWN_NOWHERE,
                "schedule", "set", "--org", "nowhere", "--job", "reset", "--confirm", "nowhere");
        fails(ExitCodes.USAGE, "'monthly 31 04:00': the day of the month is 1 to 28, so that every month has it",
                "schedule", "set", "--org", "acme-demo", "--job", "reset", "--at", "monthly 31 04:00", "--confirm", "acme-demo");
        fails(ExitCodes.USAGE, "unknown time zone 'Moon/Base': use a region such as Europe/Paris, or UTC",
                "schedule", "set", "--org", "acme-demo", "--job", "reset", "--zone", "Moon/Base", "--confirm", "acme-demo");
        fails(ExitCodes.USAGE, "organization 'acme-demo' has no reset schedule ('seedreset schedule list --org acme-demo' shows its schedules)",
                "schedule", "clear", "--org", "acme-demo", "--job", "reset", "--confirm", "acme-demo");
        fails(ExitCodes.USAGE, UNKNOWN_NOWHERE, "schedule", "list", "--org", "nowhere");
        fails(ExitCodes.CONFLICT, "changing the schedules of 'acme-demo' needs confirmation: type the organization's slug (--confirm acme-demo)",
                "schedule", "set", "--org", "acme-demo", "--job", "reset");
        fails(ExitCodes.CONFLICT, "confirmation 'acme' does not match organization 'acme-demo': nothing was changed (--confirm acme-demo)",
                "schedule", "set", "--org", "acme-demo", "--job", "reset", "--confirm", "acme");

        assertThat(stored()).isZero();
        assertThat(reader.queryForLong("SELECT count(*) FROM platform.seed_audit WHERE operation = 'reset'")).isZero();
    }

    /** Waits for a condition, looking every 20 ms, for at most 60 s (then fails). */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
