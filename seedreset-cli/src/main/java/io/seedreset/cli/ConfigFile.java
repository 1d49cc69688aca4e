package io.seedreset.cli;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.Tenancy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of an application's own schema, kept in a properties file ({@code --config} or
 * {@code SEEDRESET_CONFIG}) so that every command reads the same ones:
 *
 * <pre>
 * migrations=classpath:db/seedreset,filesystem:db/migration
 * tenant.column=tenant_id
 * tenant.tables=crm.*
 * tenants.table=crm.accounts
 * tenants.key=id
 * tenants.production=live
 * tenants.slug=code
 * tenants.name=display_name
 * </pre>
 *
 * {@code init} stores the tenancy in the database (later commands read it from there); {@code migrations}
 * are the Flyway locations every command checks the schema against.
 */
record ConfigFile(List<String> migrations, Tenancy tenancy) {

    static final ConfigFile NONE = new ConfigFile(null, null);
    private static final Set<String> KEYS = Set.of("migrations", "tenant.column", "tenant.tables", "tenants.table", "tenants.key",
            "tenants.production", "tenants.slug", "tenants.name");

    static ConfigFile read(String file) {
        if (file == null || file.isBlank()) {
            return NONE;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw invalid("config file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("config file " + file + " cannot be read: " + e.getMessage());
        }
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw invalid("config file " + file + " has unknown setting(s) " + String.join(", ", unknown) + "; known: "
                    + String.join(", ", new TreeSet<>(KEYS)));
        }
        String migrations = properties.getProperty("migrations");
        try {
            return new ConfigFile(migrations == null ? null : split(migrations), tenancy(properties));
        } catch (SeedResetException e) {
            throw invalid("config file " + file + ": " + e.getMessage());
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
        return new SeedResetException(Reason.INVALID_CONFIGURATION, message);
    }
}
