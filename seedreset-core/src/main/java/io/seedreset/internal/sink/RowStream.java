package io.seedreset.internal.sink;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.pack.Row;
import io.seedreset.pack.Serial;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.Total;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The shared half of plan and apply: checks each row against the tenant schema, renders it as
 * a COPY line (the tenant column first), and feeds the counts, samples, totals and plan hash. Subclasses
 * decide what happens to the rendered line.
 *
 * <p>When the request is limited to some modules of the pack, rows and updates of tables outside
 * those modules (schemas) are dropped here, before anything counts them: plan and apply then
 * agree on what is written, and the pack itself runs unchanged, so the ids of the rows it keeps
 * are the ids a whole apply gives them.
 */
public abstract class RowStream implements RowSink {

    static final int SAMPLES_PER_TABLE = 3;

    /** A table as this stream writes it: the tenant column, then the columns of its first row (its key column first). */
    protected record TableShape(String table, List<String> columns, List<String> given) {
        String copyStatement() {
            return "COPY " + TenantSchema.sql(table) + " ("
                    + String.join(", ", columns.stream().map(TenantSchema::quote).toList()) + ") FROM STDIN";
        }
    }

    private final String packId;
    private final TenantSchema schema;
    private final String orgColumnValue;
    private final Map<String, TableShape> shapes = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Long> updates = new LinkedHashMap<>();
    private final Map<String, List<Map<String, String>>> samples = new LinkedHashMap<>();
    private final Map<String, BigDecimal> totals = new LinkedHashMap<>();
    private final List<Total> totalDefinitions;
    private final MessageDigest digest;
    private final Set<String> keptModules;
    private final Set<String> watchedValues = new HashSet<>();
    private final Set<String> seenValues = new HashSet<>();
    /** The keys given to serial rows so far. */
    private final Map<Serial, Object> drawn = new HashMap<>();

