package io.seedreset.packs.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The story the books tell, as the issue tells it: the ledger agrees with every document behind it,
 * one overpayment refunded, bills due next week, statements reconciled to the end of last month,
 * stock that moves, payroll every month, quarters closed up to the last complete one, and nothing
 * dated on or after the anchor. Every figure here is computed from the rows, independently of the pack.
 */
class BooksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final LocalDate END_OF_LAST_MONTH = LocalDate.of(2026, 10, 31);

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void the_ledger_agrees_with_receivables_payables_the_banks_and_the_stock(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        assertThat(ledger(tenant, "1100")).as("receivables").isEqualByComparingTo(sum(tenant, "SELECT sum(balance) FROM accounting.invoices"));
        assertThat(ledger(tenant, "2000").negate()).as("payables").isEqualByComparingTo(sum(tenant, "SELECT sum(balance) FROM accounting.bills"));
        assertThat(ledger(tenant, "1000")).as("operating account")
                .isEqualByComparingTo(sum(tenant, "SELECT balance FROM accounting.bank_accounts WHERE name = 'Operating Account'"));
        assertThat(ledger(tenant, "1010")).as("reserve savings")
                .isEqualByComparingTo(sum(tenant, "SELECT balance FROM accounting.bank_accounts WHERE name = 'Reserve Savings'"));
        assertThat(ledger(tenant, "1200")).as("stock at cost")
                .isEqualByComparingTo(sum(tenant, "SELECT sum(quantity_on_hand * unit_cost) FROM accounting.inventory_items"));
        assertThat(ledger(tenant, "2200")).as("customer credits: the overpayment was refunded").isZero();
        // October's withholding was remitted on 16 November; November's payroll is not run yet.
        assertThat(ledger(tenant, "2300")).as("payroll liabilities").isZero();
        assertThat(sum(tenant, "SELECT sum(balance) FROM accounting.bank_accounts")).as("cash").isPositive();
        // The company made money: revenue beyond every expense.
        assertThat(sum(tenant, """
                SELECT sum(l.credit - l.debit) FROM accounting.journal_lines l JOIN accounting.accounts a ON a.id = l.account_id
                 WHERE a.type IN ('REVENUE', 'EXPENSE')""")).as("profit over the history").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void one_overpayment_was_refunded_to_the_customer_who_made_it(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        List<Map<String, Object>> refunds = tenant.rows("""
                SELECT r.amount, r.paid_on AS refunded_on, o.paid_on AS overpaid_on, o.amount - a.allocated AS overpaid,
                       r.customer_id = o.customer_id AS same_customer, (SELECT count(*) FROM accounting.payment_allocations x
                                                                        WHERE x.payment_id = r.id) AS allocations
                  FROM accounting.payments r
                  JOIN accounting.payments o ON o.direction = 'RECEIVED'
                  JOIN (SELECT payment_id, sum(amount) AS allocated FROM accounting.payment_allocations GROUP BY payment_id) a
                    ON a.payment_id = o.id AND a.allocated < o.amount
                 WHERE r.direction = 'REFUND'""");

        assertThat(refunds).singleElement().satisfies(refund -> {
            assertThat((BigDecimal) refund.get("amount")).isEqualByComparingTo((BigDecimal) refund.get("overpaid")).isPositive();
            assertThat(refund.get("same_customer")).isEqualTo(true);
            assertThat(refund.get("allocations")).isEqualTo(0L);
            assertThat(((java.sql.Date) refund.get("refunded_on")).toLocalDate())
                    .isAfter(((java.sql.Date) refund.get("overpaid_on")).toLocalDate());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void suppliers_bills_fall_due_next_week_and_are_still_open(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();
        long expected = switch (mode) {
            case "minimal" -> 3;
            case "default" -> 4;
            default -> 10;
        };

        List<String> statuses = tenant.strings("SELECT status FROM accounting.bills WHERE due_date BETWEEN ?::date + 1 AND ?::date + 7",
                TODAY, TODAY);

        assertThat(statuses).hasSizeGreaterThanOrEqualTo((int) expected).containsOnly("OPEN");
        assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.bills WHERE status = 'PAID'"))
                .isGreaterThan(tenant.queryForLong("SELECT count(*) FROM accounting.bills") * 9 / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void statements_are_reconciled_up_to_the_end_of_last_month_and_not_after(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        assertThat(tenant.strings("SELECT b.name || ' ' || max(r.statement_date) FROM accounting.reconciliations r "
                + "JOIN accounting.bank_accounts b ON b.id = r.bank_account_id GROUP BY b.name ORDER BY 1"))
                .containsExactly("Operating Account 2026-10-31", "Reserve Savings 2026-10-31");
        assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.bank_transactions WHERE posted_on <= ? AND reconciliation_id IS NULL",
                END_OF_LAST_MONTH)).as("unmatched lines up to the end of last month").isZero();
        assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.bank_transactions WHERE posted_on > ? AND reconciliation_id IS NOT NULL",
                END_OF_LAST_MONTH)).as("matched lines of this month").isZero();
        assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.bank_transactions WHERE posted_on > ?", END_OF_LAST_MONTH))
                .as("this month's lines, waiting to be matched").isPositive();
        assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.reconciliations WHERE reconciled_at::date <= statement_date"
                + " OR reconciled_at > ?", Timestamp.from(TravelTenant.ANCHOR))).isZero();
        // Fees, interest, payroll and remittances are on the statements with an entry; every payment with its own line.
        assertThat(tenant.strings("SELECT DISTINCT split_part(description, ':', 1) FROM accounting.bank_transactions WHERE entry_id IS NOT NULL"))
                .contains("Monthly account fee", "Card processing fees", "Interest paid", "Sales tax payment", "Payroll");
        assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.bank_transactions WHERE payment_id IS NOT NULL"))
                .isEqualTo(tenant.queryForLong("SELECT count(*) FROM accounting.payments"));
        assertThat(tenant.histogram("""
                SELECT t.posted_on - p.paid_on || ' day(s)', count(*) FROM accounting.payments p
                  JOIN accounting.bank_transactions t ON t.payment_id = p.id WHERE p.method = 'CARD' GROUP BY 1"""))
                .as("card payments settle a day or two later").containsKeys("1 day(s)", "2 day(s)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void stock_moves_every_month_and_never_runs_out(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();
        long months = tenant.queryForLong("SELECT count(*) FROM accounting.payroll_runs");

        assertThat(tenant.rows("""
                SELECT i.sku, i.quantity_on_hand,
                       count(DISTINCT date_trunc('month', m.moved_on)) FILTER (WHERE m.kind = 'ISSUE') AS months_issued,
                       count(*) FILTER (WHERE m.kind = 'PURCHASE') AS deliveries
                  FROM accounting.inventory_items i JOIN accounting.inventory_movements m ON m.item_id = i.id
                 GROUP BY i.sku, i.quantity_on_hand""")).hasSize(8).allSatisfy(item -> {
                    // Issues go out in a month's last ten days: the anchor's month (21 November) may have had its own yet or not.
                    assertThat((Long) item.get("months_issued")).as("%s", item).isBetween(months - 1, months);
                    assertThat((Long) item.get("deliveries")).as("%s", item).isGreaterThanOrEqualTo(2);
                    assertThat((Integer) item.get("quantity_on_hand")).as("%s", item).isPositive();
                });
        assertThat(tenant.queryForLong("""
                SELECT count(*) FROM accounting.inventory_movements m JOIN accounting.bill_lines l
                    ON l.bill_id = m.bill_id AND l.inventory_item_id = m.item_id AND l.quantity = m.quantity
                 WHERE m.kind = 'PURCHASE'""")).as("each delivery is a line of its bill")
                .isEqualTo(tenant.queryForLong("SELECT count(*) FROM accounting.inventory_movements WHERE kind = 'PURCHASE'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void payroll_runs_every_month_and_the_staff_grows(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        assertThat(tenant.rows("SELECT status, entry_id IS NULL AS unposted, pay_date FROM accounting.payroll_runs ORDER BY period_start"))
                .allSatisfy(run -> assertThat(run.get("unposted")).isEqualTo(run.get("status").equals("DRAFT")))
                .last().satisfies(run -> assertThat(run.get("status")).as("November, paid on the 30th").isEqualTo("DRAFT"));
        assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.payroll_runs WHERE status = 'DRAFT'")).isEqualTo(1);
        List<Long> headcount = tenant.rows("SELECT count(l.id) AS staff FROM accounting.payroll_runs r JOIN accounting.payroll_lines l "
                + "ON l.run_id = r.id GROUP BY r.period_start ORDER BY r.period_start").stream().map(r -> (Long) r.get("staff")).toList();
        assertThat(headcount.get(headcount.size() - 1)).as("staff paid this month against the first").isGreaterThan(headcount.get(0));
        assertThat(headcount).isSorted();
        assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.journal_entries WHERE memo LIKE 'Payroll taxes and benefits withheld%'"))
                .as("each paid month's withholding remitted the month after").isEqualTo(
                        tenant.queryForLong("SELECT count(*) FROM accounting.payroll_runs WHERE status = 'PAID'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void quarters_before_the_last_complete_one_are_closed_two_weeks_after_they_end(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        List<Map<String, Object>> periods = tenant.rows("""
                SELECT name, status, closed_at::date - ends_on AS days_to_close,
                       (SELECT count(*) FROM accounting.journal_entries e
                         WHERE e.source = 'DEPRECIATION' AND e.entry_date BETWEEN p.starts_on AND p.ends_on) AS depreciation
                  FROM accounting.periods p ORDER BY starts_on""");

        assertThat(periods.subList(periods.size() - 2, periods.size())).extracting(p -> p.get("name") + " " + p.get("status"))
                .containsExactly("Q3 2026 OPEN", "Q4 2026 OPEN");
        assertThat(periods.subList(0, periods.size() - 2)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.get("status")).isEqualTo("CLOSED");
            assertThat((Integer) p.get("days_to_close")).as("%s", p).isBetween(10, 18);
            assertThat(p.get("depreciation")).as("%s", p).isEqualTo(1L);
        });
        assertThat(periods.subList(periods.size() - 2, periods.size())).allSatisfy(p -> assertThat(p.get("depreciation")).isEqualTo(0L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void nothing_is_dated_on_or_after_the_anchor(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();
        Timestamp anchor = Timestamp.from(TravelTenant.ANCHOR);

        assertThat(tenant.queryForLong("""
                SELECT (SELECT count(*) FROM accounting.journal_entries WHERE entry_date >= ?::date OR posted_at > ?)
                     + (SELECT count(*) FROM accounting.invoices WHERE issue_date >= ?::date OR created_at > ?)
                     + (SELECT count(*) FROM accounting.bills WHERE issue_date >= ?::date OR created_at > ?)
                     + (SELECT count(*) FROM accounting.payments WHERE paid_on >= ?::date OR created_at > ?)
                     + (SELECT count(*) FROM accounting.bank_transactions WHERE posted_on >= ?::date OR created_at > ?)
                     + (SELECT count(*) FROM accounting.inventory_movements WHERE moved_on >= ?::date)
                     + (SELECT count(*) FROM accounting.customers WHERE created_at > ?)
                     + (SELECT count(*) FROM accounting.employees WHERE hired_on >= ?::date OR created_at > ?)
                     + (SELECT count(*) FROM suppliers.vendors WHERE created_at > ?)
                     + (SELECT count(*) FROM identity.users WHERE created_at > ?)""",
                TODAY, anchor, TODAY, anchor, TODAY, anchor, TODAY, anchor, TODAY, anchor, TODAY, anchor, TODAY, anchor, anchor, anchor))
                .isZero();
        assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.invoices WHERE issue_date < ?::date - interval '19 months'", TODAY))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void customers_and_suppliers_come_back(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        Map<String, Long> invoicesPerCustomer = tenant.histogram("""
                SELECT c.kind, (count(i.id) / count(DISTINCT c.id))::bigint FROM accounting.customers c
                  JOIN accounting.invoices i ON i.customer_id = c.id GROUP BY c.kind""");
        assertThat(invoicesPerCustomer).containsOnlyKeys("CORPORATE", "GROUP", "INDIVIDUAL");
        assertThat(invoicesPerCustomer.get("CORPORATE")).as("invoices per corporate account").isGreaterThanOrEqualTo(5);
        assertThat(tenant.queryForLong("""
                SELECT count(*) FROM suppliers.vendors v
                 WHERE (SELECT count(DISTINCT date_trunc('month', b.issue_date)) FROM accounting.bills b WHERE b.vendor_id = v.id) < 3"""))
                .as("suppliers billing in fewer than three months").isZero();
        assertThat(tenant.queryForLong("""
                SELECT count(*) FROM accounting.payments p WHERE p.direction = 'RECEIVED'
                   AND (SELECT count(*) FROM accounting.payment_allocations a WHERE a.payment_id = p.id) > 1"""))
                .as("corporate pay runs settling several invoices at once").isPositive();
        assertThat(tenant.strings("SELECT DISTINCT method FROM accounting.payments"))
                .containsExactlyInAnyOrder("ACH", "BANK_TRANSFER", "CARD", "CHECK");
    }

    private static BigDecimal ledger(TravelTenant tenant, String code) {
        return sum(tenant, "SELECT coalesce(sum(l.debit - l.credit), 0) FROM accounting.journal_lines l JOIN accounting.accounts a "
                + "ON a.id = l.account_id WHERE a.code = '" + code + "'");
    }

    private static BigDecimal sum(TravelTenant tenant, String sql) {
        return new BigDecimal(tenant.strings("SELECT (" + sql + ")::text").get(0));
    }
}
