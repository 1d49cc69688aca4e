package io.seedreset.engine;

import static io.seedreset.fixture.Fixture.DEMO;
import static io.seedreset.fixture.Fixture.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.ResetResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.TeardownRequest;
import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.ShopPack;
import io.seedreset.pack.Persona;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A pack applied in parts, some of its modules at a time ({@code PackRequest.modules}), on a real database. */
class ModulesTest {

    private static final List<String> TABLES = List.of("catalog.products", "orders.orders", "billing.invoices", "people.users");

    private final Fixture fixture = shop();

    /** The fixture's database with the shop's four modules, guarded like every tenant table. */
    static Fixture shop() {
        Fixture fixture = new Fixture(new ShopPack());
        try (InputStream sql = ModulesTest.class.getResourceAsStream("/fixture/shop.sql")) {
            fixture.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        fixture.seedReset.init();
        return fixture;
    }

    @AfterEach
    void the_invariant_holds() {
        assertThat(fixture.seededRowsInProduction()).isZero();
        assertThat(fixture.miscountedOrganizations()).isZero();
    }

    private static PackRequest shop(String organization, String... modules) {
        return PackRequest.of(ShopPack.ID, organization).modules(modules);
    }

    private ApplyResult apply(String... modules) {
        return fixture.seedReset.apply(ApplyRequest.of(shop(DEMO, modules)).confirm(DEMO));
    }

    /** Every row of every table of the shop, as PostgreSQL renders it, ids and the organization's included. */
    private static Map<String, List<String>> everyRow(Fixture database) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        TABLES.forEach(table -> rows.put(table, database.dump(table)));
        return rows;
    }

    @Test
    void applying_modules_in_two_parts_writes_exactly_the_rows_of_one_whole_apply() {
        ApplyResult first = apply("catalog", "people");
        ApplyResult second = apply("orders", "billing");

        Fixture whole = shop();
        ApplyResult all = whole.seedReset.apply(ApplyRequest.of(PackRequest.of(ShopPack.ID, DEMO)).confirm(DEMO));

        assertThat(everyRow(fixture)).isEqualTo(everyRow(whole));
        assertThat(everyRow(fixture).values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        assertThat(first.selectedModules()).containsExactly("catalog", "people");
        assertThat(first.counts()).containsOnlyKeys("catalog.products", "people.users");
        assertThat(second.selectedModules()).containsExactly("orders", "billing");
        assertThat(second.counts()).containsOnlyKeys("orders.orders", "billing.invoices");
        assertThat(all.selectedModules()).isEmpty();
        Map<String, Long> together = new LinkedHashMap<>(first.counts());
        together.putAll(second.counts());
        assertThat(together).isEqualTo(all.counts());
        // Each row is in the ledger once, under the part that wrote it.
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_rows")).isEqualTo(all.totalRows());
        assertThat(fixture.count("SELECT count(DISTINCT row_id) FROM platform.seed_rows")).isEqualTo(all.totalRows());
        assertThat(fixture.seedReset.validate(DEMO).passed()).isTrue();
    }

    @Test
    void the_plan_of_some_modules_is_exactly_what_their_apply_writes() {
        apply("catalog");
        PlanResult plan = fixture.seedReset.plan(shop(DEMO, "billing", "orders"));
        ApplyResult applied = fixture.seedReset.apply(ApplyRequest.of(shop(DEMO, "orders", "billing")).confirm(DEMO).planHash(plan.planHash()));

        assertThat(plan.selectedModules()).containsExactly("orders", "billing");
        assertThat(plan.modules()).containsExactly("catalog", "orders", "billing", "people");
        assertThat(plan.counts()).isEqualTo(applied.counts()).containsOnlyKeys("orders.orders", "billing.invoices");
        assertThat(plan.planHash()).isEqualTo(applied.planHash());
        assertThat(plan.totals()).containsKey("invoiced");
        assertThat(plan.samples()).containsOnlyKeys("orders.orders", "billing.invoices");
        assertThat(plan.replaces()).isEmpty();
        assertThat(plan.personas()).isEmpty();
        assertThat(fixture.count("SELECT count(*) FROM orders.orders")).isEqualTo(applied.counts().get("orders.orders"));
        // The part is applied: planned again, it is that application.
        assertThat(fixture.seedReset.plan(shop(DEMO, "orders", "billing")).appliedAs()).isEqualTo(applied.applicationId());
    }

    @Test
    void a_part_whose_rows_reference_modules_not_applied_is_refused_before_anything_is_written() {
        assertThatThrownBy(() -> apply("billing"))
                .isInstanceOfSatisfying(SeedResetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REQUIRED_MODULE_MISSING);
                    assertThat(e.kind()).isEqualTo(SeedResetException.Kind.CONFLICT);
                    assertThat(e.details()).containsEntry(SeedResetException.MODULE, "orders");
                })
                .hasMessage("module 'orders' of pack 'fixture-shop' must be applied to 'demo-co' first: billing.invoices references"
                        + " orders.orders; apply it with the same version, mode, parameters and seed");
        assertThatThrownBy(() -> apply("orders", "billing"))
                .hasMessageStartingWith("module 'catalog' of pack 'fixture-shop' must be applied to 'demo-co' first: orders.orders references catalog.products;");
        assertThatThrownBy(() -> fixture.seedReset.plan(shop(DEMO, "billing")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REQUIRED_MODULE_MISSING));

