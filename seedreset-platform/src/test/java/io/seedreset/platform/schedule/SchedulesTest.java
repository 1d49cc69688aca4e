package io.seedreset.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.event.SchedulerListener.SchedulerEventType;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import io.seedreset.pack.Persona;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import io.seedreset.platform.delivery.Retries;
import io.seedreset.platform.identity.ApiTokens;
import io.seedreset.platform.identity.SignIn;
import io.seedreset.testing.TestTenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schedules on a real PostgreSQL with real db-scheduler instances: set, listed, cleared, made due now and run
 * (a reset through the engine, a credential rotation); production refused when set and when run, audited;
 * two schedulers on one database run a due job once; a failing job retried a bounded number of times, its
 * failures in the history and the audit.
 *
 * <p>Nothing here sleeps for timing: a job is made due now with db-scheduler's own reschedule, and the tests
 * wait (at most 30 s, looking every 20 ms) for a condition the database or the scheduler reports.
 */
class SchedulesTest {

    private static final String ORG = "harbor-demo";
    private static final String PASSWORD = "Demo!2026";
    private static final String HASH = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
    /** Quick to poll, quick to retry: three attempts in all, 20 and 40 ms apart. */
    private static final Schedules.Settings FAST = new Schedules.Settings(Duration.ofMillis(50), 2,
            new Retries(3, Duration.ofMillis(20), Duration.ofMillis(40)), Duration.ofSeconds(10));

    private TestTenant tenant;
    private Schedules schedules;
    private final List<Schedules.Running> running = new ArrayList<>();

    @BeforeEach
    void database() {
        tenant = TestTenant.builder().organization(ORG, "Harbor Events (demo)").packs(false, new PeoplePack()).build();
        tenant.apply(PackRequest.of(PeoplePack.ID, ORG).seed(1L));
        schedules = new Schedules(tenant.seedReset, tenant.dataSource, Clock.systemUTC(), JobCatalogue.standard(new io.seedreset.platform.uploads.UploadStore(java.nio.file.Path.of("target", "uploads"))));
    }

    @AfterEach
    void stop() {
        running.forEach(Schedules.Running::close);
    }

    private Schedules.Running start(String name) {
        Schedules.Running started = schedules.start(FAST, name);
        running.add(started);
        return started;
    }

    @Test
    void set_list_run_now_and_clear_a_nightly_reset() throws Exception {
        Instant before = Instant.now();
        Schedules.Entry set = schedules.set("ops", ORG, "reset", "Nightly  03:00", null, ORG);

        assertThat(set.job()).isEqualTo("reset");
        assertThat(set.organization()).isEqualTo(ORG);
        assertThat(set.organizationKind()).isEqualTo("demo");
        assertThat(set.timing()).isEqualTo("nightly 03:00 UTC");
        assertThat(set.nextRun()).isEqualTo(next(LocalTime.of(3, 0), before));
        assertThat(set.setBy()).isEqualTo("ops");
        assertThat(set.lastRun()).isNull();
        assertThat(tenant.strings("SELECT task_name || ' ' || task_instance FROM operations.scheduled_tasks"))
                .containsExactly("reset " + tenant.organizationId());
        assertThat(schedules.list(null)).containsExactly(set);

        String token = new ApiTokens(tenant.dataSource, Clock.systemUTC()).reissue(ORG, List.of("ana.owner@agency.test")).get(0).token();
        start("server-a");
        schedules.runNow("ops", ORG, "reset", ORG);
        awaitRuns(1);

        Schedules.Entry ran = schedules.list(ORG).get(0);
        assertThat(ran.lastRun().outcome()).isEqualTo("succeeded");
        assertThat(ran.lastRun().attempt()).isEqualTo(1);
        assertThat(ran.lastRun().message()).isEqualTo("reset: 3 rows deleted, 2 written by 1 pack(s); 1 API token(s) reissued");
        assertThat(ran.lastRun().scheduler()).isEqualTo("server-a");
        // Run now, then back to its timing.
        assertThat(ran.nextRun()).isEqualTo(next(LocalTime.of(3, 0), Instant.now()));
        assertThat(audit()).containsExactly("reset succeeded schedule:reset (set by ops)");
        // The reset deleted the two people and the token (revoking it); the persona has a new one, shown to nobody.
        assertThat(new SignIn(tenant.dataSource, Clock.systemUTC(), Duration.ofHours(8)).authenticate(token)).isEmpty();
        assertThat(tenant.queryForLong("SELECT count(*) FROM identity.tokens WHERE kind = 'api'")).isEqualTo(1);

        schedules.clear("ops", ORG, "reset", ORG);
        assertThat(schedules.list(null)).isEmpty();
        assertThat(tenant.queryForLong("SELECT count(*) FROM operations.scheduled_tasks")).isZero();
    }

