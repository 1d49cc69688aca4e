package io.seedreset.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code seedreset help [COMMAND [SUBCOMMAND]]}: the usage of the command the words name, as its
 * {@code --help} prints it. Unlike picocli's own help command it follows the whole path
 * ({@code help org create}), and a word that names no command is answered as {@code seedreset WORD}
 * is: "unknown command", with the list of commands (exit 2).
 */
@Command(name = "help", helpCommand = true,
        description = "Print the usage of a command or subcommand, as its --help does (e.g. 'seedreset help org create').")
final class HelpCommand implements IHelpCommandInitializable2, Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean helpRequested;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command (and subcommand) to explain; none for the list of commands")
    List<String> words = List.of();

    private CommandLine self;
    private Help.ColorScheme colorScheme;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colorScheme = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine command = self.getParent();
        for (String word : words) {
            CommandLine sub = command.getSubcommands().get(word);
            if (sub == null) {
                throw command.getSubcommands().isEmpty()
                        ? new ParameterException(command, "'" + command.getCommandSpec().qualifiedName() + "' has no subcommands, so '"
                                + word + "' names none")
                        : new UnmatchedArgumentException(command, List.of(word));
            }
            command = sub;
        }
        command.usage(out, colorScheme);
    }
}
