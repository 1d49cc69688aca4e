package io.seedreset.snapshot;

import static io.seedreset.fixture.Fixture.DEMO;
import static io.seedreset.fixture.Fixture.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.Progress;
import io.seedreset.api.RemovalPreview;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.ResetResult;
import io.seedreset.api.RestoreRequest;
import io.seedreset.api.RestoreResult;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.SnapshotInfo;
import io.seedreset.api.TeardownRequest;
import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.LedgerPack;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

    private static final String OTHER = "other-demo";
    private static final List<String> TABLES = List.of("fixture.accounts", "fixture.entries", "fixture.account_notes", "fixture.profiles");

    private final Fixture fixture = new Fixture();
    private final SeedReset seedReset = fixture.seedReset;

    @TempDir
    Path directory;

    @AfterEach
    void the_invariant_holds() {
        assertThat(fixture.seededRowsInProduction()).isZero();
        assertThat(fixture.miscountedOrganizations()).isZero();
    }

    /** The organization's rows in every tenant table, without org_id: equal states mean the same rows, byte for byte. */
    private List<String> state(String organization) {
        List<String> rows = new ArrayList<>();
        for (String table : TABLES) {
            rows.add("-- " + table);
            rows.addAll(fixture.strings("SELECT (to_jsonb(t) - 'org_id')::text FROM " + table + " t JOIN platform.organizations o ON o.id = t.org_id"
                    + " WHERE o.slug = ? ORDER BY t.id", organization));
        }
        return rows;
    }

    /** A demo organization with the pack applied and rows people created on top (a note, a profile, a changed balance). */
    private void seedAndWork(String organization) {
        seedReset.apply(Fixture.applyTo(organization));
        fixture.execute("""
                INSERT INTO fixture.account_notes (org_id, id, account_id, body)
                SELECT a.org_id, gen_random_uuid(), a.id, 'called back, wants a quote' FROM fixture.accounts a
                  JOIN platform.organizations o ON o.id = a.org_id WHERE o.slug = ? ORDER BY a.id LIMIT 1""", organization);
        fixture.execute("""
                INSERT INTO fixture.profiles (org_id, id, score, seen_at, born, tags, email)
                SELECT id, gen_random_uuid(), 12.345678901, '2026-11-20 09:30:00.123456+00', '1984-02-29', ARRAY['tab\tin', 'new
                line', 'back\\slash', NULL], 'ana@example.test' FROM platform.organizations WHERE slug = ?""", organization);
    }

    private long ledgerRows(String organization) {
        return fixture.count("SELECT count(*) FROM platform.seed_rows s JOIN platform.organizations o ON o.id = s.org_id WHERE o.slug = '"
                + organization + "'");
    }

    @Test
    void a_snapshot_restored_after_changes_gives_back_the_same_rows_and_the_ledger_holds_every_one() {
        seedAndWork(DEMO);
        List<String> before = state(DEMO);
        SnapshotInfo snapshot = seedReset.createSnapshot(DEMO, "before-call");
        assertThat(snapshot.rows()).isEqualTo(before.size() - TABLES.size());
        assertThat(snapshot.counts()).containsEntry("fixture.account_notes", 1L).containsEntry("fixture.profiles", 1L);

        fixture.execute("UPDATE fixture.accounts SET name = 'Renamed' WHERE org_id = (SELECT id FROM platform.organizations WHERE slug = ?)", DEMO);
        fixture.execute("DELETE FROM fixture.profiles WHERE org_id = (SELECT id FROM platform.organizations WHERE slug = ?)", DEMO);
        assertThat(state(DEMO)).isNotEqualTo(before);

        RestoreResult result = seedReset.restore(RestoreRequest.snapshot(DEMO, "before-call").confirm(DEMO));

        assertThat(state(DEMO)).isEqualTo(before);
        assertThat(result.restoredRows()).isEqualTo(snapshot.rows());
        assertThat(ledgerRows(DEMO)).isEqualTo(snapshot.rows());
        List<ApplicationRecord> active = seedReset.history(HistoryRequest.of(DEMO)).applications().stream().filter(ApplicationRecord::active).toList();
        assertThat(active).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo(ApplicationRecord.Source.SNAPSHOT);
            assertThat(a.packId()).isEqualTo("snapshot:before-call");
        });
        // Every restored row is the ledger's: a teardown leaves nothing.
        seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        assertThat(fixture.tenantRows(DEMO)).isZero();
        assertThat(fixture.count("SELECT count(*) FROM fixture.profiles")).isZero();
    }

    @Test
    void a_snapshot_restores_into_another_organization_with_the_same_ids_and_leaves_the_first_alone() {
        seedAndWork(DEMO);
        seedReset.createOrganization(OTHER, "Other Demo", OrganizationKind.SANDBOX);
        seedReset.createSnapshot(DEMO, "golden");
        List<String> demo = state(DEMO);

        seedReset.restore(RestoreRequest.snapshot(OTHER, "golden").of(DEMO).confirm(OTHER));

        assertThat(state(OTHER)).isEqualTo(demo);
        assertThat(state(DEMO)).isEqualTo(demo);
        fixture.execute("DELETE FROM fixture.account_notes WHERE org_id = (SELECT id FROM platform.organizations WHERE slug = ?)", DEMO);
        seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        assertThat(state(OTHER)).isEqualTo(demo);
    }

    @Test
    void a_file_restores_in_another_database_exactly() throws Exception {
        seedAndWork(DEMO);
        seedReset.createSnapshot(DEMO, "for-prospect");
        Path file = directory.resolve("for-prospect.zip");
        try (OutputStream out = Files.newOutputStream(file)) {
            seedReset.exportSnapshot(DEMO, "for-prospect", out);
        }
        Fixture elsewhere = new Fixture();
        elsewhere.seedReset.createOrganization(OTHER, "On Premise", OrganizationKind.DEMO);

        RestoreResult result = elsewhere.seedReset.restore(RestoreRequest.file(OTHER, file).confirm(OTHER));

        assertThat(result.source()).isEqualTo("for-prospect.zip");
        List<String> there = new ArrayList<>();
        for (String table : TABLES) {
            there.add("-- " + table);
            there.addAll(elsewhere.strings("SELECT (to_jsonb(t) - 'org_id')::text FROM " + table + " t JOIN platform.organizations o ON o.id = t.org_id"
                    + " WHERE o.slug = ? ORDER BY t.id", OTHER));
        }
        assertThat(there).isEqualTo(state(DEMO));
        // The file is kept there as the organization's snapshot, so its reset puts the same rows back.
        assertThat(elsewhere.seedReset.snapshots(OTHER)).extracting(SnapshotInfo::name).containsExactly("for-prospect");
        elsewhere.execute("DELETE FROM fixture.account_notes");
        elsewhere.seedReset.reset(ResetRequest.of(OTHER).confirm(OTHER));
        assertThat(elsewhere.count("SELECT count(*) FROM fixture.account_notes")).isEqualTo(1);
        // Restoring the same file again reuses it; a damaged copy of it is still refused, though its snapshot is kept.
        elsewhere.seedReset.restore(RestoreRequest.file(OTHER, file).confirm(OTHER));
        assertThat(elsewhere.seedReset.snapshots(OTHER)).hasSize(1 + 1); // the reset's backup and the file's snapshot
        byte[] bytes = Files.readAllBytes(file);
        Path cut = Files.write(directory.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> elsewhere.seedReset.restore(RestoreRequest.file(OTHER, cut).confirm(OTHER)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SNAPSHOT));
    }

    @Test
    void damaged_altered_and_foreign_files_are_refused_in_one_line_and_nothing_is_written() throws Exception {
        seedAndWork(DEMO);
        seedReset.createSnapshot(DEMO, "golden");
        Path good = directory.resolve("golden.zip");
        try (OutputStream out = Files.newOutputStream(good)) {
            seedReset.exportSnapshot(DEMO, "golden", out);
        }
        byte[] bytes = Files.readAllBytes(good);
        seedReset.createOrganization(OTHER, "Other Demo", OrganizationKind.DEMO);
        seedReset.apply(Fixture.applyTo(OTHER));
        List<String> other = state(OTHER);

        Path truncated = write("truncated.zip", java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Path notZip = write("notes.zip", "accounts,entries\n".getBytes());
        Path empty = write("empty.zip", new byte[0]);
        Path otherVersion = rewrite(good, "other-version.zip", (name, data) -> name.equals("manifest.json")
                ? new String(data).replaceFirst("\"schemaVersion\" : \"[^\"]+\"", "\"schemaVersion\" : \"499\"").getBytes() : data);
        Path alteredRows = rewrite(good, "altered.zip", (name, data) -> name.equals("tables/fixture.accounts.copy.gz") ? regzip(data) : data);
        Path alteredCount = rewrite(good, "count.zip", (name, data) -> name.equals("manifest.json")
                ? new String(data).replaceFirst("\"rows\" : 3,", "\"rows\" : 2,").getBytes() : data);

        for (Path file : List.of(truncated, notZip, empty, otherVersion, alteredRows, alteredCount)) {
            assertThatThrownBy(() -> seedReset.restore(RestoreRequest.file(OTHER, file).confirm(OTHER)))
                    .as(file.getFileName().toString())
                    .isInstanceOfSatisfying(SeedResetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.INVALID_SNAPSHOT);
                        assertThat(e.getMessage()).doesNotContain("\n").contains(file.getFileName().toString()).endsWith("nothing was restored");
                    });
            assertThat(state(OTHER)).as(file.getFileName().toString()).isEqualTo(other);
            assertThat(seedReset.snapshots(OTHER)).isEmpty();
        }
        // The good file still restores.
        seedReset.restore(RestoreRequest.file(OTHER, good).confirm(OTHER));
        assertThat(state(OTHER)).isEqualTo(state(DEMO));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(directory.resolve(name), bytes);
    }

    private interface EntryEdit {
        byte[] edit(String name, byte[] data) throws Exception;
    }

    /** The same zip with entries edited, their CRCs made to match: a careless or deliberate edit, not damage. */
    private Path rewrite(Path from, String name, EntryEdit edit) throws Exception {
        Path to = directory.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from)); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] data = edit.edit(entry.getName(), in.readAllBytes());
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return to;
    }

    /** The accounts' rows with one balance changed, gzipped again. */
    private static byte[] regzip(byte[] gzipped) throws Exception {
        String text = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped)).readAllBytes());
        String altered = text.replaceFirst("\t([0-9]+)\\.([0-9]{2})\n", "\t9$1.$2\n");
        assertThat(altered).isNotEqualTo(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(altered.getBytes());
        }
        return out.toByteArray();
    }

    @Test
    void production_is_refused_for_every_snapshot_operation_audited_and_nothing_is_written() {
        seedAndWork(DEMO);
        seedReset.createSnapshot(DEMO, "golden");
        long snapshots = fixture.count("SELECT count(*) FROM platform.snapshots");

        assertThatThrownBy(() -> seedReset.createSnapshot(PRODUCTION, "copy"))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
        assertThatThrownBy(() -> seedReset.restore(RestoreRequest.snapshot(PRODUCTION, "golden").of(DEMO).confirm(PRODUCTION)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
        assertThatThrownBy(() -> seedReset.previewRestore(RestoreRequest.snapshot(PRODUCTION, "golden").of(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
        assertThatThrownBy(() -> seedReset.setBaseline(PRODUCTION, PRODUCTION, "golden"))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));

        assertThat(fixture.tenantRows(PRODUCTION)).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.snapshots")).isEqualTo(snapshots);
        assertThat(seedReset.history(HistoryRequest.of(PRODUCTION)).audit()).extracting(a -> a.operation().label() + " " + a.outcome())
                .contains("snapshot REFUSED", "restore REFUSED", "baseline REFUSED");
    }

    @Test
    void restore_needs_the_slug_typed_and_names_what_is_missing() {
        seedAndWork(DEMO);
        seedReset.createSnapshot(DEMO, "golden");
        assertThatThrownBy(() -> seedReset.restore(RestoreRequest.snapshot(DEMO, "golden")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFIRMATION_REQUIRED));
        assertThatThrownBy(() -> seedReset.restore(RestoreRequest.snapshot(DEMO, "nope").confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SNAPSHOT);
                    assertThat(e.getMessage()).isEqualTo("organization 'demo-co' has no snapshot named 'nope'");
                });
        assertThatThrownBy(() -> seedReset.createSnapshot(DEMO, "golden"))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS));
        assertThatThrownBy(() -> seedReset.createSnapshot(DEMO, "Bad Name"))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE));
        assertThatThrownBy(() -> seedReset.restore(RestoreRequest.file(DEMO, directory.resolve("missing.zip")).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.getMessage()).contains("does not exist"));
    }

    @Test
    void a_preview_of_a_restore_writes_nothing_and_says_what_the_restore_then_does() {
        seedAndWork(DEMO);
        seedReset.createSnapshot(DEMO, "golden");
        fixture.execute("DELETE FROM fixture.account_notes");
        seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        fixture.execute("INSERT INTO fixture.account_notes (org_id, id, account_id, body) SELECT org_id, gen_random_uuid(), id, 'x'"
                + " FROM fixture.accounts WHERE false");
        seedReset.apply(io.seedreset.api.ApplyRequest.of(io.seedreset.api.PackRequest.of(LedgerPack.ID, DEMO).set("accounts", "5")).confirm(DEMO));
        List<String> before = state(DEMO);

        RemovalPreview preview = seedReset.previewRestore(RestoreRequest.snapshot(DEMO, "golden"));

        assertThat(state(DEMO)).isEqualTo(before);
        RestoreResult result = seedReset.restore(RestoreRequest.snapshot(DEMO, "golden").confirm(DEMO));
        assertThat(preview.deleted()).isEqualTo(result.deleted());
        assertThat(preview.written()).isEqualTo(result.restored());
        assertThat(preview.applications()).isEqualTo(result.replaced());
    }

    @Test
    void reset_returns_to_a_snapshot_baseline_and_every_reset_keeps_a_rotated_backup() {
        SeedReset keepingTwo = Fixture.configure(fixture.dataSource, new LedgerPack()).backupsKept(2).load();
        seedAndWork(DEMO);
        keepingTwo.createSnapshot(DEMO, "golden");
        List<String> golden = state(DEMO);
        keepingTwo.setBaseline(DEMO, DEMO, "golden");
        assertThat(keepingTwo.baseline(DEMO)).get().extracting(SnapshotInfo::name).isEqualTo("golden");

        List<String> backups = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fixture.execute("DELETE FROM fixture.account_notes");
            fixture.execute("UPDATE fixture.accounts SET name = 'Changed " + i + "'");
            ResetResult reset = keepingTwo.reset(ResetRequest.of(DEMO).confirm(DEMO));
            assertThat(state(DEMO)).isEqualTo(golden);
            assertThat(reset.restored()).singleElement().extracting(RestoreResult::source).isEqualTo("golden");
            assertThat(reset.backup()).startsWith("backup-");
            backups.add(reset.backup());
        }
        // The backups hold the state each reset replaced, and only the newest two are kept.
        assertThat(keepingTwo.snapshots(DEMO)).filteredOn(s -> s.kind().equals("backup")).extracting(SnapshotInfo::name)
                .containsExactlyInAnyOrderElementsOf(backups.subList(1, 3));
        keepingTwo.setBaseline(DEMO, DEMO, null);
        keepingTwo.restore(RestoreRequest.snapshot(DEMO, backups.get(2)).confirm(DEMO));
        assertThat(fixture.strings("SELECT DISTINCT name FROM fixture.accounts")).containsExactly("Changed 2");
        assertThat(fixture.count("SELECT count(*) FROM fixture.account_notes")).isZero();

        // A baseline, or a snapshot an active restore came from, cannot be deleted.
        keepingTwo.setBaseline(DEMO, DEMO, "golden");
        assertThatThrownBy(() -> keepingTwo.deleteSnapshot(DEMO, "golden", DEMO))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SNAPSHOT_IN_USE));
        assertThatThrownBy(() -> keepingTwo.deleteSnapshot(DEMO, backups.get(2), DEMO))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SNAPSHOT_IN_USE));
        keepingTwo.deleteSnapshot(DEMO, backups.get(1), DEMO);
        assertThat(keepingTwo.snapshots(DEMO)).extracting(SnapshotInfo::name).doesNotContain(backups.get(1));
    }

    @Test
    void reset_without_a_baseline_restores_the_restored_snapshot_again_and_drops_what_people_added() {
        seedAndWork(DEMO);
        seedReset.createSnapshot(DEMO, "golden");
        seedReset.restore(RestoreRequest.snapshot(DEMO, "golden").confirm(DEMO));
        List<String> golden = state(DEMO);
        fixture.execute("INSERT INTO fixture.profiles (org_id, id, score, seen_at, born, tags, email) SELECT id, gen_random_uuid(), 1, now(),"
                + " '2000-01-01', '{}', 'x@example.test' FROM platform.organizations WHERE slug = ?", DEMO);

        ResetResult reset = seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO));

        assertThat(state(DEMO)).isEqualTo(golden);
        assertThat(reset.reapplied()).isEmpty();
        assertThat(reset.restored()).singleElement().extracting(RestoreResult::source).isEqualTo("golden");
    }

    @Test
    void a_reset_back_to_the_restored_snapshot_changes_only_what_differs_and_keeps_the_application() {
        seedAndWork(DEMO);
        seedReset.createSnapshot(DEMO, "golden");
        RestoreResult restored = seedReset.restore(RestoreRequest.snapshot(DEMO, "golden").confirm(DEMO));
        List<String> golden = state(DEMO);
        long ledger = ledgerRows(DEMO);
        // Overnight: a name changed, an entry deleted, a note added.
        fixture.execute("UPDATE fixture.accounts SET name = 'Renamed' WHERE id = (SELECT min(id::text)::uuid FROM fixture.accounts)");
        fixture.execute("DELETE FROM fixture.entries WHERE id = (SELECT min(id::text)::uuid FROM fixture.entries)");
        fixture.execute("INSERT INTO fixture.account_notes (org_id, id, account_id, body) SELECT org_id, gen_random_uuid(), id, 'overnight'"
                + " FROM fixture.accounts ORDER BY id LIMIT 1");

        ResetResult reset = seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO));

        assertThat(state(DEMO)).isEqualTo(golden);
        assertThat(reset.restored()).singleElement().satisfies(r -> {
            assertThat(r.application()).as("the same application: the ledger already holds these rows").isEqualTo(restored.application());
            assertThat(r.restored()).isEqualTo(java.util.Map.of("fixture.accounts", 1L, "fixture.entries", 1L));
            assertThat(r.deleted()).isEqualTo(java.util.Map.of("fixture.account_notes", 1L));
        });
        assertThat(ledgerRows(DEMO)).isEqualTo(ledger);
        seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        assertThat(fixture.tenantRows(DEMO)).isZero();
    }

    @Test
    void when_a_row_people_made_stands_in_the_way_the_reset_restores_everything_instead() {
        fixture.execute("ALTER TABLE fixture.accounts ADD CONSTRAINT accounts_name_unique UNIQUE (org_id, name)");
        seedAndWork(DEMO);
        fixture.execute("DELETE FROM fixture.account_notes");
        seedReset.createSnapshot(DEMO, "golden");
        RestoreResult restored = seedReset.restore(RestoreRequest.snapshot(DEMO, "golden").confirm(DEMO));
        List<String> golden = state(DEMO);
        // A person deletes a seeded account (with its entries) and makes one with the same name.
        String name = fixture.strings("SELECT name FROM fixture.accounts ORDER BY id LIMIT 1").get(0);
        fixture.execute("DELETE FROM fixture.entries WHERE account_id = (SELECT id FROM fixture.accounts WHERE name = ?)", name);
        fixture.execute("DELETE FROM fixture.accounts WHERE name = ?", name);
        fixture.execute("INSERT INTO fixture.accounts (org_id, id, name, balance) SELECT id, gen_random_uuid(), ?, 0 FROM platform.organizations"
                + " WHERE slug = ?", name, DEMO);

        ResetResult reset = seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO));

        assertThat(state(DEMO)).isEqualTo(golden);
        assertThat(reset.restored()).singleElement().satisfies(r ->
                assertThat(r.application()).as("restored again, as a new application").isNotEqualTo(restored.application()));
    }

    @Test
    void reset_restores_the_snapshot_and_applies_again_the_packs_applied_on_top_of_it() {
        seedAndWork(DEMO);
        seedReset.createSnapshot(DEMO, "golden");
        seedReset.restore(RestoreRequest.snapshot(DEMO, "golden").confirm(DEMO));
        seedReset.apply(io.seedreset.api.ApplyRequest.of(io.seedreset.api.PackRequest.of(LedgerPack.ID, DEMO).seed(99L)).confirm(DEMO)
                .replace(false));
        List<String> before = state(DEMO);
        fixture.execute("DELETE FROM fixture.account_notes");

        ResetResult reset = seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO));

        assertThat(state(DEMO)).isEqualTo(before);
        assertThat(reset.restored()).hasSize(1);
        assertThat(reset.reapplied()).singleElement().extracting(io.seedreset.api.ApplyResult::seed).isEqualTo(99L);
        assertThat(fixture.count("SELECT count(*) FROM fixture.account_notes")).as("the note was in the snapshot").isEqualTo(1);
    }

    @Test
    void apply_with_a_backup_snapshots_first() {
        seedAndWork(DEMO);
        fixture.execute("DELETE FROM fixture.account_notes");
        List<String> before = state(DEMO);
        var applied = seedReset.apply(io.seedreset.api.ApplyRequest.of(io.seedreset.api.PackRequest.of(LedgerPack.ID, DEMO).set("accounts", "6"))
                .confirm(DEMO).replace(true).backup(true));
        assertThat(applied.backup()).startsWith("backup-").endsWith("-apply");
        seedReset.restore(RestoreRequest.snapshot(DEMO, applied.backup()).confirm(DEMO));
        assertThat(state(DEMO)).isEqualTo(before);
    }

    @Test
    void a_restore_killed_halfway_leaves_the_organization_as_it_was() {
        seedAndWork(DEMO);
        seedReset.createSnapshot(DEMO, "golden");
        seedReset.createOrganization(OTHER, "Other Demo", OrganizationKind.DEMO);
        seedReset.apply(Fixture.applyTo(OTHER));
        List<String> other = state(OTHER);
        // After the first table loads, the restoring backend is terminated, as a killed process or a lost connection ends it.
        Progress killer = new Progress() {
            @Override
            public void start(String task) {
            }

            @Override
            public void advance(long rows) {
                fixture.execute("""
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction'""");
            }

            @Override
            public void finish() {
            }
        };
        assertThatThrownBy(() -> seedReset.reportingTo(killer).restore(RestoreRequest.snapshot(OTHER, "golden").of(DEMO).confirm(OTHER)))
                .isInstanceOf(SeedResetException.class);
        assertThat(state(OTHER)).isEqualTo(other);
        assertThat(seedReset.history(HistoryRequest.of(OTHER)).applications()).filteredOn(ApplicationRecord::active)
                .singleElement().extracting(ApplicationRecord::source).isEqualTo(ApplicationRecord.Source.PACK);
        assertThat(seedReset.history(HistoryRequest.of(OTHER)).audit()).first().extracting(a -> a.outcome()).isNotEqualTo(AuditOutcome.SUCCEEDED);
    }
}
