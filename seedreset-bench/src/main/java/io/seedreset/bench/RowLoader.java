package io.seedreset.bench;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** One way of loading the measured rows without the engine: the yardsticks apply is measured against. */
interface RowLoader {

    /** How the report names this way of loading. */
    String label();

    /**
     * Loads the rows, tables in the given (parents-first) order, and returns the nanoseconds the
     * loading took: from the first statement to the last commit, connection set-up excluded.
     */
    long load(DataSource dataSource, List<TableRows> rows) throws SQLException;
}
