package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.PackFailure;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario {@code quarter-close}: the accountant closes the last complete quarter of Demo Travel
 * Co's books, which demo-travel-co leaves open. Dated the quarter's last day, the close posts the
 * expenses incurred but not yet billed (a month of the quarter's utilities and of its professional
 * fees: Dr the expense, Cr 2400 Accrued Expenses), each reversed on the first day of the next
 * quarter as accruals are, so that the supplier's bill, when it comes, lands against it; and the
 * quarter's depreciation of office equipment (Dr 6600, Cr 1510: the cost on 1500 over
 * {@link Books#DEPRECIATION_QUARTERS} quarters, as demo-travel-co depreciates the quarters it closed).
 * Then the period becomes CLOSED, by the accountant, after the last entry dated in it was posted and
 * not after the anchor. The reports show a closed quarter whose P&amp;L carries its depreciation and accruals.
 *
 * <p>The quarter is the one before the anchor's, found among the organization's periods; the scenario
 * refuses when it is not there or is closed already. Without an anchor of its own it takes
 * demo-travel-co's (the engine does that for scenarios), so the quarter it closes is the one that
 * pack left open. The entries are numbered after the organization's last; the period's change is an
 * update, so tearing the scenario down reopens the quarter and removes the entries.
 */
public final class QuarterClosePack implements SeedPack {

    public static final String ID = "quarter-close";

    /** Accrued Expenses, where the contract's chart keeps what was incurred and not yet billed. */
    static final String ACCRUED_EXPENSES = "2400";

    /**
     * What is incurred in a quarter's last month and billed after it: one month of the quarter's
     * spend on each of these accounts (its spend over three).
     */
    static final List<String> ACCRUED = List.of(Chart.UTILITIES, Chart.PROFESSIONAL_FEES);

    private static final int MONTHS_PER_QUARTER = 3;

    private static final PackDescriptor DESCRIPTOR = new PackDescriptor(
            ID,
            "1.0.0",
            "Quarter close",
            "The accountant closes the last complete quarter of demo-travel-co's books: accruals for what its last month "
                    + "used and was not yet billed (utilities and telephone, professional fees: a month of the quarter's spend "
                    + "on each, Dr the expense / Cr 2400 Accrued Expenses), reversed on the first day of the next quarter; the "
                    + "quarter's depreciation of office equipment (Dr 6600 / Cr 1510); then the period is CLOSED. The reports "
                    + "show a closed quarter with depreciation and accruals in its P&L; tearing it down reopens the quarter.",
            List.of("accounting"),
            List.of(Mode.of("default", "the quarter before the anchor's, left open by demo-travel-co, is closed", Map.of())),
            List.of(),
            List.of(DemoTravelCoPack.ID));

    @Override
    public PackDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void generate(PackContext context, RowSink sink) {
        LocalDate today = LocalDate.ofInstant(context.anchor(), ZoneOffset.UTC);
        LocalDate endsOn = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1).minusDays(1);
        List<Map<String, Object>> found = context.query("""
                SELECT p.id, p.name, p.starts_on, p.status, p.closed_at FROM accounting.periods p
                 WHERE p.org_id = :org AND p.ends_on = ?""", endsOn);
        if (found.isEmpty()) {
            throw new PackFailure("the books here have no period ending " + endsOn + ", the quarter before the anchor's: "
                    + "give an --anchor in the quarter after an open quarter of " + DemoTravelCoPack.ID);
        }
        Map<String, Object> period = found.get(0);
        String quarter = (String) period.get("name");
        LocalDate startsOn = (LocalDate) period.get("starts_on");
        if (!"OPEN".equals(period.get("status"))) {
            throw new PackFailure(quarter + ", the last complete quarter before the anchor, was closed at " + period.get("closed_at")
                    + ": there is no complete open quarter to close (give an --anchor in the quarter after an open one)");
        }
        // The close follows the last entry dated in the quarter, whenever it was posted.
        Instant lastPosted = (Instant) context.query("""
                SELECT max(e.posted_at) AS last_posted FROM accounting.journal_entries e
                 WHERE e.org_id = :org AND e.entry_date BETWEEN ? AND ?""", startsOn, endsOn).get(0).get("last_posted");
        if (lastPosted != null && lastPosted.plus(Duration.ofSeconds(2)).isAfter(context.anchor())) {
            throw new PackFailure(quarter + " has an entry posted at " + lastPosted + ", too close to the anchor " + context.anchor()
                    + " to close the quarter after it: give a later --anchor");
        }
        Map<String, BigDecimal> spend = balances(context, """
                SELECT a.code, sum(l.debit - l.credit) AS balance FROM accounting.journal_lines l
                  JOIN accounting.journal_entries e ON e.org_id = l.org_id AND e.id = l.entry_id
                  JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id
                 WHERE l.org_id = :org AND a.code = ANY (?) AND e.entry_date BETWEEN ? AND ?
                 GROUP BY a.code""", ACCRUED.toArray(String[]::new), startsOn, endsOn);
        Map<String, BigDecimal> equipment = balances(context, """
                SELECT a.code, sum(l.debit - l.credit) AS balance FROM accounting.journal_lines l
                  JOIN accounting.journal_entries e ON e.org_id = l.org_id AND e.id = l.entry_id
                  JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id
                 WHERE l.org_id = :org AND a.code = ANY (?) AND e.entry_date <= ?
                 GROUP BY a.code""", new String[] {Chart.OFFICE_EQUIPMENT, Chart.ACCUMULATED_DEPRECIATION}, endsOn);
        ScenarioJournal journal = new ScenarioJournal(context);

        // A couple of weeks after the quarter ended, once the last bills are in, as demo-travel-co closes its
        // quarters; after the quarter's last posting in any case, and never after "now". The close's entries
        // are posted an hour before, or halfway between that posting and the close when "now" is that near
        // (an anchor at midnight after the quarter's last day, when its month-end lines came in at 23:59).
        Draw draw = context.draw("close", 0);
        Instant planned = Calendar.atOfficeHours(draw, Calendar.weekdayOnOrAfter(endsOn.plusDays(draw.between(10, 16))));
        Instant closedAt = lastPosted == null ? planned : later(planned, lastPosted.plus(Duration.ofHours(1)));
        closedAt = closedAt.isAfter(context.anchor()) ? context.anchor() : closedAt;
        Instant postedAt = closedAt.minus(Duration.ofHours(1));
        if (lastPosted != null && !postedAt.isAfter(lastPosted)) {
            postedAt = lastPosted.plus(Duration.between(lastPosted, closedAt).dividedBy(2)).truncatedTo(ChronoUnit.SECONDS);
        }

        String lastMonth = endsOn.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + endsOn.getYear();
        LocalDate nextQuarter = endsOn.plusDays(1);
        for (int i = 0; i < ACCRUED.size(); i++) {
            String code = ACCRUED.get(i);
            BigDecimal accrued = spend.getOrDefault(code, Money.ZERO).divide(BigDecimal.valueOf(MONTHS_PER_QUARTER), 2, RoundingMode.HALF_UP);
            if (!Money.positive(accrued)) {
                continue;
            }
            String what = journal.accountName(code) + " for " + lastMonth + ", not yet billed";
            journal.entry("accrual", i, endsOn, postedAt, "ACCRUAL", "Accrued " + what + " (a month of " + quarter + "'s spend)")
                    .debit(code, accrued, what)
                    .credit(ACCRUED_EXPENSES, accrued, what)
                    .post();
            journal.entry("accrual_reversal", i, nextQuarter, postedAt, "ACCRUAL", "Reversal of the accrued " + what)
                    .debit(ACCRUED_EXPENSES, accrued, what)
                    .credit(code, accrued, what)
                    .post();
        }
        BigDecimal cost = equipment.getOrDefault(Chart.OFFICE_EQUIPMENT, Money.ZERO);
        BigDecimal bookValue = cost.add(equipment.getOrDefault(Chart.ACCUMULATED_DEPRECIATION, Money.ZERO));
        BigDecimal depreciation = cost.divide(BigDecimal.valueOf(Books.DEPRECIATION_QUARTERS), 2, RoundingMode.HALF_UP).min(bookValue);
        if (Money.positive(depreciation)) {
            journal.entry("depreciation", 0, endsOn, postedAt, "DEPRECIATION", "Depreciation of office equipment, " + quarter)
                    .debit(Chart.DEPRECIATION, depreciation, null)
                    .credit(Chart.ACCUMULATED_DEPRECIATION, depreciation, null)
                    .post();
        }

        journal.write(sink);
        sink.update("accounting.periods", Row.withId((UUID) period.get("id"))
                .set("status", "CLOSED")
                .set("closed_at", closedAt)
                .set("closed_by", Personas.ACCOUNTANT.email()));
    }

    /** Account code to balance (debits less credits) from a query returning {@code code, balance}. */
    private static Map<String, BigDecimal> balances(PackContext context, String sql, Object... parameters) {
        Map<String, BigDecimal> balances = new HashMap<>();
        for (Map<String, Object> row : context.query(sql, parameters)) {
            balances.put((String) row.get("code"), ((BigDecimal) row.get("balance")).setScale(2, RoundingMode.UNNECESSARY));
        }
        return balances;
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
