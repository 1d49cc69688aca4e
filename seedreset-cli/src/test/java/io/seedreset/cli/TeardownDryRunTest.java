package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code teardown --dry-run} and {@code reset --dry-run} on a real database: an organization with a
 * pack, a scenario that updated its rows and rows people created. The preview writes nothing (every
 * table compared before and after, the audit apart: a preview is audited), needs no --confirm, is
 * refused on production as the operations are, and says what the real operation then reports.
 */
class TeardownDryRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPANY_A = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String COMPANY_B = "aaaaaaaa-0000-0000-0000-000000000002";
    private static final String PERSON = "bbbbbbbb-0000-0000-0000-000000000001";

    private Cli.OnDatabase database;
    private DataSource dataSource;

    @BeforeEach
    void organizationWithPackScenarioAndPeoplesRows() throws SQLException {
        database = Cli.onFreshDatabase("--actor", "dry-run-test");
        dataSource = database.dataSource();
        ok("init");
        ok("org", "create", "acme-demo", "--name", "Acme Demo", "--kind", "demo");
        ok("org", "create", "acme", "--name", "Acme");
        applyPackAndScenario();
        execute("INSERT INTO ticketing.companies (org_id, id, name, slug, type, email, phone, city, state, created_at)"
                + " SELECT id, '" + COMPANY_A + "', 'People A', 'people-a', 'PROMOTER', 'a@example.com', '1', 'X', 'Y', now()"
                + " FROM platform.organizations WHERE slug = 'acme-demo'");
        execute("INSERT INTO ticketing.companies (org_id, id, name, slug, type, email, phone, city, state, created_at)"
                + " SELECT id, '" + COMPANY_B + "', 'People B', 'people-b', 'VENUE', 'b@example.com', '2', 'X', 'Y', now()"
                + " FROM platform.organizations WHERE slug = 'acme-demo'");
    }

    @Test
    void teardown_preview_writes_nothing_and_says_what_teardown_then_does() throws Exception {
        Map<String, String> before = DatabaseSnapshot.of(dataSource, "platform.seed_audit");
        long audited = auditEntries();

        Cli.Run table = database.run("teardown", "--org", "acme-demo", "--dry-run");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).startsWith("Dry run of teardown in 'acme-demo' (nothing written): would delete ")
                .contains("TABLE", "DELETED", "RESTORED", "NOT SEEDED (KEPT)")
                .containsPattern("ticketing\\.companies +\\d+ +\\d+ +2\\b");
        Cli.Run json = database.run("--json", "teardown", "--org", "acme-demo", "--dry-run");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode preview = JSON.readTree(json.out());

        assertThat(DatabaseSnapshot.of(dataSource, "platform.seed_audit")).as("no row of any table changed").isEqualTo(before);
        assertThat(auditEntries()).as("each preview is one audited attempt").isEqualTo(audited + 2);
        assertThat(lastAuditMessage()).startsWith("dry run: would remove ").endsWith("; nothing written");
        assertThat(preview.get("operation").asText()).isEqualTo("teardown");
        assertThat(preview.get("refusal").isNull()).isTrue();
        assertThat(preview.get("applications")).hasSize(2);
        assertThat(counts(preview.get("unseeded"))).containsEntry("ticketing.companies", 2L);
        assertThat(counts(preview.get("restored"))).as("rows updated by an application being removed are deleted, not restored").isEmpty();
        assertThat(counts(preview.get("deleted"))).isEqualTo(ledgerCounts());

        Cli.Run real = database.run("--json", "teardown", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(real.exitCode()).as(real.toString()).isZero();
        JsonNode done = JSON.readTree(real.out());
        assertThat(counts(done.get("deleted"))).isEqualTo(counts(preview.get("deleted")));
        assertThat(counts(done.get("restored"))).isEqualTo(counts(preview.get("restored")));
        assertThat(done.get("applications")).isEqualTo(preview.get("applications"));
        assertThat(count("SELECT count(*) FROM ticketing.companies WHERE id IN ('" + COMPANY_A + "', '" + COMPANY_B + "')"))
                .as("teardown keeps the rows people created").isEqualTo(2);
    }

    @Test
    void teardown_preview_of_the_scenario_alone_says_which_rows_are_put_back_as_teardown_then_does() throws Exception {
        String scenario = text("SELECT id::text FROM platform.seed_applications WHERE pack_id = 'cancelled-event'");
        Map<String, String> before = DatabaseSnapshot.of(dataSource, "platform.seed_audit");

        Cli.Run table = database.run("teardown", "--org", "acme-demo", "--application", scenario, "--dry-run");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).containsPattern("would delete \\d+ rows of 1 application\\(s\\), restore [1-9]\\d* rows")
                .containsPattern("ticketing\\.tickets +\\d+ +[1-9]\\d* +0\\b");
        JsonNode preview = JSON.readTree(database.run("--json", "teardown", "--org", "acme-demo", "--application", scenario, "--dry-run").out());
        assertThat(DatabaseSnapshot.of(dataSource, "platform.seed_audit")).as("no row of any table changed").isEqualTo(before);
        assertThat(counts(preview.get("restored"))).as("the scenario's updates are put back")
                .containsKeys("ticketing.events", "ticketing.orders", "ticketing.tickets");

        Cli.Run real = database.run("--json", "teardown", "--org", "acme-demo", "--application", scenario, "--confirm", "acme-demo");
        assertThat(real.exitCode()).as(real.toString()).isZero();
        JsonNode done = JSON.readTree(real.out());
        assertThat(counts(done.get("deleted"))).isEqualTo(counts(preview.get("deleted")));
        assertThat(counts(done.get("restored"))).isEqualTo(counts(preview.get("restored")));
    }

    @Test
    void reset_preview_writes_nothing_and_says_what_reset_then_does() throws Exception {
        Map<String, String> before = DatabaseSnapshot.of(dataSource, "platform.seed_audit");

        Cli.Run table = database.run("reset", "--org", "acme-demo", "--dry-run", "--anchor", "2026-01-05");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).startsWith("Dry run of reset in 'acme-demo' (nothing written): would delete ")
                .containsPattern("ticketing\\.companies +4 +2 +2 +0\\b").contains("NOT SEEDED", "WRITTEN", "UPDATED");
        Cli.Run json = database.run("--json", "reset", "--org", "acme-demo", "--dry-run", "--anchor", "2026-01-05");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode preview = JSON.readTree(json.out());
        assertThat(DatabaseSnapshot.of(dataSource, "platform.seed_audit")).as("no row of any table changed").isEqualTo(before);
        assertThat(counts(preview.get("unseeded"))).containsEntry("ticketing.companies", 2L);
        assertThat(counts(preview.get("updated"))).as("the scenario updates rows again").isNotEmpty();

        Cli.Run real = database.run("--json", "reset", "--org", "acme-demo", "--confirm", "acme-demo", "--anchor", "2026-01-05");
        assertThat(real.exitCode()).as(real.toString()).isZero();
        JsonNode done = JSON.readTree(real.out());
        assertThat(counts(done.get("deleted"))).isEqualTo(counts(preview.get("deleted")));
        Map<String, Long> written = new TreeMap<>();
        Map<String, Long> updated = new TreeMap<>();
        for (JsonNode applied : done.get("reapplied")) {
            counts(applied.get("counts")).forEach((t, n) -> written.merge(t, n, Long::sum));
            counts(applied.get("updates")).forEach((t, n) -> updated.merge(t, n, Long::sum));
        }
        assertThat(counts(preview.get("written"))).isEqualTo(written);
        assertThat(counts(preview.get("updated"))).isEqualTo(updated);
        assertThat(count("SELECT count(*) FROM ticketing.companies WHERE id IN ('" + COMPANY_A + "', '" + COMPANY_B + "')"))
                .as("reset removes the rows people created").isZero();
    }

    @Test
    void teardown_preview_names_the_rows_people_made_that_reference_seeded_rows_as_teardown_refuses() throws Exception {
        execute("INSERT INTO ticketing.users (org_id, id, company_id, email, password_hash, first_name, last_name, role,"
                + " email_verified, active, created_at) SELECT c.org_id, '" + PERSON + "', c.id, 'p@example.com', 'x', 'P', 'Q', 'PROMOTER',"
                + " true, true, now() FROM ticketing.companies c JOIN platform.seed_rows s ON s.org_id = c.org_id"
                + " AND s.table_name = 'ticketing.companies' AND s.row_id = c.id::text ORDER BY c.id LIMIT 1");
        Map<String, String> before = DatabaseSnapshot.of(dataSource, "platform.seed_audit");

        Cli.Run dryRun = database.run("--json", "teardown", "--org", "acme-demo", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        JsonNode preview = JSON.readTree(dryRun.out());
        String refusal = preview.get("refusal").asText();
        assertThat(refusal).startsWith("teardown refused: rows that were not created by the application(s) being torn down reference"
                + " seeded rows (ticketing.users row " + PERSON + " references ticketing.companies row ");
        assertThat(counts(preview.get("unseeded"))).containsEntry("ticketing.users", 1L).containsEntry("ticketing.companies", 2L);
        assertThat(counts(preview.get("deleted"))).as("the ledger's rows, which a teardown would delete").isEqualTo(ledgerCounts());
        Cli.Run table = database.run("teardown", "--org", "acme-demo", "--dry-run");
        assertThat(table.out()).contains("the teardown would be refused", refusal);
        assertThat(DatabaseSnapshot.of(dataSource, "platform.seed_audit")).isEqualTo(before);

        Cli.Run real = database.run("teardown", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(real.exitCode()).as(real.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(real.err().strip()).isEqualTo("seedreset: " + refusal);
    }

    @Test
    void previews_are_refused_on_production_with_the_operations_message_and_exit_3() {
        String expected = "seedreset: organization 'acme' is a production organization: seed packs never run there (create a demo organization"
                + " for seed packs with 'seedreset org create SLUG --name NAME --kind demo')";
        for (String[] command : new String[][] {
                {"teardown", "--org", "acme", "--dry-run"},
                {"reset", "--org", "acme", "--dry-run"},
                {"reset", "--org", "acme", "--dry-run", "--confirm", "acme"}}) {
            Cli.Run run = database.run(command);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err().strip()).isEqualTo(expected);
        }
        Cli.Run json = database.run("--json", "teardown", "--org", "acme", "--dry-run");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(json.err()).contains("\"exitCode\":3", "\"reason\":\"production_organization\"");
        Cli.Run real = database.run("teardown", "--org", "acme", "--confirm", "acme");
        assertThat(real.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(real.err().strip()).isEqualTo(expected);
    }

    private void applyPackAndScenario() {
        ok("apply", "ticketing-demo", "--org", "acme-demo", "--confirm", "acme-demo", "--mode", "minimal", "--anchor", "2026-01-05");
        ok("apply", "cancelled-event", "--org", "acme-demo", "--confirm", "acme-demo");
    }

    private void ok(String... args) {
        Cli.Run run = database.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new TreeMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private Map<String, Long> ledgerCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT table_name, count(*) FROM platform.seed_rows s JOIN platform.organizations o"
                     + " ON o.id = s.org_id WHERE o.slug = 'acme-demo' GROUP BY table_name")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private long auditEntries() throws SQLException {
        return count("SELECT count(*) FROM platform.seed_audit");
    }

    private String lastAuditMessage() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT message FROM platform.seed_audit ORDER BY id DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
