package io.seedreset.cli.database;

import io.seedreset.api.SeedResetException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a CLI run works on: an external server when a URL is given, otherwise the
 * embedded PostgreSQL, started for this run on its persistent data directory and stopped after.
 */
public final class Database implements AutoCloseable {

    private final DataSource dataSource;
    private final EmbeddedPostgres embedded;
    private final String description;

    private Database(DataSource dataSource, EmbeddedPostgres embedded, String description) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.description = description;
    }

    public static Database external(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setUrl(url);
        } catch (IllegalArgumentException e) {
            throw SeedResetException.failure("'" + url + "' is not a PostgreSQL JDBC URL: use jdbc:postgresql://HOST:PORT/DATABASE");
        }
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        dataSource.setApplicationName("seedreset");
        return new Database(dataSource, null, url);
    }

    public static Database embedded(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw SeedResetException.failure("cannot create the embedded database directory " + dataDirectory + ": " + e.getMessage()
                    + "; set SEEDRESET_DATA_DIR to a writable directory");
        }
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            throw SeedResetException.failure("the embedded database in " + dataDirectory
                    + " is in use by another seedreset process (postmaster.pid exists); wait for it or remove a stale postmaster.pid");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            return new Database(postgres.getPostgresDatabase(), postgres, "embedded PostgreSQL in " + dataDirectory);
        } catch (IOException | RuntimeException e) {
            throw SeedResetException.failure("cannot start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage()
                    + "; set SEEDRESET_DATA_DIR to another directory or use --url");
        }
    }

    /** The default data directory: {@code ~/.seedreset/pgdata}. */
    public static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".seedreset", "pgdata");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String description() {
        return description;
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
