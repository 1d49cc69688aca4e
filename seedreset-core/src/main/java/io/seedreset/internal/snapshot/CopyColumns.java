package io.seedreset.internal.snapshot;

import io.seedreset.internal.schema.TenantSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The columns a snapshot copies: every column but the tenant column and generated ones (COPY cannot write those), in declaration order. */
final class CopyColumns {

    private CopyColumns() {
    }

    static List<String> of(Connection connection, String table, String tenantColumn) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT a.attname FROM pg_attribute a
                 WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                   AND a.attname <> ?
                 ORDER BY a.attnum""")) {
            statement.setString(1, TenantSchema.sql(table));
            statement.setString(2, tenantColumn);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    static String list(List<String> columns) {
        return String.join(", ", columns.stream().map(TenantSchema::quote).toList());
    }
}
