package io.seedreset.internal.sink;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reads a pack makes while it generates ({@link io.seedreset.pack.TenantReader}). Values
 * come back as the types a pack writes: timestamps as Instant, dates as LocalDate, text arrays
 * as String[].
 */
public final class TenantQueries {

    private static final Pattern ORG = Pattern.compile(":org\\b");

    private TenantQueries() {
    }

    /** @param tenant the organization's key as an SQL literal ({@link io.seedreset.internal.schema.TenantSchema#tenantLiteral}) */
    public static List<Map<String, Object>> query(Connection connection, String tenant, String sql,
                                                  Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(readOnly(sql, tenant))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameter(connection, parameters[i]));
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnLabel(column), value(rs, meta, column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** A pack's query the database rejected, as one line naming the pack. */
    public static SeedResetException failed(String packId, SQLException e) {
        return new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' ran a query the database rejected: "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), Map.of(SeedResetException.PACK, packId), e);
    }

    /** Arrays of ids or texts become SQL arrays, for {@code = ANY (?)}; an instant a timestamptz (the driver takes no Instant). */
    private static Object parameter(Connection connection, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof UUID[] ids) {
            return connection.createArrayOf("uuid", ids);
        }
        if (value instanceof String[] texts) {
            return connection.createArrayOf("text", texts);
        }
        return value;
    }

    /**
     * A pack's SQL as the engine runs it: {@code :org} replaced by the organization's tenant key as a
     * literal (the key is ours, and a '?' in the pack's SQL, such as a jsonb operator, stays
     * what it is), wrapped in a subquery so that it can only read: PostgreSQL rejects a second
     * statement or a data-modifying WITH there.
     */
    public static String readOnly(String sql, String tenant) {
        return "SELECT * FROM (" + ORG.matcher(sql.strip().replaceAll(";$", ""))
                .replaceAll(Matcher.quoteReplacement(tenant)) + ") AS pack_query";
    }

    private static Object value(ResultSet rs, ResultSetMetaData meta, int column) throws SQLException {
        if (rs.getObject(column) == null) {
            return null;
        }
        if (meta.getColumnTypeName(column).equals("timestamptz")) {
            return rs.getObject(column, OffsetDateTime.class).toInstant();
        }
        return switch (meta.getColumnType(column)) {
            case Types.TIMESTAMP -> rs.getObject(column, java.time.LocalDateTime.class);
            case Types.DATE -> rs.getObject(column, java.time.LocalDate.class);
            case Types.TIME -> rs.getObject(column, java.time.LocalTime.class);
            case Types.ARRAY -> {
                Array array = rs.getArray(column);
                Object[] elements = (Object[]) array.getArray();
                String[] texts = new String[elements.length];
                for (int i = 0; i < elements.length; i++) {
                    texts[i] = elements[i] == null ? null : elements[i].toString();
                }
                yield texts;
            }
            default -> rs.getObject(column);
        };
    }
}
