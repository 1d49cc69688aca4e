package io.seedreset.cli;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.ValidationResult;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check every validation rule of the packs applied to an organization; reads only. "
        + "Exits 1 when a rule is broken.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Option(names = "--org", required = true, paramLabel = "<slug>", description = "organization slug")
    String organization;

    @Override
    public Integer call() {
        ValidationResult result = root.seedReset().validate(organization);
        if (!root.printedJson(result)) {
            root.printer().validation(result);
        }
        if (!result.passed()) {
            root.out().flush();
            throw new SeedResetException(SeedResetException.Reason.VALIDATION_FAILED, "organization '" + result.organization() + "' breaks " + result.failed().size()
                    + " of " + result.rules().size() + " validation rule(s): "
                    + result.failed().stream().map(ValidationResult.Rule::name).collect(Collectors.joining(", ")),
                    java.util.Map.of(SeedResetException.ORGANIZATION, result.organization()));
        }
        return ExitCodes.OK;
    }
}
