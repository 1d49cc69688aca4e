package io.seedreset.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Reads a test's database back, and runs a statement on it: the one query helper every module's
 * tests assert through (a real PostgreSQL, plain JDBC, failures as unchecked exceptions naming the SQL).
 */
public class DatabaseReader {

    public final DataSource dataSource;

    public DatabaseReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs one statement in autocommit, e.g. a row "a person" adds by hand. */
    public void execute(String sql, Object... parameters) {
        if (parameters.length == 0) {
            // As written, without the driver looking for placeholders (a function body may hold a '?').
            try (Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("statement failed: " + sql, e);
            }
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    /** Every row of a table as PostgreSQL renders it, in id order: equal dumps mean byte-identical rows. */
    public List<String> dump(String table) {
        return strings("SELECT t::text FROM " + table + " t ORDER BY t.id");
    }

    /** The first column of every result row, as text. */
    public List<String> strings(String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        query(sql, parameters, rs -> values.add(rs.getString(1)));
        return values;
    }

    public long queryForLong(String sql, Object... parameters) {
        long[] value = new long[1];
        query(sql, parameters, rs -> value[0] = rs.getLong(1));
        return value[0];
    }

    public double queryForDouble(String sql, Object... parameters) {
        double[] value = new double[1];
        query(sql, parameters, rs -> value[0] = rs.getDouble(1));
        return value[0];
    }

    /** Each result row as column label to value (as JDBC returns it), columns in select order. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        List<Map<String, Object>> rows = new ArrayList<>();
        query(sql, parameters, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        });
        return rows;
    }

    /** Counts per value of the first column of a {@code SELECT value, count(*) ... GROUP BY value}. */
    public Map<String, Long> histogram(String sql, Object... parameters) {
        Map<String, Long> histogram = new TreeMap<>();
        query(sql, parameters, rs -> histogram.put(rs.getString(1), rs.getLong(2)));
        return histogram;
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Object[] parameters, RowHandler handler) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
