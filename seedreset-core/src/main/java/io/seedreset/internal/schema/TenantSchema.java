package io.seedreset.internal.schema;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.Tenancy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant tables of the host platform, learned from the database's metadata and the tenancy
 * {@code init} stored ({@code platform.tenancy}): every table outside the {@code platform} schema
 * with the tenant column (limited to the configured tables, if any), its columns, its key, and the
 * foreign keys between those tables. The engine never relies on a hand-kept list of tables, so it
 * serves an adopter's own schema as well as the reference platform.
 */
public final class TenantSchema {

    /**
     * A tenant table: {@code schema.table}, its columns in declaration order, and the tables it references.
     *
     * @param key        the column that identifies a row within the table: the single primary-key column, or
     *                   the one besides the tenant column of a two-column primary key; null when there is none,
     *                   and then no pack, import or snapshot refresh can record its rows
     * @param keyType    the key's SQL type ({@code uuid}, {@code bigint}, {@code text}, ...)
     * @param tenantType the tenant column's SQL type
     */
    public record Table(String name, List<String> columns, Set<String> parents, String tenantColumn, String tenantType,
                        String key, String keyType) {

        /**
         * {@code alias.tenant = the organization's key}, the organization given by its engine id as the one
         * parameter: the key is read from {@code platform.organizations} once per statement, so an index on
         * the tenant column still serves.
         */
        public String tenantIs(String alias) {
            return column(alias, tenantColumn) + " = (SELECT CAST(o.tenant_key AS " + tenantType
                    + ") FROM platform.organizations o WHERE o.id = ?)";
        }

        /** An organization's tenant key as a literal of the tenant column's type. */
        public String tenantLiteral(String tenantKey) {
            return "CAST('" + tenantKey.replace("'", "''") + "' AS " + tenantType + ")";
        }

        /** The tenant column, qualified by {@code alias} (none when empty). */
        public String tenant(String alias) {
            return column(alias, tenantColumn);
        }

        /** The key column, qualified by {@code alias} (none when empty); refuses a table without a key. */
        public String keyColumn(String alias) {
            return column(alias, requireKey());
        }

        /** A text expression (a ledger's row id) as a value of the key's type. */
        public String keyOf(String textExpression) {
            requireKey();
            return "CAST(" + textExpression + " AS " + keyType + ")";
        }

        public String requireKey() {
            if (key == null) {
                throw new SeedResetException(SeedResetException.Reason.INVALID_CONFIGURATION, "tenant table " + name
                        + " has no key Seed & Reset can record rows by: give it a single-column primary key (or one beside the tenant column)");
            }
            return key;
        }

        private static String column(String alias, String column) {
            return (alias.isEmpty() ? "" : alias + ".") + quote(column);
        }
    }

    /**
     * A foreign key between tenant tables: child columns reference parent columns, position by position.
     *
     * @param silentOnDelete deleting a parent changes child rows instead of failing (ON DELETE CASCADE,
     *                       SET NULL or SET DEFAULT)
     * @param deferrable     the key may be checked only at commit
     * @param tenantScoped   the tenant column is part of it on both sides, so a row can only reference a row of
     *                       its own tenant; when not, apply checks that seeded rows do
     */
    public record ForeignKey(String name, String child, List<String> childColumns, String parent, List<String> parentColumns,
                             boolean silentOnDelete, boolean deferrable, boolean tenantScoped) {

        /** The join condition of a child row ({@code child} alias) and the parent row it references ({@code parent} alias). */
        public String join(String child, String parent) {
            List<String> conditions = new ArrayList<>();
            for (int i = 0; i < childColumns.size(); i++) {
                conditions.add(parent + "." + quote(parentColumns.get(i)) + " = " + child + "." + quote(childColumns.get(i)));
            }
            return String.join(" AND ", conditions);
        }
    }

    private final Tenancy tenancy;
    private final Map<String, Table> tables;
    private final List<ForeignKey> foreignKeys;
    private final List<String> parentsFirst;

    private TenantSchema(Tenancy tenancy, Map<String, Table> tables, List<ForeignKey> foreignKeys) {
        this.tenancy = tenancy;
        this.tables = tables;
        this.foreignKeys = foreignKeys;
        this.parentsFirst = topologicalOrder(tables);
    }

