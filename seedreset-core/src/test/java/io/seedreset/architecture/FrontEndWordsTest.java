package io.seedreset.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's messages speak the Java API's language: no front end's flag, command or environment
 * variable appears in a string of core's code. Each front end adds its own hints from an error's
 * reason and details (the CLI's are in its Hints class).
 */
class FrontEndWordsTest {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern FRONT_END_WORD = Pattern.compile("--[a-z]|'seedreset |SEEDRESET_|/api/");

    @Test
    void no_string_in_core_names_a_flag_a_command_or_a_route() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = COMMENT.matcher(Files.readString(source)).replaceAll("");
                Matcher literal = LITERAL.matcher(code);
                while (literal.find()) {
                    if (FRONT_END_WORD.matcher(literal.group()).find()) {
                        found.add(source.getFileName() + ": " + literal.group());
                    }
                }
            }
        }
        assertThat(found).as("strings in core that name a front end's words").isEmpty();
    }
}
