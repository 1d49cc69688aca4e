package io.seedreset.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * (b) The practical limit: the exported CSV bytes, already rendered, streamed with one
 * {@code COPY ... FROM STDIN} per table in one transaction. Nothing is generated, checked or
 * recorded; only the schema's own constraints, indexes and triggers run.
 */
final class RawCopyLoader implements RowLoader {

    @Override
    public String label() {
        return "(b) raw COPY of pre-rendered CSV, one transaction";
    }

    @Override
    public long load(DataSource dataSource, List<TableRows> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long started = System.nanoTime();
            for (TableRows table : rows) {
                if (!table.whole()) {
                    throw new IllegalArgumentException("the raw COPY loads whole exported tables, not the first "
                            + table.count() + " rows of " + table.table().name());
                }
                String columns = table.table().columns().stream().map(SqlNames::identifier).collect(Collectors.joining(", "));
                try {
                    copy.copyIn("COPY " + SqlNames.table(table.table().name()) + " (" + columns
                            + ") FROM STDIN WITH (FORMAT csv, HEADER true)", new ByteArrayInputStream(table.table().csv()));
                } catch (IOException e) {
                    throw new UncheckedIOException("reading from memory failed", e);
                }
            }
            connection.commit();
            return System.nanoTime() - started;
        }
    }
}
