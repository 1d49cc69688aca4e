package io.seedreset.platform.schedule;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.platform.delivery.Retries;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * One job as a db-scheduler task: each attempt runs the job as its schedule ({@link JobSchedule#actor}),
 * records the outcome, and on failure is retried as {@link Retries} say (the first retry after its first
 * delay, each next one twice as far, up to its largest); once they are spent, it waits for its next
 * scheduled time, and its failures stay in the history and, for the engine's operations, in the audit.
 */
record JobTask(ScheduledJob job, Retries retries, String schedulerName, SeedReset seedReset, DataSource dataSource, Clock clock,
               RunHistory history) {

    RecurringTaskWithPersistentSchedule<JobSchedule> task() {
        return Tasks.recurringWithPersistentSchedule(job.name(), JobSchedule.class).onFailure(this::failed).execute(this::run);
    }

    private void run(TaskInstance<JobSchedule> instance, ExecutionContext context) {
        JobSchedule schedule = instance.getData();
        int attempt = context.getExecution().consecutiveFailures + 1;
        Instant started = clock.instant();
        String message;
        try {
            message = job.run(new JobRun(seedReset.as(schedule.actor()), dataSource, clock, schedule.organization()));
        } catch (Exception e) {
            record(schedule, new ScheduleRun(started, clock.instant(), ScheduleRun.FAILED, attempt, message(e), schedulerName));
            // db-scheduler sees the failure and calls failed() below.
            throw new JobFailed(e);
        }
        record(schedule, new ScheduleRun(started, clock.instant(), ScheduleRun.SUCCEEDED, attempt, message, schedulerName));
    }

    /** Retries until they are spent, then waits for the next scheduled time. */
    private void failed(ExecutionComplete complete, ExecutionOperations<JobSchedule> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        JobSchedule schedule = (JobSchedule) complete.getExecution().taskInstance.getData();
        operations.reschedule(complete, retries.exhausted(failures) ? schedule.getSchedule().getNextExecutionTime(complete)
                : retries.nextAttempt(failures, complete.getTimeDone()));
    }

    private void record(JobSchedule schedule, ScheduleRun run) {
        try {
            history.record(schedule, run);
        } catch (SQLException e) {
            // Unrecorded, the attempt counts as failed: retried, and db-scheduler logs why.
            throw new JobFailed(e);
        }
    }

    private static String message(Exception e) {
        String message = e instanceof SeedResetException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    /** A failed attempt, for db-scheduler to retry. */
    static final class JobFailed extends RuntimeException {
        JobFailed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
