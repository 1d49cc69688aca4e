package io.seedreset.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandWordsTest {

    @Test
    void printed_commands_repeat_the_connection_options_given_but_never_a_password() {
        CommandWords given = CommandWords.repeating("jdbc:postgresql://db.internal:5432/app?user=ops&password=s3cret&ssl=true", "ops");
        assertThat(given.command("init")).isEqualTo(
                "seedreset --url 'jdbc:postgresql://db.internal:5432/app?user=ops&password=PASSWORD&ssl=true' --user ops init");
        assertThat(CommandWords.repeating(null, null).command("org", "create", "acme demo"))
                .isEqualTo("seedreset org create 'acme demo'");
        assertThat(CommandWords.PLAIN.command("history", "--org", "acme")).isEqualTo("seedreset history --org acme");
    }
}
