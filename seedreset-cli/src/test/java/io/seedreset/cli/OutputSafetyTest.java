package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Output a terminal cannot be fooled by: values from users never move the cursor or fake a line. */
class OutputSafetyTest {

    private Cli.OnDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = Cli.onFreshDatabase();
        assertThat(seedreset("init").exitCode()).isZero();
    }

    private Cli.Run seedreset(String... args) {
        return database.run(args);
    }

    @Test
    void a_name_with_a_carriage_return_or_an_escape_is_refused_in_one_line() {
        Cli.Run created = seedreset("org", "create", "acme-demo", "--name", "Acme\r  Faked Co\u001b[2J", "--kind", "demo");
        assertThat(created.exitCode()).as(created.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(created.err()).isEqualTo("seedreset: organization 'acme-demo': a name has at most 200 characters and no control characters\n");
        assertThat(seedreset("org", "list").out()).doesNotContain("acme-demo");
    }

    @Test
    void a_name_stored_before_names_were_checked_cannot_fake_a_line() throws Exception {
        // A database from before the check: the name went in unchecked.
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE platform.organizations DROP CONSTRAINT organizations_name_printable");
            statement.execute("INSERT INTO platform.organizations (id, slug, name, kind, is_production)"
                    + " VALUES (gen_random_uuid(), 'acme-demo', E'Acme\\r  Faked Co\\u001b[2J\\u202e', 'demo', false)");
        }
        Cli.Run list = seedreset("org", "list");
        assertThat(list.out()).contains("  acme-demo  Acme\\r  Faked Co\\u001b[2J\\u202e  demo ").doesNotContain("\r", "\u001b", "\u202e");
        assertThat(list.out().lines()).hasSize(2);
    }

    @Test
    void an_actor_with_a_newline_is_escaped_in_history() {
        seedreset("org", "create", "acme-demo", "--name", "Acme", "--kind", "demo");
        Cli.Run apply = seedreset("--actor", "maria\nroot", "apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        Cli.Run history = seedreset("history", "--org", "acme-demo");
        assertThat(history.out()).contains("maria\\nroot").doesNotContain("maria\nroot");
    }

    @Test
    void an_error_is_one_line_even_when_an_argument_holds_a_newline_and_long_values_are_shortened() {
        Cli.Run newline = seedreset("plan", "event-agency-starter", "--org", "x\nseedreset: all good");
        assertThat(newline.err()).startsWith("seedreset: unknown organization 'x\\nseedreset: all good': ")
                .endsWith(" --name NAME --kind demo'\n");
        assertThat(newline.err().lines()).hasSize(1);

        Cli.Run escape = seedreset("plan", "pack\u001b]0;owned\u0007", "--org", "x");
        assertThat(escape.err()).startsWith("seedreset: unknown pack 'pack\\u001b]0;owned\\u0007'").doesNotContain("\u001b");

        String longPack = "p".repeat(5000);
        Cli.Run longValue = seedreset("plan", longPack, "--org", "x");
        assertThat(longValue.err()).startsWith("seedreset: unknown pack '" + "p".repeat(79) + "…' (installed: ").endsWith("): see 'seedreset packs'\n");
        assertThat(longValue.err().length()).isLessThan(300);

        Cli.Run option = seedreset("plan", "event-agency-starter", "--org", "x", "--fro\nb");
        assertThat(option.err()).isEqualTo("seedreset: Unknown option: '--fro\\nb' (see 'seedreset plan --help')\n");
    }
}
