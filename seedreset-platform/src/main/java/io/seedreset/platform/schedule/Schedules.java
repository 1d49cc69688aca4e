package io.seedreset.platform.schedule;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.seedreset.api.Organization;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.platform.delivery.Retries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Scheduled jobs per organization: set, listed, cleared and made due now here, for the CLI and the admin
 * API alike; run by {@link #start} in {@code seedreset serve}. db-scheduler keeps each schedule as one row
 * of {@value #TABLE} (job, organization, next run; the {@link JobSchedule} as its data), and every attempt
 * is recorded in {@code operations.schedule_runs} ({@link RunHistory}).
 *
 * <p>The production boundary: setting or running a schedule of a production organization is refused with
 * the boundary's own refusal and audited ({@link SeedReset#refuseIfProduction}) before anything is stored.
 * A schedule of an organization that became production after it was set still runs, and is refused there:
 * the reset by the engine, the rotation by its own check, both audited. Failures are
 * {@link SeedResetException}s, as the engine's are.
 */
public final class Schedules {

    /** db-scheduler's table, in the {@code operations} schema (migration V192). */
    public static final String TABLE = "operations.scheduled_tasks";

    /**
     * How a server runs schedules: how often it looks for due ones, how many run at once, how a failed
     * attempt is retried, and how long stopping waits for a running job.
     */
    public record Settings(Duration pollingInterval, int threads, Retries retries, Duration stopWait) {

        /**
         * Every 10 seconds, two at a time; a failed job is tried 4 times in all, 5, 10 and 20 minutes apart,
         * then waits for its next scheduled time; stopping waits up to 30 seconds for a running job.
         */
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(10), 2,
                new Retries(4, Duration.ofMinutes(5), Duration.ofMinutes(20)), Duration.ofSeconds(30));
    }

    /** A schedule as {@code schedule list} shows it; {@code lastRun} null before its first attempt. */
    public record Entry(String job, String organization, String organizationKind, String timing, Instant nextRun, boolean running,
                        String setBy, Instant setAt, ScheduleRun lastRun) {
    }

    private final SeedReset seedReset;
    private final DataSource dataSource;
    private final Clock clock;
    private final JobCatalogue jobs;
    private final RunHistory history;
    private final SchedulerClient client;

    public Schedules(SeedReset seedReset, DataSource dataSource, Clock clock, JobCatalogue jobs) {
        this.seedReset = seedReset;
        this.dataSource = dataSource;
        this.clock = clock;
        this.jobs = jobs;
        this.history = new RunHistory(dataSource);
        // The client never runs a job; it knows the tasks to read their schedules.
        this.client = SchedulerClient.Builder.create(dataSource, tasks(Settings.DEFAULT.retries(), "client")).tableName(TABLE).build();
    }

    /** Every schedule, or the organization's (an unknown slug is refused), by organization and job. */
    public List<Entry> list(String organization) {
        String organizationId = organization == null ? null : seedReset.requireOrganization(organization).id().toString();
        Map<String, Organization> organizations = seedReset.organizations().stream()
                .collect(Collectors.toMap(found -> found.id().toString(), Function.identity()));
        Map<String, ScheduleRun> lastRuns = database("reading the schedules' history", history::lastRuns);
        List<Entry> entries = new ArrayList<>();
        // Running ones included (picked), so that a schedule never vanishes from the list while its job runs.
        for (ScheduledExecution<Object> execution : database("reading the schedules", () -> client.getScheduledExecutions(ScheduledExecutionsFilter.all()))) {
            if (execution.getData() instanceof JobSchedule schedule
                    && (organizationId == null || organizationId.equals(schedule.organizationId()))) {
                // The kind now, not as it was tagged: an organization that became production says so.
                Organization now = schedule.organizationId() == null ? null : organizations.get(schedule.organizationId());
                String kind = now == null ? schedule.organizationKind() : now.kind().label();
                entries.add(new Entry(schedule.job(), schedule.organization(), kind, schedule.parsedTiming().toString(),
                        execution.getExecutionTime(), execution.isPicked(), schedule.setBy(), schedule.setAt(),
                        lastRuns.get(RunHistory.key(schedule.job(), schedule.organizationId()))));
            }
        }
        entries.sort(Comparator.comparing((Entry entry) -> String.valueOf(entry.organization())).thenComparing(Entry::job));
        return entries;
    }

    /**
     * Schedules the job for the organization (none for a job of the whole database) at {@code at}
     * ({@link Timing}; the job's default when null) in {@code zone} (UTC when null), replacing its schedule
     * there if it had one; its first run is the next time the timing names (an interval's, one interval from
     * now).
     *
     * @throws SeedResetException {@code INVALID_VALUE} for an unknown job, a bad timing or zone, or an
     *                            organization given to a global job (or none to an organization's);
     *                            {@code UNKNOWN_ORGANIZATION}; {@code PRODUCTION_ORGANIZATION} (audited, nothing
     *                            stored); {@code CONFIRMATION_REQUIRED} or {@code CONFIRMATION_MISMATCH};
     *                            {@code ORGANIZATION_BUSY} while the job runs
     */
    public Entry set(String actor, String organization, String job, String at, String zone, String confirm) {
        ScheduledJob found = jobs.find(job);
        Timing timing = Timing.parse(at == null ? found.defaultTiming() : at, zone);
        Target target = allowed(actor, found, organization, confirm);
        Organization tagged = target.organization();
        JobSchedule schedule = new JobSchedule(found.name(), tagged == null ? null : tagged.id().toString(), tagged == null ? null : tagged.slug(),
                tagged == null ? null : tagged.kind().label(), timing.text(), timing.zone().getId(), actor, clock.instant());
        Instant first = timing.schedule().getNextExecutionTime(ExecutionComplete.simulatedSuccess(clock.instant()));
        change(target, () -> client.schedule(new TaskInstance<>(found.name(), target.instanceId(), schedule), first,
                ScheduleOptions.WHEN_EXISTS_RESCHEDULE));
        return entry(target);
    }

    /**
     * Removes the job's schedule of the organization (one of a production organization too: it could only be
     * refused), or the global job's schedule.
     *
     * @throws SeedResetException {@code INVALID_VALUE} when there is none, and as {@link #set} otherwise
     */
    public void clear(String actor, String organization, String job, String confirm) {
        Target target = target(jobs.find(job), organization);
        target.confirm(confirm);
        change(target, () -> {
            client.cancel(target.id());
            return null;
        });
    }

    /**
     * Makes the job's schedule of the organization (or the global job's) due now: the next look of a running
     * scheduler ({@code seedreset serve}) runs it, once among the servers, as a scheduled run (retried on
     * failure, recorded); then it follows its timing again.
     *
     * @throws SeedResetException as {@link #set}; {@code INVALID_VALUE} when there is no such schedule
     */
    public Entry runNow(String actor, String organization, String job, String confirm) {
        Target target = allowed(actor, jobs.find(job), organization, confirm);
        if (!change(target, () -> client.reschedule(target.id(), clock.instant()))) {
            // Its row changed under us: a server picked it or another change landed first.
            throw new SeedResetException(Reason.ORGANIZATION_BUSY, "the " + target.job().name() + " schedule of " + target.what()
                    + " changed meanwhile: look at 'seedreset schedule list' and try again", target.details());
        }
        return entry(target);
    }

    /**
     * Starts running due schedules on this server, under this name (the history's {@code scheduler}); several
     * servers on one database run each due job once. Close the result to stop.
     */
    public Running start(Settings settings, String name) {
        Scheduler scheduler = Scheduler.create(dataSource, tasks(settings.retries(), name))
                .tableName(TABLE)
                .schedulerName(new SchedulerName.Fixed(name))
                .pollingInterval(settings.pollingInterval())
                .threads(settings.threads())
                .shutdownMaxWait(settings.stopWait())
                // The history keeps each failure's message; one warning line per failure, not a stack trace.
                .failureLogging(LogLevel.WARN, false)
                .build();
        scheduler.start();
        return new Running(scheduler, name);
    }

    /** A scheduler running on this server; closing it stops it, waiting up to {@link Settings#stopWait} for a running job. */
    public record Running(Scheduler scheduler, String name) implements AutoCloseable {
        @Override
        public void close() {
            scheduler.stop();
        }
    }

    /**
     * What a schedule is of: a job and its organization, or a job of the whole database (no organization),
     * confirmed by the organization's slug or, for a global job, by the job's name.
     */
    private record Target(ScheduledJob job, Organization organization) {

        String instanceId() {
            return organization == null ? JobSchedule.GLOBAL : organization.id().toString();
        }

        TaskInstanceId id() {
            return TaskInstanceId.of(job.name(), instanceId());
        }

        /** What the confirmation must be: the slug, as the engine asks for its own operations, or the global job's name. */
        String word() {
            return organization == null ? job.name() : organization.slug();
        }

        String what() {
            return organization == null ? "the whole database" : "'" + organization.slug() + "'";
        }

        Map<String, String> details() {
            return organization == null ? Map.of(SeedResetException.VALUE, job.name()) : Map.of(SeedResetException.ORGANIZATION, organization.slug());
        }

        void confirm(String confirm) {
            if (confirm == null || confirm.isBlank()) {
                throw new SeedResetException(Reason.CONFIRMATION_REQUIRED, "changing the schedules of " + what() + " needs confirmation: type "
                        + (organization == null ? "the job's name" : "the organization's slug"), details());
            }
            if (!confirm.equals(word())) {
                Map<String, String> details = new HashMap<>(details());
                details.put(SeedResetException.CONFIRMATION, confirm);
                throw new SeedResetException(Reason.CONFIRMATION_MISMATCH, "confirmation '" + confirm + "' does not match "
                        + (organization == null ? "job '" + job.name() + "'" : "organization '" + organization.slug() + "'") + ": nothing was changed",
                        details);
            }
        }
    }

    /** The job's target: its organization, known, or none for a global job; either refused with the other. */
    private Target target(ScheduledJob job, String organization) {
        boolean named = organization != null && !organization.isBlank();
        if (job.perOrganization() && !named) {
            throw new SeedResetException(Reason.INVALID_VALUE, "job '" + job.name() + "' runs on one organization: name it (--org)",
                    Map.of(SeedResetException.VALUE, job.name()));
        }
        if (!job.perOrganization() && named) {
            throw new SeedResetException(Reason.INVALID_VALUE, "job '" + job.name() + "' runs on the whole database: name no organization",
                    Map.of(SeedResetException.VALUE, job.name()));
        }
        return new Target(job, named ? seedReset.requireOrganization(organization) : null);
    }

    /** The target, once the job may be scheduled or run there: known, not production (refused and audited), confirmed. */
    private Target allowed(String actor, ScheduledJob job, String organization, String confirm) {
        Target target = target(job, organization);
        if (target.organization() != null) {
            seedReset.as(actor).refuseIfProduction(job.auditedAs(), target.organization().slug());
        }
        target.confirm(confirm);
        return target;
    }

    private Entry entry(Target target) {
        return list(target.organization() == null ? null : target.organization().slug()).stream()
                .filter(entry -> entry.job().equals(target.job().name()) && (target.organization() != null || entry.organization() == null))
                .findFirst().orElseThrow(() -> new IllegalStateException("the " + target.job().name() + " schedule of " + target.what()
                        + " just went away"));
    }

    @FunctionalInterface
    private interface Change<T> {
        T run();
    }

    /** db-scheduler's refusals in our words: a job that runs cannot be changed, one that is not there cannot be either. */
    private <T> T change(Target target, Change<T> change) {
        try {
            return database("changing the " + target.job().name() + " schedule of " + target.what(), change::run);
        } catch (SeedResetException e) {
            if (e.getCause() instanceof TaskInstanceCurrentlyExecutingException) {
                throw new SeedResetException(Reason.ORGANIZATION_BUSY, "the " + target.job().name() + " job of " + target.what()
                        + " is running now: try again when it has finished", target.details());
            }
            if (e.getCause() instanceof TaskInstanceNotFoundException) {
                throw new SeedResetException(Reason.INVALID_VALUE, target.organization() == null
                        ? "job '" + target.job().name() + "' has no schedule ('seedreset schedule list' shows the schedules)"
                        : "organization '" + target.organization().slug() + "' has no " + target.job().name() + " schedule ('seedreset schedule list --org "
                        + target.organization().slug() + "' shows its schedules)", target.details());
            }
            throw e;
        }
    }

    /** The tasks db-scheduler knows: one per job, each instance an organization (or the global one). */
    private List<Task<?>> tasks(Retries retries, String schedulerName) {
        List<Task<?>> tasks = new ArrayList<>();
        for (ScheduledJob job : jobs.jobs()) {
            tasks.add(new JobTask(job, retries, schedulerName, seedReset, dataSource, clock, history).task());
        }
        return tasks;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    private static <T> T database(String what, Work<T> work) {
        try {
            return work.run();
        } catch (SeedResetException e) {
            throw e;
        } catch (Exception e) {
            throw new SeedResetException(Reason.DATABASE_ERROR, what + " failed: " + e.getMessage(), Map.of(), e);
        }
    }
}
