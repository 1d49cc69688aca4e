package io.seedreset.platform.usage;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An organization's usage over a period: requests per day, module, route and persona.
 *
 * @param from the first day, included
 * @param to   the last day, included
 * @param rows by module, then route, persona and day
 */
public record UsageReport(String organization, LocalDate from, LocalDate to, List<Row> rows) {

    /** Requests on one day to one route by one persona. */
    public record Row(LocalDate day, String module, String route, String persona, long count) {
    }

    /** The requests counted for the organization from {@code from} to {@code to}, both included. */
    public static UsageReport read(DataSource dataSource, UUID organizationId, String organization, LocalDate from, LocalDate to)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT day, module, route, persona, count FROM operations.usage
                      WHERE organization_id = ? AND day BETWEEN ? AND ?
                      ORDER BY module, route, persona, day""")) {
            statement.setObject(1, organizationId);
            statement.setDate(2, Date.valueOf(from));
            statement.setDate(3, Date.valueOf(to));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
                }
            }
        }
        return new UsageReport(organization, from, to, List.copyOf(rows));
    }

    /** Every request the report counts. */
    public long total() {
        return rows.stream().mapToLong(Row::count).sum();
    }
}
