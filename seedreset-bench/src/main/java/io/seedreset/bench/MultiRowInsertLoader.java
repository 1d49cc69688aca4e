package io.seedreset.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * (c) How a well-written seed script loads: {@code INSERT ... VALUES (...), (...), ...} with
 * up to 1,000 rows per statement, every value bound as a string, all tables in one transaction.
 * The connection must say {@code stringtype=unspecified}, so PostgreSQL infers each column's
 * type from the table as it would for a script's untyped strings.
 */
final class MultiRowInsertLoader implements RowLoader {

    static final int ROWS_PER_STATEMENT = 1_000;
    /** The wire protocol counts bind parameters in 16 bits: a wide table gets fewer rows per statement. */
    private static final int MAX_PARAMETERS = 65_535;

    @Override
    public String label() {
        return "(c) INSERT of " + String.format("%,d", ROWS_PER_STATEMENT) + " rows per statement, one transaction";
    }

    @Override
    public long load(DataSource dataSource, List<TableRows> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            for (TableRows table : rows) {
                insert(connection, table);
            }
            connection.commit();
            return System.nanoTime() - started;
        }
    }

    private static void insert(Connection connection, TableRows table) throws SQLException {
        int perStatement = Math.min(ROWS_PER_STATEMENT, MAX_PARAMETERS / table.table().columns().size());
        List<List<String>> rows = table.rows();
        int fullStatements = rows.size() / perStatement;
        if (fullStatements > 0) {
            try (PreparedStatement full = connection.prepareStatement(sql(table.table(), perStatement))) {
                for (int statement = 0; statement < fullStatements; statement++) {
                    execute(full, rows.subList(statement * perStatement, (statement + 1) * perStatement));
                }
            }
        }
        int rest = rows.size() - fullStatements * perStatement;
        if (rest > 0) {
            try (PreparedStatement last = connection.prepareStatement(sql(table.table(), rest))) {
                execute(last, rows.subList(rows.size() - rest, rows.size()));
            }
        }
    }

    private static void execute(PreparedStatement statement, List<List<String>> chunk) throws SQLException {
        int parameter = 1;
        for (List<String> row : chunk) {
            for (String value : row) {
                statement.setString(parameter++, value);
            }
        }
        int inserted = statement.executeUpdate();
        if (inserted != chunk.size()) {
            throw new IllegalStateException("a multi-row INSERT of " + chunk.size() + " rows inserted " + inserted);
        }
    }

    private static String sql(ExportedTable table, int rows) {
        String placeholders = Stream.generate(() -> "?").limit(table.columns().size()).collect(Collectors.joining(", ", "(", ")"));
        return "INSERT INTO " + SqlNames.table(table.name()) + " ("
                + table.columns().stream().map(SqlNames::identifier).collect(Collectors.joining(", ")) + ") VALUES "
                + Stream.generate(() -> placeholders).limit(rows).collect(Collectors.joining(", "));
    }
}
