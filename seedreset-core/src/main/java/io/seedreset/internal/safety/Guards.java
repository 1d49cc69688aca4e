package io.seedreset.internal.safety;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database-level guards (docs/DESIGN.md, level 2): installs them ({@code guards.sql} for the
 * functions, the triggers declared here), and verifies before every mutating operation that
 * each one is installed exactly as declared: a function's arguments, result, language,
 * volatility, security, settings and body; a trigger's timing, events, level, transition
 * tables, WHEN clause, function and state. A guard that was dropped, disabled or rewritten in
 * any of these makes the engine refuse; {@code init} puts it back and says what it found.
 */
public final class Guards {

    private static final String SCRIPT = "guards.sql";
    private static final Pattern FUNCTION = Pattern.compile(
            "(?m)^CREATE OR REPLACE FUNCTION platform\\.(\\w+)\\(([^)]*)\\) RETURNS ([\\w\\[\\]]+)\\s+LANGUAGE (\\w+)( STABLE)?( SECURITY DEFINER)?"
                    + "(?: SET search_path = ([\\w, ]+?))? AS \\$\\$(.*?)\\$\\$;", Pattern.DOTALL);

    /** The WHEN clause in pg_get_triggerdef's text. */
    private static final Pattern WHEN = Pattern.compile(" FOR EACH (?:ROW|STATEMENT) WHEN \\((.*)\\) EXECUTE (?:FUNCTION|PROCEDURE) ");

    /** One guard trigger as declared: {@code table} is null for the triggers every tenant table carries. */
    record Trigger(String table, String name, String timing, String events, boolean row, String oldTable,
                   String newTable, String function) {

        String ddl(String on) {
            String referencing = (oldTable == null ? "" : " OLD TABLE AS " + oldTable) + (newTable == null ? "" : " NEW TABLE AS " + newTable);
            return "CREATE TRIGGER " + name + " " + timing + " " + events + " ON " + on
                    + (referencing.isEmpty() ? "" : " REFERENCING" + referencing)
                    + " FOR EACH " + (row ? "ROW" : "STATEMENT")
                    + " EXECUTE FUNCTION platform." + function + "()";
        }

        /** What pg_trigger must hold for this trigger, as {@link #installed} reads it. */
        String expected() {
            int type = (row ? 1 : 0) | ("BEFORE".equals(timing) ? 2 : 0);
            for (String event : events.split(" OR ")) {
                type |= switch (event) {
                    case "INSERT" -> 4;
                    case "DELETE" -> 8;
                    case "UPDATE" -> 16;
                    case "TRUNCATE" -> 32;
                    default -> throw new IllegalArgumentException(event);
                };
            }
            // No guard has a WHEN clause: PostgreSQL parses one again for every statement (see guards.sql).
            return fingerprint(type, oldTable, newTable, null, "platform." + function,
                    0, "", false);
        }

        Trigger on(String tenantTable) {
            return new Trigger(tenantTable, name, timing, events, row, oldTable, newTable, function);
        }
    }

    /**
     * What every tenant table carries: an AFTER row trigger, which sees each row as written (after any
     * BEFORE trigger of the application), whose function tests one comparison outside seed context and
     * returns (see guards.sql), and a truncate trigger. No WHEN clause and no transition tables, which
     * would cost the application's own writes more.
     */
    private static final List<Trigger> TENANT_TRIGGERS = List.of(
            new Trigger(null, "seedreset_guard_rows", "AFTER", "INSERT OR DELETE OR UPDATE", true, null, null, "guard_seed_row"),
            new Trigger(null, "seedreset_guard_truncate", "BEFORE", "TRUNCATE", false, null, null, "guard_seed_truncate"));

