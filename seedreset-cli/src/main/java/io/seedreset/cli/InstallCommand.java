package io.seedreset.cli;

import io.seedreset.api.SeedResetException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Puts {@code seedreset} on the PATH, so that the commands this tool prints and documents work
 * as typed: a symbolic link to the checkout's {@code ./seedreset} launcher, which names itself
 * in {@value #LAUNCHER_VARIABLE}.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Put a 'seedreset' command on your PATH: a link to this checkout's ./seedreset launcher (default in ~/.local/bin).")
final class InstallCommand implements Callable<Integer> {

    static final String LAUNCHER_VARIABLE = "SEEDRESET_LAUNCHER";

    @ParentCommand
    SeedresetCommand root;

    @Option(names = "--bin-dir", paramLabel = "DIR", description = "where to put the link (default: ~/.local/bin)")
    Path binDirectory;

    /**
     * What install did, as {@code --json} prints it.
     *
     * @param status {@code linked} now, or {@code already_linked} before
     * @param onPath whether the link's directory is on the PATH, so that typing {@code seedreset} runs it
     */
    record InstallResult(String link, String target, Status status, boolean onPath) {

        enum Status { LINKED, ALREADY_LINKED }
    }

    @Override
    public Integer call() throws IOException {
        String launcher = root.environment.get(LAUNCHER_VARIABLE);
        if (launcher == null || launcher.isBlank()) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "install links the ./seedreset launcher of a checkout onto your PATH: "
                    + "run './seedreset install' in the checkout");
        }
        Path target = Path.of(launcher).toAbsolutePath();
        Path directory = binDirectory != null ? binDirectory : Path.of(System.getProperty("user.home"), ".local", "bin");
        Path link = directory.resolve("seedreset");
        InstallResult.Status status;
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
            status = InstallResult.Status.ALREADY_LINKED;
        } else if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new SeedResetException(SeedResetException.Reason.ALREADY_EXISTS, link + " already exists" + (Files.isSymbolicLink(link) ? " (a link to "
                    + Files.readSymbolicLink(link) + ")" : "") + ": remove it first, or choose another directory with --bin-dir");
        } else {
            Files.createDirectories(directory);
            Files.createSymbolicLink(link, target);
            status = InstallResult.Status.LINKED;
        }
        InstallResult result = new InstallResult(link.toString(), target.toString(), status, onPath(directory));
        if (root.printedJson(result)) {
            return ExitCodes.OK;
        }
        root.printer().line(status == InstallResult.Status.LINKED ? "Linked %s to %s." : "%s already links to %s.", link, target);
        if (result.onPath()) {
            root.printer().line("Type 'seedreset' in any directory, e.g. 'seedreset --help'.");
        } else {
            root.printer().line("%s is not on your PATH: add it, e.g. echo 'export PATH=\"%s:$PATH\"' >> ~/.bashrc, then open a new shell.",
                    directory, directory);
        }
        return ExitCodes.OK;
    }

    private boolean onPath(Path directory) {
        return path(root.environment).anyMatch(p -> p.equals(directory.toAbsolutePath().normalize()));
    }

    /** Whether typing 'seedreset' runs something: an executable of that name in a directory of the PATH. */
    static boolean installed(Map<String, String> environment) {
        return path(environment).anyMatch(p -> Files.isExecutable(p.resolve("seedreset")));
    }

    private static Stream<Path> path(Map<String, String> environment) {
        return Arrays.stream(environment.getOrDefault("PATH", "").split(File.pathSeparator)).filter(p -> !p.isBlank())
                .map(p -> Path.of(p).toAbsolutePath().normalize());
    }
}