        for (String table : TABLES) {
            assertThat(fixture.dump(table)).as(table).isEmpty();
        }
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications")).isZero();
        AuditEntry refused = fixture.seedReset.history(HistoryRequest.of(DEMO)).audit().get(0);
        assertThat(refused.outcome()).isEqualTo(AuditOutcome.CONFLICT);
        assertThat(refused.message()).startsWith("module 'catalog' of pack 'fixture-shop' must be applied");
    }

    @Test
    void the_parts_must_share_the_arguments_that_fix_the_ids() {
        apply("catalog");
        // Another seed gives other ids: its orders would reference products nobody wrote.
        assertThatThrownBy(() -> fixture.seedReset.apply(ApplyRequest.of(shop(DEMO, "orders").seed(7L)).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_APPLIED))
                .hasMessageContaining("is already applied to 'demo-co' with another version, mode, parameters, seed or anchor");
        // Replacing the catalog with the other seed leaves the orders without it: refused, and nothing changes.
        assertThatThrownBy(() -> fixture.seedReset.apply(ApplyRequest.of(shop(DEMO, "orders").seed(7L)).confirm(DEMO).replace(true)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REQUIRED_MODULE_MISSING));
        assertThat(fixture.count("SELECT count(*) FROM catalog.products")).isEqualTo(3);
        assertThat(fixture.count("SELECT count(*) FROM orders.orders")).isZero();
    }

    @Test
    void applying_a_part_again_changes_nothing_and_a_module_already_applied_is_a_conflict() {
        ApplyResult first = apply("catalog", "orders");
        ApplyResult again = apply("orders", "catalog");
        assertThat(again.status()).isEqualTo(ApplyResult.Status.UNCHANGED);
        assertThat(again.applicationId()).isEqualTo(first.applicationId());
        assertThat(again.selectedModules()).containsExactly("catalog", "orders");

        assertThatThrownBy(() -> apply("orders", "billing"))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_APPLIED))
                .hasMessage("module 'orders' of pack 'fixture-shop' is already applied to 'demo-co' (application " + first.applicationId()
                        + ", modules catalog, orders)");
        // The whole pack overlaps every part.
        assertThatThrownBy(() -> fixture.seedReset.apply(ApplyRequest.of(PackRequest.of(ShopPack.ID, DEMO)).confirm(DEMO)))
                .hasMessage("modules 'catalog', 'orders' of pack 'fixture-shop' are already applied to 'demo-co' (application "
                        + first.applicationId() + ", modules catalog, orders)");
        // Naming every module is the whole pack.
        ApplyResult rest = apply("billing", "people");
        assertThat(rest.status()).isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(fixture.seedReset.plan(shop(DEMO, "people", "billing", "orders", "catalog")).selectedModules()).isEmpty();
    }

    @Test
    void a_part_without_an_anchor_takes_the_anchor_of_the_parts_it_references() {
        Instant anchor = Instant.parse("2025-03-01T00:00:00Z");
        fixture.seedReset.apply(ApplyRequest.of(shop(DEMO, "catalog", "orders").anchor(anchor)).confirm(DEMO));
        ApplyResult billing = apply("billing");
        assertThat(billing.anchor()).isEqualTo(anchor);
        assertThat(fixture.seedReset.validate(DEMO).passed()).isTrue();
    }

    @Test
    void an_unknown_module_is_bad_input_naming_the_packs_modules() {
        assertThatThrownBy(() -> apply("orders", "shipping"))
                .isInstanceOfSatisfying(SeedResetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_MODULE);
                    assertThat(e.kind()).isEqualTo(SeedResetException.Kind.BAD_INPUT);
                    assertThat(e.details()).containsEntry(SeedResetException.MODULE, "shipping");
                })
                .hasMessage("pack 'fixture-shop' has no module 'shipping': its modules are catalog, orders, billing, people");
        assertThatThrownBy(() -> fixture.seedReset.plan(shop(DEMO, "shipping")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_MODULE));
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications")).isZero();
    }

    @Test
    void reset_applies_the_same_parts_again_and_history_shows_them() {
        apply("catalog", "people");
        apply("orders", "billing");
        Map<String, List<String>> before = everyRow(fixture);

        ResetResult reset = fixture.seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO));

        assertThat(reset.reapplied()).extracting(ApplyResult::selectedModules)
                .containsExactly(List.of("catalog", "people"), List.of("orders", "billing"));
        assertThat(everyRow(fixture)).isEqualTo(before);
        List<ApplicationRecord> history = fixture.seedReset.history(HistoryRequest.of(DEMO)).applications();
        assertThat(history).extracting(ApplicationRecord::selectedModules).containsExactly(
                List.of("orders", "billing"), List.of("catalog", "people"), List.of("orders", "billing"), List.of("catalog", "people"));
        assertThat(history).extracting(ApplicationRecord::active).containsExactly(true, true, false, false);
    }

    @Test
    void tearing_down_a_part_another_part_references_is_refused_by_the_foreign_key_check() {
        ApplyResult first = apply("catalog", "orders");
        ApplyResult second = apply("billing");
        Map<String, List<String>> before = everyRow(fixture);

        assertThatThrownBy(() -> fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO).application(first.applicationId())))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROWS_CHANGED))
                .hasMessageContaining("billing.invoices");
        assertThat(everyRow(fixture)).isEqualTo(before);

        fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO).application(second.applicationId()));
        fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO).application(first.applicationId()));
        for (String table : TABLES) {
            assertThat(fixture.dump(table)).as(table).isEmpty();
        }
    }

    @Test
    void a_part_creates_the_logins_whose_rows_it_writes() {
        assertThat(apply("catalog").personas()).isEmpty();
        assertThat(apply("people").personas()).extracting(Persona::email).containsExactly(ShopPack.OWNER_EMAIL);
        // Applied again, each part changes nothing and names the logins it holds, as it did.
        ApplyResult catalogAgain = apply("catalog");
        assertThat(catalogAgain.status()).isEqualTo(ApplyResult.Status.UNCHANGED);
        assertThat(catalogAgain.personas()).isEmpty();
        assertThat(apply("people").personas()).extracting(Persona::email).containsExactly(ShopPack.OWNER_EMAIL);
        // The pack's logins once, however many parts it was applied in.
        assertThat(fixture.seedReset.personas(DEMO)).extracting(Persona::email).containsExactly(ShopPack.OWNER_EMAIL);
        assertThat(fixture.seedReset.validate(DEMO).rules()).hasSize(1);
    }

    @Test
    void a_production_organization_is_refused_and_nothing_is_written() {
        assertThatThrownBy(() -> fixture.seedReset.apply(ApplyRequest.of(shop(PRODUCTION, "catalog")).confirm(PRODUCTION)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
        assertThatThrownBy(() -> fixture.seedReset.plan(shop(PRODUCTION, "catalog")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
        for (String table : TABLES) {
            assertThat(fixture.dump(table)).as(table).isEmpty();
        }
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications")).isZero();
    }
}
