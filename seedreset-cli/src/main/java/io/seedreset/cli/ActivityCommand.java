package io.seedreset.cli;

import io.seedreset.api.ActivityRequest;
import io.seedreset.api.ActivityResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "activity", mixinStandardHelpOptions = true,
        description = {"Post synthetic activity to a non-production organization: each of its packs that posts activity "
                + "(ticketing-demo: paid orders and door scans; event-agency-starter: a new lead; demo-travel-co: an invoice, a "
                + "customer's payment, now and then an expense) adds the transactions of each "
                + "of the last N days up to today (UTC), in one transaction, checked by the packs' validation rules before commit.",
                "A day already posted is skipped, so running it twice a day writes nothing the second time. The rows are "
                + "recorded in the ledger as an application of source 'activity' (pack 'activity:<pack>'): teardown removes "
                + "them, reset drops them."})
final class ActivityCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Option(names = "--org", required = true, paramLabel = "<slug>", description = "organization slug")
    String organization;

    @Mixin
    Confirmation confirmation;

    @Option(names = "--days", paramLabel = "N", defaultValue = "1",
            description = "post the last N days up to today, 1 to " + ActivityRequest.MAX_DAYS + " (default: ${DEFAULT-VALUE}, today only)")
    int days;

    @Override
    public Integer call() {
        ActivityResult result = root.seedReset().activity(new ActivityRequest(organization, confirmation.obtain("Posting activity to",
                organization), days));
        if (!root.printedJson(result)) {
            root.printer().activity(result);
        }
        return ExitCodes.OK;
    }
}
