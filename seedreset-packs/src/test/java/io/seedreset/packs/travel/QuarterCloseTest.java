package io.seedreset.packs.travel;

import static io.seedreset.packs.travel.TravelTenant.ANCHOR;
import static io.seedreset.packs.travel.TravelTenant.ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ApplyResult;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import io.seedreset.testing.BoundaryInvariant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * quarter-close on demo-travel-co's books: the anchor (21 November 2026) is in Q4, so the quarter it
 * closes is Q3 2026, which demo-travel-co leaves open. What it posts is computed here from the books,
 * with plain SQL, before the scenario runs.
 */
class QuarterCloseTest {

    /** Without an anchor: the scenario takes demo-travel-co's. */
    private static final PackRequest SCENARIO = PackRequest.of(QuarterClosePack.ID, ORG);
    private static final LocalDate Q3_START = LocalDate.parse("2026-07-01");
    private static final LocalDate Q3_END = LocalDate.parse("2026-09-30");
    private static final LocalDate Q4_START = LocalDate.parse("2026-10-01");

    private final TravelTenant tenant = TravelTenant.create();
    private final TheBooks books = new TheBooks(tenant);

    @AfterEach
    void the_boundary_invariant_holds() {
        BoundaryInvariant.assertHolds(tenant.dataSource);
    }

