package io.seedreset.api;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of an application's own schema as a properties file holds them: the CLI's {@code --config}, the JUnit
 * extension's {@code seedreset.properties} on the test class path.
 *
 * <pre>
 * migrations=classpath:db/seedreset,classpath:db/migration
 * tenant.column=tenant_id
 * tenant.tables=crm.*
 * tenants.table=crm.accounts
 * tenants.key=id
 * tenants.production=live
 * tenants.slug=code
 * tenants.name=display_name
 * </pre>
 *
 * @param migrations the Flyway locations, or null for the default
 * @param tenancy    the tenancy, or null when the file says nothing of it (init keeps the database's)
 */
public record Settings(List<String> migrations, Tenancy tenancy) {

    public static final Settings NONE = new Settings(null, null);
    /** Every key a settings file may hold. */
    public static final Set<String> KEYS = Set.of("migrations", "tenant.column", "tenant.tables", "tenants.table", "tenants.key",
            "tenants.production", "tenants.slug", "tenants.name");

    public Settings {
        migrations = migrations == null ? null : List.copyOf(migrations);
    }

    /**
     * Reads the settings; anything wrong (an unknown key, a bad name) is {@code INVALID_CONFIGURATION} in one line
     * that starts with {@code source} ("config file settings.properties").
     */
    public static Settings parse(Properties properties, String source) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw invalid(source + " has unknown setting(s) " + String.join(", ", unknown) + "; known: " + String.join(", ", new TreeSet<>(KEYS)));
        }
        String migrations = properties.getProperty("migrations");
        try {
            return new Settings(migrations == null ? null : split(migrations), tenancy(properties));
        } catch (SeedResetException e) {
            throw invalid(source + ": " + e.getMessage());
        }
    }

    /** The tenancy these settings describe, or null when they set none of it. */
    private static Tenancy tenancy(Properties properties) {
        if (properties.stringPropertyNames().stream().noneMatch(key -> key.startsWith("tenant"))) {
            return null;
        }
        Tenancy tenancy = Tenancy.column(properties.getProperty("tenant.column", Tenancy.DEFAULT.tenantColumn()));
        String tables = properties.getProperty("tenant.tables");
        if (tables != null) {
            tenancy = tenancy.tables(split(tables).toArray(String[]::new));
        }
        String table = properties.getProperty("tenants.table");
        if (table != null) {
            tenancy = tenancy.tenantsTable(new Tenancy.TenantsTable(table, properties.getProperty("tenants.key", "id"),
                    properties.getProperty("tenants.production", "is_production"), properties.getProperty("tenants.slug"),
                    properties.getProperty("tenants.name")));
        } else if (properties.stringPropertyNames().stream().anyMatch(key -> key.startsWith("tenants."))) {
            throw invalid("tenants.key, tenants.production, tenants.slug and tenants.name need tenants.table");
        }
        return tenancy;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static SeedResetException invalid(String message) {
        return new SeedResetException(SeedResetException.Reason.INVALID_CONFIGURATION, message);
    }
}
