package io.seedreset.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The apply line a plan prints passes every value to a shell unchanged. */
class ShellWordsTest {

    @Test
    void plain_words_stay_as_they_are() {
        assertThat(ShellWords.quote("events=5")).isEqualTo("events=5");
        assertThat(ShellWords.quote("2026-11-21T00:00:00Z")).isEqualTo("2026-11-21T00:00:00Z");
    }

    @Test
    void spaces_ampersands_and_quotes_are_single_quoted() {
        assertThat(ShellWords.quote("title=Harbor & Pine")).isEqualTo("'title=Harbor & Pine'");
        assertThat(ShellWords.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellWords.quote("$HOME `id`")).isEqualTo("'$HOME `id`'");
    }

    @Test
    void control_characters_and_overrides_are_written_as_escapes_that_cannot_break_the_line() {
        assertThat(ShellWords.quote("it's a\nname")).isEqualTo("$'it\\'s a\\nname'");
        assertThat(ShellWords.quote("a\u001b[2Jb\u202e")).isEqualTo("$'a\\u001b[2Jb\\u202e'");
        assertThat(ShellWords.quote("back\\slash\t")).isEqualTo("$'back\\\\slash\\t'");
    }
}
