package io.seedreset.cli;

import io.seedreset.api.Organization;
import io.seedreset.api.TimetravelRequest;
import io.seedreset.api.TimetravelResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "timetravel", mixinStandardHelpOptions = true,
        description = {"Move a non-production organization's clock whole months ahead of the real one, so that the platform's today for"
                + " it (aging, what falls due, upcoming events) is in the future; the days skipped are filled with synthetic activity"
                + " (see 'activity'). The clock runs 0 to " + Organization.MAX_CLOCK_MONTHS + " months ahead; 'org list' shows it.",
                "Going back (--months -N, or --back for all the way) tears down the activity of the days given back, so ahead then back"
                        + " leaves the organization's rows exactly as they were."})
final class TimetravelCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Option(names = "--org", required = true, paramLabel = "<slug>", description = "organization slug")
    String organization;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Move move;

    static final class Move {
        @Option(names = "--months", paramLabel = "N", description = "months ahead (N > 0) or back (N < 0)")
        Integer months;

        @Option(names = "--back", description = "back to the real clock")
        boolean back;
    }

    @Mixin
    Confirmation confirmation;

    @Option(names = "--dry-run", description = "say what would be posted or torn down; writes nothing and needs no --confirm"
            + " (refused on production all the same)")
    boolean dryRun;

    @Override
    public Integer call() {
        int months = move.back ? -root.seedReset().requireOrganization(organization).clockMonths() : move.months;
        if (move.back && months == 0) {
            root.printer().line("'%s' runs on the real clock: nothing to go back.", organization);
            return ExitCodes.OK;
        }
        TimetravelRequest request = TimetravelRequest.of(organization, months);
        TimetravelResult result = dryRun ? root.seedReset().previewTimetravel(request)
                : root.seedReset().timetravel(request.confirm(confirmation.obtain("Moving the clock of", organization)));
        if (!root.printedJson(result)) {
            root.printer().timetravel(result, dryRun);
        }
        return ExitCodes.OK;
    }
}
