package io.seedreset.platform.schedule;

import io.seedreset.api.AuditOperation;
import io.seedreset.platform.uploads.UploadPurge;
import io.seedreset.platform.uploads.UploadStore;

/**
 * {@code purge-uploads}: deletes demo organizations' uploads older than 48 hours, their rows and files, and
 * files a reset left without a row ({@link UploadPurge}). A job of the whole database: the purge itself
 * keeps to organizations of kind demo, re-checked under a lock, and never touches a production one.
 */
final class UploadsPurgeJob implements ScheduledJob {

    private final UploadStore uploads;

    UploadsPurgeJob(UploadStore uploads) {
        this.uploads = uploads;
    }

    @Override
    public String name() {
        return "purge-uploads";
    }

    @Override
    public String description() {
        return "delete demo organizations' uploads older than 48 hours, and files left without a row";
    }

    @Override
    public boolean perOrganization() {
        return false;
    }

    @Override
    public String defaultTiming() {
        return "every 1h";
    }

    /** It refuses nothing of its own (a global job has no organization to refuse); were it audited, it would be as a reset's deletions. */
    @Override
    public AuditOperation auditedAs() {
        return AuditOperation.RESET;
    }

    @Override
    public String run(JobRun run) throws Exception {
        UploadPurge.Result result = new UploadPurge(run.dataSource(), uploads, run.clock()).purge(UploadPurge.DEFAULT_AGE);
        return "purged " + result.rows() + " upload(s) and " + result.files() + " file(s) of " + result.organizations()
                + " demo organization(s), and " + result.orphans() + " file(s) without a row";
    }
}
