package io.seedreset.cli;

import io.seedreset.api.SeedResetException;
import picocli.CommandLine;

/** {@code seedreset}: parses arguments, runs one command, exits with a documented code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        SeedresetCommand root = new SeedresetCommand();
        try {
            return commandLine(root).execute(args);
        } finally {
            root.close();
        }
    }

    /** The configured command line: exceptions become one line on stderr and an exit code. */
    static CommandLine commandLine(SeedresetCommand root) {
        CommandLine commandLine = new CommandLine(root);
        // Bad arguments are one line too, pointing at the command's help rather than printing it.
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine line = exception.getCommandLine();
            String message = exception.getMessage() == null ? "invalid arguments" : exception.getMessage();
            // picocli adds the converter's exception in parentheses; the sentence before it says enough.
            int cause = message.indexOf(" (java.");
            line.getErr().println("seedreset: " + (cause > 0 ? message.substring(0, cause) : message)
                    + " (see '" + line.getCommandSpec().qualifiedName() + " --help')");
            line.getErr().flush();
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("seedreset: " + message(exception));
            line.getErr().flush();
            return exitCode(exception);
        });
        return commandLine;
    }

    static int exitCode(Exception exception) {
        if (exception instanceof SeedResetException e) {
            return switch (e.kind()) {
                case BAD_INPUT -> ExitCodes.USAGE;
                case REFUSED -> ExitCodes.REFUSED;
                case CONFLICT -> ExitCodes.CONFLICT;
                case FAILURE -> ExitCodes.FAILURE;
            };
        }
        return ExitCodes.FAILURE;
    }

    private static String message(Exception exception) {
        String message = exception instanceof SeedResetException ? exception.getMessage()
                : "unexpected " + exception.getClass().getSimpleName() + ": " + exception.getMessage()
                + " (please report this with the command you ran)";
        // Errors are one line: drivers and servers sometimes add "Where:" or "Position:" lines.
        return String.valueOf(message).lines().map(String::strip).filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse("");
    }
}
