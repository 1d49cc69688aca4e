package io.seedreset.cli;

import io.seedreset.api.TeardownRequest;
import io.seedreset.api.TeardownResult;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "teardown", mixinStandardHelpOptions = true,
        description = "Delete exactly the rows seeded by one application, or by all of the organization's applications.")
final class TeardownCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Option(names = "--org", required = true, paramLabel = "<slug>", description = "organization slug")
    String organization;

    @Mixin
    Confirmation confirmation;

    @Option(names = "--dry-run", description = "show, per table, what would be deleted, restored and written, and the rows "
            + "people created; writes nothing and needs no --confirm (refused on production all the same)")
    boolean dryRun;

    @Option(names = "--application", paramLabel = "ID", description = "one application's id (default: all of them)")
    UUID application;

    @Override
    public Integer call() {
        if (dryRun) {
            io.seedreset.api.RemovalPreview preview = root.seedReset().previewTeardown(TeardownRequest.of(organization).application(application));
            if (!root.printedJson(preview)) {
                root.printer().preview(preview);
            }
            return ExitCodes.OK;
        }
        TeardownResult result = root.seedReset().teardown(TeardownRequest.of(organization)
                .confirm(confirmation.obtain("Tearing down", organization))
                .application(application));
        if (!root.printedJson(result)) {
            root.printer().teardown(result);
        }
        return ExitCodes.OK;
    }
}
