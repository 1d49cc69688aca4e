package io.seedreset.internal.sink;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import java.util.Map;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The loading half of apply: a thread that owns the transaction's connection while the pack
 * generates on the caller's thread, so rendering the next rows overlaps with PostgreSQL
 * writing the previous ones (two cores: one generates, one loads). Work is handed over in
 * order through a small bounded queue, which also bounds memory: a pack that generates
 * faster than the database loads waits.
 *
 * <p>The thread starts with the first hand-over, and what is handed over once nothing is left
 * to generate ({@link #here}) is written on the caller's thread: a small apply, whose buffers
 * never fill before the end, writes everything there and starts no thread, so it pays neither a
 * thread's start nor a wake-up per COPY (on a busy machine each wake-up waits for a core).
 *
 * <p>After the first failure the loader skips the remaining work and the next hand-over on
 * the generating side throws it, so a failed COPY stops generation early.
 */
final class Loader implements AutoCloseable {

    /** Chunks in flight: with 1 MB chunks, at most a few MB wait for the database. */
    private static final int QUEUE_CAPACITY = 4;

    /** A piece of work that runs on the loader thread with the connection. */
    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    private static final Work STOP = connection -> { };

    private final Connection connection;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    /** Started by the first hand-over that is not written {@link #here}; null until then. */
    private Thread thread;
    private boolean writingHere;
    private volatile RuntimeException failure;
    private volatile boolean discarding;

    Loader(Connection connection) {
        this.connection = connection;
    }

    /**
     * Queues work behind everything handed over before, or inside {@link #here} writes it at
     * once; throws the loader's failure, if any.
     */
    void submit(Work work) {
        rethrowFailure();
        if (writingHere) {
            run(work);
            rethrowFailure();
            return;
        }
        if (thread == null) {
            thread = new Thread(this::loop, "seedreset-loader");
            thread.setDaemon(true);
            thread.start();
        }
        put(work);
    }

    /**
     * Waits for everything handed over so far, then runs {@code handOvers} with each piece of
     * work it submits written at once on this thread: for the hand-overs after which the caller
     * only waits (the end of the pack, a pack's query), where a thread has nothing to overlap.
     */
    void here(Runnable handOvers) {
        drain();
        writingHere = true;
        try {
            handOvers.run();
        } finally {
            writingHere = false;
        }
    }

    /**
     * Waits until everything handed over so far is written, then throws the failure if one
     * happened: after this returns the connection is idle and the caller may use it.
     */
    void drain() {
        if (thread == null) {
            rethrowFailure();
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        put(done);
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedResetException(Reason.INTERRUPTED, "interrupted while waiting for rows to be written");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the loader completes barriers normally", e);
        }
        rethrowFailure();
    }

    /**
     * Stops the thread and waits for it, even if the caller is interrupted: the connection must
     * be idle before the caller commits, rolls back or closes it. Work still queued is skipped
     * unless everything was drained: after a failure it would be rolled back anyway.
     */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        discarding = true;
        queue.clear();
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(STOP);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedResetException(Reason.INTERRUPTED, "interrupted while handing rows to the loader");
        }
    }

    private void rethrowFailure() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    private void loop() {
        while (true) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                failure = new SeedResetException(Reason.INTERRUPTED, "the loader was interrupted");
                return;
            }
            if (item == STOP) {
                return;
            }
            if (item instanceof CompletableFuture<?> barrier) {
                barrier.complete(null);
                continue;
            }
            if (failure != null || discarding) {
                continue;
            }
            run((Work) item);
        }
    }

    /** Runs one piece of work, keeping its failure for the generating side. */
    private void run(Work work) {
        try {
            work.run(connection);
        } catch (SQLException e) {
            failure = new CopySink.CopyFailed(e);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            // Keep consuming: a loader that died would leave the generating thread blocked on a full queue.
            failure = new SeedResetException(Reason.INTERNAL_ERROR, "writing rows failed: " + e, Map.of(), e);
        }
    }
}
