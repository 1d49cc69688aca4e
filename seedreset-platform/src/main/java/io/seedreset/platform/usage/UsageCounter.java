package io.seedreset.platform.usage;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts requests in memory and adds the counts to {@code operations.usage} in one batch every few
 * seconds ({@link #startFlushing}) and on {@link #close()}, so that counting costs a request no
 * round trip to the database. Counts not yet flushed are lost if the process is killed; a flush the
 * database refuses keeps its counts for the next one.
 */
public final class UsageCounter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageCounter.class);

    /** What one count is about. */
    public record Key(UUID organizationId, LocalDate day, String module, String route, String persona) {
    }

    private final DataSource dataSource;
    private final ConcurrentHashMap<Key, Long> counts = new ConcurrentHashMap<>();
    private ScheduledExecutorService flusher;

    public UsageCounter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts one request. */
    public void count(Key key) {
        counts.merge(key, 1L, Long::sum);
    }

    /** Flushes every {@code period} on a daemon thread of its own, until {@link #close()}. */
    public synchronized void startFlushing(Duration period) {
        if (flusher != null) {
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "seedreset-usage-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(() -> {
            try {
                flush();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("usage counts not written yet, kept for the next flush: {}", e.getMessage());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Adds the counts taken so far to the table, in one transaction; returns how many rows it wrote.
     * On failure the counts are put back, to be added by the next flush.
     */
    public int flush() throws SQLException {
        List<Map.Entry<Key, Long>> taken = new ArrayList<>();
        for (Key key : counts.keySet()) {
            // remove() takes the count atomically: a request counted after it starts a new entry.
            Long count = counts.remove(key);
            if (count != null) {
                taken.add(Map.entry(key, count));
            }
        }
        if (taken.isEmpty()) {
            return 0;
        }
        try {
            write(taken);
        } catch (SQLException | RuntimeException e) {
            taken.forEach(entry -> counts.merge(entry.getKey(), entry.getValue(), Long::sum));
            throw e;
        }
        return taken.size();
    }

    private void write(List<Map.Entry<Key, Long>> taken) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO operations.usage AS u (organization_id, day, module, route, persona, count) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (organization_id, day, module, route, persona) DO UPDATE SET count = u.count + EXCLUDED.count""")) {
                for (Map.Entry<Key, Long> entry : taken) {
                    Key key = entry.getKey();
                    statement.setObject(1, key.organizationId());
                    statement.setDate(2, Date.valueOf(key.day()));
                    statement.setString(3, key.module());
                    statement.setString(4, key.route());
                    statement.setString(5, key.persona());
                    statement.setLong(6, entry.getValue());
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Stops flushing on schedule and flushes what is left. */
    @Override
    public void close() {
        synchronized (this) {
            if (flusher != null) {
                flusher.shutdown();
                try {
                    flusher.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                flusher = null;
            }
        }
        try {
            flush();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("usage counts of the last seconds not written: {}", e.getMessage());
        }
    }
}
