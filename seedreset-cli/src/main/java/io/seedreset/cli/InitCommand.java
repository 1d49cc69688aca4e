package io.seedreset.cli;

import io.seedreset.api.InitResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.Tenancy;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create or upgrade the schema (Flyway), install or repair the guards, optionally grant the application's role.")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Option(names = "--app-role", paramLabel = "NAME",
            description = "grant this role exactly the privileges the application needs (run init as the schema's owner)")
    String appRole;

    @Option(names = "--tenant-column", paramLabel = "NAME", description = "the column tenant tables hold the tenant's key in (default org_id)")
    String tenantColumn;

    @Option(names = "--tenant-tables", paramLabel = "PATTERNS", split = ",",
            description = "only these are tenant tables: schema.table or schema.*, comma-separated (default: every table with the tenant column)")
    List<String> tenantTables;

    @Option(names = "--tenants-table", paramLabel = "SCHEMA.TABLE",
            description = "your application's tenants table, where the production flag lives (default: platform.organizations)")
    String tenantsTable;

    @Option(names = "--tenants-key", paramLabel = "COLUMN", description = "its key column, whose values the tenant column holds (default id)")
    String tenantsKey;

    @Option(names = "--tenants-production", paramLabel = "COLUMN", description = "its boolean production flag (default is_production)")
    String tenantsProduction;

    @Option(names = "--tenants-slug", paramLabel = "COLUMN", description = "its column a new organization's slug goes to")
    String tenantsSlug;

    @Option(names = "--tenants-name", paramLabel = "COLUMN", description = "its column a new organization's name goes to")
    String tenantsName;

    @Override
    public Integer call() {
        root.initTenancy = tenancy();
        InitResult result = root.seedReset().init();
        if (appRole != null) {
            root.seedReset().grantApplicationRole(appRole);
        }
        if (!root.printedJson(result)) {
            root.printer().init(result);
            if (appRole != null) {
                root.printer().line("Granted role '%s' the application's privileges (see the README: The application's role).", appRole);
            }
        }
        return ExitCodes.OK;
    }

    /** The config file's tenancy with these flags over it; null when neither says anything (the database keeps its own). */
    private Tenancy tenancy() {
        Tenancy configured = ConfigFile.read(root.config()).tenancy();
        boolean flags = tenantColumn != null || tenantTables != null || tenantsTable != null || tenantsKey != null || tenantsProduction != null
                || tenantsSlug != null || tenantsName != null;
        if (!flags) {
            return configured;
        }
        Tenancy base = configured == null ? Tenancy.DEFAULT : configured;
        Tenancy tenancy = Tenancy.column(tenantColumn != null ? tenantColumn : base.tenantColumn())
                .tables((tenantTables != null ? tenantTables : base.tenantTables()).toArray(String[]::new));
        Tenancy.TenantsTable table = base.tenants();
        if (tenantsTable != null || table != null) {
            tenancy = tenancy.tenantsTable(new Tenancy.TenantsTable(tenantsTable != null ? tenantsTable : table.table(),
                    tenantsKey != null ? tenantsKey : table == null ? "id" : table.key(),
                    tenantsProduction != null ? tenantsProduction : table == null ? "is_production" : table.production(),
                    tenantsSlug != null ? tenantsSlug : table == null ? null : table.slug(),
                    tenantsName != null ? tenantsName : table == null ? null : table.name()));
        } else if (tenantsKey != null || tenantsProduction != null || tenantsSlug != null || tenantsName != null) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_CONFIGURATION,
                    "--tenants-key, --tenants-production, --tenants-slug and --tenants-name need --tenants-table");
        }
        return tenancy;
    }
}
