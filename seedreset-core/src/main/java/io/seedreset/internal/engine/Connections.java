package io.seedreset.internal.engine;

import io.seedreset.internal.schema.SchemaMigrator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Connections as the operations use them: reads in a read-only transaction, writes in one transaction. */
final class Connections {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final List<String> migrationLocations;

    Connections(DataSource dataSource, List<String> migrationLocations) {
        this.dataSource = dataSource;
        this.migrationLocations = List.copyOf(migrationLocations);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs work on its own connection of a database whose schema is this code's (initialised, not
     * older, not newer): writes in autocommit, reads
     * inside a read-only transaction that is rolled back, so that a pack's query or validation
     * rule can never change a row. SQL errors become {@link io.seedreset.api.SeedResetException}s.
     */
    <T> T withConnection(boolean write, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            SchemaMigrator.requireInitialised(connection, migrationLocations);
            if (write) {
                connection.setAutoCommit(true);
                connection.setReadOnly(false);
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /** Runs work in one transaction on its own connection: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            return inTransaction(connection, work);
        }
    }

    /**
     * The same at least at REPEATABLE READ: every statement reads the same snapshot of the database
     * (a snapshot of an organization taken table by table must not see a person's order without its
     * lines). A connection configured stricter stays so; it goes back to the pool as it came.
     */
    <T> T inOneSnapshot(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int configured = connection.getTransactionIsolation();
            if (configured < Connection.TRANSACTION_REPEATABLE_READ) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try {
                return inTransaction(connection, work);
            } finally {
                connection.setTransactionIsolation(configured);
            }
        }
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }
}
