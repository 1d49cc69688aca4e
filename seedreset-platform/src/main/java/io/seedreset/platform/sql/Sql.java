package io.seedreset.platform.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** One statement with its parameters in order, for the workflows' many single-row writes. */
public final class Sql {

    private Sql() {
    }

    /** Runs an INSERT or UPDATE; an {@link Instant} parameter is written as a timestamp. Returns the rows it wrote. */
    public static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i] instanceof Instant instant ? Timestamp.from(instant) : parameters[i];
                statement.setObject(i + 1, parameter);
            }
            return statement.executeUpdate();
        }
    }
}
