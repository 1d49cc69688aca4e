package io.seedreset.cli.database;

import io.seedreset.api.SeedResetException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a CLI run works on: an external server when a URL is given, otherwise the
 * embedded PostgreSQL on its persistent data directory: the shared server when
 * {@code seedreset db start} runs one, else a server started for this run and stopped after
 * (owned by this run while it lasts: see {@link EmbeddedServer}).
 */
public final class Database implements AutoCloseable {

    private final DataSource dataSource;
    private final EmbeddedServer.Lease lease;

    private Database(DataSource dataSource, EmbeddedServer.Lease lease) {
        this.dataSource = dataSource;
        this.lease = lease;
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

    /** The embedded database, for a command that names itself only as seedreset. */
    public static Database embedded(Path dataDirectory) {
        return embedded(dataDirectory, "seedreset");
    }

    /**
     * @param command the command that runs, as others are told who holds the server it starts ({@code seedreset apply})
     * @throws SeedResetException CONFLICT when another command's own server, or one a killed command left, holds the directory
     */
    public static Database embedded(Path dataDirectory, String command) {
        EmbeddedServer.Lease lease = EmbeddedServer.lease(dataDirectory, command);
        return new Database(lease.dataSource(), lease);
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
        return lease != null && lease.ownsServer();
    }

    @Override
    public void close() {
        if (lease != null) {
            lease.close();
        }
    }
}
