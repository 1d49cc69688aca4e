package io.seedreset.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the application keeps its tenants: the column every tenant table holds the tenant's key in,
 * which tables are tenant tables, and the application's own tenants table with its production flag.
 * {@code init} stores it in the database ({@code platform.tenancy}); every later operation reads it
 * from there, so a command run without these settings still works on the right column.
 *
 * <p>The default is the reference platform's: {@code org_id} columns, every table holding one is a
 * tenant table, and {@code platform.organizations} is the tenants table.
 *
 * @param tenantColumn the tenant column's name (default {@code org_id})
 * @param tenantTables {@code schema.table} or {@code schema.*} patterns; empty: every table (outside
 *                     {@code platform}) that has the tenant column
 * @param tenants      the application's own tenants table, or null when {@code platform.organizations} is it
 */
public record Tenancy(String tenantColumn, List<String> tenantTables, TenantsTable tenants) {

    // Before DEFAULT: its constructor uses them.
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_$]{0,62}\\.([a-z_][a-z0-9_$]{0,62}|\\*)");

    /** The reference platform's conventions. */
    public static final Tenancy DEFAULT = new Tenancy("org_id", List.of(), null);

    public Tenancy {
        Objects.requireNonNull(tenantColumn, "tenantColumn");
        tenantTables = List.copyOf(tenantTables);
        requireIdentifier("tenant column", tenantColumn);
        for (String pattern : tenantTables) {
            if (!TABLE.matcher(pattern).matches() || pattern.startsWith("platform.")) {
                throw invalid("tenant table '" + pattern + "' is not a lower-case schema.table or schema.* outside the platform schema");
            }
        }
    }

    /** The reference platform's conventions with another tenant column. */
    public static Tenancy column(String tenantColumn) {
        return new Tenancy(tenantColumn, List.of(), null);
    }

    /** Only these tables ({@code schema.table} or {@code schema.*}) are tenant tables. */
    public Tenancy tables(String... patterns) {
        return new Tenancy(tenantColumn, List.of(patterns), tenants);
    }

    /** The application keeps its tenants, and their production flag, in this table. */
    public Tenancy tenantsTable(TenantsTable table) {
        return new Tenancy(tenantColumn, tenantTables, table);
    }

    /** Whether {@code schema.table} is a tenant table by these patterns (every table when there are none). */
    public boolean covers(String table) {
        if (tenantTables.isEmpty()) {
            return true;
        }
        String schema = table.substring(0, table.indexOf('.'));
        return tenantTables.contains(table) || tenantTables.contains(schema + ".*");
    }

    /**
     * The application's tenants table. The engine registers each of its organizations against one of its
     * rows ({@code key}); the row's {@code production} flag is guarded where it lives: it never turns
     * off, it cannot turn on while seeded rows exist, and a null flag counts as production.
     *
     * @param table      {@code schema.table}
     * @param key        its key column: the values the tenant column holds
     * @param production its boolean production flag
     * @param slug       a text column a new tenant's slug goes to, or null
     * @param name       a text column a new tenant's name goes to, or null
     */
    public record TenantsTable(String table, String key, String production, String slug, String name) {

        public TenantsTable {
            Objects.requireNonNull(table, "table");
            if (!TABLE.matcher(table).matches() || table.endsWith(".*") || table.startsWith("platform.")) {
                throw invalid("tenants table '" + table + "' is not a lower-case schema.table outside the platform schema");
            }
            requireIdentifier("tenants key column", key);
            requireIdentifier("production flag column", production);
            if (slug != null) {
                requireIdentifier("slug column", slug);
            }
            if (name != null) {
                requireIdentifier("name column", name);
            }
        }

        public static TenantsTable of(String table, String key, String production) {
            return new TenantsTable(table, key, production, null, null);
        }

        /** New tenants get the organization's slug in this column. */
        public TenantsTable slug(String column) {
            return new TenantsTable(table, key, production, column, name);
        }

        /** New tenants get the organization's name in this column. */
        public TenantsTable name(String column) {
            return new TenantsTable(table, key, production, slug, column);
        }
    }

    private static void requireIdentifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw invalid(what + " '" + name + "' is not a lower-case SQL identifier");
        }
    }

    private static SeedResetException invalid(String message) {
        return new SeedResetException(SeedResetException.Reason.INVALID_CONFIGURATION, message);
    }
}
