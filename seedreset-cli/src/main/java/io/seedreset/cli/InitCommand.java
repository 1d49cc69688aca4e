package io.seedreset.cli;

import io.seedreset.api.InitResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", description = "Create or upgrade the schema (Flyway), install or repair the guards, optionally grant the application's role.")
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
            root.out().printf("Schema at version %s (%d migration(s) applied now); guard triggers on %d tenant tables.%n",
                    result.schemaVersion(), result.migrationsApplied(), result.guardedTables().size());
            if (!result.guardRepairs().isEmpty()) {
                root.out().printf("Repaired %d guard(s) that had been dropped, disabled or altered (recorded in the audit):%n",
                        result.guardRepairs().size());
                result.guardRepairs().forEach(line -> root.out().println("  " + line));
            }
            if (appRole != null) {
                root.out().printf("Granted role '%s' the application's privileges (see README: The application's role).%n", appRole);
            }
        }
        return ExitCodes.OK;
    }
}