    /** The platform's own tables: the production flag, the ledger, the audit. They fire in every context. */
    private static final List<Trigger> PLATFORM_TRIGGERS = List.of(
            new Trigger("platform.organizations", "seedreset_guard_flag", "BEFORE", "INSERT OR DELETE OR UPDATE", true, null, null,
                    "guard_production_flag"),
            new Trigger("platform.organizations", "seedreset_guard_truncate", "BEFORE", "TRUNCATE", false, null, null,
                    "refuse_rewrite"),
            new Trigger("platform.seed_applications", "seedreset_guard_application", "BEFORE", "INSERT OR UPDATE", true, null, null,
                    "guard_applications"),
            new Trigger("platform.seed_applications", "seedreset_guard_history", "BEFORE", "DELETE OR TRUNCATE", false, null, null,
                    "refuse_rewrite"),
            new Trigger("platform.seed_row_sets", "seedreset_ledger_insert", "AFTER", "INSERT", false, null, "new_rows",
                    "guard_ledger_insert"),
            new Trigger("platform.seed_row_sets", "seedreset_ledger_delete", "AFTER", "DELETE", false, "old_rows", null,
                    "guard_row_sets_delete"),
            new Trigger("platform.seed_row_sets", "seedreset_ledger_rewrite", "BEFORE", "UPDATE OR TRUNCATE", false, null, null,
                    "refuse_rewrite"),
            new Trigger("platform.seed_updates", "seedreset_ledger_insert", "AFTER", "INSERT", false, null, "new_rows",
                    "guard_ledger_insert"),
            new Trigger("platform.seed_updates", "seedreset_ledger_delete", "AFTER", "DELETE", false, "old_rows", null,
                    "guard_updates_delete"),
            new Trigger("platform.seed_updates", "seedreset_ledger_rewrite", "BEFORE", "UPDATE OR TRUNCATE", false, null, null,
                    "refuse_rewrite"),
            new Trigger("platform.seed_audit", "seedreset_audit_finish", "BEFORE", "UPDATE", true, null, null, "guard_audit"),
            new Trigger("platform.seed_audit", "seedreset_audit_history", "BEFORE", "DELETE OR TRUNCATE", false, null, null,
                    "refuse_rewrite"));

    /** Objects earlier versions installed that no guard uses any more. */
    private static final List<String> RETIRED = List.of(
            "DROP TRIGGER IF EXISTS seedreset_ledger_guard_insert ON platform.seed_row_sets",
            "DROP TRIGGER IF EXISTS seedreset_ledger_guard_update ON platform.seed_row_sets",
            "DROP TRIGGER IF EXISTS seedreset_ledger_guard_insert ON platform.seed_updates",
            "DROP TRIGGER IF EXISTS seedreset_ledger_guard_update ON platform.seed_updates",
            "DROP TRIGGER IF EXISTS seedreset_ledger_guard_insert ON platform.seed_applications",
            "DROP TRIGGER IF EXISTS seedreset_ledger_guard_update ON platform.seed_applications",
            "DROP FUNCTION IF EXISTS platform.guard_ledger()",
            "DROP FUNCTION IF EXISTS platform.guard_seed_insert()",
            "DROP FUNCTION IF EXISTS platform.guard_seed_update()",
            "DROP FUNCTION IF EXISTS platform.guard_seed_delete()",
            "DROP FUNCTION IF EXISTS platform.guard_seed_statement()",
            "DROP FUNCTION IF EXISTS platform.seed_context()");

    /** guards.sql as written: {@code {{tenant_column}}} stands for the tenant column (see its top). */
    private static final String SCRIPT_TEMPLATE = readScript();
    /** Function name to its arguments as declared: any other definition of the name is an overload. */
    private static final Map<String, String> DECLARED_ARGUMENTS = argumentsOf(SCRIPT_TEMPLATE);
    /** The trigger on the application's own tenants table, when it keeps its tenants (and their flag) there. */
    private static final Trigger TENANTS_TRIGGER = new Trigger(null, "seedreset_guard_tenants", "BEFORE", "INSERT OR DELETE OR UPDATE", true,
            null, null, "guard_tenants");

    /** guards.sql for this schema's tenant column. */
    private static String script(TenantSchema schema) {
        return SCRIPT_TEMPLATE.replace("{{tenant_column}}", TenantSchema.quote(schema.tenantColumn()));
    }

