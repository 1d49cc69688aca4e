package io.seedreset.internal.schema;

import io.seedreset.api.InitResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.internal.safety.Guards;
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
 * Creates or upgrades the schema with Flyway (the engine's platform schema and every module's
 * migrations), then installs the guard triggers on every tenant table it finds.
 */
public final class SchemaMigrator {

    /** Flyway's history table; its presence is what "initialised" means. */
    static final String HISTORY_TABLE = "schema_history";

    private SchemaMigrator() {
    }

    public static InitResult migrate(DataSource dataSource, List<String> locations) {
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
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<String> guarded = Guards.install(connection, TenantSchema.load(connection));
            connection.commit();
            return new InitResult(migration.migrationsExecuted, migration.targetSchemaVersion == null
                    ? migration.initialSchemaVersion : migration.targetSchemaVersion, guarded);
        } catch (SQLException e) {
            throw new SeedResetException(SeedResetException.Kind.FAILURE, "installing the guard triggers failed: " + e.getMessage(), e);
        }
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
