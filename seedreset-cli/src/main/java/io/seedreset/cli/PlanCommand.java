package io.seedreset.cli;

import io.seedreset.api.PlanResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Preview what apply would write: counts, samples, totals and a plan hash. Writes nothing.")
final class PlanCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Mixin
    PackOptions pack;

    @Override
    public Integer call() {
        PlanResult plan = root.seedReset().plan(pack.request(root));
        if (!root.printedJson(plan)) {
            root.printer().plan(plan);
        }
        return ExitCodes.OK;
    }
}
