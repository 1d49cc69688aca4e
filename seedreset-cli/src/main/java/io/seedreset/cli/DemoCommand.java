package io.seedreset.cli;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.InitResult;
import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.SeedReset;
import io.seedreset.cli.output.CommandWords;
import io.seedreset.cli.output.ResultPrinter;
import io.seedreset.platform.identity.ApiTokens;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Init, create a demo organization, plan and apply event-agency-starter, and print a summary.")
final class DemoCommand implements Callable<Integer> {

    static final String PACK = "event-agency-starter";

    @ParentCommand
    SeedresetCommand root;

    @Option(names = "--org", defaultValue = "demo", paramLabel = "<slug>", description = "the demo organization (default: demo)")
    String organization;

    @Mixin
    Confirmation confirmation;

    @Override
    public Integer call() {
        SeedReset seedReset = root.seedReset();
        InitResult initialised = seedReset.init();
        Organization existing = seedReset.organizations().stream().filter(o -> o.slug().equals(organization)).findFirst().orElse(null);
        Organization used = existing != null ? existing
                : seedReset.createOrganization(organization, "Harbor & Pine Events", OrganizationKind.DEMO);
        PlanResult plan = seedReset.plan(PackRequest.of(PACK, organization));
        // The demo command confirms on the user's behalf only for demo organizations (the kind it
        // creates); a qa or sandbox organization is confirmed like any apply.
        String confirmed = used.kind() == OrganizationKind.DEMO ? organization
                : confirmation.obtain("Applying " + PACK + " to", organization);
        ApplyResult applied = seedReset.apply(ApplyRequest.of(PackRequest.of(PACK, organization).seed(plan.seed()).anchor(plan.anchor()))
                .confirm(confirmed).planHash(plan.planHash()));
        List<ApiTokens.Issued> tokens = TokensCommand.afterApply(root, applied);
        if (root.printedJson(applied, tokens)) {
            return ExitCodes.OK;
        }
        ResultPrinter printer = root.printer();
        printer.init(initialised);
        if (existing == null) {
            printer.organizationCreated(used);
        } else {
            printer.line("Using the existing %s organization '%s' (%s).", used.kind().label(), used.slug(), used.name());
        }
        printer.samplesAndTotals(plan);
        printer.blank();
        TokensCommand.printApply(printer, applied, tokens);
        printer.blank();
        CommandWords commands = root.commandWords();
        printer.line("Next: '%s', '%s', '%s'.", commands.command("history", "--org", organization),
                commands.command("reset", "--org", organization, "--confirm", organization),
                commands.command("teardown", "--org", organization, "--confirm", organization));
        printer.line("Use it: '%s' serves the platform API these logins sign in to, and the staff console at /console ('%s' prints a"
                + " staff token for it).", commands.command("serve"), commands.command("staff", "create") + " <name>");
        if (root.environment.containsKey(InstallCommand.LAUNCHER_VARIABLE) && !InstallCommand.installed(root.environment)) {
            printer.line("('seedreset' is not on your PATH: type './seedreset' in the checkout, or run './seedreset install' once.)");
        }
        return ExitCodes.OK;
    }
}
