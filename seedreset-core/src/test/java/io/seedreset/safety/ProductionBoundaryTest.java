package io.seedreset.safety;

import static io.seedreset.fixture.Fixture.DEMO;
import static io.seedreset.fixture.Fixture.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.LedgerPack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production boundary, level by level: each level is broken alone and the next one holds. */
class ProductionBoundaryTest {

    private final Fixture fixture = new Fixture();

    @AfterEach
    void the_invariant_holds() {
        assertThat(fixture.seededRowsInProduction()).as("ledger rows pointing into a production organization").isZero();
    }

    // Level 1: the engine refuses, audits, and writes nothing.

    @Test
    void apply_refuses_a_production_organization() {
        assertRefused(() -> fixture.seedReset.apply(Fixture.applyTo(PRODUCTION)),
                "organization 'prod-co' is a production organization: seed packs never run there");
        assertThat(fixture.tenantRows(PRODUCTION)).isZero();
        assertLastAudit(AuditOperation.APPLY, AuditOutcome.REFUSED);
    }

    @Test
    void apply_refuses_production_even_without_confirmation() {
        assertRefused(() -> fixture.seedReset.apply(ApplyRequest.of(PackRequest.of(LedgerPack.ID, PRODUCTION))),
                "is a production organization");
    }

    @Test
    void plan_refuses_a_production_organization_and_audits_it() {
        assertRefused(() -> fixture.seedReset.plan(PackRequest.of(LedgerPack.ID, PRODUCTION)), "is a production organization");
        assertLastAudit(AuditOperation.PLAN, AuditOutcome.REFUSED);
    }

    @Test
    void validate_refuses_a_production_organization_and_audits_it() {
        assertRefused(() -> fixture.seedReset.validate(PRODUCTION), "is a production organization");
        assertLastAudit(AuditOperation.VALIDATE, AuditOutcome.REFUSED);
    }

    @Test
    void teardown_refuses_a_production_organization() {
        assertRefused(() -> fixture.seedReset.teardown(TeardownRequest.of(PRODUCTION).confirm(PRODUCTION)),
                "is a production organization");
        assertLastAudit(AuditOperation.TEARDOWN, AuditOutcome.REFUSED);
    }

    @Test
    void reset_refuses_a_production_organization_and_leaves_its_rows() {
        fixture.execute(insertAccount(PRODUCTION, "00000000-0000-0000-0000-000000000001"));
        assertRefused(() -> fixture.seedReset.reset(ResetRequest.of(PRODUCTION).confirm(PRODUCTION)), "is a production organization");
        assertThat(fixture.tenantRows(PRODUCTION)).isEqualTo(1);
        assertLastAudit(AuditOperation.RESET, AuditOutcome.REFUSED);
    }

    // Level 2: with the engine bypassed, the database guards hold.

