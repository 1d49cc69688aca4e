package io.seedreset.platform.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A read of one organization's rows, assembled from the caller's scope and the request's filters. The
 * organization is the first condition of every one, so that no read can leave it out; values are bound
 * as parameters, never spliced into the text.
 */
public final class Select {

    /** Reads one row of a result into what the read answers. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final String columns;
    private final String from;
    private final StringBuilder where = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    /**
     * @param organizationColumn the {@code org_id} of the main table, e.g. {@code e.org_id}
     */
    public Select(String columns, String from, String organizationColumn, UUID organizationId) {
        this(columns, from, List.of(), organizationColumn, organizationId);
    }

    /**
     * A read whose {@code from} takes values of its own (a lateral join's date: an account's balance as of a day),
     * bound before the conditions'. The columns take none: the count of a page reads the same {@code from} without them.
     */
    public Select(String columns, String from, List<?> fromValues, String organizationColumn, UUID organizationId) {
        this.columns = columns;
        this.from = from;
        values.addAll(fromValues);
        where(organizationColumn + " = ?", organizationId);
    }

    /** Adds a condition; its {@code ?} take the values, in order (a {@code UUID[]} binds as a uuid array). */
    public Select where(String condition, Object... conditionValues) {
        where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
        values.addAll(List.of(conditionValues));
        return this;
    }

    /** Adds {@code column = value} when the filter is given; an enum compares by its name, as the tables spell them. */
    public Select whereEquals(String column, Enum<?> value) {
        return value == null ? this : where(column + " = ?", value.name());
    }

    /** One page in {@code orderBy}'s order, with the number of rows on every page. */
    public <T> Slice<T> page(Connection connection, String orderBy, int offset, int limit, Row<T> row) throws SQLException {
        List<T> items = new ArrayList<>();
        long total = 0;
        // The window counts the rows before OFFSET and LIMIT apply, in the same statement (one snapshot).
        String sql = "SELECT " + columns + ", count(*) OVER () AS matching_rows FROM " + from + where
                + " ORDER BY " + orderBy + " OFFSET ? LIMIT ?";
        try (PreparedStatement statement = prepare(connection, sql, offset, limit); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                total = rs.getLong("matching_rows");
                items.add(row.read(rs));
            }
        }
        if (items.isEmpty() && offset > 0) {
            // A page past the end has no row to carry the count.
            try (PreparedStatement statement = prepare(connection, "SELECT count(*) FROM " + from + where);
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        return new Slice<>(items, total);
    }

    /** Every matching row, in {@code orderBy}'s order. */
    public <T> List<T> all(Connection connection, String orderBy, Row<T> row) throws SQLException {
        List<T> items = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, "SELECT " + columns + " FROM " + from + where + " ORDER BY " + orderBy);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                items.add(row.read(rs));
            }
        }
        return items;
    }

    /**
     * A row read before its children (an event before its ticket types, an order before its lines): its id,
     * and how it is made once they are known.
     */
    public record Parent<P, C>(UUID id, Function<List<C>, P> withChildren) {
    }

    /**
     * The parents, each made with its children: the matching rows, read in one statement whatever the
     * number of parents, in {@code orderBy}'s order, and given to the parent whose id the column {@code parent}
     * ({@code alias.column}, among the columns) holds.
     */
    public <P, C> List<P> children(Connection connection, List<Parent<P, C>> parents, String parent, String orderBy, Row<C> row) throws SQLException {
        if (parents.isEmpty()) {
            return List.of();
        }
        where(parent + " = ANY (?)", (Object) parents.stream().map(Parent::id).toArray(UUID[]::new));
        Map<UUID, List<C>> children = new HashMap<>();
        all(connection, orderBy, rs -> children.computeIfAbsent(rs.getObject(parent.substring(parent.indexOf('.') + 1), UUID.class),
                id -> new ArrayList<>()).add(row.read(rs)));
        return parents.stream().map(p -> p.withChildren().apply(List.copyOf(children.getOrDefault(p.id(), List.of())))).toList();
    }

    /** The one matching row, if there is one (the conditions name it by id). */
    public <T> Optional<T> one(Connection connection, Row<T> row) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT " + columns + " FROM " + from + where);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
        }
    }

    private PreparedStatement prepare(Connection connection, String sql, Object... more) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            int index = 1;
            for (Object value : values) {
                statement.setObject(index++, value instanceof UUID[] ids ? connection.createArrayOf("uuid", ids) : value);
            }
            for (Object value : more) {
                statement.setObject(index++, value);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** A timestamp column as an instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A text[] column as a list. */
    public static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
