package io.seedreset.platform.schedule;

import java.time.Instant;

/**
 * One attempt of a scheduled job ({@code operations.schedule_runs}): when it ran, whether it succeeded, the
 * how-many-th attempt it was (1, or more when retried after failures), what it said, and which server ran it.
 */
public record ScheduleRun(Instant startedAt, Instant finishedAt, String outcome, int attempt, String message, String scheduler) {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
