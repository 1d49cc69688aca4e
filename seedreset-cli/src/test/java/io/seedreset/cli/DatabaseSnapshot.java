package io.seedreset.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Every row of every table, as a digest per table: two snapshots are equal exactly when no row changed. */
final class DatabaseSnapshot {

    private DatabaseSnapshot() {
    }

    /** Table name to the row count and a digest of its rows, for every table but those {@code except} names. */
    static Map<String, String> of(DataSource dataSource, String... except) {
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)"
                    + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            tables.removeAll(List.of(except));
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) || ' rows, ' || coalesce(md5(string_agg(t::text, "
                        + "E'\\n' ORDER BY t::text)), '-') FROM " + table + " t")) {
                    rs.next();
                    digests.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database", e);
        }
        return digests;
    }
}
