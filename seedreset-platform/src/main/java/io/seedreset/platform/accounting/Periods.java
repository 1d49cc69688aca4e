package io.seedreset.platform.accounting;

import io.seedreset.platform.workflow.WorkflowRefused;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Reporting periods: once one is closed, nothing more is posted with a date inside it. */
final class Periods {

    private Periods() {
    }

    /**
     * Refuses a date before the books start (the earliest period's first day) or inside a CLOSED period; a date after the
     * last period is open (periods are added as time goes on), and so is any date while the books have no period yet.
     * The period's row is held (FOR SHARE) until the posting commits, so that a close running at the same time waits for
     * it rather than closing a period that is about to receive an entry.
     *
     * @throws WorkflowRefused conflict {@code before_books}, naming the books' first day; conflict {@code period_closed}, naming the period
     */
    static void requireOpen(Connection connection, UUID organizationId, LocalDate date) throws SQLException {
        LocalDate firstDay = firstDay(connection, organizationId);
        if (firstDay != null && date.isBefore(firstDay)) {
            throw WorkflowRefused.conflict("before_books", "the books start on " + firstDay + ": nothing is posted on " + date
                    + ", before them; use a date on or after " + firstDay, Map.of("firstDay", firstDay.toString(), "date", date.toString()));
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT name, starts_on, ends_on, status FROM accounting.periods
                 WHERE org_id = ? AND starts_on <= ? AND ends_on >= ? ORDER BY starts_on FOR SHARE""")) {
            statement.setObject(1, organizationId);
            statement.setObject(2, date);
            statement.setObject(3, date);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString("status").equals("CLOSED")) {
                        String name = rs.getString("name");
                        throw WorkflowRefused.conflict("period_closed", "the period " + name + " (" + rs.getObject("starts_on", LocalDate.class)
                                        + " to " + rs.getObject("ends_on", LocalDate.class) + ") is closed: nothing more is posted on " + date
                                        + "; use a date in an open period",
                                Map.of("period", name, "date", date.toString()));
                    }
                }
            }
        }
    }

    /** The books' first day: the earliest period's start; null when there is no period. */
    static LocalDate firstDay(Connection connection, UUID organizationId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT min(starts_on) FROM accounting.periods WHERE org_id = ?")) {
            statement.setObject(1, organizationId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getObject(1, LocalDate.class);
            }
        }
    }
}
