package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and subcommand explains itself, without a database. */
class HelpTest {

    /** Every command path: "plan", "org create", "db start", ... */
    static Stream<String> commands() {
        List<String> paths = new ArrayList<>();
        collect(new CommandLine(new SeedresetCommand()), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine line, String prefix, List<String> paths) {
        line.getSubcommands().forEach((name, sub) -> {
            paths.add(prefix + name);
            collect(sub, prefix + name + " ", paths);
        });
    }

    @ParameterizedTest(name = "seedreset {0} --help")
    @MethodSource("commands")
    void help_on_every_command_prints_its_usage_and_exits_0(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Usage: seedreset " + command + " ");
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "seedreset help {0}")
    @MethodSource("commands")
    void help_names_a_command_or_subcommand_and_prints_the_same_usage(String command) {
        List<String> words = new ArrayList<>(List.of("help"));
        words.addAll(List.of(command.split(" ")));
        Cli.Run help = Cli.run(words.toArray(String[]::new));
        assertThat(help.exitCode()).as(help.toString()).isZero();
        List<String> helpOption = new ArrayList<>(List.of(command.split(" ")));
        helpOption.add("--help");
        assertThat(help.out()).isEqualTo(Cli.run(helpOption.toArray(String[]::new)).out());
    }

    @Test
    void help_on_an_unknown_command_says_so_and_lists_the_commands_as_the_command_itself_does() {
        Cli.Run help = Cli.run("help", "aply");
        assertThat(help.exitCode()).as(help.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(help.out()).isEmpty();
        assertThat(help.err()).isEqualTo("seedreset: unknown command 'aply': the commands are init, org, packs, plan, apply, teardown,"
                + " reset, activity, timetravel, snapshot, baseline, import, validate, history, mail, usage, uploads, demo, db, serve, schedule, tokens, staff, install, new-pack, help (see 'seedreset --help')\n");
        assertThat(help.err()).isEqualTo(Cli.run("aply").err());

        Cli.Run sub = Cli.run("help", "org", "crate");
        assertThat(sub.exitCode()).as(sub.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(sub.err()).isEqualTo("seedreset: unknown command 'crate': the commands are create, list, modules (see 'seedreset org --help')\n");
        assertThat(sub.err()).isEqualTo(Cli.run("org", "crate").err());

        Cli.Run leaf = Cli.run("help", "org", "list", "all");
        assertThat(leaf.exitCode()).as(leaf.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(leaf.err()).isEqualTo("seedreset: 'seedreset org list' has no subcommands, so 'all' names none"
                + " (see 'seedreset org list --help')\n");
    }

    @Test
    void every_command_has_help() {
        assertThat(commands()).contains("init", "org", "org create", "org list", "packs", "plan", "apply", "teardown", "reset",
                "validate", "history", "demo", "db", "db start", "db stop", "db status", "serve", "install", "help");
    }

    static Stream<String> commandsAndRoot() {
        return Stream.concat(Stream.of(""), commands());
    }

    /**
     * Lines break between words only, never inside one ('./seedreset', '~/.seedreset/pgdata',
     * '--before-entry'), stay within 80 columns, and a wrapped entry of a list goes on indented.
     */
    @ParameterizedTest(name = "seedreset {0} --help")
    @MethodSource("commandsAndRoot")
    void help_wraps_between_words_within_80_columns(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");
        String help = Cli.run(args.toArray(String[]::new)).out();
        assertThat(help.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
        String joined = help.strip().replaceAll("\\s+", " ");
        CommandLine line = new CommandLine(new SeedresetCommand());
        for (String word : args.subList(0, args.size() - 1)) {
            line = line.getSubcommands().get(word);
        }
        List<String> texts = new ArrayList<>(List.of(line.getCommandSpec().usageMessage().description()));
        // The list of commands shows the first line of each one's description.
        line.getSubcommands().values().forEach(sub -> texts.add(sub.getCommandSpec().usageMessage().description()[0]));
        line.getCommandSpec().options().forEach(option -> texts.addAll(List.of(option.description())));
        for (String footer : line.getCommandSpec().usageMessage().footer()) {
            texts.add(footer.strip());
        }
        assertThat(texts).allSatisfy(text -> assertThat(joined).contains(text.replaceAll("\\s+", " ")));
        List<String> lines = help.lines().toList();
        for (String heading : List.of("Environment:", "Exit codes:")) {
            if (lines.contains(heading)) {
                assertThat(lines.subList(lines.indexOf(heading) + 1, lines.size())).as("after " + heading)
                        .allSatisfy(entry -> assertThat(entry).matches("^(|  .*|[A-Z][a-z ]+:)$"));
            }
        }
    }

    @Test
    void coloured_help_on_a_terminal_wraps_as_plain_help_does() {
        CommandLine commandLine = Main.commandLine(new SeedresetCommand());
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.ON));
        String coloured = commandLine.getUsageMessage();
        assertThat(coloured).contains("\u001B[");
        assertThat(coloured.replaceAll("\u001B\\[[;\\d]*m", "")).isEqualTo(Cli.run("--help").out());
    }

    @Test
    void the_root_help_lists_the_commands_exit_codes_and_environment() {
        Cli.Run run = Cli.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Commands:", "  db ", "  help ", "Exit codes:", "  4   conflict", "SEEDRESET_DATA_DIR");
        assertThat(run.out().replaceAll("\\s+", " ")).as("as InstallTest sees it exit")
                .contains("4 conflict (busy, already applied, confirmation missing or wrong, plan changed, scenario order, install onto an existing file)");
    }
}
