package io.seedreset.cli;

import io.seedreset.api.SeedResetException;
import io.seedreset.cli.database.EmbeddedServer;
import io.seedreset.cli.database.EmbeddedServer.Running;
import io.seedreset.cli.output.ResultPrinter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Keep the embedded PostgreSQL running between commands, so that each does not start and stop its own.")
final class DbCommand {

    @ParentCommand
    SeedresetCommand root;

    /**
     * What the db commands report, also as JSON.
     *
     * @param owner    the command whose own server it is ({@code 'seedreset apply' (process 4242)}) while that command
     *                 runs; null for the shared server, and for one a killed command left behind
     * @param ownerPid that command's process id
     */
    record ServerStatus(String dataDirectory, boolean running, boolean shared, Long pid, Integer port, String jdbcUrl,
                        String psql, String log, String owner, Long ownerPid) {

        static ServerStatus of(Path dataDirectory, Optional<Running> running) {
            return new ServerStatus(dataDirectory.toString(), running.isPresent(), running.map(Running::shared).orElse(false),
                    running.map(Running::pid).orElse(null), running.map(Running::port).orElse(null),
                    running.map(Running::jdbcUrl).orElse(null), running.map(Running::psql).orElse(null),
                    EmbeddedServer.logFile(dataDirectory).toString(), running.flatMap(EmbeddedServer::owner).orElse(null),
                    running.flatMap(EmbeddedServer::ownerPid).orElse(null));
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the embedded PostgreSQL and keep it running: every command uses it until 'seedreset db stop'.")
    int start() {
        Path directory = dataDirectory();
        boolean wasRunning = EmbeddedServer.find(directory).filter(Running::shared).isPresent();
        Running running = EmbeddedServer.startShared(directory);
        return print((wasRunning ? "The embedded PostgreSQL in %s is already running" : "Started the embedded PostgreSQL in %s")
                .formatted(directory), directory, Optional.of(running));
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the embedded PostgreSQL that 'seedreset db start' started, or that a killed command left running;"
                    + " never the server of a command that still runs (exit 4).")
    int stop() {
        Path directory = dataDirectory();
        Optional<Running> stopped = EmbeddedServer.stop(directory);
        return print(stopped.map(s -> "Stopped the embedded PostgreSQL in %s (PID %d)".formatted(directory, s.pid()))
                .orElse("The embedded PostgreSQL in %s was not running".formatted(directory)), directory, Optional.empty());
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say whether the embedded PostgreSQL is running, and print the psql command line that opens it.")
    int status() {
        Path directory = dataDirectory();
        Optional<Running> running = EmbeddedServer.find(directory);
        return print((running.isEmpty() ? "The embedded PostgreSQL in %s is not running" : "The embedded PostgreSQL in %s is running")
                .formatted(directory), directory, running);
    }

    private Path dataDirectory() {
        if (!root.embedded()) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "'seedreset db' manages the embedded PostgreSQL, and --url (or SEEDRESET_URL) "
                    + "selects another server: leave --url out");
        }
        return root.dataDirectory();
    }

    /** Prints what was done ("Started ...", "Stopped ...") and the server's state, with how to open it when it runs. */
    private int print(String done, Path directory, Optional<Running> running) {
        ServerStatus status = ServerStatus.of(directory, running);
        if (root.printedJson(status)) {
            return ExitCodes.OK;
        }
        ResultPrinter printer = root.printer();
        if (running.isEmpty()) {
            printer.line("%s: each command starts and stops its own server ('seedreset db start' keeps one running).", done);
            return ExitCodes.OK;
        }
        Running server = running.get();
        if (server.shared()) {
            printer.line("%s (PID %d, port %d): every command uses it until 'seedreset db stop'.", done, server.pid(), server.port());
        } else if (status.owner() != null) {
            printer.line("%s (PID %d, port %d) for %s, which stops it when it ends.", done, server.pid(), server.port(), status.owner());
        } else {
            printer.line("%s (PID %d, port %d), left running by a seedreset command that was killed: 'seedreset db stop' stops it.",
                    done, server.pid(), server.port());
        }
        printer.line("Open it with: %s", server.psql());
        return ExitCodes.OK;
    }
}
