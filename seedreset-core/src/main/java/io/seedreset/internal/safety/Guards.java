package io.seedreset.internal.safety;

import io.seedreset.api.SeedResetException;
import io.seedreset.internal.schema.TenantSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The database-level guards (DESIGN.md level 2): installs the seed guard triggers on every
 * tenant table, and verifies before every mutating operation that all guards are installed,
 * enabled and able to fire.
 */
public final class Guards {

    /** The three statement-level triggers every tenant table carries, and the function each calls. */
    private static final Map<String, String> TENANT_TRIGGERS = Map.of(
            "seedreset_guard_insert", "AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_seed_insert()",
            "seedreset_guard_update", "AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_seed_update()",
            "seedreset_guard_delete", "AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION platform.guard_seed_delete()");

    /** The guards the platform migration creates on its own tables. */
    private static final Map<String, List<String>> PLATFORM_TRIGGERS = Map.of(
            "platform.organizations", List.of("seedreset_guard_flag"),
            "platform.seed_rows", List.of("seedreset_ledger_guard_insert", "seedreset_ledger_guard_update"),
            "platform.seed_applications", List.of("seedreset_ledger_guard_insert", "seedreset_ledger_guard_update"));

    private Guards() {
    }

    /** Creates the missing guard triggers on every tenant table; returns the guarded tables. */
    public static List<String> install(Connection connection, TenantSchema schema) throws SQLException {
        Map<String, List<String>> present = triggers(connection);
        List<String> guarded = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (TenantSchema.Table table : schema.tables()) {
                List<String> existing = present.getOrDefault(table.name(), List.of());
                for (Map.Entry<String, String> trigger : TENANT_TRIGGERS.entrySet()) {
                    if (!existing.contains(trigger.getKey() + ":enabled")) {
                        statement.execute("DROP TRIGGER IF EXISTS " + trigger.getKey() + " ON " + TenantSchema.sql(table.name()));
                        statement.execute("CREATE TRIGGER " + trigger.getKey() + " "
                                + trigger.getValue().formatted(TenantSchema.sql(table.name())));
                    }
                }
                guarded.add(table.name());
            }
        }
        return guarded;
    }

    /**
     * Refuses (exit 3) unless every guard is installed and enabled and triggers fire in this
     * session: a superuser can disable a trigger or set {@code session_replication_role}, and
     * the engine must not run where the database would no longer catch its mistakes.
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
        Map<String, List<String>> present = triggers(connection);
        Map<String, List<String>> required = new HashMap<>(PLATFORM_TRIGGERS);
        for (TenantSchema.Table table : schema.tables()) {
            required.put(table.name(), List.copyOf(TENANT_TRIGGERS.keySet()));
        }
        for (Map.Entry<String, List<String>> entry : required.entrySet()) {
            List<String> existing = present.getOrDefault(entry.getKey(), List.of());
            for (String trigger : entry.getValue()) {
                if (existing.contains(trigger + ":disabled")) {
                    throw SeedResetException.refused("guard trigger " + trigger + " on " + entry.getKey()
                            + " is disabled: enable it (ALTER TABLE ... ENABLE TRIGGER) or run 'seedreset init'");
                }
                if (!existing.contains(trigger + ":enabled")) {
                    throw SeedResetException.refused("guard trigger " + trigger + " is missing on " + entry.getKey()
                            + ": run 'seedreset init' to install the guards");
                }
            }
        }
    }

    /** Table name to its seedreset triggers, each as {@code name:enabled} or {@code name:disabled}. */
    private static Map<String, List<String>> triggers(Connection connection) throws SQLException {
        Map<String, List<String>> result = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT n.nspname || '.' || c.relname, t.tgname, t.tgenabled
                  FROM pg_trigger t
                  JOIN pg_class c ON c.oid = t.tgrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE t.tgname LIKE 'seedreset\\_%' AND NOT t.tgisinternal""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                // 'O' fires in origin mode, 'A' always; 'D' is disabled and 'R' fires only on replicas.
                String state = switch (rs.getString(3)) {
                    case "O", "A" -> "enabled";
                    default -> "disabled";
                };
                result.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2) + ":" + state);
            }
        }
        return result;
    }
}
