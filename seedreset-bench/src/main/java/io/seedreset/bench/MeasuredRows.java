package io.seedreset.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The measured rows in the database, for the raw loads, which the ledger knows nothing of:
 * checks that a load wrote exactly the selected rows, value for value, removes them again, and
 * checks that none is left, so that every method starts from the same state (the base packs'
 * rows only) and the comparison is between equal amounts of equal data.
 */
final class MeasuredRows {

    private final DataSource dataSource;
    private final UUID organizationId;
    private final List<ExportedTable> parentsFirst;

    MeasuredRows(DataSource dataSource, UUID organizationId, List<ExportedTable> parentsFirst) {
        this.dataSource = dataSource;
        this.organizationId = organizationId;
        this.parentsFirst = List.copyOf(parentsFirst);
    }

    /** Fails unless no row of the measured set is in the database. */
    void requireAbsent(String when) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (ExportedTable table : parentsFirst) {
                try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + SqlNames.table(table.name())
                        + " WHERE org_id = ? AND id = ANY (?)")) {
                    count.setObject(1, organizationId);
                    count.setArray(2, ids(connection, table));
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) != 0) {
                            throw new IllegalStateException(when + ", " + rs.getLong(1) + " of the " + table.rows().size()
                                    + " measured rows of " + table.name() + " are in the database; expected none");
                        }
                    }
                }
            }
        }
    }

    /**
     * Fails unless the organization's rows that no application created are, table by table,
     * exactly the selected rows with exactly the exported values.
     */
    void requireLoaded(String method, List<TableRows> selection) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (TableRows expected : selection) {
                ExportedTable table = expected.table();
                List<List<String>> found = RowExport.unledgeredRows(connection, organizationId, table);
                if (found.size() != expected.count()) {
                    throw new IllegalStateException(method + " left " + found.size() + " rows in " + table.name() + ", expected "
                            + expected.count());
                }
                List<List<String>> rows = expected.rows();
                for (int i = 0; i < rows.size(); i++) {
                    if (!rows.get(i).equals(found.get(i))) {
                        throw new IllegalStateException(method + " wrote other values to " + table.name() + " than were exported: "
                                + table.columns() + " exported " + rows.get(i) + ", read back " + found.get(i));
                    }
                }
            }
        }
    }

    /** Deletes the measured rows, children first, in one transaction; rows not loaded are simply not found. */
    void delete() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<ExportedTable> childrenFirst = new ArrayList<>(parentsFirst);
            Collections.reverse(childrenFirst);
            for (ExportedTable table : childrenFirst) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + SqlNames.table(table.name())
                        + " WHERE org_id = ? AND id = ANY (?)")) {
                    delete.setObject(1, organizationId);
                    delete.setArray(2, ids(connection, table));
                    delete.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    private static Array ids(Connection connection, ExportedTable table) throws SQLException {
        return connection.createArrayOf("uuid", table.ids().toArray());
    }
}
