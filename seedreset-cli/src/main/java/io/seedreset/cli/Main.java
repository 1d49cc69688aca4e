package io.seedreset.cli;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.json.SeedResetJson;
import io.seedreset.cli.output.TerminalText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

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
        AsciiNumbers.register(commandLine);
        HelpLayout.install(commandLine);
        // Bad arguments are one line too, pointing at the command's help rather than printing it.
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine line = exception.getCommandLine();
            String help = " (see '" + line.getCommandSpec().qualifiedName() + " --help')";
            return report(line.getErr(), ExitCodes.USAGE, SeedResetException.Reason.INVALID_VALUE, usageMessage(exception) + help, Map.of(),
                    root.json || List.of(args).contains("--json"));
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) ->
                report(line.getErr(), exitCode(exception),
                        exception instanceof SeedResetException e ? e.reason() : SeedResetException.Reason.INTERNAL_ERROR,
                        message(exception, root), exception instanceof SeedResetException e ? e.details() : Map.of(), root.json));
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

    /**
     * Prints an error as one line on stderr: {@code seedreset: MESSAGE}, or with --json a JSON
     * object {@code {"error": {"exitCode": 2, "kind": "usage", "reason": "unknown_organization",
     * "message": "...", "details": {"organization": "acme"}}}}: the reason and details are the
     * engine's ({@link SeedResetException}), so a script need not parse the message.
     */
    private static int report(PrintWriter err, int exitCode, SeedResetException.Reason reason, String message,
                              Map<String, String> details, boolean json) {
        String line = TerminalText.message(message);
        if (json) {
            err.println(SeedResetJson.write(Map.of("error", new JsonError(exitCode, ExitCodes.kind(exitCode), reason, line, details))));
        } else {
            err.println("seedreset: " + line);
        }
        err.flush();
        return exitCode;
    }

    /** An error as {@code --json} prints it. */
    record JsonError(int exitCode, String kind, SeedResetException.Reason reason, String message, Map<String, String> details) {
    }

    private static String usageMessage(ParameterException exception) {
        CommandLine line = exception.getCommandLine();
        if (!line.getSubcommands().isEmpty()) {
            String commands = String.join(", ", line.getSubcommands().keySet());
            List<String> unmatched = exception instanceof UnmatchedArgumentException u ? u.getUnmatched() : List.of();
            if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
                return "unknown command '" + unmatched.get(0) + "': the commands are " + commands;
            }
            if (String.valueOf(exception.getMessage()).startsWith("Missing required subcommand")) {
                return "a command is missing: the commands are " + commands;
            }
        }
        String message = exception.getMessage() == null ? "invalid arguments" : exception.getMessage();
        // picocli adds the converter's exception in parentheses; the sentence before it says enough.
        int cause = message.indexOf(" (java.");
        return cause > 0 ? message.substring(0, cause) : message;
    }

    private static String message(Exception exception, SeedresetCommand root) {
        return exception instanceof SeedResetException e ? Hints.message(e, root.embedded())
                : "unexpected " + exception.getClass().getSimpleName() + ": " + exception.getMessage()
                + " (please report this with the command you ran)";
    }
}
