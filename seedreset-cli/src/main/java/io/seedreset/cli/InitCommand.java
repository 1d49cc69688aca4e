package io.seedreset.cli;

import io.seedreset.api.InitResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create or upgrade the schema (Flyway) and install the guard triggers.")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Override
    public Integer call() {
        InitResult result = root.seedReset().init();
        if (!root.printedJson(result)) {
            root.printer().init(result);
        }
        return ExitCodes.OK;
    }
}