    public static TenantSchema load(Connection connection) throws SQLException {
        Tenancy tenancy = TenancySettings.read(connection);
        String tenantColumn = tenancy.tenantColumn();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> tenantTypes = new LinkedHashMap<>();
        Map<String, List<String[]>> primaryKeys = new LinkedHashMap<>();
        // One query, one row per column: the tables, their columns, which ones are in the primary key, and their types.
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT n.nspname || '.' || c.relname AS table_name, a.attname, format_type(a.atttypid, a.atttypmod),
                       coalesce(a.attnum = ANY (pk.conkey), false)
                  FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                  LEFT JOIN pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
                 WHERE c.relkind IN ('r', 'p')
                   AND n.nspname NOT IN ('platform', 'information_schema')
                   AND n.nspname NOT LIKE 'pg\\_%'
                   AND EXISTS (SELECT 1 FROM pg_attribute o WHERE o.attrelid = c.oid AND o.attname = ? AND NOT o.attisdropped)
                 ORDER BY 1, a.attnum""")) {
            statement.setString(1, tenantColumn);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (!tenancy.covers(table)) {
                        continue;
                    }
                    columns.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(2));
                    if (rs.getString(2).equals(tenantColumn)) {
                        tenantTypes.put(table, rs.getString(3));
                    } else if (rs.getBoolean(4)) {
                        primaryKeys.computeIfAbsent(table, t -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT con.conname,
                            cn.nspname || '.' || cc.relname AS child,
                            pn.nspname || '.' || pc.relname AS parent,
                            ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, i)
                                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.i)::text[],
                            ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, i)
                                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.i)::text[],
                            con.confdeltype IN ('c', 'n', 'd'),
                            con.condeferrable
                       FROM pg_constraint con
                       JOIN pg_class cc ON cc.oid = con.conrelid
                       JOIN pg_namespace cn ON cn.oid = cc.relnamespace
                       JOIN pg_class pc ON pc.oid = con.confrelid
                       JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                      WHERE con.contype = 'f'
                      ORDER BY 2, 1""")) {
            while (rs.next()) {
                String child = rs.getString(2);
                String parent = rs.getString(3);
                if (columns.containsKey(child) && columns.containsKey(parent)) {
                    List<String> childColumns = List.of((String[]) rs.getArray(4).getArray());
                    List<String> parentColumns = List.of((String[]) rs.getArray(5).getArray());
                    int at = childColumns.indexOf(tenantColumn);
                    boolean tenantScoped = at >= 0 && tenantColumn.equals(parentColumns.get(at));
                    foreignKeys.add(new ForeignKey(rs.getString(1), child, childColumns, parent, parentColumns, rs.getBoolean(6),
                            rs.getBoolean(7), tenantScoped));
                }
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        columns.forEach((name, cols) -> {
            Set<String> parents = new LinkedHashSet<>();
            foreignKeys.stream().filter(fk -> fk.child().equals(name) && !fk.parent().equals(name))
                    .forEach(fk -> parents.add(fk.parent()));
            // The key: the primary key's one column besides the tenant column.
            List<String[]> key = primaryKeys.getOrDefault(name, List.of());
            tables.put(name, new Table(name, List.copyOf(cols), Set.copyOf(parents), tenantColumn, tenantTypes.get(name),
                    key.size() == 1 ? key.get(0)[0] : null, key.size() == 1 ? key.get(0)[1] : null));
        });
        return new TenantSchema(tenancy, tables, List.copyOf(foreignKeys));
    }

    /** The tenancy these tables were found by. */
    public Tenancy tenancy() {
        return tenancy;
    }

    /**
     * An organization's tenant key as an SQL literal of the tenant column's type ({@code '…'::uuid} on the
     * reference platform): what {@code :org} in a pack's SQL stands for.
     */
    public String tenantLiteral(String tenantKey) {
        return tables.values().stream().findFirst().map(table -> table.tenantLiteral(tenantKey))
                .orElse("CAST('" + tenantKey.replace("'", "''") + "' AS text)");
    }

    /** The column every tenant table holds the tenant's key in. */
    public String tenantColumn() {
        return tenancy.tenantColumn();
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Collection<Table> tables() {
        return tables.values();
    }

    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /** Tables ordered so that every table comes after the tables it references. */
    public List<String> parentsFirst() {
        return parentsFirst;
    }

    /** Tables ordered so that every table comes before the tables it references: the order to delete in. */
    public List<String> childrenFirst() {
        List<String> order = new ArrayList<>(parentsFirst);
        Collections.reverse(order);
        return order;
    }

    private static List<String> topologicalOrder(Map<String, Table> tables) {
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String name : tables.keySet()) {
            visit(name, tables, done, visiting, order);
        }
        return List.copyOf(order);
    }

    private static void visit(String name, Map<String, Table> tables, Set<String> done, Set<String> visiting,
                              List<String> order) {
        if (done.contains(name)) {
            return;
        }
        if (!visiting.add(name)) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_CONFIGURATION, "tenant tables reference each other in a cycle through " + name
                    + ": Seed & Reset needs an order to write and delete them in");
        }
        for (String parent : tables.get(name).parents()) {
            visit(parent, tables, done, visiting, order);
        }
        visiting.remove(name);
        done.add(name);
        order.add(name);
    }

    /** {@code schema.table} as a quoted SQL identifier. */
    public static String sql(String table) {
        int dot = table.indexOf('.');
        return quote(table.substring(0, dot)) + '.' + quote(table.substring(dot + 1));
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
