package io.seedreset.internal.importing;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.ledger.RowSets;
import io.seedreset.internal.schema.Sequences;
import io.seedreset.internal.schema.TenantSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Loads a file's rows into one tenant table of an organization, in the caller's transaction (in seed
 * context: the guards check every row). The file streams through COPY into a temporary table shaped
 * like the target (its types, defaults, NOT NULL and CHECK constraints), each row numbered by its
 * record; keys and references are then checked there with a query each, so that every fault names
 * the record it is in, and the record's line is found by reading the file again up to it (a record
 * may span lines: nothing is kept per record while loading). Only then do the rows go into the
 * table, and their ids into the ledger.
 */
public final class RowImport {

    /** The temporary table; its name shows in PostgreSQL's messages, replaced by the target's before they are shown. */
    private static final String STAGING_NAME = "seedreset_import";
    /** Named in its schema, so that no table of that name elsewhere on the search path can stand in for it. */
    private static final String STAGING = "pg_temp." + STAGING_NAME;
    private static final String RECORD = "seedreset_record";
    /** Ids per ledger batch, as the sinks write them. */
    private static final int LEDGER_BATCH = 10_000;
    private static final Pattern COPY_WHERE = Pattern.compile("COPY " + STAGING_NAME + ", line (\\d+)(?:, column ([^:]+))?");

    /** What was loaded. */
    public record Loaded(long rows, boolean generatedIds) {
    }

    private final Connection connection;
    private final String table;
    private final Path file;
    private final String source;
    private final Records.Format format;
    private TargetTable target;
    /** The tenant column, which the organization fills in, and the key column, by which the ledger records rows. */
    private String tenantColumn;
    private String keyColumn;
    private List<String> fileColumns;

    private RowImport(Connection connection, String table, Path file) {
        this.connection = connection;
        this.table = table;
        this.file = file;
        this.source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        this.format = Records.Format.of(file);
    }

    /**
     * Loads {@code file} into {@code table} for the organization and records every row in the ledger
     * under {@code application}. A bad file throws {@link Reason#INVALID_IMPORT} naming its line and
     * column; the caller's transaction must then roll back (a failed COPY leaves it aborted).
     */
    public static Loaded load(Connection connection, TenantSchema schema, String table, Path file, UUID organizationId, String tenantKey,
                              UUID application) throws SQLException {
        return new RowImport(connection, table, file).load(schema, organizationId, tenantKey, application);
    }

