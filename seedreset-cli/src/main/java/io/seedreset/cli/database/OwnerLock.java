package io.seedreset.cli.database;

import io.seedreset.api.SeedResetException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who owns the embedded server a command started for itself: a lock on {@code pgdata.owner},
 * next to the data directory, that the command holds from before it starts the server until
 * after it has stopped it, with the command's process id and name written in it.
 *
 * <p>The operating system releases the lock when the process ends, however it ends, so a held
 * lock means a live owner and a free one means none: there is no record that can go stale. A
 * server that runs while nobody holds the lock is one a killed command left behind. The lock is
 * advisory: reading the file is always possible. On a file system without locks every lock
 * counts as free, as if no command owned its server.
 *
 * <p>Within one JVM, locks are kept in a table and never probed through a second channel: on
 * POSIX systems closing any channel to a file drops every lock the process holds on it.
 */
final class OwnerLock implements AutoCloseable {

    /** The process holding the lock: its id and the command it runs ({@code seedreset apply}). */
    record Holder(long pid, String command) {

        /** {@code 'seedreset apply' (process 4242)}, or less when the file said less. */
        String describe() {
            String who = command == null ? "another seedreset command" : "'" + command + "'";
            return pid > 0 ? who + " (process " + pid + ")" : who;
        }
    }

    private static final Object MONITOR = new Object();
    private static final Map<Path, OwnerLock> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Holder holder;

    private OwnerLock(Path file, FileChannel channel, FileLock lock, Holder holder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /** {@code ~/.seedreset/pgdata.owner} for {@code ~/.seedreset/pgdata}, next to the server's log. */
    static Path file(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        return directory.resolveSibling(directory.getFileName() + ".owner");
    }

    /**
     * Takes the lock for this process, running {@code command}, unless a live process holds it.
     *
     * @return the lock, to close when the server is stopped; empty when another command holds it
     */
    static Optional<OwnerLock> tryAcquire(Path dataDirectory, String command) {
        Path file = file(dataDirectory);
        synchronized (MONITOR) {
            if (HELD.containsKey(file)) {
                return Optional.empty();
            }
            FileChannel channel = null;
            try {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (IOException noLocksHere) {
                    lock = null;
                    channel.close();
                    channel = null;
                }
                if (channel != null && lock == null) {
                    channel.close();
                    return Optional.empty();
                }
                Holder me = new Holder(ProcessHandle.current().pid(), command);
                if (channel != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((me.pid() + "\n" + me.command() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                }
                OwnerLock owner = new OwnerLock(file, channel, lock, me);
                HELD.put(file, owner);
                return Optional.of(owner);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new SeedResetException(SeedResetException.Reason.DATABASE_UNAVAILABLE, "cannot write " + file + ": " + e.getMessage()
                        + "; set SEEDRESET_DATA_DIR to a directory of your own");
            }
        }
    }

    /** The live process that holds the lock (this one included), if any. */
    static Optional<Holder> holder(Path dataDirectory) {
        Path file = file(dataDirectory);
        synchronized (MONITOR) {
            OwnerLock mine = HELD.get(file);
            if (mine != null) {
                return Optional.of(mine.holder);
            }
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
                if (probe != null) {
                    probe.release();
                    return Optional.empty();
                }
                return Optional.of(read(file));
            } catch (IOException noLocksHere) {
                return Optional.empty();
            }
        }
    }

    private static Holder read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
            return new Holder(pid, lines.size() > 1 && !lines.get(1).isBlank() ? lines.get(1).strip() : null);
        } catch (IOException | RuntimeException halfWritten) {
            // The holder writes the file right after it takes the lock.
            return new Holder(-1, null);
        }
    }

    /** Empties the file and releases the lock. */
    @Override
    public void close() {
        synchronized (MONITOR) {
            if (HELD.get(file) != this) {
                return;
            }
            HELD.remove(file);
            if (channel != null) {
                try {
                    channel.truncate(0);
                    lock.release();
                } catch (IOException ignored) {
                    // closing the channel releases it
                }
                closeQuietly(channel);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held through it any more
            }
        }
    }
}
