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
import java.util.List;
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
 * replaces such a file itself when it starts again.
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
     * Starts the shared server ({@code db start}). It keeps running after this process exits.
     *
     * @throws SeedResetException CONFLICT when a command's own server holds the directory
     */
    public static Running startShared(Path dataDirectory) {
        Optional<Running> running = find(dataDirectory);
        if (running.isPresent()) {
            if (running.get().shared()) {
                return running.get();
            }
            throw busy(running.get());
        }
        // Not closed: this process exits right after, and the server, without a shutdown hook, keeps running.
        start(dataDirectory, false);
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

    /**
     * Stops whatever server runs on the directory ({@code db stop}): the shared one, or one a killed
     * command left behind. A fast shutdown: open transactions roll back, nothing half-written stays.
     */
    public static Optional<Running> stop(Path dataDirectory) {
        Optional<Running> running = find(dataDirectory);
        running.ifPresent(EmbeddedServer::stop);
        deleteSharedFile(dataDirectory);
        return running;
    }

    /**
     * Starts PostgreSQL on the directory (creating the cluster on first use) with its durable
     * defaults: zonky's test settings turn fsync and synchronous commits off, and a crash then
     * can lose or corrupt committed rows of the ledger and the audit.
     *
     * @param stopsWithProcess whether a shutdown hook stops it when this process exits
     */
    static EmbeddedPostgres start(Path dataDirectory, boolean stopsWithProcess) {
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
                // Another command started it between our look and our start.
                throw busy(other.get());
            }
            throw new SeedResetException(SeedResetException.Reason.DATABASE_UNAVAILABLE, "cannot start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage()
                    + " (its log: " + logFile(dataDirectory) + "); set SEEDRESET_DATA_DIR to another directory or use --url");
        }
    }

    /** The answer when a command's own server holds the directory: what to do now, and how to avoid it. */
    static SeedResetException busy(Running other) {
        return new SeedResetException(SeedResetException.Reason.DATABASE_BUSY, "the embedded database in " + other.dataDirectory() + " is in use by another seedreset command"
                + " (PostgreSQL PID " + other.pid() + "): run one command at a time, or keep one server running for all of them with"
                + " 'seedreset db start'; if no other command is running, 'seedreset db stop' stops the server a killed command left");
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
