package io.seedreset.server.admin;

import io.seedreset.api.Progress;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mutations this server is running, one per organization at most: a second one on the same
 * organization is refused at once as busy (the engine's lock on the organization refuses one started
 * elsewhere, by the CLI or another server, after its wait). Each reports its progress, for the console to
 * poll. Public for {@link Snapshot} alone, which the console shows; the rest is this package's.
 */
public final class InProgress {

    /** A running mutation and how far it got: the engine's current task and the rows it wrote or deleted so far. */
    static final class Running implements Progress, AutoCloseable {
        private final InProgress owner;
        private final String organization;
        private final String operation;
        private final String staff;
        private final Instant startedAt;
        private final AtomicLong rows = new AtomicLong();
        private volatile String task = "starting";

        private Running(InProgress owner, String organization, String operation, String staff, Instant startedAt) {
            this.owner = owner;
            this.organization = organization;
            this.operation = operation;
            this.staff = staff;
            this.startedAt = startedAt;
        }

        @Override
        public void start(String newTask) {
            task = newTask;
        }

        @Override
        public void advance(long count) {
            rows.addAndGet(count);
        }

        @Override
        public void finish() {
            // The operation goes on to its next task, or returns and closes this.
        }

        Snapshot snapshot() {
            return new Snapshot(organization, operation, staff, startedAt, task, rows.get());
        }

        @Override
        public void close() {
            owner.running.remove(organization, this);
        }
    }

    /** What the console shows of a running mutation. */
    public record Snapshot(String organization, String operation, String staff, Instant startedAt, String task, long rows) {
    }

    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /**
     * Marks the organization busy with this operation until the returned handle is closed.
     *
     * @throws SeedResetException {@code ORGANIZATION_BUSY} when a mutation of it is running here
     */
    Running begin(String organization, String operation, String staff, Instant now) {
        Running started = new Running(this, organization, operation, staff, now);
        Running before = running.putIfAbsent(organization, started);
        if (before != null) {
            throw new SeedResetException(Reason.ORGANIZATION_BUSY, "organization '" + organization + "' is busy: " + before.staff
                    + " started a " + before.operation + " of it at " + before.startedAt + "; try again when it finishes",
                    Map.of(SeedResetException.ORGANIZATION, organization, SeedResetException.WAITED_MS, "0"));
        }
        return started;
    }

    /** The mutation running on the organization, if one is. */
    Optional<Snapshot> of(String organization) {
        return Optional.ofNullable(running.get(organization)).map(Running::snapshot);
    }
}
