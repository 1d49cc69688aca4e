package io.seedreset.safety;

import static io.seedreset.fixture.Fixture.DEMO;
import static io.seedreset.fixture.Fixture.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.HistoryRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.LedgerPack;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The application's role as {@code grantApplicationRole} sets it up: it seeds, tears down and
 * resets through the engine, and every attack on the guards it tries is refused, by a missing
 * privilege or by a guard.
 */
class ApplicationRoleTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final Fixture fixture = new Fixture(new LedgerPack());
    private final String role = "seedreset_app_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    private final PGSimpleDataSource asApplication;

    ApplicationRoleTest() {
        fixture.execute("CREATE ROLE " + role + " LOGIN");
        fixture.seedReset.grantApplicationRole(role);
        PGSimpleDataSource owner = (PGSimpleDataSource) fixture.dataSource;
        asApplication = new PGSimpleDataSource();
        asApplication.setURL(owner.getURL());
        asApplication.setUser(role);
    }

    @AfterEach
    void the_invariant_holds_and_the_role_goes() {
        assertThat(fixture.seededRowsInProduction()).isZero();
        assertThat(fixture.miscountedOrganizations()).isZero();
        fixture.execute("DROP OWNED BY " + role);
        fixture.execute("DROP ROLE " + role);
    }

    @Test
    void the_engine_runs_every_operation_as_the_application_role() {
        SeedReset seedReset = Fixture.configure(asApplication).load();
        assertThat(seedReset.apply(Fixture.applyTo(DEMO)).totalRows()).isEqualTo(15);
        assertThat(seedReset.validate(DEMO).passed()).isTrue();
        assertThat(seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO)).reapplied()).hasSize(1);
        // Snapshots, baselines, restores (and their refresh on reset) and time travel need no more than the grants.
        seedReset.createSnapshot(DEMO, "golden");
        seedReset.setBaseline(DEMO, DEMO, "golden");
        assertThat(seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO)).restored()).hasSize(1);
        assertThat(seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO)).restored()).hasSize(1);
        assertThat(seedReset.timetravel(io.seedreset.api.TimetravelRequest.of(DEMO, 1).confirm(DEMO)).toMonths()).isEqualTo(1);
        assertThat(seedReset.timetravel(io.seedreset.api.TimetravelRequest.of(DEMO, -1).confirm(DEMO)).toMonths()).isZero();
        seedReset.setBaseline(DEMO, DEMO, null);
        assertThat(seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO)).totalRows()).isEqualTo(15);
        assertThat(seedReset.history(HistoryRequest.of(DEMO)).audit()).hasSizeGreaterThanOrEqualTo(3);
        assertThatThrownBy(() -> seedReset.apply(Fixture.applyTo(PRODUCTION))).isInstanceOf(SeedResetException.class)
                .extracting(e -> ((SeedResetException) e).kind()).isEqualTo(SeedResetException.Kind.REFUSED);
    }

    @Test
    void every_attack_on_the_guards_is_refused() {
        fixture.seedReset.apply(Fixture.applyTo(DEMO));
        String demo = "(SELECT id FROM platform.organizations WHERE slug = '" + DEMO + "')";
        // Missing privileges: the role cannot switch a guard off, rewrite one, or touch the count.
        assertRefused("ALTER TABLE fixture.accounts DISABLE TRIGGER seedreset_guard_rows", "42501");
        assertRefused("DROP TRIGGER seedreset_guard_flag ON platform.organizations", "42501");
        assertRefused("CREATE OR REPLACE FUNCTION platform.guard_seed_row() RETURNS trigger LANGUAGE plpgsql"
                + " AS $$ BEGIN RETURN NULL; END $$", "42501");
        assertRefused("ALTER FUNCTION platform.refuse_production_rows(text, text[], text, text) SET search_path = public", "42501");
        assertRefused("SET session_replication_role = replica", "42501");
        assertRefused("UPDATE platform.organizations SET ledger_entries = 0 WHERE slug = '" + DEMO + "'", "42501");
        assertRefused("SELECT platform.count_ledger_entries('x', ARRAY[" + demo + "], ARRAY[-1::bigint])", "42501");
        assertRefused("TRUNCATE platform.seed_row_sets", "42501");
        assertRefused("DELETE FROM platform.seed_audit", "42501");
        assertRefused("UPDATE platform.seed_row_sets SET row_ids = '{}'", "42501");
        assertRefused("CREATE TRIGGER sneaky BEFORE INSERT ON fixture.accounts FOR EACH ROW EXECUTE FUNCTION platform.guard_audit()", "42501");
        // What the role may do, the guards police.
        assertRefused("DELETE FROM platform.seed_row_sets WHERE org_id = " + demo, "SR002");
        assertRefused("UPDATE platform.seed_applications SET removed_at = now() WHERE org_id = " + demo, "SR002");
        assertRefused("UPDATE platform.seed_audit SET message = 'nothing' WHERE outcome <> 'started'", "SR004");
        assertRefused("UPDATE platform.organizations SET is_production = true WHERE slug = '" + DEMO + "'", "SR003");
        assertRefused("UPDATE platform.organizations SET is_production = false WHERE slug = '" + PRODUCTION + "'", "SR003");
        assertRefused("DELETE FROM platform.organizations WHERE slug = '" + PRODUCTION + "'", "SR003");
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(15);
    }

    @Test
    void a_superuser_or_the_owner_is_refused_as_the_application_role() {
        assertThatThrownBy(() -> fixture.seedReset.grantApplicationRole("postgres"))
                .isInstanceOf(SeedResetException.class).hasMessageContaining("role 'postgres' is a superuser");
        assertThatThrownBy(() -> fixture.seedReset.grantApplicationRole("nobody_" + role))
                .isInstanceOf(SeedResetException.class).hasMessageContaining("does not exist");
    }

    private void assertRefused(String sql, String sqlState) {
        assertThatThrownBy(() -> {
            try (Connection connection = asApplication.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo(sqlState));
    }
}
