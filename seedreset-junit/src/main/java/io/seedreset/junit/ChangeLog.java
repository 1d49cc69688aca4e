package io.seedreset.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The fast way back to the applied state: a trigger on every tenant table logs the rows a tracked organization's
 * tests change ({@code change-log.sql}), and {@link #undo} puts exactly those rows back in one transaction, from the
 * first before-image of each row: rows updated get their values back, rows inserted are deleted (children first),
 * rows deleted are inserted again (parents first). Its cost follows what the test changed, not the organization's size.
 *
 * <p>Some changes cannot be undone row by row in that order (two rows that swapped a unique value, say); the database
 * refuses, the transaction rolls back, and {@link #undo} answers false so the caller restores the slow, always-right
 * way (core's reset to the applied-state snapshot).
 */
final class ChangeLog {

    // Not seedreset_...: core takes the triggers named so for its own guards.
    private static final String TRIGGER = "junit_change_log";
    /** Databases whose tenant tables carry the trigger, by the data source that reaches them. */
    private static final Map<DataSource, Tables> INSTALLED = new ConcurrentHashMap<>();

    private ChangeLog() {
    }

    /** Installs the log and the trigger on every tenant table, once per data source; several JVMs may race on one database. */
    static void install(DataSource dataSource) {
        INSTALLED.computeIfAbsent(dataSource, ChangeLog::installNow);
    }

    private static Tables installNow(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext('seedreset_junit.change_log'))");
                statement.execute(resource("change-log.sql").replace("{{tenant_column}}", quote(tenantColumn(connection))));
                Tables tables = Tables.read(connection);
                for (String table : tables.parentsFirst) {
                    statement.execute("CREATE OR REPLACE TRIGGER " + TRIGGER + " AFTER INSERT OR UPDATE OR DELETE ON " + table
                            + " FOR EACH ROW EXECUTE FUNCTION seedreset_junit.record_change()");
                }
                connection.commit();
                return tables;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not install the change log of seedreset-junit: " + e.getMessage(), e);
        }
    }

    /** The database's tenant column, as init stored it. */
    private static String tenantColumn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT tenant_column FROM platform.tenancy")) {
            result.next();
            return result.getString(1);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static void track(DataSource dataSource, String organization) {
        execute(dataSource, "INSERT INTO seedreset_junit.tracked (organization) VALUES (?) ON CONFLICT DO NOTHING", organization);
    }

    static void untrack(DataSource dataSource, String organization) {
        execute(dataSource, "DELETE FROM seedreset_junit.tracked WHERE organization = ?", organization);
        forget(dataSource, organization);
    }

    /** Drops the organization's logged changes: after it was restored another way. */
    static void forget(DataSource dataSource, String organization) {
        execute(dataSource, "DELETE FROM seedreset_junit.changes WHERE organization = ?", organization);
    }

    /**
     * Puts back every row the organization's log names and empties the log, in one transaction; false, with nothing
     * changed, when the database refuses. Refuses a production organization: the extension only ever tracks the qa
     * organizations it created, and a flag flipped since does not change that.
     */
    static boolean undo(DataSource dataSource, String organization) {
        Tables tables = INSTALLED.get(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                requireNotProduction(connection, organization);
                Set<String> changed = changedTables(connection, organization);
                if (!changed.isEmpty()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT set_config('seedreset_junit.restoring', 'on', true)");
                    }
                    List<String> parentsFirst = tables.parentsFirst.stream().filter(changed::contains).toList();
                    if (parentsFirst.size() < changed.size() || parentsFirst.stream().anyMatch(t -> tables.of(t).key().isEmpty())) {
                        // A table without a primary key cannot name its rows, and one created since is not known here.
                        connection.rollback();
                        return false;
                    }
                    for (String table : parentsFirst) {
                        String putBack = tables.of(table).putBack();
                        if (putBack != null) {
                            update(connection, putBack, organization, table);
                        }
                    }
                    for (String table : reversed(parentsFirst)) {
                        update(connection, tables.of(table).deleteInserted(), organization, table);
                    }
                    for (String table : parentsFirst) {
                        update(connection, tables.of(table).insertDeleted(), organization, table);
                    }
                    try (PreparedStatement clear = connection.prepareStatement("DELETE FROM seedreset_junit.changes WHERE organization = ?")) {
                        clear.setString(1, organization);
                        clear.executeUpdate();
                    }
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not restore organization " + organization + ": " + e.getMessage(), e);
        }
    }

    private static void requireNotProduction(Connection connection, String organization) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT slug, is_production FROM platform.organizations WHERE tenant_key = ? FOR UPDATE")) {
            select.setString(1, organization);
            try (ResultSet result = select.executeQuery()) {
                if (result.next() && result.getBoolean(2)) {
                    throw new IllegalStateException("organization '" + result.getString(1)
                            + "' is a production organization: seedreset-junit never restores one");
                }
            }
        }
    }

    private static Set<String> changedTables(Connection connection, String organization) throws SQLException {
        Set<String> changed = new LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT format('%I.%I', n.nspname, c.relname) "
                + "FROM seedreset_junit.changes l JOIN pg_class c ON c.oid = l.table_oid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE l.organization = ?")) {
            select.setString(1, organization);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    changed.add(result.getString(1));
                }
            }
        }
        return changed;
    }

    private static void update(Connection connection, String sql, String organization, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, organization);
            statement.setString(2, table);
            statement.executeUpdate();
        }
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static void execute(DataSource dataSource, String sql, String organization) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, organization);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ChangeLog.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tenant tables, parents first by their foreign keys, each with the SQL that puts its rows back. */
    private record Tables(List<String> parentsFirst, Map<String, Table> byName) {

        Table of(String table) {
            Table found = byName.get(table);
            if (found == null) {
                throw new IllegalStateException("table " + table + " was not a tenant table when the change log was installed");
            }
            return found;
        }

        static Tables read(Connection connection) throws SQLException {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            Map<String, List<String>> keys = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("""
                         SELECT format('%I.%I', n.nspname, c.relname), quote_ident(a.attname),
                                coalesce(a.attnum = ANY (i.indkey), false)
                           FROM pg_class c
                           JOIN pg_namespace n ON n.oid = c.relnamespace
                           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                           LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
                          WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                            -- The tenant tables are the tables init put the engine's row guard on.
                            AND EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'seedreset_guard_rows')
                          ORDER BY 1, a.attnum""")) {
                while (result.next()) {
                    columns.computeIfAbsent(result.getString(1), t -> new ArrayList<>()).add(result.getString(2));
                    if (result.getBoolean(3)) {
                        keys.computeIfAbsent(result.getString(1), t -> new ArrayList<>()).add(result.getString(2));
                    }
                }
            }
            Map<String, Set<String>> parents = new LinkedHashMap<>();
            columns.keySet().forEach(table -> parents.put(table, new LinkedHashSet<>()));
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("""
                         SELECT format('%I.%I', cn.nspname, cc.relname), format('%I.%I', pn.nspname, pc.relname)
                           FROM pg_constraint con
                           JOIN pg_class cc ON cc.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
                           JOIN pg_class pc ON pc.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                          WHERE con.contype = 'f' AND con.conrelid <> con.confrelid""")) {
                while (result.next()) {
                    if (parents.containsKey(result.getString(1)) && parents.containsKey(result.getString(2))) {
                        parents.get(result.getString(1)).add(result.getString(2));
                    }
                }
            }
            List<String> order = new ArrayList<>();
            for (String table : parents.keySet()) {
                place(table, parents, new LinkedHashSet<>(), order);
            }
            Map<String, Table> byName = new HashMap<>();
            columns.forEach((table, list) -> byName.put(table, new Table(table, list, keys.getOrDefault(table, List.of()))));
            return new Tables(List.copyOf(order), byName);
        }

        /** Depth first, parents before children; a cycle of foreign keys is broken where it closes (its rows go in one statement each). */
        private static void place(String table, Map<String, Set<String>> parents, Set<String> visiting, List<String> order) {
            if (order.contains(table) || !visiting.add(table)) {
                return;
            }
            for (String parent : parents.get(table)) {
                place(parent, parents, visiting, order);
            }
            order.add(table);
        }
    }

    /**
     * One tenant table's three statements, each taking the organization and the table's name: the first before-image
     * of each row the log names (its earliest entry), as a row of the table, decides what the row goes back to.
     */
    private record Table(String name, List<String> columns, List<String> key) {

        private String originals(String operations) {
            String keyOf = "jsonb_build_array(" + key.stream().map(k -> "l.image -> " + literal(unquoted(k))).collect(Collectors.joining(", ")) + ")";
            return "(SELECT (jsonb_populate_record(NULL::" + name + ", f.image)).* FROM (SELECT DISTINCT ON (" + keyOf + ") l.operation, l.image"
                    + " FROM seedreset_junit.changes l WHERE l.organization = ? AND l.table_oid = ?::regclass ORDER BY " + keyOf + ", l.seq) f"
                    + " WHERE f.operation " + operations + ")";
        }

        private String matches(String left, String right) {
            return key.stream().map(k -> left + "." + k + " = " + right + "." + k).collect(Collectors.joining(" AND "));
        }

        /** Rows that were there before the test and are there now get their values back; null when the key is every column. */
        String putBack() {
            List<String> settable = columns.stream().filter(c -> !key.contains(c)).toList();
            if (settable.isEmpty()) {
                return null;
            }
            return "UPDATE " + name + " t SET " + settable.stream().map(c -> c + " = r." + c).collect(Collectors.joining(", "))
                    + " FROM " + originals("<> 'INSERT'") + " r WHERE " + matches("t", "r");
        }

        /** Rows the test inserted go. */
        String deleteInserted() {
            return "DELETE FROM " + name + " t USING " + originals("= 'INSERT'") + " r WHERE " + matches("t", "r");
        }

        /** Rows the test deleted come back. */
        String insertDeleted() {
            String list = String.join(", ", columns);
            return "INSERT INTO " + name + " (" + list + ") OVERRIDING SYSTEM VALUE SELECT " + columns.stream().map(c -> "r." + c)
                    .collect(Collectors.joining(", ")) + " FROM " + originals("<> 'INSERT'") + " r WHERE NOT EXISTS (SELECT 1 FROM " + name
                    + " t WHERE " + matches("t", "r") + ")";
        }
    }

    private static String unquoted(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
