package io.seedreset.platform.schedule;

import io.seedreset.api.ActivityRequest;
import io.seedreset.api.ActivityResult;
import io.seedreset.api.AuditOperation;
import java.util.stream.Collectors;

/**
 * {@code activity}: the engine's synthetic activity for the organization over the last week, so that a
 * demo organization shown on any day of it has the week's orders, scans and leads. Each day is posted
 * once (a day the organization already has is skipped), so a run retried, or run by hand in between,
 * writes nothing twice. Refused and audited on a production organization; the schedule was confirmed
 * with the slug when it was set.
 */
final class OrganizationActivity implements ScheduledJob {

    /** A week back, so that a weekly run leaves no day out. */
    static final int DAYS = 7;

    @Override
    public String name() {
        return "activity";
    }

    @Override
    public String description() {
        return "post the synthetic activity (orders, scans, leads) of the last " + DAYS + " days its packs do not have yet";
    }

    @Override
    public String defaultTiming() {
        return "weekly mon 05:00";
    }

    @Override
    public AuditOperation auditedAs() {
        return AuditOperation.ACTIVITY;
    }

    @Override
    public String run(JobRun run) {
        ActivityResult result = run.acting().activity(new ActivityRequest(run.organization(), run.organization(), DAYS));
        if (result.runs().isEmpty()) {
            return "activity: no pack of the organization posts activity";
        }
        return "activity " + result.from() + " to " + result.to() + ": " + result.runs().stream()
                .map(r -> r.packId() + " " + r.days().size() + " day(s), " + r.totalRows() + " rows")
                .collect(Collectors.joining("; "));
    }
}
