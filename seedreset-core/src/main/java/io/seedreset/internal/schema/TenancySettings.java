package io.seedreset.internal.schema;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.Tenancy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The tenancy {@code init} stores in {@code platform.tenancy} (one row), and reads back for every operation. */
public final class TenancySettings {

    private TenancySettings() {
    }

    /** The stored tenancy; the default before {@code init} created the table. */
    public static Tenancy read(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass('platform.tenancy') IS NOT NULL");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return Tenancy.DEFAULT; // init has not run this version yet
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT tenant_column, tenant_tables, tenants_table, tenants_key, tenants_production, tenants_slug, tenants_name
                  FROM platform.tenancy""");
             ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Tenancy.DEFAULT;
            }
            Tenancy.TenantsTable tenants = rs.getString(3) == null ? null
                    : new Tenancy.TenantsTable(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
            return new Tenancy(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()), tenants);
        }
    }

    /**
     * Stores the tenancy {@code init} was given. Changing it is refused while the ledger holds anything or
     * organizations exist: their rows were found, and their keys given, by the old one.
     */
    public static void write(Connection connection, Tenancy tenancy) throws SQLException {
        Tenancy stored = read(connection);
        if (stored.equals(tenancy)) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM platform.organizations");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new SeedResetException(Reason.INVALID_CONFIGURATION, "this database keeps its tenants as " + describe(stored)
                        + "; it holds organizations, so init cannot change that to " + describe(tenancy));
            }
        }
        Tenancy.TenantsTable tenants = tenancy.tenants();
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE platform.tenancy SET tenant_column = ?, tenant_tables = ?, tenants_table = ?, tenants_key = ?,
                       tenants_production = ?, tenants_slug = ?, tenants_name = ?""")) {
            statement.setString(1, tenancy.tenantColumn());
            statement.setArray(2, connection.createArrayOf("text", tenancy.tenantTables().toArray()));
            statement.setString(3, tenants == null ? null : tenants.table());
            statement.setString(4, tenants == null ? null : tenants.key());
            statement.setString(5, tenants == null ? null : tenants.production());
            statement.setString(6, tenants == null ? null : tenants.slug());
            statement.setString(7, tenants == null ? null : tenants.name());
            statement.executeUpdate();
        }
    }

    /** Whether the tenancy names a tenants table that exists. */
    public static boolean tenantsTableExists(Connection connection, Tenancy tenancy) throws SQLException {
        if (tenancy.tenants() == null) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, TenantSchema.sql(tenancy.tenants().table()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Refuses, naming what is missing, a tenants table that is not there as configured: the table, its key
     * column, a boolean production flag, the slug and name columns.
     */
    public static void requireTenantsTable(Connection connection, Tenancy tenancy) throws SQLException {
        Tenancy.TenantsTable tenants = tenancy.tenants();
        if (tenants == null) {
            return;
        }
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                 WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped""")) {
            statement.setString(1, TenantSchema.sql(tenants.table()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        String problem = types.isEmpty() ? "does not exist"
                : !types.containsKey(tenants.key()) ? "has no key column " + tenants.key()
                : !"boolean".equals(types.get(tenants.production())) ? "has no boolean production flag column " + tenants.production()
                : tenants.slug() != null && !types.containsKey(tenants.slug()) ? "has no slug column " + tenants.slug()
                : tenants.name() != null && !types.containsKey(tenants.name()) ? "has no name column " + tenants.name()
                : null;
        if (problem != null) {
            throw new SeedResetException(Reason.INVALID_CONFIGURATION, "tenants table " + tenants.table() + " " + problem
                    + ": create it (your application's migrations) before init, or fix the tenancy settings");
        }
    }

    /** One line: "tenant column org_id, every table holding it, tenants in platform.organizations". */
    public static String describe(Tenancy tenancy) {
        Tenancy.TenantsTable tenants = tenancy.tenants();
        return "tenant column " + tenancy.tenantColumn() + ", "
                + (tenancy.tenantTables().isEmpty() ? "every table holding it" : "tables " + String.join(", ", tenancy.tenantTables())) + ", "
                + (tenants == null ? "tenants in platform.organizations"
                   : "tenants in " + tenants.table() + " (key " + tenants.key() + ", production flag " + tenants.production()
                     + Objects.toString(tenants.slug() == null ? null : ", slug " + tenants.slug(), "")
                     + Objects.toString(tenants.name() == null ? null : ", name " + tenants.name(), "") + ")");
    }
}
