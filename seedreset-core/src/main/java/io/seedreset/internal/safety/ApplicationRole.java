package io.seedreset.internal.safety;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.schema.TenantSchema;
import java.util.Map;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The privileges of the role the application (and the engine inside it) runs as: enough to
 * seed, tear down, reset and audit, and nothing that could switch a guard off or rewrite
 * history. The guards hold against every role that cannot alter the platform's tables and
 * functions; an owner or a superuser can still drop a trigger, which the engine's
 * verification catches but cannot prevent. So the application's role must not own the
 * platform schema, must not be a superuser, and gets from here exactly:
 * <ul>
 *   <li>read on every platform table (the ledger, the audit, the schema history);</li>
 *   <li>organizations: insert, update of name, kind and is_production, delete (the guards refuse
 *       what would weaken the boundary); never the ledger's count, which only its triggers write;</li>
 *   <li>applications: insert, and update of what apply fills in and teardown closes;</li>
 *   <li>the ledger's row sets and before-images: insert and delete, never update;</li>
 *   <li>the audit: insert, and update of an entry's outcome; never delete;</li>
 *   <li>snapshots and their chunks: insert, update of what a capture fills in last, delete; baselines:
 *       insert and delete (a snapshot holds no guard of its own: restoring one passes the boundary
 *       like any seed write);</li>
 *   <li>organizations' clocks: insert, update and delete (time travel);</li>
 *   <li>tenant tables: select, insert, update and delete; never truncate, trigger or references.</li>
 * </ul>
 * Granting is idempotent: what the role had on the platform tables beyond this is revoked.
 */
public final class ApplicationRole {

    private ApplicationRole() {
    }

    /** Grants exactly the privileges above to {@code role}, which must exist and must not own the platform schema. */
    public static List<String> grant(Connection connection, TenantSchema schema, String role) throws SQLException {
        refuseOwnerOrSuperuser(connection, role);
        String who = TenantSchema.quote(role);
        List<String> statements = new ArrayList<>(List.of(
                "REVOKE ALL ON ALL TABLES IN SCHEMA platform FROM " + who,
                "REVOKE ALL ON SCHEMA platform FROM " + who,
                "GRANT USAGE ON SCHEMA platform TO " + who,
                "GRANT SELECT ON ALL TABLES IN SCHEMA platform TO " + who,
                "GRANT USAGE ON ALL SEQUENCES IN SCHEMA platform TO " + who,
                "GRANT INSERT (id, slug, name, kind, is_production, tenant_key), UPDATE (name, kind, is_production), DELETE"
                        + " ON platform.organizations TO " + who,
                "GRANT INSERT, UPDATE (row_counts, plan_hash, duration_ms, removed_at, removed_by, removal)"
                        + " ON platform.seed_applications TO " + who,
                "GRANT INSERT, DELETE ON platform.seed_row_sets, platform.seed_updates TO " + who,
                "GRANT INSERT, UPDATE (outcome, application_id, message, finished_at) ON platform.seed_audit TO " + who,
                "GRANT INSERT, UPDATE (manifest, row_counts, bytes), DELETE ON platform.snapshots TO " + who,
                "GRANT INSERT, DELETE ON platform.snapshot_chunks, platform.baselines TO " + who,
                "GRANT INSERT, UPDATE, DELETE ON platform.organization_clocks TO " + who));
        Set<String> tenantSchemas = new LinkedHashSet<>();
        for (TenantSchema.Table table : schema.tables()) {
            tenantSchemas.add(table.name().substring(0, table.name().indexOf('.')));
        }
        for (String tenantSchema : tenantSchemas) {
            statements.add("GRANT USAGE ON SCHEMA " + TenantSchema.quote(tenantSchema) + " TO " + who);
        }
        for (TenantSchema.Table table : schema.tables()) {
            String sql = TenantSchema.sql(table.name());
            statements.add("REVOKE TRUNCATE, TRIGGER, REFERENCES ON " + sql + " FROM " + who);
            statements.add("GRANT SELECT, INSERT, UPDATE, DELETE ON " + sql + " TO " + who);
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return statements;
    }

    private static void refuseOwnerOrSuperuser(Connection connection, String role) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT r.rolsuper, pg_has_role(r.oid, n.nspowner, 'USAGE')
                  FROM pg_roles r, pg_namespace n
                 WHERE r.rolname = ? AND n.nspname = 'platform'""")) {
            statement.setString(1, role);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new SeedResetException(Reason.UNKNOWN_ROLE, "role '" + role + "' does not exist: create it (CREATE ROLE " + role
                            + " LOGIN PASSWORD ...) and grant again", Map.of(SeedResetException.ROLE, role));
                }
                if (rs.getBoolean(1)) {
                    throw new SeedResetException(Reason.UNSAFE_ROLE, "role '" + role + "' is a superuser, which can switch the guards off:"
                            + " the application must run as an ordinary role", Map.of(SeedResetException.ROLE, role));
                }
                if (rs.getBoolean(2)) {
                    throw new SeedResetException(Reason.UNSAFE_ROLE, "role '" + role + "' owns the platform schema (or is a member of its owner),"
                            + " so it can switch the guards off: the application must run as a role that does not own it", Map.of(SeedResetException.ROLE, role));
                }
            }
        }
    }
}
