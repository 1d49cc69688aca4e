package io.seedreset.cli.database;

import io.seedreset.api.SeedResetException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a CLI run works on: an external server when a URL is given, otherwise the
 * embedded PostgreSQL, started for this run on its persistent data directory and stopped after.
 */
public final class Database implements AutoCloseable {

    private final DataSource dataSource;
    private final EmbeddedPostgres embedded;

    private Database(DataSource dataSource, EmbeddedPostgres embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    /** @throws SeedResetException BAD_INPUT when the URL is not a PostgreSQL JDBC URL */
    public static Database external(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setUrl(url);
        } catch (IllegalArgumentException e) {
            throw SeedResetException.badInput("'" + url + "' is not a PostgreSQL JDBC URL (--url or SEEDRESET_URL): "
                    + "use jdbc:postgresql://HOST:PORT/DATABASE");
        }
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        dataSource.setApplicationName("seedreset");
        return new Database(dataSource, null);
    }

    public static Database embedded(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw SeedResetException.failure("cannot create the embedded database directory " + dataDirectory + ": " + e.getMessage()
                    + "; set SEEDRESET_DATA_DIR to a writable directory");
        }
        Optional<Long> running = runningServer(dataDirectory);
        if (running.isPresent()) {
            throw SeedResetException.failure("the embedded database in " + dataDirectory + " is in use by another process (PostgreSQL PID "
                    + running.get() + "): wait for the other seedreset command, or stop that server with 'kill " + running.get() + "'");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            return new Database(postgres.getPostgresDatabase(), postgres);
        } catch (IOException | RuntimeException e) {
            throw SeedResetException.failure("cannot start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage()
                    + "; set SEEDRESET_DATA_DIR to another directory or use --url");
        }
    }

    /**
     * The PID of a live server that owns the directory. A postmaster.pid left by a killed run
     * names a dead process; PostgreSQL replaces such a file itself when it starts.
     */
    private static Optional<Long> runningServer(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | RuntimeException noServer) {
            return Optional.empty();
        }
    }

    /** The default data directory: {@code ~/.seedreset/pgdata}. */
    public static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".seedreset", "pgdata");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the server stops with the process anyway
            }
        }
    }
}
