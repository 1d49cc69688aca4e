package io.seedreset.junit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.seedreset.api.SeedReset;
import io.seedreset.api.Settings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The database the test classes of a JVM share, initialised once: the one {@code SEEDRESET_URL} names, or an
 * embedded PostgreSQL started on first use and stopped when the JVM ends. Kept per URL, so a JVM that changes
 * {@code seedreset.url} between runs of the JUnit Platform (a test of this extension) gets each database once.
 */
record TestDatabase(DataSource dataSource, SeedReset seedReset) {

    /** Names the database; wins over the environment variable, for build tools that set system properties more easily. */
    static final String URL_PROPERTY = "seedreset.url";
    static final String URL_VARIABLE = "SEEDRESET_URL";
    /** Connections the extension and the code under test share; parallel classes each hold one while they restore. */
    private static final int POOL_SIZE = 10;
    private static final String EMBEDDED = "embedded";
    static final String SETTINGS = "seedreset.properties";
    private static final Map<String, TestDatabase> OPEN = new HashMap<>();

    /** The database named now (property, then environment, else embedded), opened and initialised on first use. */
    static synchronized TestDatabase current() {
        String url = System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
        String key = url == null || url.isBlank() ? EMBEDDED : url.strip();
        TestDatabase database = OPEN.get(key);
        if (database == null) {
            database = open(key.equals(EMBEDDED) ? pool(embeddedUrl(), "postgres", null) : pool(requireJdbc(key),
                    setting("seedreset.user", "SEEDRESET_USER"), setting("seedreset.password", "SEEDRESET_PASSWORD")));
            OPEN.put(key, database);
        }
        return database;
    }

    private static TestDatabase open(HikariDataSource dataSource) {
        SeedReset seedReset = SeedReset.configure().dataSource(dataSource).actor("junit")
                // A restore after every test would otherwise snapshot the organization first, each time.
                .backupsKept(0)
                .settings(settings())
                .load();
        seedReset.init();
        Runtime.getRuntime().addShutdownHook(new Thread(dataSource::close));
        return new TestDatabase(dataSource, seedReset);
    }

    /**
     * Your own schema's migrations and tenancy, from {@value #SETTINGS} on the test class path (the keys of the CLI's
     * {@code --config} file); without one, the reference platform's.
     */
    private static Settings settings() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SETTINGS)) {
            if (in == null) {
                return Settings.NONE;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Settings.parse(properties, SETTINGS + " on the test class path");
        } catch (IOException e) {
            throw new UncheckedIOException(SETTINGS + " on the test class path cannot be read: " + e.getMessage(), e);
        }
    }

    private static String requireJdbc(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(URL_VARIABLE + " (or -D" + URL_PROPERTY + ") is not a PostgreSQL JDBC URL: '" + url
                    + "'; use e.g. jdbc:postgresql://localhost:5432/qa");
        }
        return url;
    }

    private static String setting(String property, String variable) {
        return System.getProperty(property, System.getenv(variable));
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("seedreset-junit");
        return new HikariDataSource(config);
    }

    /** Started once per JVM; a test database, so durability is off: a crash loses nothing anyone keeps. */
    private static String embeddedUrl() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return server.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
