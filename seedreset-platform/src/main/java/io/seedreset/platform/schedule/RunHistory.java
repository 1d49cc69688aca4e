package io.seedreset.platform.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Every attempt of a scheduled job ({@code operations.schedule_runs}): what {@code schedule list} shows as its last result. */
final class RunHistory {

    private final DataSource dataSource;

    RunHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void record(JobSchedule schedule, ScheduleRun run) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO operations.schedule_runs (job, organization_id, attempt, started_at, finished_at, outcome, message, scheduler)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            statement.setString(1, schedule.job());
            statement.setObject(2, schedule.organizationId() == null ? null : UUID.fromString(schedule.organizationId()));
            statement.setInt(3, run.attempt());
            statement.setTimestamp(4, Timestamp.from(run.startedAt()));
            statement.setTimestamp(5, Timestamp.from(run.finishedAt()));
            statement.setString(6, run.outcome());
            statement.setString(7, run.message());
            statement.setString(8, run.scheduler());
            statement.executeUpdate();
        }
    }

    /** The latest attempt of each job on each organization, by {@link #key}. */
    Map<String, ScheduleRun> lastRuns() throws SQLException {
        Map<String, ScheduleRun> runs = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT DISTINCT ON (organization_id, job) job, organization_id, started_at, finished_at, outcome, attempt, message, scheduler
                     FROM operations.schedule_runs ORDER BY organization_id, job, id DESC""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                UUID organization = rs.getObject("organization_id", UUID.class);
                runs.put(key(rs.getString("job"), organization == null ? null : organization.toString()),
                        new ScheduleRun(rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(), rs.getString("outcome"),
                                rs.getInt("attempt"), rs.getString("message"), rs.getString("scheduler")));
            }
        }
        return runs;
    }

    static String key(String job, String organizationId) {
        return job + "/" + (organizationId == null ? JobSchedule.GLOBAL : organizationId);
    }
}