    /** @param selectedModules the modules (schemas) whose rows are kept; empty keeps every row */
    /** @param tenantKey the organization's key in the tenant column */
    protected RowStream(String packId, TenantSchema schema, String tenantKey, List<Total> totalDefinitions,
                        Collection<String> selectedModules) {
        this.packId = packId;
        this.keptModules = Set.copyOf(selectedModules);
        this.schema = schema;
        this.orgColumnValue = CopyText.render(tenantKey);
        this.totalDefinitions = List.copyOf(totalDefinitions);
        totalDefinitions.forEach(t -> totals.put(t.label(), BigDecimal.ZERO));
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <K> K add(String table, Row row) {
        if (!keeps(table)) {
            return (K) row.key();
        }
        Map<String, Object> values = row.values();
        TableShape shape = shapes.computeIfAbsent(table, t -> shapeOf(t, values));
        if (!shape.given().equals(List.copyOf(values.keySet()))) {
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' wrote rows with different columns to " + table
                    + ": " + shape.given() + " then " + values.keySet(), Map.of(SeedResetException.PACK, packId));
        }
        Object key = row.key();
        if (key instanceof Serial serial) {
            if (drawn.containsKey(serial)) {
                throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' gave " + serial + " to two rows (the second in " + table + ")",
                        Map.of(SeedResetException.PACK, packId));
            }
            drawn.put(serial, draw(knownTable(table, "writes to"), serial));
        }
        StringBuilder line = new StringBuilder(256).append(orgColumnValue);
        // The plan hash covers serials as the pack gave them, so that plan and apply agree on it.
        StringBuilder hashed = null;
        Map<String, String> sample = counts.getOrDefault(table, 0L) < SAMPLES_PER_TABLE ? new LinkedHashMap<>() : null;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            String rendered;
            try {
                rendered = CopyText.render(value.getValue() instanceof Serial serial ? drawnKey(serial, table) : value.getValue());
            } catch (IllegalArgumentException e) {
                throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' wrote " + table + "." + value.getKey() + ": " + e.getMessage(), Map.of(SeedResetException.PACK, packId));
            }
            if (value.getValue() instanceof Serial serial && hashed == null) {
                hashed = new StringBuilder(line);
            }
            if (hashed != null) {
                hashed.append('\t').append(value.getValue() instanceof Serial serial ? serial.toString() : rendered);
            }
            line.append('\t').append(rendered);
            if (!watchedValues.isEmpty() && value.getValue() instanceof String text && watchedValues.contains(text.toLowerCase(Locale.ROOT))) {
                seenValues.add(text.toLowerCase(Locale.ROOT));
            }
            if (sample != null) {
                sample.put(value.getKey().equals("id") ? shape.columns().get(1) : value.getKey(),
                        value.getValue() == null ? null : display(value.getValue()));
            }
        }
        line.append('\n');
        counts.merge(table, 1L, Long::sum);
        if (sample != null) {
            samples.computeIfAbsent(table, t -> new ArrayList<>()).add(sample);
        }
        for (Total total : totalDefinitions) {
            if (total.table().equals(table) && values.get(total.column()) instanceof Number number) {
                totals.merge(total.label(), new BigDecimal(number.toString()), BigDecimal::add);
            }
        }
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        digest.update(table.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\t');
        digest.update(hashed == null ? bytes : hashed.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        accept(shape, bytes, key instanceof Serial serial ? drawn.get(serial) : key);
        return (K) key;
    }

    @Override
    public final void update(String table, Row changes) {
        if (!keeps(table)) {
            return;
        }
        Map<String, Object> values = changes.values();
        TenantSchema.Table known = knownTable(table, "updates");
        if (values.size() < 2) {
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' updates " + table + " row " + changes.key() + " without setting a column", Map.of(SeedResetException.PACK, packId));
        }
        known.requireKey();
        StringBuilder line = new StringBuilder(128).append(changes.key());
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> value : values.entrySet()) {
            resolved.put(value.getKey(), value.getValue() instanceof Serial serial ? drawnKey(serial, table) : value.getValue());
            if (value.getKey().equals("id")) {
                continue;
            }
            requireColumn(known, value.getKey(), "updates column");
            try {
                line.append('\t').append(value.getKey()).append('=')
                        .append(value.getValue() instanceof Serial serial ? serial.toString() : CopyText.render(value.getValue()));
            } catch (IllegalArgumentException e) {
                throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' updates " + table + "." + value.getKey() + ": " + e.getMessage(), Map.of(SeedResetException.PACK, packId));
            }
        }
        updates.merge(table, 1L, Long::sum);
        digest.update(("update " + table + '\t' + line + '\n').getBytes(StandardCharsets.UTF_8));
        acceptUpdate(table, resolved);
    }

    /** The key the database gave a serial's row; a serial whose row was not added yet is the pack's mistake. */
    private Object drawnKey(Serial serial, String table) {
        Object key = drawn.get(serial);
        if (key == null) {
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' refers to " + serial + " in " + table
                    + " before adding the row that holds it: add rows before the rows that refer to them", Map.of(SeedResetException.PACK, packId));
        }
        return key;
    }

    /**
     * A key for a {@link Serial} row of this table: apply draws it from the table's identity or serial sequence,
     * plan shows the serial as the pack gave it.
     */
    protected abstract Object draw(TenantSchema.Table table, Serial serial);

    /** True when rows of this table ({@code schema.table}) are written: every table, or one of the selected modules'. */
    private boolean keeps(String table) {
        return keptModules.isEmpty() || keptModules.contains(table.substring(0, Math.max(table.indexOf('.'), 0)));
    }

    /**
     * Watches for these text values (compared without case) among the kept rows: a request limited to some
     * modules creates a pack's logins only when it writes the rows that hold their emails.
     */
    public void watch(Collection<String> values) {
        values.forEach(value -> watchedValues.add(value.toLowerCase(Locale.ROOT)));
    }

    /** Whether a kept row held this watched value. */
    public boolean saw(String value) {
        return seenValues.contains(value.toLowerCase(Locale.ROOT));
    }

    /** Receives each rendered row (a COPY text line, the tenant column first) and its key. */
    protected abstract void accept(TableShape shape, byte[] line, Object key);

    protected String packId() {
        return packId;
    }

    /** Receives each update: the row's id under "id" and the columns to set, checked against the schema. */
    protected abstract void acceptUpdate(String table, Map<String, Object> changes);

    /** The tenant table the pack names; {@code action} says what the pack does to it, for the message. */
    private TenantSchema.Table knownTable(String table, String action) {
        return schema.table(table).orElseThrow(() -> new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' " + action + " " + table
                + ", which is not a tenant table of this database: initialise the database with the pack's module migrations, or check the pack's modules", Map.of(SeedResetException.PACK, packId)));
    }

    private void requireColumn(TenantSchema.Table known, String column, String action) {
        if (column.equals(known.tenantColumn()) || column.equals(known.key())) {
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' " + action + " " + known.name() + "." + column
                    + ", which the engine sets (the tenant column and the row's key)", Map.of(SeedResetException.PACK, packId));
        }
        if (!known.columns().contains(column)) {
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' " + action + " " + known.name() + "." + column
                    + ", which the table does not have: the pack and the schema disagree", Map.of(SeedResetException.PACK, packId));
        }
    }

    private TableShape shapeOf(String table, Map<String, Object> values) {
        TenantSchema.Table known = knownTable(table, "writes to");
        List<String> columns = new ArrayList<>();
        columns.add(known.tenantColumn());
        for (String column : values.keySet()) {
            if (column.equals("id")) {
                columns.add(known.requireKey());
                continue;
            }
            requireColumn(known, column, "writes column");
            columns.add(column);
        }
        return new TableShape(table, List.copyOf(columns), List.copyOf(values.keySet()));
    }

    private static String display(Object value) {
        if (value instanceof String[] array) {
            return String.join(", ", array);
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    public Map<String, Long> counts() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Rows updated per table (scenarios that change the data they build on). */
    public Map<String, Long> updates() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(updates));
    }

    public Map<String, List<Map<String, String>>> samples() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(samples));
    }

    public Map<String, BigDecimal> totals() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(totals));
    }

    /** The plan hash: SHA-256 of every rendered row, in the order the pack emitted them. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest()).substring(0, 16);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }
}