    private Loaded load(TenantSchema schema, UUID organizationId, String tenantKey, UUID application) throws SQLException {
        TenantSchema.Table known = schema.table(table).orElseThrow(() -> new SeedResetException(Reason.INVALID_VALUE, "'" + table
                + "' is not a tenant table (schema.table, with the tenant column " + schema.tenantColumn() + ", outside platform)",
                Map.of(SeedResetException.TABLE, table)));
        tenantColumn = known.tenantColumn();
        keyColumn = known.key();
        if (format == null) {
            throw invalid(new BadFile(0, null, "not a .csv or .json file"));
        }
        target = TargetTable.load(connection, table);
        if (keyColumn == null) {
            throw new SeedResetException(Reason.INVALID_VALUE, table + " has no key column (a single-column primary key), by which the ledger records rows",
                    Map.of(SeedResetException.TABLE, table));
        }
        long rows;
        boolean generatedIds;
        try (Records records = open()) {
            fileColumns = records.columns();
            if (fileColumns.isEmpty()) {
                throw new BadFile(0, null, "the file is empty");
            }
            requireColumns(records);
            generatedIds = !fileColumns.contains(keyColumn);
            if (generatedIds && !"uuid".equals(known.keyType())) {
                throw new BadFile(0, null, "the file has no " + keyColumn + " column: ids are made only for uuid keys, and "
                        + table + "." + keyColumn + " is " + known.keyType());
            }
            createStaging();
            rows = copy(records, organizationId, tenantKey, generatedIds);
            if (rows == 0) {
                throw new BadFile(0, null, "the file has no rows");
            }
        } catch (BadFile e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new SeedResetException(Reason.INVALID_IMPORT, source + " cannot be read: " + e.getMessage() + "; nothing was imported",
                    Map.of(SeedResetException.VALUE, source, SeedResetException.TABLE, table), e);
        }
        requireUniqueKeys(generatedIds);
        requireReferences();
        insert();
        record(organizationId, application);
        Sequences.advance(connection, known);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + STAGING);
        }
        return new Loaded(rows, generatedIds);
    }

    private Records open() throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new SeedResetException(Reason.INVALID_VALUE, "file " + file + " does not exist", Map.of(SeedResetException.VALUE, file.toString()));
        }
        try {
            return format.open(in, target.columns().values().stream().filter(TargetTable.Column::array).map(TargetTable.Column::name)
                    .collect(Collectors.toSet()));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The file's columns against the table's: each known, written by an insert, named once; every required one there. */
    private void requireColumns(Records records) throws BadFile {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fileColumns.size(); i++) {
            String name = fileColumns.get(i);
            long line = records.columnLine(i);
            TargetTable.Column column = target.columns().get(name);
            if (name.equals(tenantColumn)) {
                throw new BadFile(line, name, "the organization is the one imported into, never the file's: remove the column");
            }
            if (column == null) {
                throw new BadFile(line, name, table + " has no such column (it has " + String.join(", ", target.columns().keySet().stream()
                        .filter(c -> !c.equals(tenantColumn)).toList()) + ")");
            }
            // An identity key the database would generate is the file's to give: the ledger records rows by it.
            if (!column.written() && !name.equals(keyColumn)) {
                throw new BadFile(line, name, "generated by the database: remove the column");
            }
            if (!seen.add(name)) {
                throw new BadFile(line, name, "named twice");
            }
        }
        for (TargetTable.Column column : target.columns().values()) {
            if (column.notNull() && !column.hasDefault() && column.written() && !column.name().equals(tenantColumn) && !column.name().equals(keyColumn)
                    && !seen.contains(column.name())) {
                throw new BadFile(records.columnLine(0), column.name(), "missing: " + table + " needs a value in it (NOT NULL, no default)");
            }
        }
    }

    /** A temporary table like the target, with its types, defaults, NOT NULL and CHECK constraints, and each row's record number. */
    private void createStaging() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE " + STAGING_NAME + " (LIKE " + TenantSchema.sql(table)
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ON COMMIT DROP");
            statement.execute("ALTER TABLE " + STAGING + " ADD COLUMN " + RECORD + " bigint NOT NULL");
        }
    }

    private long copy(Records records, UUID organizationId, String tenantKey, boolean generatedIds) throws SQLException, IOException {
        List<String> columns = new ArrayList<>();
        columns.add(tenantColumn);
        if (generatedIds) {
            columns.add(keyColumn);
        }
        columns.addAll(fileColumns);
        columns.add(RECORD);
        CopyRows rows = new CopyRows(records, tenantKey, generatedIds ? (organizationId + "/" + table + "/" + source + "/") : null);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + STAGING + " ("
                    + columns.stream().map(TenantSchema::quote).collect(Collectors.joining(", ")) + ") FROM STDIN", rows, 1 << 16);
        } catch (PSQLException e) {
            SeedResetException rejected = rejected(e);
            if (rejected != null) {
                throw rejected;
            }
            throw e;
        }
    }

    /** A value PostgreSQL would not take (a type, NOT NULL, a CHECK), at the record and column COPY names. */
    private SeedResetException rejected(PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        Matcher where = server == null || server.getWhere() == null ? null : COPY_WHERE.matcher(server.getWhere());
        if (where == null || !where.find()) {
            return null;
        }
        long record = Long.parseLong(where.group(1));
        String column = where.group(2) != null ? where.group(2).strip() : server.getColumn();
        if (column == null && server.getConstraint() != null && target.checks().getOrDefault(server.getConstraint(), List.of()).size() == 1) {
            column = target.checks().get(server.getConstraint()).get(0);
        }
        String message = server.getMessage().replace("\"" + STAGING_NAME + "\"", table).replace(STAGING_NAME, table);
        return invalid(new BadFile(lineOf(record, column), column, message));
    }

    /** No two rows of the file, and no row of the file and one of the organization's, share a unique key. */
    private void requireUniqueKeys(boolean generatedIds) throws SQLException {
        for (List<String> key : target.uniqueKeys()) {
            String notNull = key.stream().map(c -> TenantSchema.quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
            String partition = key.stream().map(TenantSchema::quote).collect(Collectors.joining(", "));
            String column = shown(key);
            String hint = generatedIds && key.contains(keyColumn) ? " (the ids are made from the file's name and each record's place: this file"
                    + " was imported into this organization already)" : "";
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT " + RECORD + ", first, " + values(key, "") + " FROM (SELECT " + RECORD + ", " + partition + ", min(" + RECORD
                         + ") OVER (PARTITION BY " + partition + ") AS first FROM " + STAGING + " WHERE " + notNull + ") d WHERE " + RECORD
                         + " > first ORDER BY " + RECORD + " LIMIT 1")) {
                if (rs.next()) {
                    throw invalid(new BadFile(lineOf(rs.getLong(1), column), column, "duplicate key (" + rs.getString(3) + "), also on line "
                            + lineOf(rs.getLong(2), column) + hint));
                }
            }
            String match = key.stream().map(c -> "t." + TenantSchema.quote(c) + " = s." + TenantSchema.quote(c)).collect(Collectors.joining(" AND "));
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT s." + RECORD + ", " + values(key, "s.") + " FROM " + STAGING + " s WHERE EXISTS"
                         + " (SELECT 1 FROM " + TenantSchema.sql(table) + " t WHERE " + match + ") ORDER BY s." + RECORD + " LIMIT 1")) {
                if (rs.next()) {
                    throw invalid(new BadFile(lineOf(rs.getLong(1), column), column, "duplicate key (" + rs.getString(2) + "): already in "
                            + table + hint));
                }
            }
        }
    }

    /** Every reference of every row finds its row: in the organization, or (for a table referencing itself) in the file. */
    private void requireReferences() throws SQLException {
        for (TargetTable.Reference reference : target.references()) {
            if (reference.columns().stream().allMatch(tenantColumn::equals)) {
                continue;
            }
            String notNull = reference.columns().stream().map(c -> "s." + TenantSchema.quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
            StringBuilder match = new StringBuilder();
            for (int i = 0; i < reference.columns().size(); i++) {
                match.append(i == 0 ? "" : " AND ").append("p.").append(TenantSchema.quote(reference.parentColumns().get(i))).append(" = s.")
                        .append(TenantSchema.quote(reference.columns().get(i)));
            }
            String sql = "SELECT s." + RECORD + ", " + values(reference.columns(), "s.") + " FROM " + STAGING + " s WHERE " + notNull
                    + " AND NOT EXISTS (SELECT 1 FROM " + TenantSchema.sql(reference.parent()) + " p WHERE " + match + ")"
                    + (reference.parent().equals(table) ? " AND NOT EXISTS (SELECT 1 FROM " + STAGING + " p WHERE " + match + ")" : "")
                    + " ORDER BY s." + RECORD + " LIMIT 1";
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                if (rs.next()) {
                    String column = shown(reference.columns());
                    throw invalid(new BadFile(lineOf(rs.getLong(1), column), column, "refers to a row that does not exist: no row of "
                            + reference.parent() + " in this organization has " + parentValues(reference, rs.getString(2))));
                }
            }
        }
    }

    private void insert() throws SQLException {
        boolean identityKey = !target.columns().get(keyColumn).written();
        String columns = target.columns().values().stream().filter(c -> c.written() || c.name().equals(keyColumn))
                .map(c -> TenantSchema.quote(c.name())).collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + TenantSchema.sql(table) + " (" + columns + ")" + (identityKey ? " OVERRIDING SYSTEM VALUE" : "")
                    + " SELECT " + columns + " FROM " + STAGING + " ORDER BY " + RECORD);
        } catch (PSQLException e) {
            // What the checks before cannot match row by row (a partial or expression index, an exclusion constraint): the file, no line.
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23") || e.getServerErrorMessage() == null) {
                throw e;
            }
            ServerErrorMessage server = e.getServerErrorMessage();
            throw invalid(new BadFile(0, null, server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")")));
        }
    }

    /** The rows' ids go to the ledger in batches, as an apply's do. */
    private void record(UUID organizationId, UUID application) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + RowSets.TABLE
                + " (org_id, application_id, table_name, row_ids) SELECT ?, ?, ?, array_agg(" + TenantSchema.quote(keyColumn) + "::text ORDER BY " + RECORD
                + ") FROM " + STAGING + " GROUP BY (" + RECORD + " - 1) / " + LEDGER_BATCH)) {
            statement.setObject(1, organizationId);
            statement.setObject(2, application);
            statement.setString(3, table);
            statement.executeUpdate();
        }
    }

    /** The key's columns that the file gives, for messages: the tenant column is the organization's, never the file's fault. */
    private String shown(List<String> key) {
        List<String> shown = key.stream().filter(c -> !c.equals(tenantColumn)).toList();
        return shown.isEmpty() ? tenantColumn : shown.get(0);
    }

    /** {@code name = value, ...} of the key's columns but the tenant column, as SQL text. */
    private String values(List<String> key, String alias) {
        List<String> parts = new ArrayList<>();
        for (String column : key) {
            if (!column.equals(tenantColumn)) {
                parts.add("'" + column.replace("'", "''") + " = ' || " + alias + TenantSchema.quote(column) + "::text");
            }
        }
        return parts.isEmpty() ? "''" : "concat_ws(', ', " + String.join(", ", parts) + ")";
    }

    /** The child's {@code account_id = x} as the parent's {@code id = x}. */
    private static String parentValues(TargetTable.Reference reference, String childValues) {
        String shown = childValues;
        for (int i = 0; i < reference.columns().size(); i++) {
            shown = shown.replace(reference.columns().get(i) + " = ", reference.parentColumns().get(i) + " = ");
        }
        return shown;
    }

    /**
     * The line of a record (the {@code record}th, from 1), at the value of {@code column} when the file
     * gives it: the file is read again up to it. 0 when it cannot be found.
     */
    private long lineOf(long record, String column) {
        int index = column == null ? -1 : fileColumns.indexOf(column);
        try (Records records = open()) {
            for (long n = 1; n < record; n++) {
                if (records.next() == null) {
                    return 0;
                }
            }
            return records.next() == null ? 0 : index >= 0 ? records.valueLine(index) : records.line();
        } catch (IOException e) {
            return 0;
        }
    }

    private SeedResetException invalid(BadFile e) {
        Map<String, String> details = new HashMap<>(Map.of(SeedResetException.VALUE, source, SeedResetException.TABLE, table));
        if (e.line() > 0) {
            details.put(SeedResetException.LINE, String.valueOf(e.line()));
        }
        if (e.column() != null) {
            details.put(SeedResetException.COLUMN, e.column());
        }
        return new SeedResetException(Reason.INVALID_IMPORT, source + (e.line() > 0 || e.column() != null ? ", " : ": ") + e.getMessage()
                + "; nothing was imported", new LinkedHashMap<>(details), e);
    }
}
