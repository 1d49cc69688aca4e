package io.seedreset.cli;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.platform.identity.ApiTokens;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply a pack to a demo, qa or sandbox organization, in one transaction.")
final class ApplyCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Mixin
    PackOptions pack;

    @Mixin
    Confirmation confirmation;

    @Option(names = "--replace", description = "tear down an application of this pack with another version or parameters first")
    boolean replace;

    @Option(names = "--backup", description = "take a snapshot of the organization first (kind backup; the newest 5 per organization"
            + " are kept), so the apply can be undone with 'snapshot restore'")
    boolean backup;

    @Option(names = "--plan-hash", paramLabel = "H", description = "refuse unless the rows equal the reviewed plan's")
    String planHash;

    @Override
    public Integer call() {
        ApplyRequest request = ApplyRequest.of(pack.request(root))
                .confirm(confirmation.obtain("Applying " + pack.pack + " to", pack.organization))
                .replace(replace)
                .backup(backup)
                .planHash(planHash);
        ApplyResult result = root.seedReset().apply(request);
        List<ApiTokens.Issued> tokens = TokensCommand.afterApply(root, result);
        if (!root.printedJson(result, tokens)) {
            TokensCommand.printApply(root.printer(), result, tokens);
        }
        return ExitCodes.OK;
    }
}
