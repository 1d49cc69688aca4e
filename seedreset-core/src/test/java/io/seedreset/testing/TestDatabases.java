package io.seedreset.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, a fresh database per call,
 * so tests never see each other's rows.
 */
public final class TestDatabases {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Set<String> TEMPLATES = new HashSet<>();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /**
     * A fresh database holding what {@code migrate} leaves in a new one: the first call for a
     * template name creates that template and migrates it, every call clones it with
     * {@code CREATE DATABASE ... TEMPLATE}, which copies files instead of running every migration
     * and guard install again.
     */
    public static synchronized DataSource newMigratedDatabase(String template, Consumer<DataSource> migrate) {
        String templateName = "template_" + ProcessHandle.current().pid() + "_" + template.replaceAll("[^a-z0-9_]", "_");
        if (!TEMPLATES.contains(templateName)) {
            execute("CREATE DATABASE " + templateName);
            migrate.accept(dataSource(templateName));
            TEMPLATES.add(templateName);
        }
        String name = "test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + templateName);
        return dataSource(name);
    }

    private static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Creates an empty database and returns a data source for it. */
    public static DataSource newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return dataSource(name);
    }

    public static PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {server().getPort()});
        dataSource.setDatabaseName(database);
        dataSource.setUser("postgres");
        return dataSource;
    }

    /** The JDBC URL of a database on the test server, for tests that drive the CLI. */
    public static String url(DataSource dataSource) {
        return ((PGSimpleDataSource) dataSource).getUrl();
    }
}
