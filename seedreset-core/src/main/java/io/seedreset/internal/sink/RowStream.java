package io.seedreset.internal.sink;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.Total;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The shared half of plan and apply: checks each row against the tenant schema, renders it as
 * a COPY line (org_id first), and feeds the counts, samples, totals and plan hash. Subclasses
 * decide what happens to the rendered line.
 *
 * <p>When the request is limited to some modules of the pack, rows and updates of tables outside
 * those modules (schemas) are dropped here, before anything counts them: plan and apply then
 * agree on what is written, and the pack itself runs unchanged, so the ids of the rows it keeps
 * are the ids a whole apply gives them.
 */
public abstract class RowStream implements RowSink {

    static final int SAMPLES_PER_TABLE = 3;

    /** A table as this stream writes it: the columns of its first row, org_id first. */
    protected record TableShape(String table, List<String> columns) {
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

    /** @param selectedModules the modules (schemas) whose rows are kept; empty keeps every row */
    protected RowStream(String packId, TenantSchema schema, UUID organizationId, List<Total> totalDefinitions,
                        Collection<String> selectedModules) {
        this.packId = packId;
        this.keptModules = Set.copyOf(selectedModules);
        this.schema = schema;
        this.orgColumnValue = organizationId.toString();
        this.totalDefinitions = List.copyOf(totalDefinitions);
        totalDefinitions.forEach(t -> totals.put(t.label(), BigDecimal.ZERO));
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public final UUID add(String table, Row row) {
        if (!keeps(table)) {
            return row.id();
        }
        Map<String, Object> values = row.values();
        TableShape shape = shapes.computeIfAbsent(table, t -> shapeOf(t, values));
        if (shape.columns().size() != values.size() + 1 || !shape.columns().subList(1, shape.columns().size()).equals(List.copyOf(values.keySet()))) {
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' wrote rows with different columns to " + table
                    + ": " + shape.columns().subList(1, shape.columns().size()) + " then " + values.keySet(), Map.of(SeedResetException.PACK, packId));
        }
        StringBuilder line = new StringBuilder(256).append(orgColumnValue);
        Map<String, String> sample = counts.getOrDefault(table, 0L) < SAMPLES_PER_TABLE ? new LinkedHashMap<>() : null;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            String rendered;
            try {
                rendered = CopyText.render(value.getValue());
            } catch (IllegalArgumentException e) {
                throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' wrote " + table + "." + value.getKey() + ": " + e.getMessage(), Map.of(SeedResetException.PACK, packId));
            }
            line.append('\t').append(rendered);
            if (!watchedValues.isEmpty() && value.getValue() instanceof String text && watchedValues.contains(text.toLowerCase(Locale.ROOT))) {
                seenValues.add(text.toLowerCase(Locale.ROOT));
            }
            if (sample != null) {
                sample.put(value.getKey(), value.getValue() == null ? null : display(value.getValue()));
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
        digest.update(bytes);
        accept(shape, bytes, row.id());
        return row.id();
    }

    @Override
    public final void update(String table, Row changes) {
        if (!keeps(table)) {
            return;
        }
        Map<String, Object> values = changes.values();
        TenantSchema.Table known = knownTable(table, "updates");
        if (values.size() < 2) {
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' updates " + table + " row " + changes.id() + " without setting a column", Map.of(SeedResetException.PACK, packId));
        }
        StringBuilder line = new StringBuilder(128).append(changes.id());
        for (Map.Entry<String, Object> value : values.entrySet()) {
            requireColumn(known, value.getKey(), "updates column");
            if (value.getKey().equals("id")) {
                continue;
            }
            try {
                line.append('\t').append(value.getKey()).append('=').append(CopyText.render(value.getValue()));
            } catch (IllegalArgumentException e) {
                throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' updates " + table + "." + value.getKey() + ": " + e.getMessage(), Map.of(SeedResetException.PACK, packId));
            }
        }
        updates.merge(table, 1L, Long::sum);
        digest.update(("update " + table + '\t' + line + '\n').getBytes(StandardCharsets.UTF_8));
        acceptUpdate(table, values);
    }

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

    /** Receives each rendered row (a COPY text line, org_id first). */
    protected abstract void accept(TableShape shape, byte[] line, UUID id);

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
        if (!known.columns().contains(column)) {
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' " + action + " " + known.name() + "." + column
                    + ", which the table does not have: the pack and the schema disagree", Map.of(SeedResetException.PACK, packId));
        }
    }

    private TableShape shapeOf(String table, Map<String, Object> values) {
        TenantSchema.Table known = knownTable(table, "writes to");
        List<String> columns = new ArrayList<>();
        columns.add("org_id");
        for (String column : values.keySet()) {
            requireColumn(known, column, "writes column");
            columns.add(column);
        }
        return new TableShape(table, List.copyOf(columns));
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
