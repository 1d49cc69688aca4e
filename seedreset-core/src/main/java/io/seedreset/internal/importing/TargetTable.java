package io.seedreset.internal.importing;

import io.seedreset.internal.schema.TenantSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an import needs to know of its table, from the catalog: columns, keys and references. */
record TargetTable(String name, Map<String, Column> columns, List<List<String>> uniqueKeys, List<Reference> references,
                   Map<String, List<String>> checks) {

    /**
     * @param written whether an insert writes it: not a generated or GENERATED ALWAYS identity column
     */
    record Column(String name, String type, boolean array, boolean notNull, boolean hasDefault, boolean written) {
    }

    /** A foreign key: these columns reference those of {@code parent} ({@code schema.table}). */
    record Reference(List<String> columns, String parent, List<String> parentColumns) {
    }

    static TargetTable load(Connection connection, String table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typcategory = 'A', a.attnotnull, a.atthasdef,
                       a.attgenerated = '' AND a.attidentity <> 'a'
                  FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                 WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum""")) {
            statement.setString(1, TenantSchema.sql(table));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                            rs.getBoolean(5), rs.getBoolean(6)));
                }
            }
        }
        List<List<String>> uniqueKeys = new ArrayList<>();
        // Partial and expression indexes are left to the insert itself: their rows cannot be matched column by column.
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
                               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[]
                  FROM pg_index i
                 WHERE i.indrelid = ?::regclass AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
                 ORDER BY i.indisprimary DESC, i.indexrelid""")) {
            statement.setString(1, TenantSchema.sql(table));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    uniqueKeys.add(List.of((String[]) rs.getArray(1).getArray()));
                }
            }
        }
        List<Reference> references = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT pn.nspname || '.' || pc.relname,
                       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, n)
                               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n)::text[],
                       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, n)
                               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.n)::text[]
                  FROM pg_constraint con
                  JOIN pg_class pc ON pc.oid = con.confrelid
                  JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                 WHERE con.conrelid = ?::regclass AND con.contype = 'f'
                 ORDER BY con.conname""")) {
            statement.setString(1, TenantSchema.sql(table));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    references.add(new Reference(List.of((String[]) rs.getArray(2).getArray()), rs.getString(1),
                            List.of((String[]) rs.getArray(3).getArray())));
                }
            }
        }
        // CHECK constraints by name, with their columns: COPY names the constraint a row broke, not its column.
        Map<String, List<String>> checks = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT con.conname,
                       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, n)
                               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n)::text[]
                  FROM pg_constraint con
                 WHERE con.conrelid = ?::regclass AND con.contype = 'c'""")) {
            statement.setString(1, TenantSchema.sql(table));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    checks.put(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()));
                }
            }
        }
        return new TargetTable(table, columns, List.copyOf(uniqueKeys), List.copyOf(references), Map.copyOf(checks));
    }
}
