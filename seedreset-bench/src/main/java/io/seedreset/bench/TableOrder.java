package io.seedreset.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that every table comes after the tables it references, from the foreign
 * keys in pg_constraint. The raw loads must not rely on the order a pack happened to emit its
 * tables in: a COPY or INSERT of a child before its parent fails.
 */
final class TableOrder {

    private TableOrder() {
    }

    /**
     * The given tables ({@code schema.table}), parents first; tables with no order between them
     * keep the order they were given in. References to tables outside the list (rows that are
     * already there, such as a base pack's) impose nothing.
     */
    static List<String> parentsFirst(Connection connection, List<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        tables.forEach(table -> parents.put(table, new LinkedHashSet<>()));
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT cn.nspname || '.' || cc.relname, pn.nspname || '.' || pc.relname
                       FROM pg_constraint con
                       JOIN pg_class cc ON cc.oid = con.conrelid
                       JOIN pg_namespace cn ON cn.oid = cc.relnamespace
                       JOIN pg_class pc ON pc.oid = con.confrelid
                       JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                      WHERE con.contype = 'f' AND con.conrelid <> con.confrelid""")) {
            while (rs.next()) {
                String child = rs.getString(1);
                String parent = rs.getString(2);
                if (parents.containsKey(child) && parents.containsKey(parent)) {
                    parents.get(child).add(parent);
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String table : tables) {
            place(table, parents, placed, new LinkedHashSet<>(), order);
        }
        return List.copyOf(order);
    }

    private static void place(String table, Map<String, Set<String>> parents, Set<String> placed, Set<String> visiting,
                              List<String> order) {
        if (placed.contains(table)) {
            return;
        }
        if (!visiting.add(table)) {
            throw new IllegalStateException("tables reference each other in a cycle (" + String.join(" -> ", visiting) + " -> "
                    + table + "): there is no order to load them in");
        }
        for (String parent : parents.get(table)) {
            place(parent, parents, placed, visiting, order);
        }
        visiting.remove(table);
        placed.add(table);
        order.add(table);
    }
}
