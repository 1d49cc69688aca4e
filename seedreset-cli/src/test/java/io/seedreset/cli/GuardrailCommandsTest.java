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

        List<ModuleFlags.Module> modules = ModuleSwitches.modules(database.dataSource(),
                new io.seedreset.platform.uploads.UploadStore(java.nio.file.Path.of("target", "unused-uploads")));
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


    @Test
    void uploads_purge_deletes_demo_organizations_old_uploads_and_left_files_never_a_production_ones() throws Exception {
        java.nio.file.Path uploads = java.nio.file.Files.createTempDirectory("seedreset-cli-uploads");
        Instant threeDaysAgo = Instant.now().minus(java.time.Duration.ofDays(3));
        UUID oldDemo = upload(uploads, "acme-demo", threeDaysAgo);
        UUID recentDemo = upload(uploads, "acme-demo", Instant.now().minus(java.time.Duration.ofMinutes(10)));
        UUID oldProduction = upload(uploads, "acme", threeDaysAgo);
        java.nio.file.Path leftByAReset = file(uploads, "acme-demo", UUID.randomUUID(), threeDaysAgo);

        Cli.Run purge = database.run("uploads", "purge", "--uploads-dir", uploads.toString());
        assertThat(purge.exitCode()).as(purge.toString()).isZero();
        assertThat(purge.out()).contains("(older than 48h) of 1 demo organization, in " + uploads + ":\n"
                + "  1 upload deleted (1 file), and 1 file left without a row.\n"
                + "Production, qa and sandbox organizations' uploads are never purged.\n");
        assertThat(db.strings("SELECT id::text FROM uploads.files")).containsExactlyInAnyOrder(recentDemo.toString(), oldProduction.toString());
        assertThat(file(uploads, "acme-demo", oldDemo)).doesNotExist();
        assertThat(leftByAReset).doesNotExist();
        assertThat(file(uploads, "acme-demo", recentDemo)).exists();
        assertThat(file(uploads, "acme", oldProduction)).exists();

        JsonNode again = JSON.readTree(database.run("--json", "uploads", "purge", "--uploads-dir", uploads.toString(), "--older-than", "1m").out());
        assertThat(again.get("rows").asInt()).as("a minute old: the recent one goes too").isEqualTo(1);
        assertThat(again.get("files").asInt()).isEqualTo(1);
        assertThat(again.get("olderThan").asText()).isEqualTo("1m");
        assertThat(db.strings("SELECT id::text FROM uploads.files")).containsExactly(oldProduction.toString());
        assertThat(file(uploads, "acme", oldProduction)).exists();
    }

    /** An upload of an event of the organization created at {@code at}: its row, and its file as old. */
    private UUID upload(java.nio.file.Path uploads, String organization, Instant at) throws Exception {
        UUID event = UUID.randomUUID();
        UUID upload = UUID.randomUUID();
        db.execute("""
                INSERT INTO events.events (org_id, id, name, event_type, client_name, status, starts_at, ends_at, city, state,
                                           expected_attendees, created_at)
                VALUES (?, ?, 'Gala', 'gala', 'Northwind', 'planning', '2026-12-01T18:00Z', '2026-12-01T23:00Z', 'Austin', 'TX', 50, now())""",
                id(organization), event);
        db.execute("""
                INSERT INTO uploads.files (org_id, id, event_id, filename, content_type, size_bytes, sha256, uploaded_by, created_at)
                VALUES (?, ?, ?, 'gala.png', 'image/png', 4, repeat('a', 64), 'planner@example.org', ?)""",
                id(organization), upload, event, java.sql.Timestamp.from(at));
        file(uploads, organization, upload, at);
        return upload;
    }

    private java.nio.file.Path file(java.nio.file.Path uploads, String organization, UUID id, Instant modified) throws Exception {
        java.nio.file.Path file = file(uploads, organization, id);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, new byte[] {1, 2, 3, 4});
        java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(modified));
        return file;
    }

    private java.nio.file.Path file(java.nio.file.Path uploads, String organization, UUID id) throws Exception {
        return new io.seedreset.platform.uploads.UploadStore(uploads).databaseFolder(database.dataSource())
                .resolve(id(organization).toString()).resolve(id.toString());
    }

    private UUID id(String slug) {
        return UUID.fromString(db.strings("SELECT id::text FROM platform.organizations WHERE slug = ?", slug).get(0));
    }
}
