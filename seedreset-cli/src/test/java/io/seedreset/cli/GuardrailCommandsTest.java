package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedreset.platform.mail.Mail;
import io.seedreset.platform.mail.Mailbox;
import io.seedreset.platform.modules.ModuleFlags;
import io.seedreset.testing.DatabaseReader;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code seedreset mail}, {@code seedreset usage} and {@code seedreset org modules} on a database with a demo and a production organization. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardrailCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cli.OnDatabase database;
    private DatabaseReader db;

    @BeforeAll
    void aDemoAndAProductionOrganization() {
        database = Cli.onFreshDatabase();
        db = new DatabaseReader(database.dataSource());
        for (String[] command : List.of(new String[] {"init"}, new String[] {"org", "create", "acme-demo", "--name", "Acme Demo", "--kind", "demo"},
                new String[] {"org", "create", "acme", "--name", "Acme"})) {
            Cli.Run run = database.run(command);
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
    }

    @Test
    void mail_lists_the_mailbox_newest_first_with_what_became_of_each_message() throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            Mailbox.send(connection, id("acme-demo"), new Mail("order_confirmation", "ann@example.org", "Your order ORD-1", "..."),
                    Instant.parse("2026-11-21T09:00:00Z"));
            Mailbox.send(connection, id("acme-demo"), new Mail("ticket_transfer", "bo@example.org", "A ticket for you", "..."),
                    Instant.parse("2026-11-21T10:00:00Z"));
        }

        Cli.Run mail = database.run("mail", "--org", "acme-demo");
        assertThat(mail.exitCode()).as(mail.toString()).isZero();
        assertThat(mail.out()).isEqualTo("""
                Mailbox of 'acme-demo', newest first (not production: its mail is captured here and never sent):
                  TIME                  KIND                TO               SUBJECT           STATUS
                  2026-11-21T10:00:00Z  ticket_transfer     bo@example.org   A ticket for you  captured
                  2026-11-21T09:00:00Z  order_confirmation  ann@example.org  Your order ORD-1  captured
                """);
        JsonNode json = JSON.readTree(database.run("mail", "--org", "acme-demo", "--limit", "1", "--json").out());
        assertThat(json.get("organization").asText()).isEqualTo("acme-demo");
        assertThat(json.get("messages")).hasSize(1);
        assertThat(json.at("/messages/0/subject").asText()).isEqualTo("A ticket for you");
        assertThat(json.at("/messages/0/status").asText()).isEqualTo("captured");
        assertThat(database.run("mail", "--org", "acme").out()).contains("a production organization").contains("  none");
    }

    @Test
    void usage_prints_requests_by_module_then_route_and_persona_for_the_last_days() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID demo = id("acme-demo");
        db.execute("INSERT INTO operations.usage VALUES (?, ?, 'ticketing', '/api/v1/ticketing/events/{id}', 'maya@example.org', 4),"
                + " (?, ?, 'auth', '/api/v1/auth/me', 'maya@example.org', 2), (?, ?, 'ticketing', '/api/v1/ticketing/events', 'sam@example.org', 1)",
                demo, java.sql.Date.valueOf(today), demo, java.sql.Date.valueOf(today.minusDays(1)), demo, java.sql.Date.valueOf(today.minusDays(30)));

        Cli.Run usage = database.run("usage", "--org", "acme-demo");
        assertThat(usage.exitCode()).as(usage.toString()).isZero();
        assertThat(usage.out()).isEqualTo(String.format("""
                Usage of 'acme-demo' from %s to %s (UTC): 6 request(s).
                  MODULE     ROUTE                          PERSONA           DAY         REQUESTS
                  auth       /api/v1/auth/me                maya@example.org  %s  2
                  ticketing  /api/v1/ticketing/events/{id}  maya@example.org  %s  4
                """, today.minusDays(6), today, today.minusDays(1), today));
        JsonNode json = JSON.readTree(database.run("usage", "--org", "acme-demo", "--days", "31", "--json").out());
        assertThat(json.get("rows")).hasSize(3);
        assertThat(json.at("/rows/2/route").asText()).isEqualTo("/api/v1/ticketing/events/{id}");
        assertThat(json.at("/rows/2/count").asLong()).isEqualTo(4);
        assertThat(database.run("usage", "--org", "acme").out()).contains("'acme' is a production organization: its requests are not counted.");
    }

    @Test
    void org_modules_prints_each_modules_state_and_switches_them() throws Exception {
        Cli.Run listed = database.run("org", "modules", "--org", "acme-demo");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).startsWith("Modules of 'acme-demo' (not production: unstable modules are off unless switched on):\n");

        List<ModuleFlags.Module> modules = ModuleSwitches.modules(database.dataSource());
        Assumptions.assumeFalse(modules.isEmpty(), "the API has no modules yet to switch");
        String module = modules.get(0).name();
        Cli.Run off = database.run("org", "modules", "--org", "acme-demo", "--disable", module);
        assertThat(off.exitCode()).as(off.toString()).isZero();
        assertThat(off.out()).startsWith("Switched " + module + " off for 'acme-demo'.\n").containsPattern("\n  " + module + " +off +switched off\n");
        JsonNode json = JSON.readTree(database.run("org", "modules", "--org", "acme-demo", "--enable", module, "--json").out());
        assertThat(json.at("/modules/0/module").asText()).isEqualTo(module);
        assertThat(json.at("/modules/0/enabled").asBoolean()).isTrue();
        assertThat(json.at("/modules/0/switched").asBoolean()).isTrue();
        assertThat(db.strings("SELECT module || ' ' || enabled FROM operations.module_flags")).containsExactly(module + " true");
    }

    @Test
    void an_unknown_module_is_refused_naming_the_modules_and_switches_nothing() {
        Cli.Run unknown = database.run("org", "modules", "--org", "acme-demo", "--enable", "frobnication");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).startsWith("seedreset: unknown module 'frobnication': the modules are ")
                .endsWith(" (see 'seedreset org modules --help')\n");
        assertThat(db.queryForLong("SELECT count(*) FROM operations.module_flags WHERE module = 'frobnication'")).isZero();
    }

    private UUID id(String slug) {
        return UUID.fromString(db.strings("SELECT id::text FROM platform.organizations WHERE slug = ?", slug).get(0));
    }
}
