package io.seedreset.internal.snapshot;

import io.seedreset.api.Progress;
import io.seedreset.internal.schema.SchemaMigrator;
import io.seedreset.internal.schema.TenantSchema;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Loads a snapshot's tables, parents first, into an organization the caller emptied, in the caller's transaction. */
public final class SnapshotLoad {

    /** Where each table's compressed rows come from: the database's chunks or the next entry of a file. */
    @FunctionalInterface
    public interface Tables {
        InputStream open(Manifest.TableEntry table) throws IOException, SQLException;
    }

    private SnapshotLoad() {
    }

    /**
     * Refuses a snapshot this database cannot take as it is: another schema version, or tables and
     * columns that differ from the tenant tables here (a manifest edited by hand).
     */
    public static void requireRestorable(Connection connection, TenantSchema schema, Manifest manifest, String source)
            throws SQLException, SnapshotFile.Invalid {
        String here = SchemaMigrator.version(connection);
        if (!here.equals(manifest.schemaVersion())) {
            throw new SnapshotFile.Invalid(source + " was taken under schema version " + manifest.schemaVersion() + "; this database is at "
                    + here + " (restore it into an installation of the same version)");
        }
        Set<String> tables = new TreeSet<>(StoredSnapshots.kept(connection, schema));
        Set<String> listed = manifest.tables().stream().map(Manifest.TableEntry::table).collect(Collectors.toCollection(TreeSet::new));
        if (!tables.equals(listed) || listed.size() != manifest.tables().size()) {
            Set<String> missing = new TreeSet<>(tables);
            missing.removeAll(listed);
            Set<String> unknown = new TreeSet<>(listed);
            unknown.removeAll(tables);
            throw new SnapshotFile.Invalid(source + "'s tables differ from this database's (" + (missing.isEmpty() ? "" : "missing " + missing)
                    + (unknown.isEmpty() ? "" : " unknown " + unknown) + (missing.isEmpty() && unknown.isEmpty() ? "listed twice" : "") + ")");
        }
        for (Manifest.TableEntry entry : manifest.tables()) {
            List<String> columns = CopyColumns.of(connection, entry.table(), schema.tenantColumn());
            if (!columns.equals(entry.columns())) {
                throw new SnapshotFile.Invalid(source + "'s columns of " + entry.table() + " differ from this database's");
            }
        }
        // The file is read in its own order, which must put every parent before its children here too.
        List<String> listedOrder = manifest.tables().stream().map(Manifest.TableEntry::table).toList();
        for (TenantSchema.Table table : schema.tables()) {
            for (String parent : table.parents()) {
                if (!parent.equals(table.name()) && listedOrder.contains(table.name())
                        && listedOrder.indexOf(parent) > listedOrder.indexOf(table.name())) {
                    throw new SnapshotFile.Invalid(source + " lists " + table.name() + " before " + parent + ", which it references");
                }
            }
        }
    }

    /** Loads every table; returns the rows written per table (tables without rows left out). */
    public static Map<String, Long> load(Connection connection, TenantSchema schema, String source, Manifest manifest, Tables tables,
                                         UUID organizationId, String tenantKey, UUID applicationId, Progress progress)
            throws SQLException, IOException {
        Map<String, Long> restored = new LinkedHashMap<>();
        for (Manifest.TableEntry entry : manifest.tables()) {
            try (InputStream in = tables.open(entry)) {
                long rows = TableLoad.load(connection, schema.table(entry.table()).orElseThrow(), entry, in, organizationId, tenantKey, applicationId);
                if (rows > 0) {
                    restored.put(entry.table(), rows);
                    progress.advance(rows);
                }
            } catch (TableLoad.Mismatch e) {
                throw new SnapshotFile.Invalid(source + ": " + e.getMessage() + " (altered or damaged)");
            }
        }
        return restored;
    }
}
