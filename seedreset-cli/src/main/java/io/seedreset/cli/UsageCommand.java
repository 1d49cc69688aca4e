package io.seedreset.cli;

import io.seedreset.api.Organization;
import io.seedreset.platform.usage.UsageReport;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "usage", mixinStandardHelpOptions = true,
        description = {"What a demo, qa or sandbox organization's people did with the platform API: requests per module, route, persona"
                + " and day (UTC), as 'seedreset serve' counted them (written every few seconds). Production organizations' requests are"
                + " not counted."})
final class UsageCommand implements Callable<Integer> {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 366;

    @ParentCommand
    SeedresetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--org", paramLabel = "<slug>", required = true, description = "the organization")
    String organization;

    @Option(names = "--days", paramLabel = "N",
            description = "the last N days, today included (1 to " + MAX_DAYS + ", default " + DEFAULT_DAYS + ")")
    int days = DEFAULT_DAYS;

    @Override
    public Integer call() throws SQLException {
        if (days < 1 || days > MAX_DAYS) {
            throw new ParameterException(spec.commandLine(), "--days " + days + ": use 1 to " + MAX_DAYS);
        }
        Organization org = root.organization(organization);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UsageReport report = UsageReport.read(root.dataSource(), org.id(), org.slug(), today.minusDays(days - 1L), today);
        if (!root.printedJson(report)) {
            root.printer().usage(report, org.production());
        }
        return ExitCodes.OK;
    }
}
