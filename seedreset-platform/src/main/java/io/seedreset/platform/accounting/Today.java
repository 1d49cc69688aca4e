package io.seedreset.platform.accounting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;


/**
 * The books' today for one organization: the UTC date of the clock the workflows are given (the system's
 * clock when serving, a fixed one in tests), moved ahead by the organization's own clock when it time
 * travelled ({@code platform.organization_clocks}, written by the engine's time travel). Aging, what is
 * overdue, the trial balance's default day and the dates a workflow accepts all follow it.
 */
final class Today {

    private Today() {
    }

    static LocalDate of(DataSource dataSource, Clock clock, UUID organizationId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection, clock, organizationId);
        }
    }

    /** The same on a connection the caller holds (inside a workflow's transaction: no second connection from the pool). */
    static LocalDate of(Connection connection, Clock clock, UUID organizationId) throws SQLException {
        return io.seedreset.platform.clock.OrganizationClock.today(connection, clock, organizationId);
    }
}
