package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.testing.DatabaseReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on an application's own schema (core's adoption/crm.sql): the config file and init's flags
 * reach the database, every command after reads the tenancy from there, and bad settings are one line
 * and exit 2 with nothing changed.
 */
class OwnSchemaCommandTest {

    @TempDir
    Path directory;

    private Cli.OnDatabase database;
    private DatabaseReader db;

    @BeforeEach
    void applicationSchema() throws IOException {
        database = Cli.onFreshDatabase("--actor", "adopter");
        db = new DatabaseReader(database.dataSource());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("adoption/crm.sql")) {
            db.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private Path config(String text) throws IOException {
        return Files.writeString(directory.resolve("seedreset.properties"), text);
    }

    @Test
    void a_config_file_sets_the_tenancy_and_every_command_works_on_the_applications_tenants() throws IOException {
        Path config = config("""
                # Our CRM's schema: Seed & Reset's own tables only, our tenants in crm.accounts
                migrations=classpath:db/seedreset
                tenant.column=tenant_id
                tenant.tables=crm.*
                tenants.table=crm.accounts
                tenants.production=live
                tenants.slug=code
                tenants.name=display_name
                """);
        Cli.Run init = database.run("--config", config.toString(), "init");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        // Seed & Reset's own migrations only, and the guards on the application's three tenant tables.
        assertThat(init.out()).contains("Schema at version 9").contains("guard triggers on 3 tenant tables");
        assertThat(db.strings("SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = 'seedreset_guard_rows' ORDER BY 1"))
                .containsExactly("crm.notes", "crm.people", "crm.teams");

        Cli.Run created = database.run(Map.of("SEEDRESET_CONFIG", config.toString()), "org", "create", "northwind-demo", "--name", "Northwind (demo)",
                "--kind", "demo");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        long key = db.queryForLong("SELECT id FROM crm.accounts WHERE code = 'northwind-demo' AND display_name = 'Northwind (demo)' AND NOT live");
        Cli.Run list = database.run("--config", config.toString(), "--json", "org", "list");
        assertThat(list.out()).contains("\"tenantKey\" : \"" + key + "\"");

        // A command without the settings is told to give them; init without them does not add the reference platform's schemas.
        for (String[] forgot : List.of(new String[] {"org", "list"}, new String[] {"init"})) {
            Cli.Run run = database.run(forgot);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains("this database keeps its tenants its own way (tenant column tenant_id")
                    .contains("(--config FILE or SEEDRESET_CONFIG, as init had)");
        }
        assertThat(db.queryForLong("SELECT count(*) FROM pg_namespace WHERE nspname = 'ticketing'")).isZero();

        // The tenancy lives in the database now; init with other flags is refused while organizations exist.
        Cli.Run changed = database.run("--config", config.toString(), "init", "--tenant-column", "org_id");
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(changed.err().strip().lines()).hasSize(1);
        assertThat(changed.err()).contains("it holds organizations, so init cannot change that");
        assertThat(db.strings("SELECT tenant_column FROM platform.tenancy")).containsExactly("tenant_id");
    }

    @Test
    void init_flags_set_the_tenancy_without_a_file() {
        Cli.Run init = database.run("init", "--tenant-column", "tenant_id", "--tenant-tables", "crm.teams,crm.people",
                "--tenants-table", "crm.accounts", "--tenants-production", "live", "--tenants-slug", "code", "--tenants-name", "display_name");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(db.strings("SELECT tenant_column || ' ' || array_to_string(tenant_tables, ',') || ' ' || tenants_table || ' ' || tenants_key"
                + " || ' ' || tenants_production FROM platform.tenancy")).containsExactly("tenant_id crm.teams,crm.people crm.accounts id live");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_trigger WHERE tgname = 'seedreset_guard_tenants'")).isEqualTo(1);
        assertThat(db.queryForLong("SELECT count(*) FROM pg_trigger WHERE tgname = 'seedreset_guard_rows' AND tgrelid = 'crm.notes'::regclass")).isZero();
    }

    @Test
    void bad_settings_are_one_line_exit_2_and_leave_the_database_as_it_was() throws IOException {
        // A tenants table that is there but wrong is refused before anything is migrated.
        Cli.Run wrongFlag = database.run("init", "--tenant-column", "tenant_id", "--tenants-table", "crm.accounts");
        assertThat(wrongFlag.exitCode()).as(wrongFlag.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrongFlag.err()).contains("tenants table crm.accounts has no boolean production flag column is_production");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_namespace WHERE nspname = 'platform'")).isZero();

        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("config file " + directory.resolve("missing.properties") + " does not exist",
                new String[] {"--config", directory.resolve("missing.properties").toString(), "init"});
        Path typo = Files.writeString(directory.resolve("typo.properties"), "tenant.colum=tenant_id\n");
        cases.put("config file " + typo + " has unknown setting(s) tenant.colum; known: migrations, tenant.column, tenant.tables, tenants.key,"
                + " tenants.name, tenants.production, tenants.slug, tenants.table", new String[] {"--config", typo.toString(), "init"});
        Path orphan = Files.writeString(directory.resolve("orphan.properties"), "tenants.key=id\n");
        cases.put("tenants.key, tenants.production, tenants.slug and tenants.name need tenants.table",
                new String[] {"--config", orphan.toString(), "init"});
        cases.put("--tenants-key, --tenants-production, --tenants-slug and --tenants-name need --tenants-table",
                new String[] {"init", "--tenants-key", "id"});
        cases.put("tenant column 'Tenant Id' is not a lower-case SQL identifier", new String[] {"init", "--tenant-column", "Tenant Id"});
        cases.put("tenants table crm.tenants does not exist: create it (your application's migrations) before init, or fix the tenancy settings",
                new String[] {"init", "--tenant-column", "tenant_id", "--tenants-table", "crm.tenants"});
        cases.put("tenants table crm.accounts has no boolean production flag column is_production: create it (your application's migrations)"
                + " before init, or fix the tenancy settings", new String[] {"init", "--tenant-column", "tenant_id", "--tenants-table", "crm.accounts"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            Cli.Run run = database.run(c.getValue());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
            assertThat(run.err()).as(run.toString()).contains(c.getKey());
        }
        // A tenants table the migrations were to create and did not: Seed & Reset's own schema was migrated, but no
        // tenancy is stored and no guard installed.
        assertThat(db.strings("SELECT tenant_column FROM platform.tenancy")).containsExactly("org_id");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'seedreset%' AND tgrelid::regclass::text LIKE 'crm.%'")).isZero();
    }
}
