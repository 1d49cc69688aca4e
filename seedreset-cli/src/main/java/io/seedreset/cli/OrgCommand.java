package io.seedreset.cli;

import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import io.seedreset.platform.modules.ModuleFlags;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "org", mixinStandardHelpOptions = true, description = "Create and list organizations, and switch their API modules.",
        subcommands = {OrgCommand.Create.class, OrgCommand.ListOrganizations.class, OrgCommand.Modules.class})
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

    @Command(name = "modules", mixinStandardHelpOptions = true,
            description = {"Each platform API module's state in an organization, after switching modules on or off for it.",
                    "A module is on unless switched off, except an unstable one (in beta), which is off for demo, qa and sandbox"
                            + " organizations unless switched on. A module that is off answers 404 on every route, as if it did not exist;"
                            + " a running 'seedreset serve' follows a switch within " + ModuleSwitches.SERVED_WITHIN_SECONDS + " seconds."})
    static final class Modules implements Callable<Integer> {

        @ParentCommand
        OrgCommand org;

        @Spec
        CommandSpec spec;

        @Option(names = "--org", paramLabel = "<slug>", required = true, description = "the organization")
        String organization;

        @Option(names = "--enable", paramLabel = "MODULE", description = "switch this module on (repeatable)")
        List<String> enable = new ArrayList<>();

        @Option(names = "--disable", paramLabel = "MODULE", description = "switch this module off (repeatable)")
        List<String> disable = new ArrayList<>();

        /** The states as --json prints them. */
        record States(String organization, boolean production, List<ModuleFlags.State> modules) {
        }

        @Override
        public Integer call() throws SQLException {
            Organization found = org.root.organization(organization);
            List<ModuleFlags.Module> modules = ModuleSwitches.modules(org.root.dataSource(), org.root.uploadStore(null));
            Map<String, Boolean> changes = ModuleSwitches.changes(modules, enable, disable,
                    message -> new ParameterException(spec.commandLine(), message));
            ModuleFlags flags = new ModuleFlags(org.root.dataSource());
            if (!changes.isEmpty()) {
                flags.set(found.id(), changes, Instant.now());
            }
            States states = new States(found.slug(), found.production(), flags.states(found.id(), found.production(), modules));
            if (!org.root.printedJson(states)) {
                org.root.printer().modules(states.organization(), states.production(), changes, states.modules());
            }
            return ExitCodes.OK;
        }
    }
}
