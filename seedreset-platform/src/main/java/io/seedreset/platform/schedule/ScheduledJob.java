package io.seedreset.platform.schedule;

import io.seedreset.api.AuditOperation;

/**
 * A kind of job a schedule runs: a reset of an organization, a rotation of its personas' credentials.
 * Adding one is a class implementing this and one entry in {@link JobCatalogue#standard}: the commands,
 * the admin API, the retries and the history take it from there.
 */
public interface ScheduledJob {

    /** How staff name it ({@code --job}) and db-scheduler stores it (its task name): lower case, hyphens. */
    String name();

    /** One line for {@code --help} and {@code schedule list}. */
    String description();

    /**
     * Whether the job runs on one organization ({@code --org}), or on the whole database (a purge of
     * expired uploads, say): a global job has one schedule, set without an organization and confirmed by
     * the job's name, and the production boundary is its own to keep in what it touches.
     */
    default boolean perOrganization() {
        return true;
    }

    /** Its timing when {@code --at} is not given. */
    String defaultTiming();

    /**
     * The operation a refusal is audited as, when the job is scheduled or run on a production
     * organization: the audit's operations are the engine's, and the job's is the one it amounts to
     * (a global job has no organization to refuse).
     */
    AuditOperation auditedAs();

    /**
     * Runs the job once; returns one line saying what it did (the history's message). Throwing fails this
     * attempt: it is recorded and retried ({@link JobTask}).
     */
    String run(JobRun run) throws Exception;
}
