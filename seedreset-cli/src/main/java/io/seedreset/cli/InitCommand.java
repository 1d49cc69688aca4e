package io.seedreset.cli;

import io.seedreset.api.InitResult;
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

    @Override
    public Integer call() {
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
}
