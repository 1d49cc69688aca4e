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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cash-crunch on demo-travel-co's books, anchored on 21 November 2026: what falls due, what is
 * overdue and what the Operating Account holds, read with plain SQL before and after.
 */
class CashCrunchTest {

    /** Without an anchor: the scenario takes demo-travel-co's. */
    private static final PackRequest SCENARIO = PackRequest.of(CashCrunchPack.ID, ORG);
    private static final LocalDate TODAY = LocalDate.parse("2026-11-21");

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
                .hasMessage("pack 'cash-crunch' requires pack 'demo-travel-co', which is not applied to 'travel-demo': "
                        + "apply 'demo-travel-co' first");
    }

    @Test
    void numbers_its_invoices_under_the_lock_the_accounting_api_takes_to_number_one() throws Exception {
        tenant.apply(TravelTenant.request());
        try (Connection poster = tenant.dataSource.getConnection()) {
            // A person's invoice being posted through the API: DocumentNumbers holds this lock until the posting commits.
            poster.setAutoCommit(false);
            try (PreparedStatement lock = poster.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "accounting.invoices.numbers:" + tenant.organizationId());
                lock.execute();
            }
            CompletableFuture<ApplyResult> apply = CompletableFuture.supplyAsync(() -> tenant.apply(SCENARIO));

            // The scenario waits for the posting rather than read the same last number; never finishing before it, it cannot be racing it.
            while (tenant.queryForLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock' AND wait_event = 'advisory'") == 0) {
                assertThat(apply).as("cash-crunch applied while an invoice number was being drawn").isNotDone();
                Thread.onSpinWait();
            }
            assertThat(apply).isNotDone();
            poster.rollback();
            assertThat(apply.get(5, TimeUnit.MINUTES).counts()).containsEntry("accounting.invoices", 4L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void big_bills_fall_due_receivables_slip_and_the_operating_account_runs_low_then_teardown_restores_it_byte_for_byte(String mode) {
        tenant.apply(TravelTenant.request().mode(mode));
        Map<String, List<String>> before = tenant.organizationRows();
        assertThat(before.get("accounting.journal_entries")).isNotEmpty();
        BigDecimal cashBefore = books.operatingBalance();
        BigDecimal overdueBefore = books.overdueReceivables(TODAY);
        BigDecimal moneyOutBefore = moneyOutOverTheLastMonth();
        long lastEntry = tenant.queryForLong("SELECT max(substring(entry_number FROM 4)::int) FROM accounting.journal_entries");
        long lastPayment = tenant.queryForLong("SELECT max(substring(payment_number FROM 5)::int) FROM accounting.payments");
        long lastInvoice = tenant.queryForLong("SELECT max(substring(invoice_number FROM 5)::int) FROM accounting.invoices");

        PlanResult plan = tenant.seedReset.plan(SCENARIO);
        ApplyResult applied = tenant.apply(SCENARIO);

        assertThat(applied.anchor()).isEqualTo(ANCHOR);
        assertThat(tenant.organizationRows()).isNotEqualTo(before);
        assertThat(applied.updates()).isEqualTo(plan.updates()).isEqualTo(Map.of("accounting.bank_accounts", 1L));
        assertThat(applied.counts()).isEqualTo(plan.counts());
        long allotments = applied.counts().get("accounting.bills");
        assertThat(allotments).isBetween(3L, 6L);
        assertThat(applied.counts()).containsEntry("accounting.payments", allotments).containsEntry("accounting.bank_transactions", allotments)
                .containsEntry("accounting.payment_allocations", allotments).containsEntry("accounting.invoices", 4L);

        // The allotments: a few big bills from the travel trades, issued two to three weeks ago, due in 3 to 10 days, a deposit paid on each.
        List<Map<String, Object>> bills = tenant.rows("""
                SELECT b.bill_number, v.category, b.issue_date, b.due_date, b.status, b.total, b.balance, sum(p.amount) AS deposit,
                       min(p.paid_on) AS paid_on, min(p.payment_number) AS payment_number
                  FROM accounting.bills b JOIN suppliers.vendors v ON v.id = b.vendor_id
                  JOIN accounting.payment_allocations a ON a.bill_id = b.id JOIN accounting.payments p ON p.id = a.payment_id
                 WHERE b.id::text IN (SELECT row_id FROM platform.seed_rows WHERE table_name = 'accounting.bills' AND application_id = ?)
                 GROUP BY b.bill_number, v.category, b.issue_date, b.due_date, b.status, b.total, b.balance ORDER BY b.bill_number""", applied.applicationId());
        assertThat(bills).hasSize((int) allotments).allSatisfy(bill -> {
            assertThat((String) bill.get("category")).isIn("airline", "lodging", "tour_operator");
            assertThat(date(bill, "issue_date")).isBetween(TODAY.minusDays(21), TODAY.minusDays(14));
            assertThat(date(bill, "due_date")).isBetween(TODAY.plusDays(3), TODAY.plusDays(10));
            assertThat(bill.get("status")).isEqualTo("PARTIALLY_PAID");
            assertThat((BigDecimal) bill.get("balance")).isEqualByComparingTo(((BigDecimal) bill.get("total")).subtract((BigDecimal) bill.get("deposit")));
            assertThat(date(bill, "paid_on")).isAfter(date(bill, "issue_date")).isBefore(TODAY);
            assertThat(Long.parseLong(((String) bill.get("payment_number")).substring(4))).isGreaterThan(lastPayment);
        });
        assertThat(bills).extracting(bill -> (String) bill.get("category")).contains("airline", "lodging", "tour_operator");
        BigDecimal deposits = bills.stream().map(bill -> (BigDecimal) bill.get("deposit")).reduce(BigDecimal.ZERO, BigDecimal::add);

        // The Operating Account paid the deposits, and holds what its opening balance and its statement lines say.
        BigDecimal cash = books.operatingBalance();
        assertThat(cash).isPositive().isEqualByComparingTo(cashBefore.subtract(deposits))
                .isEqualByComparingTo(books.amount("""
                        SELECT b.opening_balance + sum(t.amount) FROM accounting.bank_accounts b
                          JOIN accounting.bank_transactions t ON t.bank_account_id = b.id
                         WHERE b.name = 'Operating Account' GROUP BY b.opening_balance"""))
                .isEqualByComparingTo(books.balance(Chart.OPERATING, TODAY));
        assertThat(moneyOutOverTheLastMonth()).isEqualByComparingTo(moneyOutBefore.add(deposits));
        // What falls due within ten days is more than the account holds; within two weeks it is many times more.
        assertThat(books.billsDueBy(TODAY.plusDays(10))).isGreaterThan(cash);
        assertThat(cash).isLessThan(books.billsDueBy(TODAY.plusDays(14)).multiply(new BigDecimal("0.15")));

        // Big corporate and group invoices from 45 to 75 days ago are unpaid and overdue, posted as the pack posts its invoices.
        List<Map<String, Object>> slipped = tenant.rows("""
                SELECT i.invoice_number, c.kind, i.issue_date, i.due_date, i.status, i.total, i.balance,
                       (SELECT max(x.total) FROM accounting.invoices x WHERE x.customer_id = i.customer_id AND x.id <> i.id) AS largest_before
                  FROM accounting.invoices i JOIN accounting.customers c ON c.id = i.customer_id
                 WHERE i.id::text IN (SELECT row_id FROM platform.seed_rows WHERE table_name = 'accounting.invoices' AND application_id = ?)
                 ORDER BY i.invoice_number""", applied.applicationId());
        assertThat(slipped).extracting(invoice -> (String) invoice.get("kind")).containsExactlyInAnyOrder("CORPORATE", "CORPORATE", "GROUP", "GROUP");
        assertThat(slipped).allSatisfy(invoice -> {
            assertThat(date(invoice, "issue_date")).isBetween(TODAY.minusDays(75), TODAY.minusDays(45));
            assertThat(date(invoice, "due_date")).isBefore(TODAY);
            assertThat(invoice.get("status")).isEqualTo("ISSUED");
            assertThat((BigDecimal) invoice.get("balance")).isEqualByComparingTo((BigDecimal) invoice.get("total"))
                    .isGreaterThan((BigDecimal) invoice.get("largest_before"));
            assertThat(Long.parseLong(((String) invoice.get("invoice_number")).substring(4))).isGreaterThan(lastInvoice);
        });
        BigDecimal slippedTotal = slipped.stream().map(invoice -> (BigDecimal) invoice.get("total")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(books.overdueReceivables(TODAY)).isEqualByComparingTo(overdueBefore.add(slippedTotal));
        assertThat(books.balance(Chart.RECEIVABLES, TODAY)).isEqualByComparingTo(books.amount("SELECT sum(balance) FROM accounting.invoices"));
        assertThat(tenant.queryForLong("SELECT min(substring(entry_number FROM 4)::int) FROM accounting.journal_entries WHERE id::text IN "
                + "(SELECT row_id FROM platform.seed_rows WHERE table_name = 'accounting.journal_entries' AND application_id = ?)",
                applied.applicationId())).isEqualTo(lastEntry + 1);
        books.assertValid();

        tenant.seedReset.teardown(TeardownRequest.of(ORG).application(applied.applicationId()).confirm(ORG));

        assertThat(tenant.organizationRows()).isEqualTo(before);
        assertThat(tenant.queryForLong("SELECT count(*) FROM platform.seed_updates")).isZero();
    }

    @Test
    void the_same_books_crunch_the_same_way() {
        tenant.apply(TravelTenant.request());
        Map<String, List<String>> before = tenant.organizationRows();
        ApplyResult first = tenant.apply(SCENARIO);
        Map<String, List<String>> crunched = tenant.organizationRows();

        tenant.seedReset.teardown(TeardownRequest.of(ORG).application(first.applicationId()).confirm(ORG));
        assertThat(tenant.organizationRows()).isEqualTo(before);
        tenant.apply(SCENARIO);

        assertThat(tenant.organizationRows()).isEqualTo(crunched);
    }

    /** The cash report's money out: what left the Operating Account over the last month. */
    private BigDecimal moneyOutOverTheLastMonth() {
        return books.amount("""
                SELECT -sum(t.amount) FROM accounting.bank_transactions t JOIN accounting.bank_accounts b ON b.id = t.bank_account_id
                 WHERE b.name = 'Operating Account' AND t.amount < 0 AND t.posted_on BETWEEN ? AND ?""", TODAY.minusMonths(1), TODAY.minusDays(1));
    }

    private static LocalDate date(Map<String, Object> row, String column) {
        return ((java.sql.Date) row.get(column)).toLocalDate();
    }
}
