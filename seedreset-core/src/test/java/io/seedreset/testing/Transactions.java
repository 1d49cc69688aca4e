package io.seedreset.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** Hand-written transactions for tests that race the engine: what a writer that is not the engine would do. */
public final class Transactions {

    private Transactions() {
    }

    /**
     * Runs {@code first} in a transaction at that isolation level (taking its snapshot), waits
     * (at most 10 s) for {@code between}, runs the rest and commits.
     *
     * @return "ok", or the SQLSTATE that ended it (the transaction is rolled back)
     */
    public static String attempt(DataSource dataSource, String isolation, Future<?> between, String first, String... rest) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET TRANSACTION ISOLATION LEVEL " + isolation);
            try {
                statement.execute(first);
                try {
                    between.get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // what it waited for is slow or failed: go on all the same
                }
                for (String sql : rest) {
                    statement.execute(sql);
                }
                connection.commit();
                return "ok";
            } catch (SQLException e) {
                connection.rollback();
                return e.getSQLState();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
