package io.seedreset.cli;

import io.seedreset.pack.PackDescriptor;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "packs", mixinStandardHelpOptions = true, description = "List the installed seed packs with their modes and parameters.")
final class PacksCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Override
    public Integer call() {
        List<PackDescriptor> packs = root.seedReset().packs();
        if (!root.printedJson(packs)) {
            root.printer().packs(packs);
        }
        return ExitCodes.OK;
    }
}
