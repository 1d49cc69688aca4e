package io.seedreset.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * (d) How a typical seed script loads: one prepared {@code INSERT} per row with autocommit on,
 * so every row is its own transaction and waits for its own WAL flush. Values are bound as
 * strings on a {@code stringtype=unspecified} connection, like (c).
 */
final class SingleRowInsertLoader implements RowLoader {

    @Override
    public String label() {
        return "(d) INSERT per row, autocommit";
    }

    @Override
    public long load(DataSource dataSource, List<TableRows> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            long started = System.nanoTime();
            for (TableRows table : rows) {
                if (table.count() == 0) {
                    continue;
                }
                try (PreparedStatement insert = connection.prepareStatement(sql(table.table()))) {
                    for (List<String> row : table.rows()) {
                        for (int column = 0; column < row.size(); column++) {
                            insert.setString(column + 1, row.get(column));
                        }
                        if (insert.executeUpdate() != 1) {
                            throw new IllegalStateException("an INSERT of one row into " + table.table().name() + " inserted none");
                        }
                    }
                }
            }
            return System.nanoTime() - started;
        }
    }

    private static String sql(ExportedTable table) {
        return "INSERT INTO " + SqlNames.table(table.name()) + " ("
                + table.columns().stream().map(SqlNames::identifier).collect(Collectors.joining(", ")) + ") VALUES "
                + Stream.generate(() -> "?").limit(table.columns().size()).collect(Collectors.joining(", ", "(", ")"));
    }
}
