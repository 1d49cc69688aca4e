package io.seedreset.pack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One row to insert: its key, then column names to values, in the order they were set. The engine
 * adds the tenant column ({@code org_id} on the reference platform) itself; a pack never chooses the tenant.
 *
 * <p>Every row has a key, which goes to the table's key column (its primary key, or the column beside
 * the tenant column in a two-column primary key), whatever that column is called: a UUID
 * ({@link #withId}, from {@code context.id(entity, ordinal)}), or a number or text ({@link #withKey}) for
 * tables keyed that way. Explicit numbers in an identity or serial column are fine: apply advances the
 * column's sequence past them, so the application's next insert does not collide.
 *
 * <p>Every row of a table sets the same columns in the same order (set nullable ones to null
 * explicitly): apply writes a table's rows with one COPY column list.
 *
 * <p>Values may be String, Integer, Long, BigDecimal, Boolean, UUID, Instant, LocalDate,
 * LocalTime, a String[] (a text array), a {@link Serial} (another row's key the database gave) or null.
 */
public final class Row {

    /** Where the key is kept among the values: the engine writes it to the table's key column. */
    static final String KEY = "id";

    private final Map<String, Object> values = new LinkedHashMap<>();

    private Row(Object key) {
        values.put(KEY, key);
    }

    public static Row withId(UUID id) {
        if (id == null) {
            throw new IllegalArgumentException("a row needs an id");
        }
        return new Row(id);
    }

    /**
     * A row keyed by a UUID, a number ({@code Long}, {@code Integer}), a non-blank text, or a {@link Serial} the
     * database draws from the table's sequence.
     */
    public static Row withKey(Object key) {
        if (!(key instanceof UUID || key instanceof Long || key instanceof Integer || key instanceof Serial
              || key instanceof String text && !text.isBlank())) {
            throw new IllegalArgumentException("a row's key is a UUID, a Long, an Integer, a Serial or a non-blank String, not " + key);
        }
        return new Row(key);
    }

    public Row set(String column, Object value) {
        if (column.equals(KEY) || column.equals("org_id")) {
            throw new IllegalArgumentException("column '" + column + "' is set by the engine");
        }
        values.put(column, value);
        return this;
    }

    /** The row's key, as given. */
    public Object key() {
        return values.get(KEY);
    }

    /** The row's key when it is a UUID. */
    public UUID id() {
        if (!(values.get(KEY) instanceof UUID id)) {
            throw new IllegalStateException("row " + values.get(KEY) + " is keyed by a " + values.get(KEY).getClass().getSimpleName() + ", not a UUID");
        }
        return id;
    }

    /** The key (under {@code id}) and the columns, in the order they were set. */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }
}
