package io.seedreset.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Moves a key's sequence (identity or serial) past the keys written with explicit values: without it
 * the application's next insert draws a key a seeded row already holds and fails, the well-known
 * failure of seeders that write ids. Never moves a sequence back. {@code setval} is not undone by a
 * rollback; a gap in the application's keys is all that leaves.
 */
public final class Sequences {

    private Sequences() {
    }

    /**
     * The sequence that feeds the table's key (identity or serial), or null. Asked when needed, not with the schema:
     * {@link TenantSchema#load} runs before every operation, and most write no explicit keys.
     */
    public static String of(Connection connection, TenantSchema.Table table) throws SQLException {
        if (table.key() == null || !table.keyType().matches("bigint|integer|smallint")) {
            return null; // only whole numbers come from a sequence: a uuid or text key costs no query
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
            statement.setString(1, TenantSchema.sql(table.name()));
            statement.setString(2, table.key());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Advances the table's key sequence, if it has one, to the largest key in the table (every tenant's). */
    public static void advance(Connection connection, TenantSchema.Table table) throws SQLException {
        String sequence = of(connection, table);
        if (sequence == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT setval(CAST(? AS regclass), x.m) FROM (SELECT max("
                + table.keyColumn("t") + ")::bigint AS m FROM " + TenantSchema.sql(table.name()) + " t) x, " + sequence
                + " s WHERE x.m > s.last_value OR (x.m = s.last_value AND NOT s.is_called)")) {
            statement.setString(1, sequence);
            statement.executeQuery().close();
        }
    }
}
