package io.seedreset.internal.schema;

import io.seedreset.api.SeedResetException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates or upgrades the schema with Flyway: the engine's platform schema and every module's
 * migrations. The guards are installed after it, by the engine.
 */
public final class SchemaMigrator {

    /** Flyway's history table; its presence is what "initialised" means. */
    static final String HISTORY_TABLE = "schema_history";

    private SchemaMigrator() {
    }

    /** What a migration did: how many migrations ran now, and the schema version after them. */
    public record Migrated(int applied, String schemaVersion) {
    }

    public static Migrated migrate(DataSource dataSource, List<String> locations) {
        MigrateResult migration;
        try {
            migration = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(locations.toArray(String[]::new))
                    .schemas("platform")
                    .table(HISTORY_TABLE)
                    .createSchemas(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new SeedResetException(SeedResetException.Kind.FAILURE, "schema migration failed: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "; the database was left at its last good version", e);
        }
        return new Migrated(migration.migrationsExecuted,
                migration.targetSchemaVersion == null ? migration.initialSchemaVersion : migration.targetSchemaVersion);
    }

    /** Fails with a clear message when {@code seedreset init} has not run on this database. */
    public static void requireInitialised(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT to_regclass('platform." + HISTORY_TABLE + "') IS NOT NULL"
                     + " AND to_regclass('platform.seed_audit') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw SeedResetException.failure("the database is not initialised for Seed & Reset: run 'seedreset init' first");
            }
        }
    }
}