    @Test
    void is_refused_until_demo_travel_co_is_applied() {
        assertThatThrownBy(() -> tenant.apply(SCENARIO))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.CONFLICT))
                .hasMessage("pack 'quarter-close' requires pack 'demo-travel-co', which is not applied to 'travel-demo': "
                        + "apply 'demo-travel-co' first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void closes_the_last_complete_quarter_with_its_accruals_and_depreciation_and_tears_down_byte_for_byte(String mode) {
        tenant.apply(TravelTenant.request().mode(mode));
        Map<String, List<String>> before = tenant.organizationRows();
        assertThat(before.get("accounting.journal_entries")).isNotEmpty();
        BigDecimal depreciation = books.balance(Chart.OFFICE_EQUIPMENT, Q3_END).divide(BigDecimal.valueOf(20), 2, RoundingMode.HALF_UP);
        BigDecimal utilities = monthOf(books.movement(Chart.UTILITIES, Q3_START, Q3_END));
        BigDecimal professionalFees = monthOf(books.movement(Chart.PROFESSIONAL_FEES, Q3_START, Q3_END));
        Map<String, BigDecimal> profitAndLoss = Map.of(
                Chart.DEPRECIATION, books.movement(Chart.DEPRECIATION, Q3_START, Q3_END),
                Chart.UTILITIES, books.movement(Chart.UTILITIES, Q3_START, Q3_END),
                Chart.PROFESSIONAL_FEES, books.movement(Chart.PROFESSIONAL_FEES, Q3_START, Q3_END));
        BigDecimal q4Utilities = books.movement(Chart.UTILITIES, Q4_START, LocalDate.parse("2026-12-31"));
        long lastEntry = tenant.queryForLong("SELECT max(substring(entry_number FROM 4)::int) FROM accounting.journal_entries");
        assertThat(depreciation).isPositive();
        assertThat(utilities).isPositive();
        assertThat(professionalFees).isPositive();
        assertThat(profitAndLoss.get(Chart.DEPRECIATION)).as("Q3's depreciation before the close").isZero();

        PlanResult plan = tenant.seedReset.plan(SCENARIO);
        ApplyResult applied = tenant.apply(SCENARIO);

        assertThat(applied.anchor()).isEqualTo(ANCHOR);
        assertThat(tenant.organizationRows()).isNotEqualTo(before);
        assertThat(applied.updates()).isEqualTo(plan.updates()).isEqualTo(Map.of("accounting.periods", 1L));
        assertThat(applied.counts()).isEqualTo(plan.counts()).isEqualTo(Map.of("accounting.journal_entries", 5L, "accounting.journal_lines", 10L));
        assertThat(tenant.rows("SELECT status, closed_by FROM accounting.periods WHERE name = 'Q3 2026'")).singleElement()
                .isEqualTo(Map.of("status", "CLOSED", "closed_by", "accountant.demo@example.test"));
        assertThat(books.instant("SELECT closed_at FROM accounting.periods WHERE name = 'Q3 2026'")).isBeforeOrEqualTo(ANCHOR)
                .isAfter(books.instant("SELECT max(posted_at) FROM accounting.journal_entries WHERE entry_date BETWEEN ? AND ?", Q3_START, Q3_END));
        assertThat(tenant.strings("SELECT status FROM accounting.periods WHERE name = 'Q4 2026'")).containsExactly("OPEN");

        // Q3's P&L carries its depreciation and a month of its utilities and professional fees, accrued.
        assertThat(books.movement(Chart.DEPRECIATION, Q3_START, Q3_END)).isEqualByComparingTo(depreciation);
        assertThat(books.movement(Chart.UTILITIES, Q3_START, Q3_END)).isEqualByComparingTo(profitAndLoss.get(Chart.UTILITIES).add(utilities));
        assertThat(books.movement(Chart.PROFESSIONAL_FEES, Q3_START, Q3_END))
                .isEqualByComparingTo(profitAndLoss.get(Chart.PROFESSIONAL_FEES).add(professionalFees));
        assertThat(books.balance("1510", Q3_END).negate()).isEqualByComparingTo(books.balance("1510", LocalDate.parse("2026-06-30"))
                .negate().add(depreciation));
        // The accruals stand on 2400 at the quarter's end and are reversed on the next quarter's first day.
        assertThat(books.balance(QuarterClosePack.ACCRUED_EXPENSES, Q3_END).negate()).isEqualByComparingTo(utilities.add(professionalFees));
        assertThat(books.balance(QuarterClosePack.ACCRUED_EXPENSES, Q4_START)).isZero();
        assertThat(books.movement(Chart.UTILITIES, Q4_START, LocalDate.parse("2026-12-31"))).isEqualByComparingTo(q4Utilities.subtract(utilities));
        assertThat(tenant.rows("""
                SELECT e.entry_number, e.entry_date, e.source, e.created_by FROM accounting.journal_entries e
                 WHERE substring(e.entry_number FROM 4)::int > ? ORDER BY e.entry_number""", lastEntry))
                .extracting(row -> row.get("entry_number") + " " + row.get("entry_date") + " " + row.get("source") + " " + row.get("created_by"))
                .containsExactly(
                        "JE-%06d 2026-09-30 ACCRUAL accountant.demo@example.test".formatted(lastEntry + 1),
                        "JE-%06d 2026-09-30 ACCRUAL accountant.demo@example.test".formatted(lastEntry + 2),
                        "JE-%06d 2026-09-30 DEPRECIATION accountant.demo@example.test".formatted(lastEntry + 3),
                        "JE-%06d 2026-10-01 ACCRUAL accountant.demo@example.test".formatted(lastEntry + 4),
                        "JE-%06d 2026-10-01 ACCRUAL accountant.demo@example.test".formatted(lastEntry + 5));
        books.assertValid();

        tenant.seedReset.teardown(TeardownRequest.of(ORG).application(applied.applicationId()).confirm(ORG));

        assertThat(tenant.organizationRows()).isEqualTo(before);
        assertThat(tenant.queryForLong("SELECT count(*) FROM platform.seed_updates")).isZero();
    }

    @Test
    void applied_again_it_is_unchanged_and_a_quarter_already_closed_is_refused_writing_nothing() {
        tenant.apply(TravelTenant.request());
        ApplyResult first = tenant.apply(SCENARIO);
        assertThat(first.status()).isEqualTo(ApplyResult.Status.APPLIED);

        assertThat(tenant.apply(SCENARIO).status()).isEqualTo(ApplyResult.Status.UNCHANGED);

        tenant.seedReset.teardown(TeardownRequest.of(ORG).application(first.applicationId()).confirm(ORG));
        Map<String, List<String>> open = tenant.organizationRows();
        Instant q2ClosedAt = books.instant("SELECT closed_at FROM accounting.periods WHERE name = 'Q2 2026'");
        assertThatThrownBy(() -> tenant.apply(PackRequest.of(QuarterClosePack.ID, ORG).anchor(Instant.parse("2026-08-15T09:00:00Z"))))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(SeedResetException.Reason.PACK_FAILED))
                .hasMessage("pack 'quarter-close': Q2 2026, the last complete quarter before the anchor, was closed at " + q2ClosedAt
                        + ": there is no complete open quarter to close (give an --anchor in the quarter after an open one)");
        assertThatThrownBy(() -> tenant.apply(PackRequest.of(QuarterClosePack.ID, ORG).anchor(Instant.parse("2027-05-01T09:00:00Z"))))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(SeedResetException.Reason.PACK_FAILED))
                .hasMessage("pack 'quarter-close': the books here have no period ending 2027-03-31, the quarter before the anchor's: "
                        + "give an --anchor in the quarter after an open quarter of demo-travel-co");
        assertThat(tenant.organizationRows()).isEqualTo(open);
    }

    @Test
    void with_a_later_anchor_of_its_own_it_closes_the_quarter_after_the_last_entry_dated_in_it() {
        tenant.apply(TravelTenant.request());
        // A person posts an entry dated in Q3 late, a day before the scenario's "now".
        tenant.execute("""
                UPDATE accounting.journal_entries SET posted_at = '2026-10-19T15:00:00Z'
                 WHERE id = (SELECT id FROM accounting.journal_entries WHERE entry_date = '2026-09-30' ORDER BY entry_number LIMIT 1)""");

        tenant.apply(PackRequest.of(QuarterClosePack.ID, ORG).anchor(Instant.parse("2026-10-20T09:00:00Z")));

        assertThat(books.instant("SELECT closed_at FROM accounting.periods WHERE name = 'Q3 2026'")).isAfter(Instant.parse("2026-10-19T15:00:00Z")).isBeforeOrEqualTo(Instant.parse("2026-10-20T09:00:00Z"));
        books.assertValid();
    }

    private static BigDecimal monthOf(BigDecimal quarter) {
        return quarter.divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
    }
}
