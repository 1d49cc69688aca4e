package io.seedreset.internal.safety;

import io.seedreset.api.SeedResetException;
import io.seedreset.internal.schema.TenantSchema;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database-level guards (DESIGN.md level 2): installs them ({@code guards.sql} for the
 * functions and the platform tables' triggers, plus four triggers on every tenant table), and
 * verifies before every mutating operation that each one is installed as written, enabled,
 * and able to fire. A guard that was dropped, disabled or rewritten makes the engine refuse.
 */
public final class Guards {

    private static final String SCRIPT = "guards.sql";
    private static final Pattern FUNCTION = Pattern.compile(
            "CREATE OR REPLACE FUNCTION platform\\.(\\w+)\\(.*?AS \\$\\$(.*?)\\$\\$", Pattern.DOTALL);

    /** A trigger the boundary needs: on which table, calling which guard function. */
    private record Trigger(String table, String name, String function, String definition) {
    }

    /** What every tenant table carries; {@code %s} is the table. */
    private static final List<Trigger> TENANT_TRIGGERS = List.of(
            new Trigger(null, "seedreset_guard_insert", "guard_seed_insert",
                    "AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_seed_insert()"),
            new Trigger(null, "seedreset_guard_update", "guard_seed_update",
                    "AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_seed_update()"),
            new Trigger(null, "seedreset_guard_delete", "guard_seed_delete",
                    "AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_seed_delete()"),
            new Trigger(null, "seedreset_guard_truncate", "guard_seed_truncate",
                    "BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_seed_truncate()"));

    /** What guards.sql creates on the platform's own tables. */
    private static final List<Trigger> PLATFORM_TRIGGERS = List.of(
            new Trigger("platform.organizations", "seedreset_guard_flag", "guard_production_flag", null),
            new Trigger("platform.seed_row_sets", "seedreset_ledger_guard_insert", "guard_ledger", null),
            new Trigger("platform.seed_row_sets", "seedreset_ledger_guard_update", "guard_ledger", null),
            new Trigger("platform.seed_updates", "seedreset_ledger_guard_insert", "guard_ledger", null),
            new Trigger("platform.seed_updates", "seedreset_ledger_guard_update", "guard_ledger", null),
            new Trigger("platform.seed_applications", "seedreset_ledger_guard_insert", "guard_ledger", null),
            new Trigger("platform.seed_applications", "seedreset_ledger_guard_update", "guard_ledger", null));

    private static final String SCRIPT_TEXT = readScript();
    /** Function name to its body exactly as guards.sql defines it; PostgreSQL keeps bodies verbatim. */
    private static final Map<String, String> FUNCTIONS = functionsOf(SCRIPT_TEXT);

    private Guards() {
    }

    /** (Re)creates the guard functions and every missing or altered guard trigger; returns the guarded tenant tables. */
    public static List<String> install(Connection connection, TenantSchema schema) throws SQLException {
        Map<String, String> present = triggers(connection);
        List<String> guarded = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute(SCRIPT_TEXT);
            for (TenantSchema.Table table : schema.tables()) {
                String sqlName = TenantSchema.sql(table.name());
                for (Trigger trigger : TENANT_TRIGGERS) {
                    if (!("enabled " + trigger.function()).equals(present.get(table.name() + " " + trigger.name()))) {
                        statement.execute("DROP TRIGGER IF EXISTS " + trigger.name() + " ON " + sqlName);
                        statement.execute("CREATE TRIGGER " + trigger.name() + " " + trigger.definition().formatted(sqlName));
                    }
                }
                guarded.add(table.name());
            }
        }
        return guarded;
    }

    /**
     * Refuses (exit 3) unless every guard is installed as written and enabled, and triggers fire
     * in this session: a superuser can disable a trigger, replace a function or set
     * {@code session_replication_role}, and the engine must not run where the database would
     * no longer catch its mistakes.
     */
    public static void verify(Connection connection, TenantSchema schema) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('session_replication_role')")) {
            rs.next();
            if (!"origin".equals(rs.getString(1))) {
                throw SeedResetException.refused("session_replication_role is '" + rs.getString(1)
                        + "', so the seed guard triggers would not fire: Seed & Reset runs only with 'origin'");
            }
        }
        Map<String, String> installed = functions(connection);
        for (Map.Entry<String, String> function : FUNCTIONS.entrySet()) {
            if (!function.getValue().equals(installed.get(function.getKey()))) {
                throw SeedResetException.refused("guard function platform." + function.getKey()
                        + (installed.containsKey(function.getKey()) ? " was changed" : " is missing")
                        + ": run 'seedreset init' to restore the guards");
            }
        }
        List<Trigger> required = new ArrayList<>(PLATFORM_TRIGGERS);
        for (TenantSchema.Table table : schema.tables()) {
            TENANT_TRIGGERS.forEach(t -> required.add(new Trigger(table.name(), t.name(), t.function(), t.definition())));
        }
        Map<String, String> present = triggers(connection);
        for (Trigger trigger : required) {
            String state = present.get(trigger.table() + " " + trigger.name());
            if (state == null) {
                throw SeedResetException.refused("guard trigger " + trigger.name() + " is missing on " + trigger.table()
                        + ": run 'seedreset init' to install the guards");
            }
            if (!state.endsWith(" " + trigger.function())) {
                throw SeedResetException.refused("guard trigger " + trigger.name() + " on " + trigger.table()
                        + " does not call platform." + trigger.function() + ": run 'seedreset init' to restore the guards");
            }
            if (state.startsWith("disabled")) {
                throw SeedResetException.refused("guard trigger " + trigger.name() + " on " + trigger.table()
                        + " is disabled: enable it (ALTER TABLE ... ENABLE TRIGGER) or run 'seedreset init'");
            }
        }
    }

    /** "table trigger" to "enabled function" or "disabled function", for every seedreset trigger. */
    private static Map<String, String> triggers(Connection connection) throws SQLException {
        Map<String, String> result = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT n.nspname || '.' || c.relname, t.tgname, t.tgenabled, fn.nspname, f.proname
                  FROM pg_trigger t
                  JOIN pg_class c ON c.oid = t.tgrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_proc f ON f.oid = t.tgfoid
                  JOIN pg_namespace fn ON fn.oid = f.pronamespace
                 WHERE t.tgname LIKE 'seedreset\\_%' AND NOT t.tgisinternal""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                // 'O' fires in origin mode, 'A' always; 'D' is disabled and 'R' fires only on replicas.
                String state = switch (rs.getString(3)) {
                    case "O", "A" -> "enabled";
                    default -> "disabled";
                };
                String function = "platform".equals(rs.getString(4)) ? rs.getString(5) : rs.getString(4) + "." + rs.getString(5);
                result.put(rs.getString(1) + " " + rs.getString(2), state + " " + function);
            }
        }
        return result;
    }

    private static Map<String, String> functions(Connection connection) throws SQLException {
        Map<String, String> result = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT proname, prosrc FROM pg_proc WHERE pronamespace = 'platform'::regnamespace AND proname = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", FUNCTIONS.keySet().toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return result;
    }

    private static String readScript() {
        try (InputStream in = Guards.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the seedreset-core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> functionsOf(String script) {
        Map<String, String> functions = new LinkedHashMap<>();
        Matcher matcher = FUNCTION.matcher(script);
        while (matcher.find()) {
            functions.put(matcher.group(1), matcher.group(2));
        }
        return functions;
    }
}
