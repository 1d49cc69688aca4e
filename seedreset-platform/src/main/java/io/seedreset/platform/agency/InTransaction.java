package io.seedreset.platform.agency;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Work done on one connection in one transaction: committed when it returns, rolled back when it throws. */
@FunctionalInterface
interface InTransaction<R> {

    R run(Connection connection) throws SQLException;

    /**
     * Runs {@code work} in a transaction at {@code isolation} ({@link Connection#TRANSACTION_READ_COMMITTED} and the
     * like), and leaves the connection as it found it for the pool.
     */
    static <R> R run(DataSource dataSource, int isolation, InTransaction<R> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int previousIsolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(isolation);
            try {
                R result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setTransactionIsolation(previousIsolation);
                connection.setAutoCommit(true);
            }
        }
    }
}
