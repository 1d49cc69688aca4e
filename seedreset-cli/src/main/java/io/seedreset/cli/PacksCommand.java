package io.seedreset.cli;

import io.seedreset.cli.output.TextTable;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "packs", description = "List the installed seed packs with their modes and parameters.")
final class PacksCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Override
    public Integer call() {
        List<PackDescriptor> packs = root.seedReset().packs();
        if (root.printedJson(packs)) {
            return ExitCodes.OK;
        }
        for (PackDescriptor pack : packs) {
            root.out().printf("%s %s  %s%n  %s%n  modules:  %s%n  modes:    %s%n", pack.id(), pack.version(), pack.title(),
                    pack.description(), String.join(", ", pack.modules()),
                    pack.modes().size() == 1 ? pack.defaultMode().name()
                            : pack.modes().stream().map(Mode::name).collect(Collectors.joining(", ")) + " (the first is the default)");
            if (!pack.requires().isEmpty()) {
                root.out().printf("  requires: %s (a scenario: apply %s first)%n", String.join(", ", pack.requires()),
                        pack.requires().size() == 1 ? "it" : "them");
            }
            if (!pack.parameters().isEmpty()) {
                TextTable table = new TextTable("PARAMETER", "DEFAULT", "ACCEPTS", "DESCRIPTION");
                for (Parameter parameter : pack.parameters()) {
                    table.row(parameter.name(), parameter.defaultValue(), parameter.expectation().replace("expects ", ""),
                            parameter.description());
                }
                table.print(root.out());
            }
            root.out().println();
        }
        return ExitCodes.OK;
    }
}
