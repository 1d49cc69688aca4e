package io.seedreset.internal.schema;

import io.seedreset.api.SeedResetException;
import java.sql.Connection;
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
 * The tenant tables of the host platform, learned from the database's metadata: every table
 * outside the {@code platform} schema with an {@code org_id} column, its columns, and the
 * foreign keys between those tables. The engine never relies on a hand-kept list of tables,
 * so it serves an adopter's own schema as well as the reference platform.
 */
public final class TenantSchema {

    /** A tenant table: {@code schema.table}, its columns in declaration order, and the tables it references. */
    public record Table(String name, List<String> columns, Set<String> parents) {
    }

    /**
     * A foreign key between tenant tables: child columns reference parent columns, position by position.
     *
     * @param silentOnDelete deleting a parent changes child rows instead of failing (ON DELETE CASCADE,
     *                       SET NULL or SET DEFAULT)
     * @param deferrable     the key may be checked only at commit
     */
    public record ForeignKey(String name, String child, List<String> childColumns, String parent, List<String> parentColumns,
                             boolean silentOnDelete, boolean deferrable) {
    }

    private final Map<String, Table> tables;
    private final List<ForeignKey> foreignKeys;
    private final List<String> parentsFirst;

    private TenantSchema(Map<String, Table> tables, List<ForeignKey> foreignKeys) {
        this.tables = tables;
        this.foreignKeys = foreignKeys;
        this.parentsFirst = topologicalOrder(tables);
    }

    public static TenantSchema load(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT n.nspname || '.' || c.relname AS table_name, a.attname
                       FROM pg_class c
                       JOIN pg_namespace n ON n.oid = c.relnamespace
                       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                      WHERE c.relkind IN ('r', 'p')
                        AND n.nspname NOT IN ('platform', 'information_schema')
                        AND n.nspname NOT LIKE 'pg\\_%'
                        AND EXISTS (SELECT 1 FROM pg_attribute o
                                     WHERE o.attrelid = c.oid AND o.attname = 'org_id' AND NOT o.attisdropped)
                      ORDER BY 1, a.attnum""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
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
                    foreignKeys.add(new ForeignKey(rs.getString(1), child, List.of((String[]) rs.getArray(4).getArray()),
                            parent, List.of((String[]) rs.getArray(5).getArray()), rs.getBoolean(6), rs.getBoolean(7)));
                }
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        columns.forEach((name, cols) -> {
            Set<String> parents = new LinkedHashSet<>();
            foreignKeys.stream().filter(fk -> fk.child().equals(name) && !fk.parent().equals(name))
                    .forEach(fk -> parents.add(fk.parent()));
            tables.put(name, new Table(name, List.copyOf(cols), Set.copyOf(parents)));
        });
        return new TenantSchema(tables, List.copyOf(foreignKeys));
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