    /** The declared definitions per tenant column: read once, since every mutating operation compares them. */
    private static final Map<String, Map<String, String>> DECLARED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Function name to its whole definition as guards.sql declares it for this schema, in the form {@link #functions} reads. */
    private static Map<String, String> declaredFunctions(TenantSchema schema) {
        return DECLARED.computeIfAbsent(schema.tenantColumn(), column -> functionsOf(script(schema)));
    }

    private Guards() {
    }

    /**
     * (Re)creates every guard function and every missing or altered guard trigger, in the
     * caller's transaction.
     *
     * @return what was found different and put right, one line each; empty when every guard was in place
     */
    public static List<String> install(Connection connection, TenantSchema schema) throws SQLException {
        List<String> repaired = differences(connection, schema);
        Map<String, Installed> present = triggers(connection);
        try (Statement statement = connection.createStatement()) {
            for (String overload : overloads(connection)) {
                statement.execute("DROP FUNCTION " + overload + " CASCADE");
            }
            statement.execute(script(schema));
            statement.execute("REVOKE ALL ON FUNCTION platform.count_ledger_entries(text, uuid[], bigint[]) FROM PUBLIC");
            for (String retired : RETIRED) {
                statement.execute(retired);
            }
            for (Trigger trigger : required(schema)) {
                Installed installed = present.remove(trigger.table() + " " + trigger.name());
                if (installed == null || !installed.enabled() || !installed.fingerprint().equals(trigger.expected())) {
                    String table = TenantSchema.sql(trigger.table());
                    statement.execute("DROP TRIGGER IF EXISTS " + trigger.name() + " ON " + table);
                    statement.execute(trigger.ddl(table));
                }
            }
            for (Installed stranger : present.values()) {
                if (stranger.onPlatformTable()) {
                    statement.execute("DROP TRIGGER IF EXISTS " + TenantSchema.quote(stranger.name()) + " ON " + TenantSchema.sql(stranger.table()));
                }
            }
        }
        return repaired;
    }

    /**
     * Refuses (exit 3) unless every guard is installed as declared and enabled, and triggers fire
     * in this session: an owner or a superuser can disable a trigger, replace a function or set
     * {@code session_replication_role}, and the engine must not run where the database would no
     * longer catch its mistakes.
     */
    public static void verify(Connection connection, TenantSchema schema) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('session_replication_role')")) {
            rs.next();
            if (!"origin".equals(rs.getString(1))) {
                throw new SeedResetException(Reason.GUARDS_BYPASSED, "session_replication_role is '" + rs.getString(1)
                        + "', so the seed guard triggers would not fire: Seed & Reset runs only with 'origin'");
            }
        }
        List<String> differences = differences(connection, schema);
        if (!differences.isEmpty()) {
            throw new SeedResetException(Reason.GUARDS_ALTERED, differences.get(0)
                    + (differences.size() == 1 ? "" : " (" + (differences.size() - 1) + " more difference(s))"));
        }
    }

    /** Every way the installed guards differ from the declared ones, one line each, functions first. */
    static List<String> differences(Connection connection, TenantSchema schema) throws SQLException {
        List<String> differences = new ArrayList<>();
        Map<String, String> installed = functions(connection);
        for (Map.Entry<String, String> function : declaredFunctions(schema).entrySet()) {
            String found = installed.get(function.getKey());
            if (found == null) {
                differences.add("guard function platform." + function.getKey() + " is missing");
            } else if (!found.equals(function.getValue())) {
                differences.add("guard function platform." + function.getKey() + " was changed (" + firstDifference(function.getValue(), found) + ")");
            }
        }
        for (String overload : overloads(connection)) {
            differences.add("guard function " + overload + " is an overload that could stand in for a guard");
        }
        Map<String, Installed> present = triggers(connection);
        for (Trigger trigger : required(schema)) {
            Installed found = present.remove(trigger.table() + " " + trigger.name());
            String where = "guard trigger " + trigger.name() + " on " + trigger.table();
            if (found == null) {
                differences.add(where + " is missing");
            } else if (!found.fingerprint().equals(trigger.expected())) {
                differences.add(where + " was changed (" + firstDifference(trigger.expected(), found.fingerprint()) + ")");
            } else if (!found.enabled()) {
                differences.add(where + " is disabled");
            }
        }
        for (Installed stranger : present.values()) {
            if (stranger.onPlatformTable()) {
                differences.add("trigger " + stranger.name() + " on " + stranger.table() + " is not a Seed & Reset guard"
                        + " and could change what the ledger or the audit records");
            }
        }
        return differences;
    }

    private static List<Trigger> required(TenantSchema schema) {
        List<Trigger> required = new ArrayList<>(PLATFORM_TRIGGERS);
        for (TenantSchema.Table table : schema.tables()) {
            TENANT_TRIGGERS.forEach(t -> required.add(t.on(table.name())));
        }
        if (schema.tenancy().tenants() != null) {
            required.add(TENANTS_TRIGGER.on(schema.tenancy().tenants().table()));
        }
        return required;
    }

    /** A trigger as pg_trigger holds it. */
    private record Installed(String table, String name, String fingerprint, boolean enabled, boolean onPlatformTable) {
    }

    private static String fingerprint(int type, String oldTable, String newTable, String when, String function, int arguments,
                                      String columns, boolean constraint) {
        return describe(type) + ", old table " + oldTable + ", new table " + newTable + ", when " + when + ", function " + function
                + ", " + arguments + " argument(s), columns [" + columns + "], constraint " + constraint;
    }

    /** A pg_trigger.tgtype in words: "AFTER INSERT OR UPDATE FOR EACH ROW". */
    private static String describe(int type) {
        List<String> events = new ArrayList<>();
        String[] names = {"INSERT", "DELETE", "UPDATE", "TRUNCATE"};
        for (int bit = 0; bit < names.length; bit++) {
            if ((type & (4 << bit)) != 0) {
                events.add(names[bit]);
            }
        }
        String timing = (type & 64) != 0 ? "INSTEAD OF" : (type & 2) != 0 ? "BEFORE" : "AFTER";
        return timing + " " + String.join(" OR ", events) + " FOR EACH " + ((type & 1) != 0 ? "ROW" : "STATEMENT");
    }

    /** "table trigger" to what it is, for every seedreset trigger and every trigger on a platform table. */
    private static Map<String, Installed> triggers(Connection connection) throws SQLException {
        Map<String, Installed> result = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT n.nspname || '.' || c.relname, t.tgname, t.tgenabled, t.tgtype, t.tgoldtable, t.tgnewtable,
                       CASE WHEN t.tgqual IS NOT NULL THEN pg_get_triggerdef(t.oid) END, fn.nspname || '.' || f.proname,
                       t.tgnargs, t.tgattr::text,
                       t.tgconstraint <> 0 OR t.tgdeferrable, n.nspname = 'platform'
                  FROM pg_trigger t
                  JOIN pg_class c ON c.oid = t.tgrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_proc f ON f.oid = t.tgfoid
                  JOIN pg_namespace fn ON fn.oid = f.pronamespace
                 WHERE NOT t.tgisinternal AND (t.tgname LIKE 'seedreset\\_%' OR n.nspname = 'platform')
                 ORDER BY 1, 2""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                // 'O' fires in origin mode, 'A' always; 'D' is disabled and 'R' fires only on replicas.
                boolean enabled = switch (rs.getString(3)) {
                    case "O", "A" -> true;
                    default -> false;
                };
                String fingerprint = fingerprint(rs.getInt(4), rs.getString(5), rs.getString(6), whenOf(rs.getString(7)), rs.getString(8),
                        rs.getInt(9), rs.getString(10).trim(), rs.getBoolean(11));
                result.put(rs.getString(1) + " " + rs.getString(2),
                        new Installed(rs.getString(1), rs.getString(2), fingerprint, enabled, rs.getBoolean(12)));
            }
        }
        return result;
    }

    /** The WHEN clause of a trigger definition, or null. */
    private static String whenOf(String definition) {
        if (definition == null) {
            return null;
        }
        Matcher matcher = WHEN.matcher(definition);
        return matcher.find() ? matcher.group(1) : definition;
    }

    /** Guard functions as installed, in the form {@link #functionsOf} gives the declared ones. */
    private static Map<String, String> functions(Connection connection) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT p.proname, pg_get_function_identity_arguments(p.oid), pg_get_function_result(p.oid), l.lanname,
                       p.provolatile, p.prosecdef, array_to_string(p.proconfig, ' | '), p.proisstrict, p.proleakproof,
                       p.prokind, p.prosrc
                  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                 WHERE p.pronamespace = 'platform'::regnamespace AND p.proname = ANY (?)""")) {
            statement.setArray(1, connection.createArrayOf("text", DECLARED_ARGUMENTS.keySet().toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(2).equals(DECLARED_ARGUMENTS.get(rs.getString(1)))) {
                        continue; // an overload: overloads() reports it
                    }
                    result.put(rs.getString(1), definition(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getBoolean(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getString(10), rs.getString(11)));
                }
            }
        }
        return result;
    }

    /** Guard function names with more than one definition: "platform.name(arguments)" of each one that is not the declared one. */
    private static List<String> overloads(Connection connection) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT p.proname, pg_get_function_identity_arguments(p.oid), p.oid::regprocedure::text
                  FROM pg_proc p
                 WHERE p.pronamespace = 'platform'::regnamespace AND p.proname = ANY (?)""")) {
            statement.setArray(1, connection.createArrayOf("text", DECLARED_ARGUMENTS.keySet().toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(2).equals(DECLARED_ARGUMENTS.get(rs.getString(1)))) {
                        String signature = rs.getString(3);
                        result.add(signature.startsWith("platform.") ? signature : "platform." + signature);
                    }
                }
            }
        }
        return result;
    }

    private static String definition(String arguments, String result, String language, String volatility, boolean securityDefiner,
                                     String settings, boolean strict, boolean leakproof, String kind, String body) {
        return "arguments (" + arguments + "), returns " + result + ", language " + language + ", volatility " + volatility
                + ", security " + (securityDefiner ? "definer" : "invoker") + ", settings [" + Objects.toString(settings, "")
                + "], strict " + strict + ", leakproof " + leakproof + ", kind " + kind + ", body " + body;
    }

    /** The declared functions, parsed from guards.sql's headers (one form, see its top). */
    private static Map<String, String> functionsOf(String script) {
        Map<String, String> functions = new LinkedHashMap<>();
        Matcher matcher = FUNCTION.matcher(script);
        while (matcher.find()) {
            functions.put(matcher.group(1), definition(identityArguments(matcher.group(2)), matcher.group(3), matcher.group(4),
                    matcher.group(5) == null ? "v" : "s", matcher.group(6) != null,
                    matcher.group(7) == null ? "" : "search_path=" + matcher.group(7), false, false,
                    "f", matcher.group(8)));
        }
        if (functions.size() != Pattern.compile("(?m)^CREATE OR REPLACE FUNCTION").matcher(script).results().count()) {
            throw new IllegalStateException(SCRIPT + " holds a function header Guards cannot read");
        }
        return functions;
    }

    private static Map<String, String> argumentsOf(String script) {
        Map<String, String> arguments = new LinkedHashMap<>();
        Matcher matcher = FUNCTION.matcher(script);
        while (matcher.find()) {
            arguments.put(matcher.group(1), identityArguments(matcher.group(2)));
        }
        return arguments;
    }

    /** Arguments as pg_get_function_identity_arguments prints them. */
    private static String identityArguments(String declared) {
        return declared.trim().replaceAll("\\s+", " ");
    }

    /** Where two definitions part: the first of their comma-separated parts that differs, shortened. */
    private static String firstDifference(String expected, String found) {
        String[] expectedParts = expected.split(", ");
        String[] foundParts = found.split(", ");
        int at = 0;
        while (at < expectedParts.length && at < foundParts.length && expectedParts[at].equals(foundParts[at])) {
            at++;
        }
        return "expected '" + shortened(at < expectedParts.length ? expectedParts[at] : "") + "', found '"
                + shortened(at < foundParts.length ? foundParts[at] : "") + "'";
    }

    private static String shortened(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
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
}
