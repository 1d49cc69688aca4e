package io.seedreset.pack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One row to insert: column names to values, in the order they were set. The engine adds
 * {@code org_id} itself; a pack never chooses the tenant. Every row needs a UUID {@code id}.
 *
 * <p>Every row of a table sets the same columns in the same order (set nullable ones to null
 * explicitly): apply writes a table's rows with one COPY column list.
 *
 * <p>Values may be String, Integer, Long, BigDecimal, Boolean, UUID, Instant, LocalDate,
 * LocalTime, a String[] (a text array) or null.
 */
public final class Row {

    private final Map<String, Object> values = new LinkedHashMap<>();

    private Row(UUID id) {
        values.put("id", id);
    }

    public static Row withId(UUID id) {
        if (id == null) {
            throw new IllegalArgumentException("a row needs an id");
        }
        return new Row(id);
    }

    public Row set(String column, Object value) {
        if (column.equals("id") || column.equals("org_id")) {
            throw new IllegalArgumentException("column '" + column + "' is set by the engine");
        }
        values.put(column, value);
        return this;
    }

    public UUID id() {
        return (UUID) values.get("id");
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }
}
