package io.seedreset.cli;

import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "org", mixinStandardHelpOptions = true, description = "Create and list organizations.",
        subcommands = {OrgCommand.Create.class, OrgCommand.ListOrganizations.class})
final class OrgCommand {

    @ParentCommand
    SeedresetCommand root;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an organization. Without --kind it is a production organization (fail closed).")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        OrgCommand org;

        @Parameters(index = "0", paramLabel = "<slug>", description = "lower-case letters, digits and dashes")
        String slug;

        @Option(names = "--name", required = true, description = "display name")
        String name;

        @Option(names = "--kind", defaultValue = "production", description = "demo, qa, sandbox or production (default)")
        String kind;

        @Override
        public Integer call() {
            Organization created = org.root.seedReset().createOrganization(slug, name, OrganizationKind.parse(kind));
            if (!org.root.printedJson(created)) {
                org.root.printer().organizationCreated(created);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List organizations.")
    static final class ListOrganizations implements Callable<Integer> {

        @ParentCommand
        OrgCommand org;

        @Override
        public Integer call() {
            List<Organization> organizations = org.root.seedReset().organizations();
            if (!org.root.printedJson(organizations)) {
                org.root.printer().organizations(organizations);
            }
            return ExitCodes.OK;
        }
    }
}