    @Test
    void database_refuses_a_seed_context_insert_into_a_production_organization() {
        assertThatThrownBy(() -> inSeedContext(insertAccount(PRODUCTION, "00000000-0000-0000-0000-000000000002")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("organization 'prod-co' is a production organization: seed writes to fixture.accounts refused by the database guard")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("SR001"));
        assertThat(fixture.tenantRows(PRODUCTION)).isZero();
    }

    @Test
    void database_refuses_a_seed_context_that_declares_a_production_organization() {
        assertThatThrownBy(() -> inSeedContextFor(PRODUCTION, insertAccount(PRODUCTION, "00000000-0000-0000-0000-000000000006")))
                .hasMessageContaining("organization 'prod-co' is a production organization: seed writes to fixture.accounts refused");
        assertThat(fixture.tenantRows(PRODUCTION)).isZero();
    }

    @Test
    void database_checks_each_row_of_another_organization_than_the_declared_one() {
        assertThatThrownBy(() -> inSeedContextFor(DEMO, insertAccount(DEMO, "00000000-0000-0000-0000-000000000007") + "; "
                + insertAccount(PRODUCTION, "00000000-0000-0000-0000-000000000008")))
                .hasMessageContaining("organization 'prod-co' is a production organization: seed writes to fixture.accounts refused");
        fixture.execute(insertAccount(PRODUCTION, "00000000-0000-0000-0000-000000000009"));
        assertThatThrownBy(() -> inSeedContextFor(DEMO, "UPDATE fixture.accounts SET name = 'seeded' WHERE org_id = " + orgId(PRODUCTION)))
                .hasMessageContaining("is a production organization");
        assertThatThrownBy(() -> inSeedContextFor(DEMO, "UPDATE fixture.accounts SET org_id = " + orgId(DEMO) + " WHERE org_id = " + orgId(PRODUCTION)))
                .hasMessageContaining("is a production organization");
        assertThatThrownBy(() -> inSeedContextFor(DEMO, "DELETE FROM fixture.accounts WHERE org_id = " + orgId(PRODUCTION)))
                .hasMessageContaining("is a production organization");
        assertThat(fixture.tenantRows(DEMO)).isZero();
        assertThat(fixture.tenantRows(PRODUCTION)).isEqualTo(1);
    }

    @Test
    void a_declared_organization_that_is_no_id_fails_closed() {
        assertThatThrownBy(() -> {
            try (Connection connection = fixture.dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute("SELECT set_config('seedreset.application_id', 'x', true), set_config('seedreset.org_id', 'not-an-id', true)");
                statement.execute(insertAccount(DEMO, "00000000-0000-0000-0000-000000000010"));
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("tenant not-an-id is no organization");
        assertThat(fixture.tenantRows(DEMO)).isZero();
    }

    @Test
    void database_refuses_seed_context_updates_and_deletes_of_production_rows() {
        fixture.execute(insertAccount(PRODUCTION, "00000000-0000-0000-0000-000000000003"));
        assertThatThrownBy(() -> inSeedContext("UPDATE fixture.accounts SET name = 'seeded' WHERE org_id = " + orgId(PRODUCTION)))
                .hasMessageContaining("is a production organization");
        assertThatThrownBy(() -> inSeedContext("DELETE FROM fixture.accounts WHERE org_id = " + orgId(PRODUCTION)))
                .hasMessageContaining("is a production organization");
        assertThat(fixture.count("SELECT count(*) FROM fixture.accounts WHERE name = 'Operating'")).isEqualTo(1);
    }

    @Test
    void database_allows_the_applications_own_writes_outside_seed_context() {
        fixture.execute(insertAccount(PRODUCTION, "00000000-0000-0000-0000-000000000004"));
        assertThat(fixture.tenantRows(PRODUCTION)).isEqualTo(1);
    }

    /** Outside seed context the setting is NULL in a fresh session and '' in one that was in seed context before. */
    @Test
    void a_session_that_left_seed_context_writes_freely_and_is_checked_again_when_it_reenters() throws SQLException {
        try (Connection connection = fixture.dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT set_config('seedreset.application_id', gen_random_uuid()::text, true)");
            connection.commit();
            connection.setAutoCommit(true);
            try (ResultSet setting = statement.executeQuery("SELECT current_setting('seedreset.application_id', true)")) {
                setting.next();
                assertThat(setting.getString(1)).as("the setting after its transaction ended").isEmpty();
            }
            statement.execute(insertAccount(PRODUCTION, "00000000-0000-0000-0000-000000000011"));
            statement.execute("UPDATE fixture.accounts SET name = 'Renamed' WHERE org_id = " + orgId(PRODUCTION));
            connection.setAutoCommit(false);
            statement.execute("SELECT set_config('seedreset.application_id', gen_random_uuid()::text, true)");
            assertThatThrownBy(() -> statement.execute("DELETE FROM fixture.accounts WHERE org_id = " + orgId(PRODUCTION)))
                    .hasMessageContaining("organization 'prod-co' is a production organization: seed writes to fixture.accounts refused");
            connection.rollback();
        }
        assertThat(fixture.count("SELECT count(*) FROM fixture.accounts WHERE name = 'Renamed'")).isEqualTo(1);
    }

    @Test
    void database_refuses_a_ledger_row_pointing_at_a_production_organization_in_any_context() {
        assertThatThrownBy(() -> fixture.execute("INSERT INTO platform.seed_row_sets (org_id, application_id, table_name, row_ids) VALUES ("
                + orgId(PRODUCTION) + ", gen_random_uuid(), 'fixture.accounts', ARRAY[gen_random_uuid()])"))
                .rootCause().hasMessageContaining("organization 'prod-co' is a production organization: ledger rows in platform.seed_row_sets refused by the database guard");
        assertThatThrownBy(() -> fixture.execute("INSERT INTO platform.seed_updates (org_id, application_id, table_name, row_id, before) VALUES ("
                + orgId(PRODUCTION) + ", gen_random_uuid(), 'fixture.accounts', gen_random_uuid(), '{}')"))
                .rootCause().hasMessageContaining("organization 'prod-co' is a production organization: ledger rows in platform.seed_updates refused by the database guard");
        assertThatThrownBy(() -> fixture.execute("""
                INSERT INTO platform.seed_applications (id, org_id, pack_id, pack_version, mode, parameters, seed, anchor, actor, applied_at)
                VALUES (gen_random_uuid(), %s, 'p', '1.0.0', 'default', '{}', 1, now(), 'me', now())""".formatted(orgId(PRODUCTION))))
                .rootCause().hasMessageContaining("organization 'prod-co' is a production organization: ledger rows in platform.seed_applications refused by the database guard");
    }

    @Test
    void database_refuses_turning_production_off() {
        assertThatThrownBy(() -> fixture.execute("UPDATE platform.organizations SET is_production = false WHERE slug = '" + PRODUCTION + "'"))
                .rootCause().hasMessageContaining("organization 'prod-co' is a production organization: is_production can never be turned off");
        assertThat(fixture.count("SELECT count(*) FROM platform.organizations WHERE slug = 'prod-co' AND is_production")).isEqualTo(1);
    }

    @Test
    void database_refuses_turning_production_on_while_seeded_rows_exist() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        assertThatThrownBy(() -> fixture.execute("UPDATE platform.organizations SET is_production = true WHERE slug = '" + DEMO + "'"))
                .rootCause().hasMessageContaining("organization 'demo-co' still holds seeded rows: tear them down before marking it production");
    }

    @Test
    void turning_production_on_after_teardown_is_allowed_and_then_seeding_is_refused() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        fixture.execute("UPDATE platform.organizations SET is_production = true WHERE slug = '" + DEMO + "'");
        assertRefused(() -> fixture.seedReset.apply(Fixture.applyTo(DEMO)), "organization 'demo-co' is a production organization");
    }

    @Test
    void database_refuses_seed_context_writes_for_an_organization_that_does_not_exist() {
        fixture.execute("ALTER TABLE fixture.accounts DROP CONSTRAINT accounts_org_id_fkey");
        assertThatThrownBy(() -> inSeedContext("INSERT INTO fixture.accounts VALUES (gen_random_uuid(), gen_random_uuid(), 'x', 1)"))
                .hasMessageContaining("is no organization: seed writes to fixture.accounts refused by the database guard");
    }

    @Test
    void database_refuses_truncate_in_seed_context() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        assertThatThrownBy(() -> inSeedContext("TRUNCATE fixture.entries"))
                .hasMessageContaining("TRUNCATE of fixture.entries in seed context would reach every organization");
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(15);
    }

    @Test
    void database_refuses_deleting_a_production_organization() {
        assertThatThrownBy(() -> fixture.execute("DELETE FROM platform.organizations WHERE slug = '" + PRODUCTION + "'"))
                .rootCause().hasMessageContaining("organization 'prod-co' is a production organization: it cannot be deleted here");
    }

    // The engine refuses to run where the database guards are gone or were rewritten.

    @Test
    void a_rewritten_guard_function_makes_every_mutating_operation_refuse_until_init_restores_it() {
        fixture.execute("""
                CREATE OR REPLACE FUNCTION platform.refuse_production_rows(table_name text, tenant_keys text[], errcode text, verb text)
                RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$""");
        String expected = "guard function platform.refuse_production_rows was changed"
                + " (expected 'settings [search_path=pg_catalog', found 'settings []')";
        assertRefused(() -> fixture.seedReset.apply(Fixture.applyTo(DEMO)), expected);
        assertRefused(() -> fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO)), expected);
        assertRefused(() -> fixture.seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO)), expected);
        fixture.seedReset.init();
        assertThatThrownBy(() -> inSeedContext(insertAccount(PRODUCTION, "00000000-0000-0000-0000-000000000005")))
                .hasMessageContaining("is a production organization");
        assertThat(fixture.seedReset.apply(Fixture.applyTo(DEMO)).totalRows()).isEqualTo(15);
    }

    @Test
    void a_guard_trigger_calling_another_function_makes_mutations_refuse() {
        fixture.execute("CREATE FUNCTION public.nothing() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
        fixture.execute("DROP TRIGGER seedreset_guard_rows ON fixture.accounts");
        fixture.execute("CREATE TRIGGER seedreset_guard_rows AFTER INSERT OR UPDATE OR DELETE ON fixture.accounts FOR EACH STATEMENT"
                + " EXECUTE FUNCTION public.nothing()");
        assertRefused(() -> fixture.seedReset.apply(Fixture.applyTo(DEMO)),
                "guard trigger seedreset_guard_rows on fixture.accounts was changed"
                        + " (expected 'AFTER INSERT OR DELETE OR UPDATE FOR EACH ROW', found 'AFTER INSERT OR DELETE OR UPDATE FOR EACH STATEMENT')");
        fixture.seedReset.init();
        assertThat(fixture.seedReset.apply(Fixture.applyTo(DEMO)).totalRows()).isEqualTo(15);
    }


    @Test
    void a_disabled_guard_trigger_makes_every_mutating_operation_refuse() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        fixture.execute("ALTER TABLE fixture.entries DISABLE TRIGGER seedreset_guard_rows");
        String expected = "guard trigger seedreset_guard_rows on fixture.entries is disabled";
        assertRefused(() -> fixture.seedReset.apply(Fixture.applyTo(DEMO).replace(true)), expected);
        assertRefused(() -> fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO)), expected);
        assertRefused(() -> fixture.seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO)), expected);
        assertThat(fixture.tenantRows(DEMO)).as("rows stay as they were").isEqualTo(15);
    }

    @Test
    void a_missing_guard_trigger_makes_every_mutating_operation_refuse() {
        fixture.execute("DROP TRIGGER seedreset_guard_flag ON platform.organizations");
        String expected = "guard trigger seedreset_guard_flag on platform.organizations is missing";
        assertRefused(() -> fixture.seedReset.apply(Fixture.applyTo(DEMO)), expected);
        assertRefused(() -> fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO)), expected);
        assertRefused(() -> fixture.seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO)), expected);
        assertThat(fixture.tenantRows(DEMO)).isZero();
        fixture.seedReset.init();
        assertThat(fixture.seedReset.apply(Fixture.applyTo(DEMO)).totalRows()).as("init reinstalled the platform guard").isEqualTo(15);
    }

    @Test
    void a_new_tenant_table_without_guards_makes_mutations_refuse_until_init() {
        fixture.execute("CREATE TABLE fixture.notes (org_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (org_id, id))");
        assertRefused(() -> fixture.seedReset.apply(Fixture.applyTo(DEMO)), "guard trigger seedreset_guard_rows on fixture.notes is missing");
        fixture.seedReset.init();
        assertThat(fixture.seedReset.apply(Fixture.applyTo(DEMO)).totalRows()).isEqualTo(15);
    }

    // Fail closed: an organization nobody said the kind of is production.

    @Test
    void an_organization_created_without_a_kind_is_production() {
        assertThat(fixture.seedReset.createOrganization("no-kind", "No Kind", null).production()).isTrue();
        assertRefused(() -> fixture.seedReset.apply(Fixture.applyTo("no-kind")), "is a production organization");
    }

    @Test
    void an_organization_name_is_bounded_and_printable() {
        assertThatThrownBy(() -> fixture.seedReset.createOrganization("fake-line", "Acme\rorganization 'x' applied", OrganizationKind.DEMO))
                .isInstanceOf(SeedResetException.class).hasMessage("organization 'fake-line': a name has at most 200 characters and no control characters");
        assertThatThrownBy(() -> fixture.seedReset.createOrganization("long-name", "A".repeat(201), OrganizationKind.DEMO))
                .isInstanceOf(SeedResetException.class).hasMessageContaining("at most 200 characters");
        assertThatThrownBy(() -> fixture.execute("INSERT INTO platform.organizations (id, slug, name, kind, is_production)"
                + " VALUES (gen_random_uuid(), 'raw-insert', E'two\\nlines', 'demo', false)"))
                .rootCause().hasMessageContaining("organizations_name_printable");
    }

    // Level 3: the typed confirmation.

    @Test
    void a_wrong_confirmation_writes_nothing() {
        assertThatThrownBy(() -> fixture.seedReset.apply(Fixture.applyTo(DEMO).confirm("demo-c")))
                .isInstanceOf(SeedResetException.class)
                .hasMessage("confirmation 'demo-c' does not match organization 'demo-co': nothing was changed")
                .extracting(e -> ((SeedResetException) e).kind()).isEqualTo(SeedResetException.Kind.CONFLICT);
        assertThat(fixture.tenantRows(DEMO)).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications")).isZero();
    }

    @Test
    void a_missing_confirmation_writes_nothing() {
        assertThatThrownBy(() -> fixture.seedReset.reset(ResetRequest.of(DEMO)))
                .hasMessage("resetting 'demo-co' needs confirmation: type the organization's slug");
        assertThatThrownBy(() -> fixture.seedReset.teardown(TeardownRequest.of(DEMO)))
                .hasMessage("tearing down 'demo-co' needs confirmation: type the organization's slug");
    }

    private void assertRefused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(SeedResetException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((SeedResetException) e).kind()).isEqualTo(SeedResetException.Kind.REFUSED);
    }

    private void assertLastAudit(AuditOperation operation, AuditOutcome outcome) {
        AuditEntry last = fixture.seedReset.history(HistoryRequest.of(null)).audit().get(0);
        assertThat(last.operation()).isEqualTo(operation);
        assertThat(last.outcome()).isEqualTo(outcome);
        assertThat(last.actor()).isEqualTo("test-actor");
        assertThat(last.message()).isNotBlank();
        assertThat(last.finishedAt()).isNotNull();
    }

    private void inSeedContext(String sql) throws SQLException {
        try (Connection connection = fixture.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('seedreset.application_id', gen_random_uuid()::text, true)");
                statement.execute(sql);
                connection.commit();
            } finally {
                connection.rollback();
            }
        }
    }

    private void inSeedContextFor(String organization, String sql) throws SQLException {
        try (Connection connection = fixture.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('seedreset.application_id', gen_random_uuid()::text, true),"
                        + " set_config('seedreset.org_id', " + orgId(organization) + "::text, true)");
                statement.execute(sql);
                connection.commit();
            } finally {
                connection.rollback();
            }
        }
    }

    private static String insertAccount(String organization, String id) {
        return "INSERT INTO fixture.accounts VALUES (" + orgId(organization) + ", '" + id + "', 'Operating', 100)";
    }

    private static String orgId(String organization) {
        return "(SELECT id FROM platform.organizations WHERE slug = '" + organization + "')";
    }
}
