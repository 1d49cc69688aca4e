package io.seedreset.safety;

import static io.seedreset.fixture.Fixture.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.HistoryRequest;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.InitResult;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import io.seedreset.fixture.AdjustmentScenarioPack;
import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.LedgerPack;
import io.seedreset.testing.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attacks that broke the boundary once, each replayed against the database as its owner
 * would run it: write skew on the production flag at every isolation level, laundering the
 * ledger, rewriting the audit, and guards tampered with so that a shallow check passes.
 */
class BoundaryAttackTest {

    private final Fixture fixture = new Fixture(new LedgerPack(), new AdjustmentScenarioPack());

    @AfterEach
    void the_invariant_holds() {
        assertThat(fixture.seededRowsInProduction()).as("seeded rows or ledger entries in a production organization").isZero();
        assertThat(fixture.miscountedOrganizations()).as("organizations whose ledger count is off").isZero();
    }

    // Write skew: the flip and the ledger must conflict, whatever the isolation level.

    @ParameterizedTest
    @ValueSource(strings = {"REPEATABLE READ", "SERIALIZABLE"})
    void a_flip_whose_snapshot_predates_an_apply_fails_instead_of_passing_a_stale_check(String isolation) throws SQLException {
        try (Connection flipper = fixture.dataSource.getConnection(); Statement statement = flipper.createStatement()) {
            flipper.setAutoCommit(false);
            statement.execute("SET TRANSACTION ISOLATION LEVEL " + isolation);
            statement.execute("SELECT count(*) FROM platform.seed_row_sets");
            fixture.seedReset.apply(Fixture.applyTo(DEMO));
            assertThatThrownBy(() -> statement.execute(flip(DEMO)))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("40001", "SR003"));
            flipper.rollback();
        }
        assertThat(isProduction(DEMO)).isFalse();
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"})
    void a_direct_ledger_write_holds_back_a_flip_until_it_commits_and_the_flip_then_fails(String isolation) throws Exception {
        try (Connection writer = fixture.dataSource.getConnection(); Statement statement = writer.createStatement()) {
            writer.setAutoCommit(false);
            statement.execute("INSERT INTO platform.seed_row_sets (org_id, application_id, table_name, row_ids) VALUES ("
                    + orgId(DEMO) + ", gen_random_uuid(), 'fixture.accounts', ARRAY[gen_random_uuid()])");
            CompletableFuture<String> flip = CompletableFuture.supplyAsync(() -> flipIn(isolation, DEMO));
            awaitBlockedOnALock(flip);
            writer.commit();
            assertThat(flip.get(30, TimeUnit.SECONDS)).isIn("40001", "SR003");
        }
        assertThat(isProduction(DEMO)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"})
    void a_flip_holds_back_a_direct_ledger_write_until_it_commits_and_the_write_then_fails(String isolation) throws Exception {
        try (Connection flipper = fixture.dataSource.getConnection(); Statement statement = flipper.createStatement()) {
            flipper.setAutoCommit(false);
            statement.execute(flip(DEMO));
            CompletableFuture<String> write = CompletableFuture.supplyAsync(() -> inTransaction(isolation,
                    "INSERT INTO platform.seed_row_sets (org_id, application_id, table_name, row_ids) VALUES ("
                            + orgId(DEMO) + ", gen_random_uuid(), 'fixture.accounts', ARRAY[gen_random_uuid()])"));
            awaitBlockedOnALock(write);
            flipper.commit();
            assertThat(write.get(30, TimeUnit.SECONDS)).isIn("40001", "SR002");
        }
        assertThat(isProduction(DEMO)).isTrue();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_row_sets")).isZero();
    }

    // Laundering: emptying the ledger while the seeded rows stay, then flipping.

    @Test
    void ledger_rows_cannot_be_deleted_while_the_rows_they_record_exist() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        assertGuardRefuses("DELETE FROM platform.seed_row_sets WHERE org_id = " + orgId(DEMO),
                "ledger rows of fixture.");
        assertGuardRefuses("UPDATE platform.seed_row_sets SET row_ids = '{}' WHERE org_id = " + orgId(DEMO),
                "UPDATE on platform.seed_row_sets refused by the database guard");
        assertGuardRefuses("TRUNCATE platform.seed_row_sets", "TRUNCATE on platform.seed_row_sets refused by the database guard");
        assertGuardRefuses("UPDATE platform.seed_applications SET removed_at = now() WHERE org_id = " + orgId(DEMO),
                "still has rows in the ledger: only its teardown closes it");
        assertGuardRefuses("DELETE FROM platform.seed_applications WHERE org_id = " + orgId(DEMO),
                "DELETE on platform.seed_applications refused by the database guard");
        assertGuardRefuses("UPDATE platform.organizations SET ledger_entries = 0 WHERE slug = '" + DEMO + "'",
                "ledger_entries is kept by the ledger's triggers and cannot be set by hand");
        assertGuardRefuses(flip(DEMO), "still holds seeded rows");
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(15);
    }

    @Test
    void before_images_cannot_be_deleted_before_they_are_written_back() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        fixture.seedReset.apply(ApplyRequest.of(PackRequest.of(AdjustmentScenarioPack.ID, DEMO)).confirm(DEMO));
        assertGuardRefuses("DELETE FROM platform.seed_updates WHERE org_id = " + orgId(DEMO),
                "cannot be deleted before it is written back");
        assertGuardRefuses("UPDATE platform.seed_updates SET before = '{}'", "UPDATE on platform.seed_updates refused");
        fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_updates")).isZero();
        fixture.execute(flip(DEMO));
    }

