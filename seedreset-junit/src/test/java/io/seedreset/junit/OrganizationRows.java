package io.seedreset.junit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/** Every tenant table's rows of one organization, as PostgreSQL's text of each row, sorted: two states compare as text. */
final class OrganizationRows {

    private OrganizationRows() {
    }

    static Map<String, List<String>> of(DataSource dataSource, UUID organization) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, List<String>> rows = new TreeMap<>();
            for (String table : tenantTables(connection)) {
                List<String> texts = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT t::text FROM " + table + " t WHERE t.org_id = ? ORDER BY 1")) {
                    select.setObject(1, organization);
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            texts.add(result.getString(1));
                        }
                    }
                }
                rows.put(table, texts);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the rows of organization " + organization, e);
        }
    }

    /** Every table outside the platform's own schema with an org_id column, as the engine discovers them. */
    static List<String> tenantTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT format('%I.%I', c.table_schema, c.table_name) FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.column_name = 'org_id' AND t.table_type = 'BASE TABLE'
                   AND c.table_schema NOT IN ('platform', 'pg_catalog', 'information_schema')
                 ORDER BY 1""");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    static long count(Map<String, List<String>> rows) {
        return rows.values().stream().mapToLong(List::size).sum();
    }
}
