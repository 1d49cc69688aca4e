package io.seedreset.platform.sql;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Work done on one connection in one transaction: all of its rows (and its mail), or nothing. */
public final class Transactions {

    private Transactions() {
    }

    /** Work done on one connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work at the connection's default isolation and commits; rolls back whatever it wrote when it throws, a refusal included. */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return run(connection, work);
        }
    }

    /**
     * The same at {@code isolation} ({@link Connection#TRANSACTION_REPEATABLE_READ} and the like), leaving the
     * connection as it found it for the pool.
     */
    public static <T> T inTransaction(DataSource dataSource, int isolation, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int previous = connection.getTransactionIsolation();
            connection.setTransactionIsolation(isolation);
            try {
                return run(connection, work);
            } finally {
                connection.setTransactionIsolation(previous);
            }
        }
    }

    private static <T> T run(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