    @Test
    void applications_are_recorded_open_and_never_reopen_or_change_their_story() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        assertGuardRefuses("UPDATE platform.seed_applications SET removed_at = NULL", "is closed: it never changes again");
        assertGuardRefuses("UPDATE platform.seed_applications SET actor = 'someone else'", "is history");
        assertGuardRefuses("""
                INSERT INTO platform.seed_applications (id, org_id, pack_id, pack_version, mode, parameters, seed, anchor, actor,
                                                        applied_at, removed_at)
                VALUES (gen_random_uuid(), %s, 'p', '1.0.0', 'default', '{}', 1, now(), 'me', now(), now())""".formatted(orgId(DEMO)),
                "is recorded open");
    }

    @Test
    void the_ledger_count_starts_at_zero_and_the_organizations_table_cannot_be_truncated() {
        assertGuardRefuses("INSERT INTO platform.organizations (id, slug, name, kind, is_production, ledger_entries)"
                + " VALUES (gen_random_uuid(), 'sneaky', 'Sneaky', 'demo', false, 5)", "starts at 0");
        assertGuardRefuses("TRUNCATE platform.organizations CASCADE", "refused by the database guard");
    }

    // The audit is append-only.

    @Test
    void the_audit_cannot_be_rewritten_or_deleted_and_an_entry_is_finished_once() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        assertGuardRefuses("UPDATE platform.seed_audit SET message = 'nothing happened'", "is append-only");
        assertGuardRefuses("UPDATE platform.seed_audit SET actor = 'someone else'", "is append-only");
        assertGuardRefuses("DELETE FROM platform.seed_audit", "DELETE on platform.seed_audit refused");
        assertGuardRefuses("TRUNCATE platform.seed_audit", "TRUNCATE on platform.seed_audit refused");
        fixture.execute("INSERT INTO platform.seed_audit (actor, operation, outcome) VALUES ('me', 'apply', 'started')");
        fixture.execute("UPDATE platform.seed_audit SET outcome = 'failed', finished_at = now() WHERE outcome = 'started'");
        assertGuardRefuses("UPDATE platform.seed_audit SET outcome = 'succeeded' WHERE actor = 'me'", "is append-only");
        assertGuardRefuses("UPDATE platform.seed_audit SET outcome = 'started', finished_at = NULL WHERE actor = 'me'", "is append-only");
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_audit WHERE actor = 'me' AND outcome = 'failed'")).isEqualTo(1);
    }

    // Tampering an owner can do: each must make every mutation refuse, and init must repair it, say so and audit it.

    @Test
    void a_guard_trigger_that_never_fires_is_caught_and_repaired() {
        fixture.execute("DROP TRIGGER seedreset_guard_rows ON fixture.accounts");
        fixture.execute("CREATE TRIGGER seedreset_guard_rows AFTER INSERT OR UPDATE OR DELETE ON fixture.accounts"
                + " FOR EACH ROW WHEN (false) EXECUTE FUNCTION platform.guard_seed_row()");
        assertCaughtAndRepaired("guard trigger seedreset_guard_rows on fixture.accounts was changed (expected 'when null', found 'when false')");
    }

    @Test
    void a_row_guard_moved_before_the_write_is_caught_and_repaired() {
        // BEFORE, the guard would see NEW before a later BEFORE trigger of the application rewrote it
        // (and a BEFORE trigger returning NULL, as this function does, even skips the write).
        fixture.execute("DROP TRIGGER seedreset_guard_rows ON fixture.accounts");
        fixture.execute("CREATE TRIGGER seedreset_guard_rows BEFORE INSERT OR UPDATE OR DELETE ON fixture.accounts"
                + " FOR EACH ROW EXECUTE FUNCTION platform.guard_seed_row()");
        assertCaughtAndRepaired("guard trigger seedreset_guard_rows on fixture.accounts was changed"
                + " (expected 'AFTER INSERT OR DELETE OR UPDATE FOR EACH ROW', found 'BEFORE INSERT OR DELETE OR UPDATE FOR EACH ROW')");
    }

    @Test
    void a_row_guard_that_no_longer_sees_deletes_is_caught_and_repaired() {
        fixture.execute("DROP TRIGGER seedreset_guard_rows ON fixture.entries");
        fixture.execute("CREATE TRIGGER seedreset_guard_rows AFTER INSERT OR UPDATE ON fixture.entries"
                + " FOR EACH ROW EXECUTE FUNCTION platform.guard_seed_row()");
        assertCaughtAndRepaired("guard trigger seedreset_guard_rows on fixture.entries was changed"
                + " (expected 'AFTER INSERT OR DELETE OR UPDATE FOR EACH ROW', found 'AFTER INSERT OR UPDATE FOR EACH ROW')");
    }

    @Test
    void a_row_guard_function_that_returns_at_once_is_caught_and_repaired() {
        fixture.execute("CREATE OR REPLACE FUNCTION platform.guard_seed_row() RETURNS trigger LANGUAGE plpgsql STABLE"
                + " AS $$BEGIN RETURN NULL; END$$");
        assertCaughtAndRepaired("guard function platform.guard_seed_row was changed (expected 'body BEGIN IF pg_catalog.current_setting(");
    }

    @Test
    void a_row_guard_function_made_volatile_is_caught_and_repaired() {
        fixture.execute("ALTER FUNCTION platform.guard_seed_row() VOLATILE");
        assertCaughtAndRepaired("guard function platform.guard_seed_row was changed (expected 'volatility s', found 'volatility v')");
    }

    @Test
    void a_guard_function_with_a_shadowing_search_path_is_caught_and_repaired() {
        fixture.execute("CREATE SCHEMA shadow");
        fixture.execute("CREATE FUNCTION shadow.unnest(uuid[]) RETURNS SETOF uuid LANGUAGE sql AS 'SELECT NULL::uuid WHERE false'");
        fixture.execute("ALTER FUNCTION platform.refuse_production_rows(text, text[], text, text) SET search_path = shadow, pg_catalog, pg_temp");
        assertCaughtAndRepaired("guard function platform.refuse_production_rows was changed"
                + " (expected 'settings [search_path=pg_catalog', found 'settings [search_path=shadow')");
    }

    @Test
    void the_flag_trigger_recreated_for_deletes_only_is_caught_and_repaired() {
        fixture.execute("DROP TRIGGER seedreset_guard_flag ON platform.organizations");
        fixture.execute("CREATE TRIGGER seedreset_guard_flag BEFORE DELETE ON platform.organizations FOR EACH ROW"
                + " EXECUTE FUNCTION platform.guard_production_flag()");
        assertCaughtAndRepaired("guard trigger seedreset_guard_flag on platform.organizations was changed"
                + " (expected 'BEFORE INSERT OR DELETE OR UPDATE FOR EACH ROW', found 'BEFORE DELETE FOR EACH ROW')");
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        assertGuardRefuses(flip(DEMO), "still holds seeded rows");
    }

    @Test
    void a_ledger_guard_made_to_run_as_the_caller_is_caught_and_repaired() {
        fixture.execute("ALTER FUNCTION platform.guard_ledger_insert() SECURITY INVOKER");
        assertCaughtAndRepaired("guard function platform.guard_ledger_insert was changed"
                + " (expected 'security definer', found 'security invoker')");
    }

    @Test
    void an_overload_that_could_stand_in_for_a_guard_is_caught_and_removed() {
        fixture.execute("CREATE FUNCTION platform.refuse_production_rows(table_name text, org_ids uuid[], errcode varchar, verb varchar)"
                + " RETURNS void LANGUAGE sql AS 'SELECT'");
        assertCaughtAndRepaired("guard function platform.refuse_production_rows(text,uuid[],character varying,character varying)"
                + " is an overload that could stand in for a guard");
    }

    @Test
    void a_foreign_trigger_that_swallows_ledger_rows_is_caught_and_removed() {
        fixture.execute("CREATE FUNCTION public.swallow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
        fixture.execute("CREATE TRIGGER a_swallow BEFORE INSERT ON platform.seed_row_sets FOR EACH ROW EXECUTE FUNCTION public.swallow()");
        assertCaughtAndRepaired("trigger a_swallow on platform.seed_row_sets is not a Seed & Reset guard");
    }

    @Test
    void a_disabled_audit_guard_is_caught_and_repaired() {
        fixture.execute("ALTER TABLE platform.seed_audit DISABLE TRIGGER seedreset_audit_history");
        assertCaughtAndRepaired("guard trigger seedreset_audit_history on platform.seed_audit is disabled");
    }

    @Test
    void init_with_every_guard_in_place_repairs_nothing_and_audits_nothing() {
        long audited = fixture.count("SELECT count(*) FROM platform.seed_audit");
        assertThat(fixture.seedReset.init().guardRepairs()).isEmpty();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_audit")).isEqualTo(audited);
    }

    private void assertCaughtAndRepaired(String difference) {
        assertThatThrownBy(() -> fixture.seedReset.apply(Fixture.applyTo(DEMO)))
                .isInstanceOf(SeedResetException.class)
                .hasMessageContaining(difference)
                .extracting(e -> ((SeedResetException) e).reason()).isEqualTo(SeedResetException.Reason.GUARDS_ALTERED);
        assertThat(fixture.tenantRows(DEMO)).isZero();
        InitResult init = fixture.seedReset.init();
        assertThat(init.guardRepairs()).anySatisfy(line -> assertThat(line).contains(difference));
        AuditEntry last = fixture.seedReset.history(HistoryRequest.of(null)).audit().get(0);
        assertThat(last.operation()).isEqualTo(AuditOperation.INIT);
        assertThat(last.message()).startsWith("repaired the guards: ").contains(difference);
        assertThat(fixture.seedReset.init().guardRepairs()).as("a second init finds everything in place").isEmpty();
        assertThat(fixture.seedReset.apply(Fixture.applyTo(DEMO)).totalRows()).isEqualTo(15);
        fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
    }

    private void assertGuardRefuses(String sql, String message) {
        ThrowingCallable call = () -> fixture.execute(sql);
        assertThatThrownBy(call).rootCause().hasMessageContaining(message)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("SR"));
    }

    /** Runs one statement in a transaction at that isolation level, after taking its snapshot; returns its SQLSTATE, or "ok". */
    private String inTransaction(String isolation, String sql) {
        return Transactions.attempt(fixture.dataSource, isolation, CompletableFuture.completedFuture(null),
                "SELECT count(*) FROM platform.seed_row_sets", sql);
    }

    private String flipIn(String isolation, String organization) {
        return inTransaction(isolation, flip(organization));
    }

    /** Waits, bounded, until some session waits on a lock, and fails if the work finished instead. */
    private void awaitBlockedOnALock(CompletableFuture<String> work) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fixture.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()") == 0) {
            assertThat(work).as("the concurrent statement must wait for the lock, not finish").isNotDone();
            assertThat(System.nanoTime()).as("no session waited on a lock within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private boolean isProduction(String organization) {
        return fixture.count("SELECT count(*) FROM platform.organizations WHERE is_production AND slug = '" + organization + "'") == 1;
    }

    private static String flip(String organization) {
        return "UPDATE platform.organizations SET is_production = true WHERE slug = '" + organization + "'";
    }

    private static String orgId(String organization) {
        return "(SELECT id FROM platform.organizations WHERE slug = '" + organization + "')";
    }
}