    @Test
    void a_credential_rotation_reissues_the_personas_tokens_monthly() throws Exception {
        Instant before = Instant.now();
        Schedules.Entry set = schedules.set("ops", ORG, "rotate-credentials", null, "Europe/Paris", ORG);
        assertThat(set.timing()).isEqualTo("monthly 1 04:00 Europe/Paris");
        assertThat(set.nextRun()).isAfter(before).isBefore(before.plus(Duration.ofDays(32)));
        assertThat(set.nextRun().atZone(java.time.ZoneId.of("Europe/Paris")).getDayOfMonth()).isEqualTo(1);

        String token = new ApiTokens(tenant.dataSource, Clock.systemUTC()).reissue(ORG, List.of("ana.owner@agency.test")).get(0).token();
        start("server-a");
        schedules.runNow("ops", ORG, "rotate-credentials", ORG);
        awaitRuns(1);

        assertThat(schedules.list(ORG).get(0).lastRun().message()).isEqualTo("1 API token(s) reissued");
        assertThat(new SignIn(tenant.dataSource, Clock.systemUTC(), Duration.ofHours(8)).authenticate(token)).isEmpty();
        assertThat(tenant.queryForLong("SELECT count(*) FROM identity.tokens WHERE kind = 'api'")).isEqualTo(1);
        // Not the engine's operation: nothing for the audit on success.
        assertThat(audit()).isEmpty();
    }

    @Test
    void a_weekly_activity_posts_through_the_engine_audited_as_the_schedule() throws Exception {
        Schedules.Entry set = schedules.set("ops", ORG, "activity", null, null, ORG);
        assertThat(set.timing()).isEqualTo("weekly mon 05:00 UTC");

        start("server-a");
        schedules.runNow("ops", ORG, "activity", ORG);
        awaitRuns(1);

        // The people pack posts no activity: the engine ran, found nothing to post and said so.
        assertThat(schedules.list(ORG).get(0).lastRun().message()).isEqualTo("activity: no pack of the organization posts activity");
        assertThat(audit()).containsExactly("activity unchanged schedule:activity (set by ops)");
    }

    @Test
    void a_production_organization_is_refused_audited_and_nothing_is_stored() {
        tenant.seedReset.createOrganization("harbor", "Harbor Events", OrganizationKind.PRODUCTION);

        for (String job : List.of("reset", "rotate-credentials", "activity")) {
            assertThatThrownBy(() -> schedules.set("ops", "harbor", job, null, null, "harbor"))
                    .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
            assertThatThrownBy(() -> schedules.runNow("ops", "harbor", job, "harbor"))
                    .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
        }

        assertThat(tenant.queryForLong("SELECT count(*) FROM operations.scheduled_tasks")).isZero();
        assertThat(tenant.strings("SELECT operation || ' ' || outcome || ' ' || actor FROM platform.seed_audit WHERE org_slug = 'harbor'"))
                .containsExactly("reset refused ops", "reset refused ops", "reset refused ops", "reset refused ops",
                        "activity refused ops", "activity refused ops");
    }

