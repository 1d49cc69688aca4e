package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@link HelpLayout} wraps the lines picocli lays out unbounded. */
class HelpLayoutTest {

    private static final String WORDS = "a link to this checkout's ./seedreset launcher (default in ~/.local/bin), and more words here";

    @Test
    void a_list_entry_goes_on_two_columns_under_its_text_and_words_stay_whole() {
        assertThat(HelpLayout.wrap("  install   Put a 'seedreset' command on your PATH: " + WORDS, -1)).isEqualTo(
                "  install   Put a 'seedreset' command on your PATH: a link to this checkout's\n"
                + "              ./seedreset launcher (default in ~/.local/bin), and more words\n"
                + "              here");
    }

    @Test
    void text_on_a_line_of_its_own_under_a_long_name_goes_on_two_columns_in() {
        assertThat(HelpLayout.wrap("      --before-application=SEQ\n                          only " + WORDS, -1)).isEqualTo(
                "      --before-application=SEQ\n"
                + "                          only a link to this checkout's ./seedreset launcher\n"
                + "                            (default in ~/.local/bin), and more words here");
    }

    @Test
    void a_paragraph_goes_on_at_column_0_and_a_synopsis_under_its_first_option() {
        assertThat(HelpLayout.wrap("Put a 'seedreset' command on your PATH: " + WORDS, -1)).isEqualTo(
                "Put a 'seedreset' command on your PATH: a link to this checkout's ./seedreset\n"
                + "launcher (default in ~/.local/bin), and more words here");
        assertThat(HelpLayout.wrap("Usage: seedreset db stop [-hV] [--json] [--actor=<actor>] [--password=<password>] [--url=<url>]", 25))
                .isEqualTo("Usage: seedreset db stop [-hV] [--json] [--actor=<actor>]\n"
                        + "                         [--password=<password>] [--url=<url>]");
    }

    @Test
    void colour_escapes_take_no_column_and_a_word_longer_than_a_line_stays_whole() {
        String bold = "\u001B[1minstall\u001B[21m\u001B[0m";
        assertThat(HelpLayout.wrap("  " + bold + "   Put a 'seedreset' command on your PATH: " + WORDS, -1)).isEqualTo(
                "  " + bold + "   Put a 'seedreset' command on your PATH: a link to this checkout's\n"
                + "              ./seedreset launcher (default in ~/.local/bin), and more words\n"
                + "              here");
        String long90 = "x".repeat(90);
        assertThat(HelpLayout.wrap(long90, -1)).isEqualTo(long90);
    }
}
