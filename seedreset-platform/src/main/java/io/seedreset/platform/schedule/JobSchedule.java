package io.seedreset.platform.schedule;

import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A schedule as db-scheduler stores it ({@code operations.scheduled_tasks.task_data}, Java-serialized): its
 * job and timing, and the organization it is tagged with, by id, slug and kind ({@code demo}, {@code qa},
 * {@code sandbox}; all three null for a global job), and who set it when.
 */
public record JobSchedule(String job, String organizationId, String organization, String organizationKind, String timing, String zone,
                          String setBy, Instant setAt) implements ScheduleAndData {

    private static final long serialVersionUID = 1L;

    /** The instance id a global job is scheduled under; an organization's job is under the organization's id. */
    static final String GLOBAL = "global";

    /** The timing, read again as it was checked when set. */
    public Timing parsedTiming() {
        return new Timing(timing, ZoneId.of(zone));
    }

    /** db-scheduler's next run, from the timing. */
    @Override
    public Schedule getSchedule() {
        return parsedTiming().schedule();
    }

    @Override
    public Object getData() {
        return this;
    }

    /** The instance id it is scheduled under: the organization's id, or {@value #GLOBAL}. */
    String instanceId() {
        return organizationId == null ? GLOBAL : organizationId;
    }

    /** How the audit names what a run of this schedule does. */
    String actor() {
        return "schedule:" + job + " (set by " + setBy + ")";
    }
}
