package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshot create|list|export|restore|delete}, {@code baseline} and {@code apply --backup} on the
 * reference platform: a demo organization with ticketing-demo and a company people created. A
 * snapshot restored gives back every tenant table's rows exactly (compared as text, org_id aside),
 * in the same database and, from the file, in another; production is refused with exit 3 and
 * nothing written; a damaged file is refused with exit 2 in one line.
 */
class SnapshotCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "acme-demo";

    private Cli.OnDatabase database;

    @TempDir
    Path directory;

    @BeforeEach
    void demoWithAPackAndPeoplesRows() throws SQLException {
        database = Cli.onFreshDatabase("--actor", "snapshot-test");
        ok(database, "init");
        ok(database, "org", "create", DEMO, "--name", "Acme Demo", "--kind", "demo");
        ok(database, "org", "create", "acme", "--name", "Acme");
        ok(database, "apply", "ticketing-demo", "--org", DEMO, "--mode", "minimal", "--seed", "7", "--anchor", "2026-11-30", "--confirm", DEMO);
        execute(database.dataSource(), "INSERT INTO ticketing.companies (org_id, id, name, slug, type, email, phone, city, state, created_at)"
                + " SELECT id, gen_random_uuid(), 'Walk-in Promoter', 'walk-in', 'PROMOTER', 'w@example.com', '1', 'Chicago', 'IL', now()"
                + " FROM platform.organizations WHERE slug = '" + DEMO + "'");
    }

    @Test
    void a_snapshot_restored_gives_back_every_row_and_its_file_restores_in_another_database() throws Exception {
        List<String> before = state(database.dataSource(), DEMO);
        Path file = directory.resolve("golden.zip");
        Cli.Run created = database.run("snapshot", "create", "--org", DEMO, "--name", "golden", "--out", file.toString());
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).startsWith("Took snapshot 'golden' of 'acme-demo': ").contains("written to " + file);
        assertThat(file).exists();
        JsonNode listed = JSON.readTree(ok(database, "--json", "snapshot", "list", "--org", DEMO));
        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.get("name").asText()).isEqualTo("golden");
            assertThat(s.get("kind").asText()).isEqualTo("manual");
        });

        execute(database.dataSource(), "DELETE FROM ticketing.companies WHERE slug = 'walk-in'");
        execute(database.dataSource(), "UPDATE ticketing.events SET name = 'Renamed'");
        assertThat(state(database.dataSource(), DEMO)).isNotEqualTo(before);
        Cli.Run restored = database.run("snapshot", "restore", "--org", DEMO, "--name", "golden", "--confirm", DEMO);
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.out()).startsWith("Restored 'golden' into 'acme-demo' in ");
        assertThat(state(database.dataSource(), DEMO)).isEqualTo(before);
        assertThat(count(database.dataSource(), "SELECT count(*) FROM identity.tokens")).as("the old tokens are gone").isZero();
        ok(database, "validate", "--org", DEMO);

        Cli.OnDatabase elsewhere = Cli.onFreshDatabase("--actor", "on-premise");
        ok(elsewhere, "init");
        ok(elsewhere, "org", "create", "prospect-demo", "--name", "Prospect", "--kind", "demo");
        Cli.Run fromFile = elsewhere.run("snapshot", "restore", "--org", "prospect-demo", "--from", file.toString(), "--confirm", "prospect-demo");
        assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
        assertThat(state(elsewhere.dataSource(), "prospect-demo")).isEqualTo(before);
        // Everything restored is the ledger's: teardown leaves the organization empty.
        ok(elsewhere, "teardown", "--org", "prospect-demo", "--confirm", "prospect-demo");
        assertThat(state(elsewhere.dataSource(), "prospect-demo")).allMatch(line -> line.startsWith("-- "));
    }

    @Test
    void production_is_refused_with_exit_3_and_nothing_is_written() throws Exception {
        ok(database, "snapshot", "create", "--org", DEMO, "--name", "golden");
        Map<String, String> before = DatabaseSnapshot.of(database.dataSource(), "platform.seed_audit");
        for (String[] args : List.of(new String[] {"snapshot", "create", "--org", "acme", "--name", "copy"},
                new String[] {"snapshot", "restore", "--org", "acme", "--name", "golden", "--of", DEMO, "--confirm", "acme"},
                new String[] {"snapshot", "restore", "--org", "acme", "--name", "golden", "--of", DEMO, "--dry-run"},
                new String[] {"baseline", "--org", "acme", "--packs", "--confirm", "acme"})) {
            Cli.Run run = database.run(args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            assertThat(run.err().strip()).doesNotContain("\n").contains("production");
        }
        assertThat(DatabaseSnapshot.of(database.dataSource(), "platform.seed_audit")).isEqualTo(before);
    }

    @Test
    void a_damaged_file_is_refused_in_one_line_with_exit_2_and_the_dry_run_writes_nothing() throws Exception {
        Path file = directory.resolve("golden.zip");
        ok(database, "snapshot", "create", "--org", DEMO, "--name", "golden", "--out", file.toString());
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(directory.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ok(database, "org", "create", "other-demo", "--name", "Other", "--kind", "sandbox");
        Map<String, String> before = DatabaseSnapshot.of(database.dataSource(), "platform.seed_audit");

        Cli.Run run = database.run("snapshot", "restore", "--org", "other-demo", "--from", truncated.toString(), "--confirm", "other-demo");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("truncated.zip").contains("nothing was restored");

        Cli.Run preview = database.run("snapshot", "restore", "--org", "other-demo", "--from", file.toString(), "--dry-run");
        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(preview.out()).startsWith("Dry run of restore in 'other-demo' (nothing written): would delete 0 rows (0 not seeded), write ");
        assertThat(DatabaseSnapshot.of(database.dataSource(), "platform.seed_audit")).isEqualTo(before);

        Cli.Run unknown = database.run("snapshot", "restore", "--org", DEMO, "--name", "nope", "--confirm", DEMO);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("has no snapshot named 'nope': see 'seedreset snapshot list --org acme-demo'");
        Cli.Run exists = database.run("snapshot", "create", "--org", DEMO, "--name", "again", "--out", file.toString());
        assertThat(exists.exitCode()).as(exists.toString()).isEqualTo(4);
    }

    @Test
    void reset_to_a_snapshot_baseline_keeps_a_backup_and_apply_backup_can_be_undone() throws Exception {
        ok(database, "snapshot", "create", "--org", DEMO, "--name", "golden");
        List<String> golden = state(database.dataSource(), DEMO);
        assertThat(ok(database, "baseline", "--org", DEMO)).contains("'acme-demo' resets to what was applied to it: its packs");
        assertThat(ok(database, "baseline", "--org", DEMO, "--snapshot", "golden", "--confirm", DEMO)).contains("resets to snapshot 'golden'");
        execute(database.dataSource(), "UPDATE ticketing.events SET name = 'Changed before the call'");

        JsonNode reset = JSON.readTree(ok(database, "--json", "reset", "--org", DEMO, "--confirm", DEMO));
        assertThat(state(database.dataSource(), DEMO)).isEqualTo(golden);
        String backup = reset.get("backup").asText();
        assertThat(backup).startsWith("backup-").endsWith("-reset");
        assertThat(reset.get("restored")).singleElement().satisfies(r -> assertThat(r.get("source").asText()).isEqualTo("golden"));
        // The snapshot knows the logins its packs had created: they get new API tokens, as after a reset to the packs.
        assertThat(reset.get("apiTokens")).isNotEmpty().allSatisfy(token -> assertThat(token.get("token").asText()).startsWith("sra_"));

        Cli.Run inUse = database.run("snapshot", "delete", "--org", DEMO, "--name", "golden", "--confirm", DEMO);
        assertThat(inUse.exitCode()).as(inUse.toString()).isEqualTo(4);
        assertThat(inUse.err()).contains("is a baseline");

        ok(database, "baseline", "--org", DEMO, "--packs", "--confirm", DEMO);
        ok(database, "snapshot", "restore", "--org", DEMO, "--name", backup, "--confirm", DEMO);
        assertThat(count(database.dataSource(), "SELECT count(*) FROM ticketing.events WHERE name = 'Changed before the call'")).isPositive();

        Cli.Run applied = database.run("apply", "cancelled-event", "--org", DEMO, "--seed", "7", "--anchor", "2026-11-30", "--backup",
                "--confirm", DEMO);
        assertThat(applied.exitCode()).as(applied.toString()).isEqualTo(4); // the scenario needs ticketing-demo's application, which the restore replaced
        ok(database, "snapshot", "restore", "--org", DEMO, "--name", "golden", "--confirm", DEMO);
        ok(database, "teardown", "--org", DEMO, "--confirm", DEMO);
        ok(database, "apply", "ticketing-demo", "--org", DEMO, "--mode", "minimal", "--seed", "7", "--anchor", "2026-11-30", "--confirm", DEMO);
        List<String> seeded = state(database.dataSource(), DEMO);
        Cli.Run scenario = database.run("apply", "cancelled-event", "--org", DEMO, "--seed", "7", "--anchor", "2026-11-30", "--backup",
                "--confirm", DEMO);
        assertThat(scenario.exitCode()).as(scenario.toString()).isZero();
        assertThat(scenario.out()).startsWith("Backup: snapshot 'backup-");
        String applyBackup = scenario.out().lines().findFirst().orElseThrow().replaceAll(".*'(backup-[^']+)'.*", "$1");
        ok(database, "snapshot", "restore", "--org", DEMO, "--name", applyBackup, "--confirm", DEMO);
        assertThat(state(database.dataSource(), DEMO)).isEqualTo(seeded);
    }

    private static String ok(Cli.OnDatabase on, String... args) {
        Cli.Run run = on.run(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run).isZero();
        return run.out();
    }

    /** Every tenant table's rows of the organization as text, org_id aside, in id order; tables snapshots leave out aside. */
    static List<String> state(DataSource dataSource, String organization) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.columns"
                         + " WHERE column_name = 'org_id' AND table_schema NOT IN ('platform', 'information_schema')"
                         + " AND (table_schema, table_name) IN (SELECT table_schema, table_name FROM information_schema.tables"
                         + " WHERE table_type = 'BASE TABLE')"
                         // Credentials are never in a snapshot: a restore deletes them and the personas get new ones.
                         + " AND table_schema || '.' || table_name NOT IN (SELECT table_name FROM platform.snapshot_exclusions) ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                lines.add("-- " + table);
                try (PreparedStatement statement = connection.prepareStatement("SELECT (to_jsonb(t) - 'org_id')::text FROM " + table
                        + " t WHERE t.org_id = (SELECT id FROM platform.organizations WHERE slug = ?) ORDER BY 1")) {
                    statement.setString(1, organization);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            lines.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return lines;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
