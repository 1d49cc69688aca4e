package io.seedreset.platform.schedule;

import io.seedreset.api.AuditOperation;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.ResetResult;

/**
 * {@code reset}: the engine's reset of the organization (every row deleted, its packs applied again, in one
 * transaction, refused and audited on a production organization), then new API tokens for the personas it
 * brought back, as after a reset by hand. The schedule was confirmed with the slug when it was set.
 */
final class OrganizationReset implements ScheduledJob {

    @Override
    public String name() {
        return "reset";
    }

    @Override
    public String description() {
        return "reset the organization (its packs applied again), then reissue its personas' API tokens";
    }

    @Override
    public String defaultTiming() {
        return "nightly 03:00";
    }

    @Override
    public AuditOperation auditedAs() {
        return AuditOperation.RESET;
    }

    @Override
    public String run(JobRun run) throws Exception {
        ResetResult result = run.acting().reset(ResetRequest.of(run.organization()).confirm(run.organization()));
        long written = result.reapplied().stream().mapToLong(io.seedreset.api.ApplyResult::totalRows).sum();
        int tokens = run.reissuePersonaTokens();
        return "reset: " + result.deletedRows() + " rows deleted, " + written + " written by " + result.reapplied().size()
                + " pack(s); " + tokens + " API token(s) reissued";
    }
}
