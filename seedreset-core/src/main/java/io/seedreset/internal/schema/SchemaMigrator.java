package io.seedreset.internal.schema;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.Tenancy;
import java.util.Map;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
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
        try (Connection connection = dataSource.getConnection()) {
            if (initialised(connection)) {
                refuseNewer(applied(connection), locations);
            }
        } catch (SQLException e) {
            throw new SeedResetException(Reason.DATABASE_ERROR, "reading the schema history failed: " + e.getMessage(), java.util.Map.of(), e);
        }
        MigrateResult migration;
        try {
            migration = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(locations.toArray(String[]::new))
                    .schemas("platform")
                    .table(HISTORY_TABLE)
                    .createSchemas(true)
                    // The engine's migrations (1, 2, ...) and the modules' (100, 110, ...) share one history:
                    // an engine upgrade brings a version lower than the modules' applied ones.
                    .outOfOrder(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new SeedResetException(Reason.SCHEMA_MIGRATION_FAILED, "schema migration failed: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "; the database was left at its last good version", java.util.Map.of(), e);
        }
        try (Connection connection = dataSource.getConnection()) {
            // The highest version applied: with out-of-order upgrades, the last migration run may be a lower one.
            return new Migrated(migration.migrationsExecuted, applied(connection).last().toString());
        } catch (SQLException e) {
            throw new SeedResetException(Reason.DATABASE_ERROR, "reading the schema history failed: " + e.getMessage(), java.util.Map.of(), e);
        }
    }

    /**
     * Fails with a clear message when {@code seedreset init} has not run on this database, or when
     * its schema is older than this code's migrations (init upgrades it) or newer (this code does
     * not know the columns a newer version reads and writes).
     */
    public static void requireInitialised(Connection connection, List<String> locations) throws SQLException {
        if (!initialised(connection)) {
            throw new SeedResetException(Reason.SCHEMA_NOT_INITIALISED, "the database is not initialised for Seed & Reset");
        }
        SortedSet<MigrationVersion> applied = applied(connection);
        SortedSet<MigrationVersion> missing = new TreeSet<>(MigrationFiles.versions(locations));
        missing.removeAll(applied);
        boolean newer = !MigrationFiles.versions(locations).isEmpty() && !applied.isEmpty()
                && applied.last().compareTo(MigrationFiles.versions(locations).last()) > 0;
        Tenancy tenancy = TenancySettings.read(connection);
        if ((newer || !missing.isEmpty()) && !tenancy.equals(Tenancy.DEFAULT)) {
            // Most likely not an old schema but other migrations than the database's own settings name.
            throw new SeedResetException(Reason.INVALID_CONFIGURATION, "this database keeps its tenants its own way ("
                    + TenancySettings.describe(tenancy) + ") and its schema does not match these migrations (" + String.join(", ", locations)
                    + "): give the same settings (migrations) as its init", Map.of(SeedResetException.SETTINGS, String.join(",", locations)));
        }
        refuseNewer(applied, locations);
        if (!missing.isEmpty()) {
            throw new SeedResetException(Reason.SCHEMA_OUTDATED, "the database's schema is older than this version of Seed & Reset "
                    + "(schema " + (applied.isEmpty() ? "empty" : applied.last()) + ", this version also needs "
                    + list(missing) + ")",
                    Map.of(SeedResetException.SCHEMA_VERSION, applied.isEmpty() ? "empty" : applied.last().toString()));
        }
    }

    /** Refuses a schema that a later version of the code migrated further than this one knows. */
    private static void refuseNewer(SortedSet<MigrationVersion> applied, List<String> locations) {
        SortedSet<MigrationVersion> known = MigrationFiles.versions(locations);
        if (known.isEmpty() || applied.isEmpty() || applied.last().compareTo(known.last()) <= 0) {
            return;
        }
        throw new SeedResetException(Reason.SCHEMA_TOO_NEW, "the database's schema is newer than this version of Seed & Reset (schema "
                + applied.last() + ", this version knows up to " + known.last() + "): use the version that upgraded it, or a later one",
                Map.of(SeedResetException.SCHEMA_VERSION, applied.last().toString()));
    }

    /** The highest migration version applied: what a snapshot calls the schema version it was taken under. */
    public static String version(Connection connection) throws SQLException {
        SortedSet<MigrationVersion> applied = applied(connection);
        return applied.isEmpty() ? "empty" : applied.last().toString();
    }

    private static boolean initialised(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT to_regclass('platform." + HISTORY_TABLE + "') IS NOT NULL"
                     + " AND to_regclass('platform.seed_audit') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static SortedSet<MigrationVersion> applied(Connection connection) throws SQLException {
        SortedSet<MigrationVersion> applied = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM platform." + HISTORY_TABLE
                     + " WHERE success AND version IS NOT NULL")) {
            while (rs.next()) {
                applied.add(MigrationVersion.fromVersion(rs.getString(1)));
            }
        }
        return applied;
    }

    /** "2", "2, 100", "2, 100, 110 and 5 more". */
    private static String list(SortedSet<MigrationVersion> versions) {
        return versions.stream().limit(3).map(MigrationVersion::toString).collect(Collectors.joining(", "))
                + (versions.size() > 3 ? " and " + (versions.size() - 3) + " more" : "");
    }
}
