package io.seedreset.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The transaction's lock_timeout, set for one step and put back after it. */
public final class LockTimeout {

    /** The SQLSTATE of a lock that was not granted within lock_timeout. */
    public static final String EXPIRED = "55P03";

    private LockTimeout() {
    }

    /** Sets lock_timeout for the rest of the transaction and returns the value it had. */
    public static String set(Connection connection, String value) throws SQLException {
        String previous;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SHOW lock_timeout")) {
            rs.next();
            previous = rs.getString(1);
        }
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
            set.setString(1, value);
            set.execute();
        }
        return previous;
    }
}
