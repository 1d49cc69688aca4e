package io.seedreset.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The commands the CLI prints for the user to run next ("To apply exactly this plan", "Next: ...",
 * "run 'seedreset init' first"), written so that they reach the same database as the command
 * that printed them: a {@code --url} and {@code --user} given on the command line are repeated
 * (from the environment they need not be), with any password in the URL left for the user to
 * fill in rather than printed.
 */
public final class CommandWords {

    /** For a command that runs on the embedded database or takes its connection from the environment. */
    public static final CommandWords PLAIN = new CommandWords(List.of());

    private final List<String> connection;

    private CommandWords(List<String> connection) {
        this.connection = List.copyOf(connection);
    }

    /** The connection options to repeat: those given as options rather than taken from the environment. */
    public static CommandWords repeating(String urlOption, String userOption) {
        List<String> words = new ArrayList<>();
        if (urlOption != null && !urlOption.isBlank()) {
            words.addAll(List.of("--url", urlOption.replaceAll("(?i)([?&]password=)[^&]*", "$1PASSWORD")));
        }
        if (userOption != null && !userOption.isBlank()) {
            words.addAll(List.of("--user", userOption));
        }
        return new CommandWords(words);
    }

    /** {@code seedreset [connection] words...}, each word quoted for a POSIX shell. */
    public String command(String... words) {
        return command(List.of(words));
    }

    public String command(List<String> words) {
        return Stream.of(Stream.of("seedreset"), connection.stream(), words.stream()).flatMap(s -> s)
                .map(ShellWords::quote).collect(Collectors.joining(" "));
    }
}
