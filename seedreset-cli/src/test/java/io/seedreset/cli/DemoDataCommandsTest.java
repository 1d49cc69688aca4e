package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/DEMO_DATA.md's commands, every {@code seedreset} line of its shell blocks, run in order as written on a fresh database. */
class DemoDataCommandsTest {

    private static final Path DEMO_DATA = Path.of("..", "docs", "DEMO_DATA.md");

    @Test
    void every_command_in_demo_data_runs_in_order_as_written() throws IOException {
        List<String> commands = commands(Files.readString(DEMO_DATA));
        assertThat(commands).as("commands in DEMO_DATA.md").hasSizeGreaterThanOrEqualTo(8);
        Cli.OnDatabase database = Cli.onFreshDatabase();
        for (String command : commands) {
            Cli.Run run = database.run(words(command.substring("seedreset ".length())).toArray(String[]::new));
            assertThat(run.exitCode()).as(command + "\n" + run).isZero();
        }
    }

    /** The seedreset lines of every ```sh block, comments cut. */
    private static List<String> commands(String markdown) {
        List<String> commands = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (block.find()) {
            for (String line : block.group(1).split("\\n")) {
                String command = line.replaceAll("\\s+#.*$", "").strip();
                if (command.startsWith("seedreset ")) {
                    commands.add(command);
                }
            }
        }
        return commands;
    }

    /** Splits a line as a shell would, for the double quotes the docs use. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }
}
