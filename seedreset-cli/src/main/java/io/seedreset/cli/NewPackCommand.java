package io.seedreset.cli;

import io.seedreset.cli.output.ShellWords;
import io.seedreset.cli.scaffold.PackScaffold;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Scaffolds a seed pack of one's own as a standalone Maven project ({@link PackScaffold}), which builds and
 * passes its test as written. Needs no database.
 */
@Command(name = "new-pack", mixinStandardHelpOptions = true,
        description = {"Write a new seed pack as a Maven project: the pack, a generator, the migration of its table, "
                + "its validation rules and a test that applies it on an embedded PostgreSQL (README, \"Your first pack\")."})
final class NewPackCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Parameters(index = "0", paramLabel = "<id>", description = "the pack's id: lower-case letters, digits and dashes, e.g. office-plants")
    String id;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to write the project, a new or empty directory (default: ./<id>)")
    Path directory;

    @Option(names = "--package", paramLabel = "NAME", description = "the Java package of its classes (default: com.example.<id without dashes>)")
    String javaPackage;

    /**
     * What new-pack wrote, as {@code --json} prints it.
     *
     * @param files each file's path in the project, in the order the text lists them
     */
    record NewPackResult(String pack, String directory, String javaPackage, String packClass, String table, String seedresetVersion,
                         List<String> files) {
    }

    @Override
    public Integer call() {
        PackScaffold scaffold = PackScaffold.of(id, javaPackage);
        Path target = (directory != null ? directory : Path.of(id)).toAbsolutePath().normalize();
        scaffold.writeTo(target);
        NewPackResult result = new NewPackResult(scaffold.id(), target.toString(), scaffold.javaPackage(),
                scaffold.javaPackage() + "." + scaffold.className(), scaffold.table(), PackScaffold.seedresetVersion(),
                List.copyOf(scaffold.files().keySet()));
        if (root.printedJson(result)) {
            return ExitCodes.OK;
        }
        root.printer().line("Wrote the seed pack '%s' to %s:", scaffold.id(), target);
        scaffold.purposes().forEach((file, purpose) -> root.printer().line("  %-" + width(scaffold) + "s  %s", file, purpose));
        root.printer().line("Next: build it and run its test (mvn verify), then load it into seedreset with SEEDRESET_PACKS:");
        root.printer().line("  cd %s && mvn verify", ShellWords.quote(target.toString()));
        root.printer().line("  export SEEDRESET_PACKS=%s", ShellWords.quote(target.resolve("target").resolve(scaffold.id() + ".jar").toString()));
        return ExitCodes.OK;
    }

    private static int width(PackScaffold scaffold) {
        return scaffold.files().keySet().stream().mapToInt(String::length).max().orElse(0);
    }
}
