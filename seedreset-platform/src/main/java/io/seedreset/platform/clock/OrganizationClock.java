package io.seedreset.platform.clock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * An organization's "now" as the platform sees it: the clock the workflows are given (the system's when
 * serving, a fixed one in tests), moved whole months ahead when the organization time travelled
 * ({@code platform.organization_clocks}, written only by the engine's time travel). Every workflow and
 * report that reads the time of day for an organization reads it here, on the connection it holds.
 */
public final class OrganizationClock {

    private OrganizationClock() {
    }

    /** The organization's now: the clock's instant, its date moved ahead by the organization's months (the time of day kept). */
    public static Instant now(Connection connection, Clock clock, UUID organizationId) throws SQLException {
        Instant real = clock.instant();
        int months = months(connection, organizationId);
        return months == 0 ? real : real.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** The organization's today: the UTC date of {@link #now}. */
    public static LocalDate today(Connection connection, Clock clock, UUID organizationId) throws SQLException {
        return LocalDate.ofInstant(now(connection, clock, organizationId), ZoneOffset.UTC);
    }

    private static int months(Connection connection, UUID organizationId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT months FROM platform.organization_clocks WHERE org_id = ?")) {
            statement.setObject(1, organizationId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