    @Test
    void bad_input_is_refused_naming_what_is_wrong_and_stores_nothing() {
        assertThatThrownBy(() -> schedules.set("ops", ORG, "purge", null, null, ORG)).hasMessage("unknown job 'purge': the jobs are reset, rotate-credentials, purge-uploads, activity");
        assertThatThrownBy(() -> schedules.set("ops", "nowhere", "reset", null, null, "nowhere"))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ORGANIZATION));
        assertThatThrownBy(() -> schedules.set("ops", ORG, "reset", "cron 0 0 25 * * *", null, ORG))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE))
                .hasMessageStartingWith("'cron 0 0 25 * * *' is not a valid cron expression: ");
        assertThatThrownBy(() -> schedules.set("ops", ORG, "reset", "at noon", null, ORG)).hasMessage("'at noon' is not a schedule: use"
                + " 'nightly HH:MM', 'weekly DAY HH:MM', 'monthly D HH:MM' (D 1-28), 'every N(m|h|d)' or 'cron S M H DOM MON DOW'");
        assertThatThrownBy(() -> schedules.set("ops", ORG, "reset", null, "Mars/Olympus", ORG))
                .hasMessage("unknown time zone 'Mars/Olympus': use a region such as Europe/Paris, or UTC");
        assertThatThrownBy(() -> schedules.set("ops", ORG, "reset", null, null, null))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFIRMATION_REQUIRED));
        assertThatThrownBy(() -> schedules.set("ops", ORG, "reset", null, null, "harbor"))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFIRMATION_MISMATCH));
        assertThatThrownBy(() -> schedules.clear("ops", ORG, "reset", ORG)).hasMessage("organization 'harbor-demo' has no reset schedule"
                + " ('seedreset schedule list --org harbor-demo' shows its schedules)");
        assertThatThrownBy(() -> schedules.runNow("ops", ORG, "reset", ORG)).hasMessageStartingWith("organization 'harbor-demo' has no reset schedule");

        assertThat(tenant.queryForLong("SELECT count(*) FROM operations.scheduled_tasks")).isZero();
        assertThat(audit()).isEmpty();
    }

    @Test
    void two_schedulers_on_one_database_run_each_due_job_once() throws Exception {
        Schedules.Running first = start("server-a");
        Schedules.Running second = start("server-b");
        AtomicInteger firstChecks = dueChecks(first);
        AtomicInteger secondChecks = dueChecks(second);
        schedules.set("ops", ORG, "reset", null, null, ORG);

        for (int round = 1; round <= 3; round++) {
            schedules.runNow("ops", ORG, "reset", ORG);
            awaitRuns(round);
            // Both have since looked for due jobs at least once from start to end, and neither is running one:
            // a second run would have been picked by now.
            int a = firstChecks.get() + 2;
            int b = secondChecks.get() + 2;
            await(() -> firstChecks.get() >= a && secondChecks.get() >= b
                    && first.scheduler().getCurrentlyExecuting().isEmpty() && second.scheduler().getCurrentlyExecuting().isEmpty());
            assertThat(tenant.queryForLong("SELECT count(*) FROM operations.schedule_runs")).isEqualTo(round);
        }
        assertThat(audit()).containsOnly("reset succeeded schedule:reset (set by ops)").hasSize(3);
    }

    @Test
    void a_failing_job_is_retried_a_bounded_number_of_times_and_its_failures_show() throws Exception {
        tenant.seedReset.createOrganization("harbor-qa", "Harbor Events (qa)", OrganizationKind.QA);
        Instant before = Instant.now();
        schedules.set("ops", "harbor-qa", "reset", "weekly mon 05:30", null, "harbor-qa");
        // Nothing seeded there, so it may still become production; the engine refuses the scheduled reset then.
        tenant.execute("UPDATE platform.organizations SET kind = 'production', is_production = true WHERE slug = 'harbor-qa'");
        String id = tenant.strings("SELECT id::text FROM platform.organizations WHERE slug = 'harbor-qa'").get(0);

        Schedules.Running server = start("server-a");
        server.scheduler().reschedule(TaskInstanceId.of("reset", id), Instant.now());
        awaitRuns(3);
        await(() -> server.scheduler().getCurrentlyExecuting().isEmpty()
                && !schedules.list("harbor-qa").get(0).nextRun().isBefore(before.plus(Duration.ofMinutes(1))));

        assertThat(tenant.strings("SELECT attempt || ' ' || outcome || ' ' || message FROM operations.schedule_runs ORDER BY id"))
                .hasSize(3).allMatch(run -> run.contains(" failed ") && run.contains("production"))
                .extracting(run -> run.substring(0, 1)).containsExactly("1", "2", "3");
        Schedules.Entry entry = schedules.list("harbor-qa").get(0);
        assertThat(entry.organizationKind()).isEqualTo("production");
        assertThat(entry.lastRun().outcome()).isEqualTo("failed");
        assertThat(entry.lastRun().attempt()).isEqualTo(3);
        // Its retries spent, it waits for its next scheduled time: Monday 05:30 UTC.
        assertThat(entry.nextRun().atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(entry.nextRun().atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(5, 30));
        assertThat(tenant.strings("SELECT operation || ' ' || outcome || ' ' || actor FROM platform.seed_audit WHERE org_slug = 'harbor-qa'"))
                .containsExactly("reset refused schedule:reset (set by ops)", "reset refused schedule:reset (set by ops)",
                        "reset refused schedule:reset (set by ops)");
        // It cannot be run now any more, but it can be cleared.
        assertThatThrownBy(() -> schedules.runNow("ops", "harbor-qa", "reset", "harbor-qa"))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
        schedules.clear("ops", "harbor-qa", "reset", "harbor-qa");
        assertThat(schedules.list(null)).isEmpty();
    }

    @Test
    void a_credential_rotation_of_an_organization_that_became_production_is_refused_by_its_own_check_and_audited() throws Exception {
        tenant.seedReset.createOrganization("harbor-sandbox", "Harbor Events (sandbox)", OrganizationKind.SANDBOX);
        schedules.set("ops", "harbor-sandbox", "rotate-credentials", null, null, "harbor-sandbox");
        tenant.execute("UPDATE platform.organizations SET kind = 'production', is_production = true WHERE slug = 'harbor-sandbox'");
        String id = tenant.strings("SELECT id::text FROM platform.organizations WHERE slug = 'harbor-sandbox'").get(0);

        Schedules.Running server = start("server-a");
        server.scheduler().reschedule(TaskInstanceId.of("rotate-credentials", id), Instant.now());
        awaitRuns(3);

        assertThat(tenant.strings("SELECT outcome || ': ' || message FROM operations.schedule_runs ORDER BY id")).hasSize(3)
                .allMatch(run -> run.startsWith("failed: organization 'harbor-sandbox' is a production organization"));
        assertThat(tenant.strings("SELECT operation || ' ' || outcome || ' ' || actor FROM platform.seed_audit WHERE org_slug = 'harbor-sandbox'"))
                .containsOnly("reset refused schedule:rotate-credentials (set by ops)").hasSize(3);
    }

    @Test
    void a_job_of_the_whole_database_is_one_more_entry_in_a_catalogue_and_runs_without_an_organization() throws Exception {
        AtomicInteger swept = new AtomicInteger();
        ScheduledJob sweep = new ScheduledJob() {
            @Override
            public String name() {
                return "sweep";
            }

            @Override
            public String description() {
                return "a global job, as a purge of expired uploads would be";
            }

            @Override
            public boolean perOrganization() {
                return false;
            }

            @Override
            public String defaultTiming() {
                return "every 48h";
            }

            @Override
            public AuditOperation auditedAs() {
                return AuditOperation.TEARDOWN;
            }

            @Override
            public String run(JobRun run) {
                assertThat(run.organization()).isNull();
                return "swept " + swept.incrementAndGet() + " time(s)";
            }
        };
        List<ScheduledJob> jobs = new ArrayList<>(JobCatalogue.standard(new io.seedreset.platform.uploads.UploadStore(java.nio.file.Path.of("target", "uploads"))).jobs());
        jobs.add(sweep);
        schedules = new Schedules(tenant.seedReset, tenant.dataSource, Clock.systemUTC(), new JobCatalogue(jobs));

        assertThatThrownBy(() -> schedules.set("ops", ORG, "sweep", null, null, ORG))
                .hasMessage("job 'sweep' runs on the whole database: name no organization");
        assertThatThrownBy(() -> schedules.set("ops", null, "reset", null, null, "reset")).hasMessage("job 'reset' runs on one organization: name it (--org)");
        assertThatThrownBy(() -> schedules.set("ops", null, "sweep", null, null, ORG))
                .hasMessage("confirmation 'harbor-demo' does not match job 'sweep': nothing was changed");
        Instant before = Instant.now();
        Schedules.Entry set = schedules.set("ops", null, "sweep", null, null, "sweep");
        assertThat(set.organization()).isNull();
        assertThat(set.organizationKind()).isNull();
        assertThat(set.timing()).isEqualTo("every 48h UTC");
        assertThat(set.nextRun()).isAfterOrEqualTo(before.plus(Duration.ofHours(48)));
        assertThat(tenant.strings("SELECT task_name || ' ' || task_instance FROM operations.scheduled_tasks")).containsExactly("sweep global");

        start("server-a");
        schedules.runNow("ops", null, "sweep", "sweep");
        awaitRuns(1);
        assertThat(tenant.strings("SELECT job || ' ' || coalesce(organization_id::text, '-') || ' ' || message FROM operations.schedule_runs"))
                .containsExactly("sweep - swept 1 time(s)");
        assertThat(schedules.list(null)).singleElement().satisfies(entry -> assertThat(entry.lastRun().message()).isEqualTo("swept 1 time(s)"));
        assertThat(schedules.list(ORG)).isEmpty();

        schedules.clear("ops", null, "sweep", "sweep");
        assertThat(schedules.list(null)).isEmpty();
    }

    @Test
    void the_purge_of_demo_uploads_is_a_job_of_the_whole_database_that_deletes_old_files() throws Exception {
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("uploads");
        io.seedreset.platform.uploads.UploadStore store = new io.seedreset.platform.uploads.UploadStore(root);
        schedules = new Schedules(tenant.seedReset, tenant.dataSource, Clock.systemUTC(), JobCatalogue.standard(store));
        // A file an organization's reset left without a row, older than an upload in flight.
        java.nio.file.Path folder = store.databaseFolder(tenant.dataSource).resolve(tenant.strings(
                "SELECT id::text FROM platform.organizations WHERE slug = ?", ORG).get(0));
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Path left = java.nio.file.Files.writeString(folder.resolve(java.util.UUID.randomUUID().toString()), "receipt");
        java.nio.file.Files.setLastModifiedTime(left, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(3))));

        Schedules.Entry set = schedules.set("ops", null, "purge-uploads", null, null, "purge-uploads");
        assertThat(set.timing()).isEqualTo("every 1h UTC");
        start("server-a");
        schedules.runNow("ops", null, "purge-uploads", "purge-uploads");
        awaitRuns(1);

        assertThat(schedules.list(null)).singleElement().satisfies(entry -> assertThat(entry.lastRun().message())
                .isEqualTo("purged 0 upload(s) and 0 file(s) of 1 demo organization(s), and 1 file(s) without a row"));
        assertThat(left).doesNotExist();
    }

    /** The audit of the demo organization after the apply of the setup: operation, outcome, actor. */
    private List<String> audit() {
        // Every reset first takes a backup (operation snapshot), which is not what these tests count.
        return tenant.strings("SELECT operation || ' ' || outcome || ' ' || actor FROM platform.seed_audit WHERE org_slug = ?"
                + " AND operation NOT IN ('apply', 'snapshot') ORDER BY id", ORG);
    }

    private void awaitRuns(long runs) throws InterruptedException {
        await(() -> tenant.queryForLong("SELECT count(*) FROM operations.schedule_runs") >= runs);
    }

    /** Counts the scheduler's finished looks for due jobs. */
    private static AtomicInteger dueChecks(Schedules.Running server) {
        AtomicInteger checks = new AtomicInteger();
        server.scheduler().registerSchedulerListener(new AbstractSchedulerListener() {
            @Override
            public void onSchedulerEvent(SchedulerEventType type) {
                if (type == SchedulerEventType.RAN_EXECUTE_DUE) {
                    checks.incrementAndGet();
                }
            }
        });
        return checks;
    }

    /** Waits for a condition, looking every 20 ms, for at most 30 s (then fails). */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static Instant next(LocalTime time, Instant after) {
        LocalDate day = LocalDate.ofInstant(after, ZoneOffset.UTC);
        Instant today = day.atTime(time).toInstant(ZoneOffset.UTC);
        return today.isAfter(after) ? today : day.plusDays(1).atTime(time).toInstant(ZoneOffset.UTC);
    }

    /** Two people who sign in, one of them a persona with an API token. */
    static final class PeoplePack implements SeedPack {

        static final String ID = "schedule-people";

        @Override
        public PackDescriptor descriptor() {
            return new PackDescriptor(ID, "1.0.0", "People", "Two people who sign in", List.of("identity"),
                    List.of(Mode.of("default", "everyone", Map.of())), List.<Parameter>of(), List.of());
        }

        @Override
        public void generate(PackContext context, RowSink sink) {
            sink.add("identity.users", Row.withId(context.id("person", 0)).set("email", "ana.owner@agency.test").set("password_hash", HASH)
                    .set("name", "Ana Owner").set("role", "owner").set("active", true).set("created_at", context.anchor()));
            sink.add("identity.users", Row.withId(context.id("person", 1)).set("email", "ben.planner@agency.test").set("password_hash", HASH)
                    .set("name", "Ben Planner").set("role", "planner").set("active", true).set("created_at", context.anchor()));
        }

        @Override
        public List<Persona> personas(PackContext context) {
            return List.of(new Persona("Ana Owner", "owner", "ana.owner@agency.test", PASSWORD, "runs the agency"));
        }
    }
}
