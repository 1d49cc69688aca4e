package io.seedreset.cli;

import io.seedreset.api.HistoryRequest;
import io.seedreset.api.HistoryResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Applications and audit entries (refused and failed attempts included), newest first.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Option(names = "--org", paramLabel = "<slug>", description = "only this organization")
    String organization;

    @Override
    public Integer call() {
        HistoryResult history = root.seedReset().history(HistoryRequest.of(organization));
        if (!root.printedJson(history)) {
            root.printer().history(history);
        }
        return ExitCodes.OK;
    }
}
