package io.seedreset.cli.database;

import io.seedreset.api.SeedResetException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a CLI run works on: an external server when a URL is given, otherwise the
 * embedded PostgreSQL on its persistent data directory: the shared server when
 * {@code seedreset db start} runs one, else a server started for this run and stopped after.
 */
public final class Database implements AutoCloseable {

    private final DataSource dataSource;
    private final EmbeddedPostgres ownServer;

    private Database(DataSource dataSource, EmbeddedPostgres ownServer) {
        this.dataSource = dataSource;
        this.ownServer = ownServer;
    }

    /** @throws SeedResetException BAD_INPUT when the URL is not a PostgreSQL JDBC URL */
    public static Database external(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setUrl(url);
        } catch (IllegalArgumentException e) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "'" + url + "' is not a PostgreSQL JDBC URL (--url or SEEDRESET_URL): "
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

    /**
     * @throws SeedResetException CONFLICT when another command's own server holds the directory
     */
    public static Database embedded(Path dataDirectory) {
        Optional<EmbeddedServer.Running> running = EmbeddedServer.find(dataDirectory);
        if (running.isPresent()) {
            if (!running.get().shared()) {
                throw EmbeddedServer.busy(running.get());
            }
            return new Database(running.get().dataSource(), null);
        }
        EmbeddedPostgres server = EmbeddedServer.start(dataDirectory, true);
        return new Database(server.getPostgresDatabase(), server);
    }

    /** The default data directory: {@code ~/.seedreset/pgdata}. */
    public static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".seedreset", "pgdata");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether this run started its own embedded server (and stops it on close). */
    public boolean ownsServer() {
        return ownServer != null;
    }

    @Override
    public void close() {
        if (ownServer != null) {
            try {
                ownServer.close();
            } catch (IOException ignored) {
                // the shutdown hook stops it when the process exits anyway
            }
        }
    }
}
