package io.seedreset.cli.database;

import io.seedreset.api.SeedResetException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded PostgreSQL on a data directory. A command starts one for itself and stops it when
 * it ends, unless {@code seedreset db start} keeps one running: that shared server outlives the
 * process that started it, is marked by {@value #SHARED_FILE} in the data directory (its
 * postmaster's PID), and serves every command until {@code seedreset db stop}.
 *
 * <p>What runs is read from PostgreSQL's own {@code postmaster.pid} (PID on the first line, port
 * on the fourth), so a server killed without cleaning up counts as not running: PostgreSQL
 * replaces such a file itself when it starts again. Who owns a command's own server is the
 * {@link OwnerLock} the command holds while it runs: a server nobody holds it for was left by a
 * killed command, and {@code db stop} stops only such a server or the shared one.
 */
public final class EmbeddedServer {

    /** Written by {@code db start} next to PostgreSQL's files: the PID of the shared server's postmaster. */
    public static final String SHARED_FILE = "seedreset-shared.pid";
    /** How long {@code db stop} waits for the server to roll back open transactions and write its last checkpoint. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String USER = "postgres";

    private EmbeddedServer() {
    }

    /**
     * A live server on a data directory.
     *
     * @param shared true when {@code db start} started it; otherwise a command's own server, which stops when the command ends
     */
    public record Running(Path dataDirectory, long pid, int port, boolean shared) {

        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres?user=" + USER;
        }

        /** The command line that opens the database in psql. */
        public String psql() {
            return "psql -h localhost -p " + port + " -U " + USER + " postgres";
        }

        DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setServerNames(new String[] {"localhost"});
            dataSource.setPortNumbers(new int[] {port});
            dataSource.setDatabaseName("postgres");
            dataSource.setUser(USER);
            dataSource.setApplicationName("seedreset");
            return dataSource;
        }
    }

    /** The server running on the directory, if any; a shared-server file left by a killed server is removed. */
    public static Optional<Running> find(Path dataDirectory) {
        Optional<Running> running = postmaster(dataDirectory);
        if (running.isEmpty()) {
            deleteSharedFile(dataDirectory);
        }
        return running;
    }

    /**
     * The server a command works on: the shared one, or one it starts for itself and stops when
     * the lease is closed.
     *
     * @param command the command, as {@code db status} and a busy answer name it ({@code seedreset apply})
     * @throws SeedResetException CONFLICT when another command's own server, or one a killed command left, holds the directory
     */
    static Lease lease(Path dataDirectory, String command) {
        Optional<Running> running = find(dataDirectory);
        if (running.isPresent()) {
            if (running.get().shared()) {
                return new Lease(running.get().dataSource(), null, null);
            }
            throw busy(running.get(), OwnerLock.holder(dataDirectory), command);
        }
        OwnerLock owner = OwnerLock.tryAcquire(dataDirectory, command).orElseThrow(() -> starting(dataDirectory, command));
        try {
            // Looked at again under the lock: a shared server may have started meanwhile.
            running = find(dataDirectory);
            if (running.isPresent()) {
                if (!running.get().shared()) {
                    throw busy(running.get(), Optional.empty(), command);
                }
                owner.close();
                return new Lease(running.get().dataSource(), null, null);
            }
            EmbeddedPostgres server = start(dataDirectory, true, command);
            return new Lease(server.getPostgresDatabase(), server, owner);
        } catch (RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    /** A command's hold on a server; closing it stops the server the command started for itself. */
    static final class Lease implements AutoCloseable {

        private final DataSource dataSource;
        private final EmbeddedPostgres ownServer;
        private final OwnerLock owner;

        private Lease(DataSource dataSource, EmbeddedPostgres ownServer, OwnerLock owner) {
            this.dataSource = dataSource;
            this.ownServer = ownServer;
            this.owner = owner;
        }

        DataSource dataSource() {
            return dataSource;
        }

        boolean ownsServer() {
            return ownServer != null;
        }

        @Override
        public void close() {
            if (ownServer == null) {
                return;
            }
            try {
                ownServer.close();
            } catch (IOException ignored) {
                // the shutdown hook stops it when the process exits anyway
            } finally {
                owner.close();
            }
        }
    }

    /**
     * Starts the shared server ({@code db start}). It keeps running after this process exits.
     *
     * @throws SeedResetException CONFLICT when a command's own server, or one a killed command left, holds the directory
     */
    public static Running startShared(Path dataDirectory) {
        String command = "seedreset db start";
        Optional<Running> running = find(dataDirectory);
        if (running.isPresent()) {
            if (running.get().shared()) {
                return running.get();
            }
            throw busy(running.get(), OwnerLock.holder(dataDirectory), command);
        }
        try (OwnerLock owner = OwnerLock.tryAcquire(dataDirectory, command).orElseThrow(() -> starting(dataDirectory, command))) {
            running = find(dataDirectory);
            if (running.isPresent()) {
                if (running.get().shared()) {
                    return running.get();
                }
                throw busy(running.get(), Optional.empty(), command);
            }
            // Not closed: this process exits right after, and the server, without a shutdown hook, keeps running.
            start(dataDirectory, false, command);
            Running started = postmaster(dataDirectory).orElseThrow(() -> new SeedResetException(SeedResetException.Reason.DATABASE_UNAVAILABLE,
                    "the embedded PostgreSQL in " + dataDirectory + " stopped right after it started: see " + logFile(dataDirectory)));
            try {
                Files.writeString(dataDirectory.resolve(SHARED_FILE), started.pid() + "\n");
            } catch (IOException e) {
                stop(started);
                throw new SeedResetException(SeedResetException.Reason.DATABASE_UNAVAILABLE, "cannot write " + dataDirectory.resolve(SHARED_FILE) + ": " + e.getMessage());
            }
            return new Running(dataDirectory, started.pid(), started.port(), true);
        }
    }

    /**
     * Stops the server on the directory ({@code db stop}): the shared one, or one a killed command
     * left behind, never the server of a command that still runs. A fast shutdown: open
     * transactions roll back, nothing half-written stays.
     *
     * @throws SeedResetException CONFLICT when the server belongs to a command that still runs
     */
    public static Optional<Running> stop(Path dataDirectory) {
        Optional<Running> running = find(dataDirectory);
        if (running.isPresent() && !running.get().shared()) {
            Running server = running.get();
            try (OwnerLock owner = OwnerLock.tryAcquire(dataDirectory, "seedreset db stop")
                    .orElseThrow(() -> stillOwned(server, OwnerLock.holder(dataDirectory)))) {
                stop(server);
            }
        } else {
            running.ifPresent(EmbeddedServer::stop);
        }
        deleteSharedFile(dataDirectory);
        return running;
    }

    /**
     * Who runs the command whose own server this is, while that command runs; empty for the shared
     * server and for one a killed command left behind.
     */
    public static Optional<String> owner(Running running) {
        return running.shared() ? Optional.empty() : OwnerLock.holder(running.dataDirectory()).map(OwnerLock.Holder::describe);
    }

    /** The process id of {@link #owner}. */
    public static Optional<Long> ownerPid(Running running) {
        return running.shared() ? Optional.empty()
                : OwnerLock.holder(running.dataDirectory()).map(OwnerLock.Holder::pid).filter(pid -> pid > 0);
    }

    /**
     * Starts PostgreSQL on the directory (creating the cluster on first use) with its durable
     * defaults: zonky's test settings turn fsync and synchronous commits off, and a crash then
     * can lose or corrupt committed rows of the ledger and the audit.
     *
     * @param stopsWithProcess whether a shutdown hook stops it when this process exits
     * @param command          the command starting it, for the answer when another server got there first
     */
    private static EmbeddedPostgres start(Path dataDirectory, boolean stopsWithProcess, String command) {
        try {
            Files.createDirectories(dataDirectory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopsWithProcess)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Outside the data directory, which initdb wants empty; appended to, so earlier runs stay readable.
                    .setOutputRedirector(Redirect.appendTo(logFile(dataDirectory).toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile(dataDirectory).toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            Optional<Running> other = postmaster(dataDirectory);
            if (other.isPresent()) {
                // Started between our look and our start, by a process that does not take the owner lock.
                throw busy(other.get(), Optional.empty(), command);
            }
            throw new SeedResetException(SeedResetException.Reason.DATABASE_UNAVAILABLE, "cannot start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage()
                    + " (its log: " + logFile(dataDirectory) + "); set SEEDRESET_DATA_DIR to another directory or use --url");
        }
    }

    /**
     * The answer when a server that is not the shared one holds the directory: another command's
     * own, which ends with it (wait, or share one server), or one a killed command left ({@code db stop}).
     *
     * @param holder  the command that owns it, while it runs; empty when it was killed
     * @param command the command that cannot start, named in the advice
     */
    private static SeedResetException busy(Running other, Optional<OwnerLock.Holder> holder, String command) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("postgresPid", String.valueOf(other.pid()));
        if (holder.isEmpty()) {
            return new SeedResetException(SeedResetException.Reason.DATABASE_BUSY, "the embedded database in " + other.dataDirectory()
                    + " is held by a PostgreSQL (PID " + other.pid() + ") that a killed seedreset command left running: stop it with"
                    + " 'seedreset db stop', then run '" + command + "' again", details);
        }
        holder.filter(h -> h.pid() > 0).ifPresent(h -> details.put("ownerPid", String.valueOf(h.pid())));
        String advice = command.equals("seedreset db start") ? "wait for that command to end, then run 'seedreset db start' again"
                : "run one command at a time, or keep one server running for all of them with 'seedreset db start'";
        return new SeedResetException(SeedResetException.Reason.DATABASE_BUSY, "the embedded database in " + other.dataDirectory()
                + " is in use by " + holder.get().describe() + ", which runs its own PostgreSQL (PID " + other.pid()
                + ") and stops it when it ends: " + advice, details);
    }

    /** The answer when another command is starting its own server: the lock is held, the server not up yet. */
    private static SeedResetException starting(Path dataDirectory, String command) {
        String who = OwnerLock.holder(dataDirectory).map(OwnerLock.Holder::describe).orElse("another seedreset command");
        String advice = command.equals("seedreset db start") ? "wait for that command to end, then run 'seedreset db start' again"
                : "run one command at a time, or keep one server running for all of them with 'seedreset db start'";
        return new SeedResetException(SeedResetException.Reason.DATABASE_BUSY, "the embedded database in " + dataDirectory + " is in use by "
                + who + ", which is starting its own PostgreSQL: " + advice);
    }

    /** The answer of {@code db stop} when the server belongs to a command that still runs. */
    private static SeedResetException stillOwned(Running server, Optional<OwnerLock.Holder> holder) {
        OwnerLock.Holder owner = holder.orElse(new OwnerLock.Holder(-1, null));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("postgresPid", String.valueOf(server.pid()));
        if (owner.pid() > 0) {
            details.put("ownerPid", String.valueOf(owner.pid()));
        }
        return new SeedResetException(SeedResetException.Reason.DATABASE_BUSY, "the embedded PostgreSQL in " + server.dataDirectory()
                + " (PID " + server.pid() + ") belongs to " + owner.describe() + ", which is still running and stops it when it ends:"
                + " wait for that command to end, or stop it first (Ctrl-C where it runs" + (owner.pid() > 0 ? ", or 'kill " + owner.pid() + "'" : "")
                + ")", details);
    }

    /** The server's log, next to the data directory: {@code ~/.seedreset/pgdata.log}. */
    public static Path logFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    }

    private static Optional<Running> postmaster(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        } catch (IOException noServer) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    // A PID the system gave to another program since the server died is not our server.
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
            return process.map(p -> new Running(dataDirectory, pid, port, sharedPid(dataDirectory) == pid));
        } catch (RuntimeException halfWritten) {
            // The server writes the file line by line while it starts.
            return Optional.empty();
        }
    }

    private static long sharedPid(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readString(dataDirectory.resolve(SHARED_FILE)).trim());
        } catch (IOException | NumberFormatException none) {
            return -1;
        }
    }

    private static void deleteSharedFile(Path dataDirectory) {
        try {
            Files.deleteIfExists(dataDirectory.resolve(SHARED_FILE));
        } catch (IOException ignored) {
            // read as stale next time: its PID names no live server
        }
    }

    private static void stop(Running running) {
        // pg_ctl sits next to the postgres binary the server runs from.
        Path pgCtl = ProcessHandle.of(running.pid()).flatMap(p -> p.info().command())
                .map(c -> Path.of(c).resolveSibling("pg_ctl")).filter(Files::isExecutable)
                .orElseThrow(() -> new SeedResetException(SeedResetException.Reason.DATABASE_UNAVAILABLE, "cannot find the pg_ctl of the embedded PostgreSQL (PID " + running.pid()
                        + "): stop it with 'kill -INT " + running.pid() + "'"));
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As zonky starts it when run as root: PostgreSQL refuses root, so in a user namespace of its own.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "stop", "-D", running.dataDirectory().toString(), "-m", "fast", "-w",
                "-t", String.valueOf(STOP_TIMEOUT.toSeconds())));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new SeedResetException(SeedResetException.Reason.DATABASE_UNAVAILABLE, "the embedded PostgreSQL (PID " + running.pid() + ") did not stop: "
                        + said.lines().reduce((first, last) -> last).orElse("pg_ctl gave no reason")
                        + "; see " + logFile(running.dataDirectory()));
            }
        } catch (IOException e) {
            throw new SeedResetException(SeedResetException.Reason.DATABASE_UNAVAILABLE, "cannot run " + pgCtl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedResetException(SeedResetException.Reason.INTERRUPTED, "interrupted while stopping the embedded PostgreSQL (PID " + running.pid() + ")");
        }
    }
}
