package io.seedreset.platform.ticketing;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Each workflow is one transaction: all of its rows and its mail, or nothing. */
final class Transactions {

    private Transactions() {
    }

    /** Work done on one connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work and commits; rolls back whatever it wrote when it throws, a refusal included. */
    static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
