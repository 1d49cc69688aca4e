package io.seedreset.packs.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape of the books a prospect looks at: receivables aged as of the anchor, and the seasons and
 * growth of a travel business. Counts left open on purpose are held close to their targets; what
 * comes from per-invoice draws (how late a corporate account pays, how big a month is) gets a
 * margin that fits the mode's size: minimal's months hold about 20 invoices, full's about 80.
 */
class DistributionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    /** Open invoices per aging bucket as of the anchor, inclusive bounds; the partly paid among all open ones last. */
    private record Aging(int[] current, int[] days1to30, int[] days31to60, int[] days61to90, int[] over90, int[] partial) {
    }

    private static final Map<String, Aging> AGING = Map.of(
            "minimal", new Aging(range(5, 25), range(2, 10), range(1, 4), range(1, 4), range(1, 3), range(2, 6)),
            "default", new Aging(range(12, 35), range(4, 14), range(2, 6), range(2, 6), range(3, 6), range(3, 10)),
            "full", new Aging(range(40, 90), range(10, 30), range(5, 14), range(5, 12), range(8, 15), range(8, 20)));

    private static int[] range(int min, int max) {
        return new int[] {min, max};
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void receivables_age_into_every_bucket_and_most_invoices_are_paid(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();
        Aging expected = AGING.get(mode);

        Map<String, Long> open = tenant.histogram(BUCKETS + " count(*) FROM accounting.invoices WHERE balance > 0 GROUP BY 1", TODAY, TODAY,
                TODAY, TODAY);
        Map<String, Long> owed = tenant.histogram(BUCKETS + " sum(balance)::bigint FROM accounting.invoices WHERE balance > 0 GROUP BY 1",
                TODAY, TODAY, TODAY, TODAY);

        assertThat(open).containsOnlyKeys("current", "1-30", "31-60", "61-90", "90+");
        assertThat(open.get("current")).as("current").isBetween((long) expected.current()[0], (long) expected.current()[1]);
        assertThat(open.get("1-30")).as("1-30").isBetween((long) expected.days1to30()[0], (long) expected.days1to30()[1]);
        assertThat(open.get("31-60")).as("31-60").isBetween((long) expected.days31to60()[0], (long) expected.days31to60()[1]);
        assertThat(open.get("61-90")).as("61-90").isBetween((long) expected.days61to90()[0], (long) expected.days61to90()[1]);
        assertThat(open.get("90+")).as("90+").isBetween((long) expected.over90()[0], (long) expected.over90()[1]);
        assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.invoices WHERE status = 'PARTIALLY_PAID'")).as("partly paid")
                .isBetween((long) expected.partial()[0], (long) expected.partial()[1]);
        // What is not yet due is most of what is owed; nothing is older than nine months.
        long largestOverdue = owed.entrySet().stream().filter(e -> !e.getKey().equals("current")).mapToLong(Map.Entry::getValue).max()
                .orElseThrow();
        assertThat(owed.get("current")).as("owed, not yet due").isGreaterThan(largestOverdue);
        assertThat(tenant.queryForLong("SELECT max(?::date - due_date) FROM accounting.invoices WHERE balance > 0", TODAY)).isLessThanOrEqualTo(270);
        assertThat(tenant.queryForDouble("SELECT avg((status = 'PAID')::int) FROM accounting.invoices")).as("share paid").isGreaterThan(0.85);
        assertThat(tenant.strings("SELECT DISTINCT status FROM accounting.invoices")).containsExactlyInAnyOrder("PAID", "ISSUED", "PARTIALLY_PAID");
    }

    private static final String BUCKETS = """
            SELECT CASE WHEN due_date >= ?::date THEN 'current' WHEN ?::date - due_date <= 30 THEN '1-30'
                        WHEN ?::date - due_date <= 60 THEN '31-60' WHEN ?::date - due_date <= 90 THEN '61-90' ELSE '90+' END,""";

    /**
     * Summer (June to August) and December above the average month, January below it: each of those
     * months in the history, against the average of the complete months. A January of minimal's
     * 20 invoices a month varies more than one of full's 80, so the lull's margin narrows with the mode.
     */
    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void summer_and_the_holidays_peak_and_january_is_quiet(String mode) {
        Map<YearMonth, BigDecimal> revenue = monthlyRevenue(AppliedModes.of(mode).tenant());
        double average = revenue.values().stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
        // The first summer of an 18-month history comes before a year and a half of growth: it clears the average by less,
        // or not at all since tours and group trips are priced by their departure, not by the month they are sold in
        // (a summer's bookings are mostly for the cheaper autumn and winter): the bookings alone make its peak.
        double peak = 1.05;
        double firstSummer = 0.93;
        double lull = switch (mode) {
            case "minimal" -> 0.6;
            case "default" -> 0.55;
            default -> 0.5;
        };

        List<YearMonth> peaks = revenue.keySet().stream().filter(m -> List.of(Month.JUNE, Month.JULY, Month.AUGUST, Month.DECEMBER)
                .contains(m.getMonth())).toList();
        List<YearMonth> januaries = revenue.keySet().stream().filter(m -> m.getMonth() == Month.JANUARY).toList();

        assertThat(peaks).hasSize(mode.equals("minimal") ? 4 : 7);
        assertThat(januaries).hasSize(1);
        assertThat(peaks).allSatisfy(m -> assertThat(revenue.get(m).doubleValue()).as("%s of %.0f", m, average)
                .isGreaterThan(average * (m.isBefore(YearMonth.from(TODAY).minusMonths(12)) ? firstSummer : peak)));
        assertThat(januaries).allSatisfy(m -> assertThat(revenue.get(m).doubleValue()).as("%s of %.0f", m, average).isLessThan(average * lull));
    }

    /**
     * The business grows: where the history holds a calendar month twice (June to October, in the
     * larger modes) the later year took more; minimal's single year is compared half against half,
     * each month weighed by its season, so a summer does not pass for growth.
     */
    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void later_months_are_bigger_than_the_same_months_a_year_before(String mode) {
        Map<YearMonth, BigDecimal> revenue = monthlyRevenue(AppliedModes.of(mode).tenant());

        if (mode.equals("minimal")) {
            List<Double> adjusted = new ArrayList<>();
            // Bookings follow the season; prices mostly follow the departure months, a few months on, not the month sold.
            revenue.forEach((month, amount) -> adjusted.add(amount.doubleValue() / Calendar.season(month.getMonth())));
            int half = adjusted.size() / 2;
            double earlier = adjusted.subList(0, half).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double later = adjusted.subList(adjusted.size() - half, adjusted.size()).stream().mapToDouble(Double::doubleValue).average()
                    .orElseThrow();
            assertThat(later).as("season-adjusted, later half against earlier half").isGreaterThan(earlier);
            return;
        }
        double earlier = 0;
        double later = 0;
        for (Map.Entry<YearMonth, BigDecimal> month : revenue.entrySet()) {
            BigDecimal yearBefore = revenue.get(month.getKey().minusYears(1));
            if (yearBefore != null) {
                earlier += yearBefore.doubleValue();
                later += month.getValue().doubleValue();
            }
        }
        assertThat(earlier).isPositive();
        assertThat(later).as("June to October 2026 against 2025").isGreaterThan(earlier * (mode.equals("full") ? 1.10 : 1.05));
    }

    /** Invoiced revenue (before tax) of each complete month of the history, oldest first: the anchor's own month is left out. */
    private static Map<YearMonth, BigDecimal> monthlyRevenue(TravelTenant tenant) {
        Map<YearMonth, BigDecimal> revenue = new LinkedHashMap<>();
        for (Map<String, Object> row : tenant.rows("""
                SELECT to_char(issue_date, 'YYYY-MM') AS month, sum(subtotal) AS revenue FROM accounting.invoices
                 WHERE issue_date < date_trunc('month', ?::date) GROUP BY 1 ORDER BY 1""", TODAY)) {
            revenue.put(YearMonth.parse((String) row.get("month")), (BigDecimal) row.get("revenue"));
        }
        return revenue;
    }
}
