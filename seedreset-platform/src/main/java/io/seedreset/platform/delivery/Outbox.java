package io.seedreset.platform.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Delivers the due rows of one outbox table (the operations schema's mail and feedback): each in a
 * transaction of its own, taken with {@code FOR UPDATE SKIP LOCKED} so that two servers on one database
 * never deliver the same row, handed to the {@link Sender} while the row stays locked, then marked
 * {@code sent}, or left {@code pending} until its next attempt, or {@code failed} after its last
 * ({@link Retries}). A server that dies between sending and committing sends that one item again:
 * delivery is at least once, and exactly once otherwise.
 *
 * <p>The table has the columns {@code id, status, attempts, last_error, next_attempt_at, sent_at}; the
 * query selects one due row, its {@code id} first and its {@code attempts} second, given the current instant as
 * its only parameter.
 *
 * @param <T> an item as the sender takes it
 */
public final class Outbox<T> {

    /** How many items one run delivers at most, so that a run ends while new items keep coming. */
    static final int ITEMS_PER_RUN = 500;

    /** Reads an item from the due row the query selected. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Delivers one item; any exception is a failed attempt, its message recorded as the last error. */
    @FunctionalInterface
    public interface Sender<T> {
        void send(T item) throws Exception;
    }

    /** What one run did: items sent, items that failed and will be retried, items given up. */
    public record Run(int sent, int retrying, int failed) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Retries retries;
    private final String table;
    private final String dueQuery;
    private final Reader<T> reader;
    private final Sender<T> sender;

    public Outbox(DataSource dataSource, Clock clock, Retries retries, String table, String dueQuery, Reader<T> reader, Sender<T> sender) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.retries = retries;
        this.table = table;
        this.dueQuery = dueQuery;
        this.reader = reader;
        this.sender = sender;
    }

    /** Delivers every item due now (up to {@value #ITEMS_PER_RUN}); a failed one waits for its next attempt. */
    public Run deliverDue() throws SQLException {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        for (int i = 0; i < ITEMS_PER_RUN; i++) {
            Outcome outcome = deliverOne();
            if (outcome == null) {
                break;
            }
            switch (outcome) {
                case SENT -> sent++;
                case RETRYING -> retrying++;
                case FAILED -> failed++;
            }
        }
        return new Run(sent, retrying, failed);
    }

    private enum Outcome { SENT, RETRYING, FAILED }

    /** Delivers the next due item; null when none is due (or every due one is another server's). */
    private Outcome deliverOne() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Instant now = clock.instant();
                UUID id;
                int attempts;
                T item;
                try (PreparedStatement due = connection.prepareStatement(dueQuery)) {
                    due.setTimestamp(1, Timestamp.from(now));
                    try (ResultSet row = due.executeQuery()) {
                        if (!row.next()) {
                            connection.rollback();
                            return null;
                        }
                        id = row.getObject(1, UUID.class);
                        attempts = row.getInt(2) + 1;
                        item = reader.read(row);
                    }
                }
                Outcome outcome;
                try {
                    sender.send(item);
                    update(connection, "status = 'sent', attempts = ?, last_error = NULL, next_attempt_at = NULL, sent_at = ?",
                            id, attempts, Timestamp.from(clock.instant()));
                    outcome = Outcome.SENT;
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt(); // recorded as a failed attempt; the caller is stopping
                    }
                    boolean givenUp = retries.exhausted(attempts);
                    update(connection, "status = ?, attempts = ?, last_error = ?, next_attempt_at = ?", id,
                            givenUp ? "failed" : "pending", attempts, describe(e),
                            givenUp ? null : Timestamp.from(retries.nextAttempt(attempts, clock.instant())));
                    outcome = givenUp ? Outcome.FAILED : Outcome.RETRYING;
                }
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void update(Connection connection, String set, UUID id, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table + " SET " + set + " WHERE id = ?")) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.setObject(values.length + 1, id);
            statement.executeUpdate();
        }
    }

    /** The failure in one line: its message, else its type. */
    private static String describe(Exception e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
