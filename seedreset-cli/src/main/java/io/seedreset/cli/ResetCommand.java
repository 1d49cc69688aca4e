package io.seedreset.cli;

import io.seedreset.api.ResetRequest;
import io.seedreset.api.ResetResult;
import io.seedreset.api.SeedReset;
import io.seedreset.cli.output.ResultPrinter;
import io.seedreset.pack.Persona;
import io.seedreset.platform.identity.ApiTokens;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Delete every row of a non-production organization and re-apply its packs, in one transaction.")
final class ResetCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Option(names = "--org", required = true, paramLabel = "<slug>", description = "organization slug")
    String organization;

    @Mixin
    Confirmation confirmation;

    @Option(names = "--dry-run", description = "show, per table, what would be deleted, restored and written, and the rows "
            + "people created; writes nothing and needs no --confirm (refused on production all the same)")
    boolean dryRun;

    @Option(names = "--anchor", paramLabel = "T", description = "anchor for the re-applied packs (default: start of today, UTC)")
    String anchor;

    @Override
    public Integer call() {
        if (dryRun) {
            io.seedreset.api.RemovalPreview preview = root.seedReset().previewReset(ResetRequest.of(organization).anchor(anchor == null ? null : SeedReset.parseAnchor(anchor)));
            if (!root.printedJson(preview)) {
                root.printer().preview(preview);
            }
            return ExitCodes.OK;
        }
        ResetRequest request = ResetRequest.of(organization)
                .anchor(anchor == null ? null : SeedReset.parseAnchor(anchor))
                .confirm(confirmation.obtain("Resetting", organization));
        ResetResult result = root.seedReset().reset(request);
        // The reset deleted every token of the organization: the personas it brought back (its packs', or its
        // snapshot's) get new ones.
        List<ApiTokens.Issued> tokens = root.issueApiTokens(result.organization(), root.seedReset().personas(result.organization()).stream()
                .map(Persona::email).toList());
        if (!root.printedJson(result, tokens)) {
            ResultPrinter printer = root.printer();
            printer.reset(result);
            printer.apiTokens(result.organization(), tokens);
        }
        return ExitCodes.OK;
    }
}
