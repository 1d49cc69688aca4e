package io.seedreset.platform.agency;

import io.seedreset.platform.sql.Slice;
import io.seedreset.platform.sql.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads of one tenant table, always within one organization: its condition, {@code org_id = ?}, comes
 * first in every statement, so another organization's row is never read whatever id is asked. Lists
 * are ordered by {@code order}, which ends with the id so that equal values never swap between pages.
 */
final class TenantQuery<T> {

    /** Builds one row's value from the columns the query selects. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A filter: {@code column = value}; a filter nobody asked for (a null value) is left out. */
    record Equal(String column, Object value) {
    }

    private final DataSource dataSource;
    private final String table;
    private final String columns;
    private final String order;
    private final RowReader<T> reader;

    TenantQuery(DataSource dataSource, String table, String columns, String order, RowReader<T> reader) {
        this.dataSource = dataSource;
        this.table = table;
        this.columns = columns;
        this.order = order;
        this.reader = reader;
    }

    static Equal equal(String column, Object value) {
        return new Equal(column, value);
    }

    /**
     * The rows matching every filter: how many in all, and those from {@code offset}, at most {@code limit}. Both
     * are read in one snapshot, so that the total counts the very rows the pages are cut from.
     */
    Slice<T> list(UUID organizationId, int offset, int limit, Equal... filters) throws SQLException {
        List<Object> values = new ArrayList<>();
        String where = where(organizationId, values, filters);
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> {
            long total;
            try (PreparedStatement count = prepare(connection, "SELECT count(*) FROM " + table + where, values);
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<Object> paged = new ArrayList<>(values);
            paged.add(limit);
            paged.add(offset);
            return new Slice<>(read(connection, "SELECT " + columns + " FROM " + table + where + " ORDER BY " + order
                    + " LIMIT ? OFFSET ?", paged), total);
        });
    }

    /** The organization's row with this id; empty when there is none, including when another organization has it. */
    Optional<T> byId(UUID organizationId, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return byId(connection, organizationId, id);
        }
    }

    /** The same, read in the caller's transaction. */
    Optional<T> byId(Connection connection, UUID organizationId, UUID id) throws SQLException {
        return all(connection, organizationId, equal("id", id)).stream().findFirst();
    }

    /** Every row matching the filters, in order (the lines of one budget, for one), read in the caller's transaction. */
    List<T> all(Connection connection, UUID organizationId, Equal... filters) throws SQLException {
        List<Object> values = new ArrayList<>();
        String where = where(organizationId, values, filters);
        return read(connection, "SELECT " + columns + " FROM " + table + where + " ORDER BY " + order, values);
    }

    private static String where(UUID organizationId, List<Object> values, Equal... filters) {
        StringBuilder where = new StringBuilder(" WHERE org_id = ?");
        values.add(organizationId);
        for (Equal filter : filters) {
            if (filter.value() != null) {
                // Column names come from this package's code, never from a request; only values are bound.
                where.append(" AND ").append(filter.column()).append(" = ?");
                values.add(filter.value());
            }
        }
        return where.toString();
    }

    private List<T> read(Connection connection, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, values); ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
            return rows;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }

    /** A timestamptz column as an instant. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
