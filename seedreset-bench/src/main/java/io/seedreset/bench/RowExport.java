package io.seedreset.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Reads rows out of the database as CSV with {@code COPY ... TO STDOUT}: the rows one
 * application created (found through its ledger, {@code platform.seed_rows}), and, to check a
 * raw load, the rows of an organization that no application created.
 */
final class RowExport {

    private RowExport() {
    }

    /** The rows the application created, one entry per table, parents first. */
    static List<ExportedTable> ofApplication(Connection connection, UUID applicationId, List<String> tablesInWriteOrder)
            throws SQLException {
        List<ExportedTable> tables = new ArrayList<>();
        for (String table : TableOrder.parentsFirst(connection, tablesInWriteOrder)) {
            List<String> columns = loadableColumns(connection, table);
            byte[] csv = copyOut(connection, select(table, columns, """
                    JOIN platform.seed_rows s ON s.org_id = t.org_id AND s.table_name = %s AND s.row_id = t.id::text
                     WHERE s.application_id = %s""".formatted(SqlNames.literal(table), SqlNames.literal(applicationId.toString()))));
            tables.add(new ExportedTable(table, columns, csv, withoutHeader(table, columns, csv)));
        }
        return List.copyOf(tables);
    }

    /**
     * The organization's rows in the table that are in no application's ledger, in the
     * exported table's columns and order. After the measured application is torn down, these
     * are exactly the rows a raw load wrote.
     */
    static List<List<String>> unledgeredRows(Connection connection, UUID organizationId, ExportedTable table) throws SQLException {
        byte[] csv = copyOut(connection, select(table.name(), table.columns(), """
                 WHERE t.org_id = %s
                   AND NOT EXISTS (SELECT 1 FROM platform.seed_rows s
                                    WHERE s.org_id = t.org_id AND s.table_name = %s AND s.row_id = t.id::text)"""
                .formatted(SqlNames.literal(organizationId.toString()), SqlNames.literal(table.name()))));
        return withoutHeader(table.name(), table.columns(), csv);
    }

    /**
     * The columns a load may write: all but generated ones, which PostgreSQL computes and
     * refuses in a COPY or INSERT column list.
     */
    private static List<String> loadableColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT attname FROM pg_attribute
                 WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
                 ORDER BY attnum""")) {
            statement.setString(1, SqlNames.table(table));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** Ordered by id, so an export and a read-back of the same rows compare record by record. */
    private static String select(String table, List<String> columns, String joinAndWhere) {
        String selected = columns.stream().map(c -> "t." + SqlNames.identifier(c)).collect(Collectors.joining(", "));
        return "COPY (SELECT " + selected + " FROM " + SqlNames.table(table) + " t " + joinAndWhere
                + " ORDER BY t.id) TO STDOUT WITH (FORMAT csv, HEADER true)";
    }

    private static byte[] copyOut(Connection connection, String copyStatement) throws SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copyStatement, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static List<List<String>> withoutHeader(String table, List<String> columns, byte[] csv) {
        List<List<String>> records = PostgresCsv.parse(new String(csv, StandardCharsets.UTF_8));
        if (records.isEmpty() || !records.get(0).equals(columns)) {
            throw new IllegalStateException("the CSV export of " + table + " does not start with the header " + columns);
        }
        return records.subList(1, records.size());
    }
}
