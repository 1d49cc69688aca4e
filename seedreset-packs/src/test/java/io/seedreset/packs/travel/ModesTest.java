package io.seedreset.packs.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.ValidationResult;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every mode applied (and so checked by every validation rule before commit) with what the mode
 * promises, settings given as {@code --set name=value}, and the plan's preview of the totals.
 */
class ModesTest {

    /**
     * What each mode holds whatever the seed. The anchor (21 November 2026) is in Q4: minimal's twelve
     * months start in December 2025 (Q4 2025 to Q4 2026, five quarters), the others' eighteen in June
     * 2025 (Q2 2025 on, seven); every month but November has been reconciled on both accounts, and
     * November's payroll is a draft.
     */
    private static final Map<String, Map<String, Long>> COUNTS = Map.of(
            "minimal", counts(12, 40, 8, 5),
            "default", counts(18, 120, 12, 7),
            "full", counts(18, 300, 20, 7));

    private static Map<String, Long> counts(long months, long customers, long employees, long quarters) {
        return Map.of("identity.users", 2L, "suppliers.vendors", 25L, "accounting.accounts", 29L, "accounting.tax_rates", 2L,
                "accounting.customers", customers, "accounting.employees", employees, "accounting.periods", quarters,
                "accounting.payroll_runs", months, "accounting.reconciliations", 2 * (months - 1), "accounting.inventory_items", 8L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void each_mode_writes_its_counts_and_something_in_every_table(String mode) {
        AppliedModes.Applied applied = AppliedModes.of(mode);

        assertThat(applied.result().status()).isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(applied.result().mode()).isEqualTo(mode);
        assertThat(applied.result().counts()).containsAllEntriesOf(COUNTS.get(mode)).containsOnlyKeys(TravelTenant.TABLES);
        assertThat(applied.tenant().counts()).isEqualTo(applied.result().counts())
                .allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void each_mode_passes_validate_with_every_rule(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        ValidationResult validation = tenant.seedReset.validate(TravelTenant.ORG);

        assertThat(validation.passed()).isTrue();

        assertThat(validation.rules()).filteredOn(rule -> rule.pack().equals(DemoTravelCoPack.ID))
                .hasSize(new DemoTravelCoPack().invariants().size())
                .allSatisfy(rule -> assertThat(rule.violations()).as(rule.name()).isEmpty());
    }

    @Test
    void larger_modes_hold_more_of_the_business() {
        Map<String, Long> minimal = AppliedModes.of("minimal").result().counts();
        Map<String, Long> standard = AppliedModes.of("default").result().counts();
        Map<String, Long> full = AppliedModes.of("full").result().counts();

        for (String table : List.of("accounting.invoices", "accounting.bills", "accounting.payments", "accounting.journal_entries",
                "accounting.bank_transactions", "accounting.payroll_lines")) {
            assertThat(minimal.get(table)).as(table).isLessThan(standard.get(table));
            assertThat(standard.get(table)).as(table).isLessThan(full.get(table));
        }
        // About 20, 30 and 80 invoices in a month of average season, over 12, 18 and 18 months.
        assertThat(minimal.get("accounting.invoices")).isBetween(180L, 280L);
        assertThat(standard.get("accounting.invoices")).isBetween(450L, 650L);
        assertThat(full.get("accounting.invoices")).isBetween(1_200L, 1_700L);
    }

    @Test
    void the_pack_is_discovered_with_its_modes_and_bounded_described_parameters() {
        PackDescriptor descriptor = AppliedModes.of("default").tenant().seedReset.packs().stream()
                .filter(p -> p.id().equals(DemoTravelCoPack.ID)).findFirst().orElseThrow();

        assertThat(descriptor.version()).isEqualTo("1.0.0");
        assertThat(descriptor.title()).contains("Demo Travel Co");
        assertThat(descriptor.modules()).containsExactly("suppliers", "accounting", "identity");
        assertThat(descriptor.requires()).isEmpty();
        assertThat(descriptor.modes()).extracting(Mode::name).containsExactly("default", "minimal", "full");
        assertThat(descriptor.parameters()).extracting(Parameter::name)
                .containsExactly("months", "customers", "invoices_per_month", "employees");
        assertThat(descriptor.parameters()).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo(Parameter.Type.INTEGER);
            assertThat(p.description()).isNotBlank();
            assertThat(p.min()).isPositive().isLessThan(p.max());
        });
        assertThat(descriptor.parameter("months").orElseThrow()).satisfies(p -> assertThat(List.of(p.min(), p.max())).containsExactly(12L, 18L));
    }

    @Test
    void settings_override_the_mode() {
        TravelTenant tenant = TravelTenant.create();

        ApplyResult applied = tenant.apply(TravelTenant.request().mode("minimal").set("months", "15").set("customers", "60")
                .set("employees", "10"));

        assertThat(applied.parameters()).contains(entry("months", 15L), entry("customers", 60L), entry("employees", 10L),
                entry("invoices_per_month", 20L));
        // Fifteen months back from November 2026 start in September 2025: Q3 2025 to Q4 2026.
        assertThat(applied.counts()).contains(entry("accounting.customers", 60L), entry("accounting.employees", 10L),
                entry("accounting.payroll_runs", 15L), entry("accounting.periods", 6L), entry("accounting.reconciliations", 28L));
        assertThat(tenant.strings("SELECT min(issue_date)::text FROM accounting.invoices")).singleElement()
                .satisfies(first -> assertThat(first).startsWith("2025-09-"));
        assertThat(tenant.counts()).isEqualTo(applied.counts());
    }

    @Test
    void the_largest_settings_apply_and_keep_every_rule() {
        TravelTenant tenant = TravelTenant.create();

        ApplyResult applied = tenant.apply(TravelTenant.request().mode("full").set("customers", "2000").set("invoices_per_month", "300")
                .set("employees", "60"));

        assertThat(applied.counts()).contains(entry("accounting.customers", 2_000L), entry("accounting.employees", 60L));
        assertThat(applied.counts().get("accounting.invoices")).isGreaterThan(5_000L);
        assertThat(tenant.counts()).isEqualTo(applied.counts());
    }

    @Test
    void the_rules_hold_for_other_seeds_anchors_and_the_smallest_settings() {
        TravelTenant tenant = TravelTenant.create();
        List<PackRequest> requests = List.of(
                TravelTenant.request().mode("minimal").seed(1L).set("customers", "10").set("invoices_per_month", "5").set("employees", "4"),
                // The first of a year and of a quarter: nothing of the anchor's month has happened yet.
                TravelTenant.request().mode("minimal").seed(2L).anchor(Instant.parse("2027-01-01T00:00:00Z")),
                TravelTenant.request().seed(3L).anchor(Instant.parse("2026-04-01T00:00:00Z")),
                // The last minute of a quarter's last day, and an anchor in a summer peak.
                TravelTenant.request().mode("minimal").seed(4L).anchor(Instant.parse("2026-09-30T23:59:00Z")),
                TravelTenant.request().seed(5L).anchor(Instant.parse("2027-07-15T12:00:00Z")));

        for (PackRequest request : requests) {
            ApplyResult applied = tenant.seedReset.apply(ApplyRequest.of(request).confirm(TravelTenant.ORG).replace(true));

            assertThat(applied.status()).isIn(ApplyResult.Status.APPLIED, ApplyResult.Status.REPLACED);
            assertThat(tenant.counts()).isEqualTo(applied.counts());
        }
    }

    @Test
    void the_plan_previews_revenue_receivables_payables_and_cash_as_the_database_sums_them() {
        TravelTenant tenant = AppliedModes.of("default").tenant();

        PlanResult plan = tenant.seedReset.plan(TravelTenant.request());

        assertThat(plan.totals()).containsOnlyKeys("revenue (invoiced, before tax)", "receivables (owed by customers)",
                "payables (owed to suppliers)", "cash (bank balances)");
        assertThat(plan.totals().get("revenue (invoiced, before tax)")).isEqualByComparingTo(sum(tenant, "subtotal", "accounting.invoices"));
        assertThat(plan.totals().get("receivables (owed by customers)")).isEqualByComparingTo(sum(tenant, "balance", "accounting.invoices"));
        assertThat(plan.totals().get("payables (owed to suppliers)")).isEqualByComparingTo(sum(tenant, "balance", "accounting.bills"));
        assertThat(plan.totals().get("cash (bank balances)")).isEqualByComparingTo(sum(tenant, "balance", "accounting.bank_accounts"));
        assertThat(plan.totals()).allSatisfy((label, total) -> assertThat(total).as(label).isPositive());
    }

    @Test
    void a_bad_setting_is_refused_with_what_it_expects_and_writes_nothing() {
        TravelTenant tenant = TravelTenant.create();

        assertThatThrownBy(() -> tenant.apply(TravelTenant.request().set("months", "24")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.BAD_INPUT))
                .hasMessage("parameter 'months' of pack 'demo-travel-co' expects an integer between 12 and 18, got 24");
        assertThatThrownBy(() -> tenant.apply(TravelTenant.request().set("employees", "3")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.BAD_INPUT))
                .hasMessage("parameter 'employees' of pack 'demo-travel-co' expects an integer between 4 and 60, got 3");

        assertThat(tenant.counts()).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
    }

    private static BigDecimal sum(TravelTenant tenant, String column, String table) {
        return new BigDecimal(tenant.strings("SELECT sum(" + column + ")::text FROM " + table).get(0));
    }
}
