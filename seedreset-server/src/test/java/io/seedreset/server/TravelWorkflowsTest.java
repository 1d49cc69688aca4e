package io.seedreset.server;

import static io.seedreset.server.TravelApi.ORG;
import static io.seedreset.server.TravelApi.ORG_ID;
import static io.seedreset.server.TravelApi.PREFIX;
import static io.seedreset.server.TravelApi.TODAY;
import static io.seedreset.server.TravelApi.one;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The accounting API's workflows over real HTTP on demo-travel-co's books (default mode, a fixed seed, today the
 * anchor, 2026-11-21), as the pack's owner and accountant: each writes documents numbered on from the pack's own
 * (INV-10001..., PMT-000001..., JE-000001...), moves the balances and the aging as it says, and leaves books that every
 * rule of the pack still holds. Tests share the organization and each works on documents the others leave alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TravelWorkflowsTest {

    private ApiFixture api;
    private String owner;
    private String accountant;
    private String operating;

    @BeforeAll
    void start() throws Exception {
        api = TravelApi.start("default");
        owner = TravelApi.signIn(api, ORG, TravelApi.OWNER);
        accountant = TravelApi.signIn(api, ORG, TravelApi.ACCOUNTANT);
        operating = one(api, "SELECT id::text FROM accounting.bank_accounts WHERE org_id = " + ORG_ID + " AND name = 'Operating Account'", ORG);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void the_owner_invoices_a_customer_and_the_accountant_records_part_of_it_and_part_of_an_older_overdue_invoice() throws Exception {
        // A customer with an invoice long overdue and not paid at all: the pack's story of receivables that slipped.
        Map<String, Object> overdue = api.tenant.rows("""
                SELECT i.id::text AS id, i.invoice_number, i.customer_id::text AS customer, c.payment_terms_days AS terms, i.due_date, i.balance
                  FROM accounting.invoices i JOIN accounting.customers c ON c.org_id = i.org_id AND c.id = i.customer_id
                 WHERE i.org_id = %s AND i.status = 'ISSUED' AND i.due_date < ? ORDER BY i.due_date, i.invoice_number LIMIT 1"""
                .formatted(ORG_ID), ORG, Date.valueOf(TODAY.minusDays(60))).get(0);
        String customer = (String) overdue.get("customer");
        String overdueBucket = bucket(((Date) overdue.get("due_date")).toLocalDate());
        Map<String, BigDecimal> agedBefore = agedBuckets(customer);
        BigDecimal bankBefore = bankBalance();
        Numbers numbers = numbers();
        assertThat(numbers.invoice()).as("the pack's invoice numbers").matches("INV-\\d{5}");
        assertThat(numbers.payment()).as("the pack's payment numbers").matches("PMT-\\d{6}");
        assertThat(numbers.entry()).as("the pack's entry numbers").matches("JE-\\d{6}");

        ApiFixture.Response issued = api.post(owner, PREFIX + "/invoices", Map.of("customerId", customer, "memo", "Spring group trip", "lines", List.of(
                Map.of("description", "Group trip: Lisbon and Porto, 8 days", "quantity", 14, "unitPrice", 2185, "accountCode", "4100",
                        "taxRateId", taxRate("Exempt: travel services (0%)")),
                Map.of("description", "Group booking fee", "quantity", 14, "unitPrice", 45, "accountCode", "4200",
                        "taxRateId", taxRate("Sales tax on service fees (6.25%)")))));

        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
        JsonNode invoice = issued.body();
        assertThat(invoice.get("invoiceNumber").asText()).as("after the pack's latest").isEqualTo(after(numbers.invoice()));
        assertThat(invoice.get("entryNumber").asText()).isEqualTo(after(numbers.entry()));
        assertThat(List.of(invoice.get("status").asText(), invoice.get("issueDate").asText(), invoice.get("dueDate").asText()))
                .as("issued today, due on the customer's terms").containsExactly("ISSUED", TODAY.toString(),
                        TODAY.plusDays((Integer) overdue.get("terms")).toString());
        // 14 x 2,185.00 = 30,590.00 exempt; 14 x 45.00 = 630.00 taxed 6.25% = 39.375, to the cent 39.38.
        assertThat(List.of(money(invoice.get("subtotal")), money(invoice.get("tax")), money(invoice.get("total")), money(invoice.get("balance"))))
                .containsExactly(money("31220.00"), money("39.38"), money("31259.38"), money("31259.38"));
        assertThat(entryLines(invoice.get("entryId").asText())).containsExactly("1100 D 31259.38", "4100 C 30590.00", "4200 C 630.00",
                "2100 C 39.38");
        assertThat(agedBuckets(customer).get("current")).as("a new invoice ages as current")
                .isEqualTo(agedBefore.get("current").add(money("31259.38")));
        String invoiceId = invoice.get("id").asText();

        JsonNode partial = pay(Map.of("customerId", customer, "bankAccountId", operating, "amount", 10000, "method", "ACH",
                "reference", "Deposit for the spring trip", "allocations", List.of(Map.of("invoiceId", invoiceId, "amount", 10000))));

        assertThat(partial.get("paymentNumber").asText()).as("after the pack's latest").isEqualTo(after(numbers.payment()));
        assertThat(partial.get("entryNumber").asText()).isEqualTo(after(invoice.get("entryNumber").asText()));
        JsonNode afterPartial = get("/invoices/" + invoiceId);
        assertThat(List.of(afterPartial.get("status").asText(), money(afterPartial.get("balance")).toPlainString()))
                .containsExactly("PARTIALLY_PAID", "21259.38");
        assertThat(entryLines(partial.get("entryId").asText())).containsExactly("1000 D 10000.00", "1100 C 10000.00");
        assertThat(agedBuckets(customer).get("current")).as("the aging moved").isEqualTo(agedBefore.get("current").add(money("21259.38")));

        String overdueId = (String) overdue.get("id");
        JsonNode older = pay(Map.of("customerId", customer, "bankAccountId", operating, "amount", 5000, "method", "CHECK",
                "allocations", List.of(Map.of("invoiceId", overdueId, "amount", 5000))));

        assertThat(older.get("paymentNumber").asText()).isEqualTo(after(partial.get("paymentNumber").asText()));
        assertThat(older.get("entryNumber").asText()).isEqualTo(after(partial.get("entryNumber").asText()));
        BigDecimal overdueLeft = ((BigDecimal) overdue.get("balance")).subtract(money("5000"));
        JsonNode paidOlder = get("/invoices/" + overdueId);
        assertThat(List.of(paidOlder.get("status").asText(), money(paidOlder.get("balance")))).containsExactly("PARTIALLY_PAID", overdueLeft);
        Map<String, BigDecimal> agedAfter = agedBuckets(customer);
        assertThat(agedAfter.get(overdueBucket)).as(overdue.get("invoice_number") + ", " + overdueBucket + " days late, owes 5,000.00 less")
                .isEqualTo(agedBefore.get(overdueBucket).subtract(money("5000")));
        assertThat(agedAfter.get("total")).isEqualTo(agedBefore.get("total").add(money("31259.38")).subtract(money("15000")));
        assertThat(bankBalance()).isEqualTo(bankBefore.add(money("15000")));
        assertThat(api.tenant.rows("""
                SELECT posted_on, amount FROM accounting.bank_transactions WHERE payment_id IN (?::uuid, ?::uuid) ORDER BY amount""",
                partial.get("id").asText(), older.get("id").asText()))
                .as("each payment on the statement, today").extracting(row -> row.get("posted_on").toString() + " " + row.get("amount"))
                .containsExactly(TODAY + " 5000.00", TODAY + " 10000.00");
        assertNumbersUnique();
        TravelApi.assertRulesHold(api, ORG);
    }

    @Test
    void payments_of_every_shape_settle_the_packs_invoices_and_leave_credits_the_rules_accept() throws Exception {
        // A customer who owes on two invoices pays both off by card into the savings account, 250.00 over, yesterday.
        List<Map<String, Object>> open = api.tenant.rows("""
                SELECT i.id::text AS id, i.invoice_number, i.customer_id::text AS customer, i.balance FROM accounting.invoices i
                 WHERE i.org_id = %s AND i.balance > 0 AND i.issue_date < ?
                   AND i.customer_id = (SELECT customer_id FROM accounting.invoices WHERE org_id = i.org_id AND balance > 0
                                         GROUP BY customer_id HAVING count(*) >= 2 ORDER BY customer_id LIMIT 1)
                 ORDER BY i.invoice_number LIMIT 2""".formatted(ORG_ID), ORG, Date.valueOf(TODAY.minusDays(1)));
        assertThat(open).hasSize(2);
        String customer = (String) open.get(0).get("customer");
        BigDecimal owed = ((BigDecimal) open.get(0).get("balance")).add((BigDecimal) open.get(1).get("balance"));
        String savings = one(api, "SELECT id::text FROM accounting.bank_accounts WHERE org_id = " + ORG_ID + " AND name = 'Reserve Savings'", ORG);
        BigDecimal creditsBefore = creditBalance();

        JsonNode settled = pay(Map.of("customerId", customer, "bankAccountId", savings, "amount", owed.add(money("250")), "method", "CARD",
                "paidOn", TODAY.minusDays(1).toString(), "allocations", List.of(
                        Map.of("invoiceId", open.get(0).get("id"), "amount", open.get(0).get("balance")),
                        Map.of("invoiceId", open.get(1).get("id"), "amount", open.get(1).get("balance")))));

        assertThat(entryLines(settled.get("entryId").asText())).containsExactly("1010 D " + owed.add(money("250")), "1100 C " + owed, "2200 C 250.00");
        for (Map<String, Object> invoice : open) {
            assertThat(get("/invoices/" + invoice.get("id")).get("status").asText()).as(invoice.get("invoice_number").toString()).isEqualTo("PAID");
        }
        assertThat(money(settled.get("unallocated"))).isEqualTo(money("250.00"));

        // Another pays a deposit before anything is invoiced: all of it is their credit.
        String traveller = one(api, "SELECT id::text FROM accounting.customers WHERE org_id = " + ORG_ID
                + " AND kind = 'INDIVIDUAL' ORDER BY name LIMIT 1", ORG);
        JsonNode deposit = pay(Map.of("customerId", traveller, "bankAccountId", operating, "amount", 600, "method", "BANK_TRANSFER"));
        assertThat(entryLines(deposit.get("entryId").asText())).containsExactly("1000 D 600.00", "2200 C 600.00");
        assertThat(creditBalance()).as("customer credits owed").isEqualTo(creditsBefore.add(money("850.00")));
        assertNumbersUnique();
        TravelApi.assertRulesHold(api, ORG);
    }

    @Test
    void the_owner_pays_the_months_payroll_the_pack_prepared_as_a_draft_and_the_accountant_may_not() throws Exception {
        String month = TODAY.withDayOfMonth(1).toString();
        Map<String, Object> draft = api.tenant.rows("SELECT id::text AS id, status FROM accounting.payroll_runs WHERE org_id = " + ORG_ID
                + " AND period_start = ?", ORG, Date.valueOf(month)).get(0);
        assertThat(draft.get("status")).as("prepared before payday, not paid yet").isEqualTo("DRAFT");

        refused(() -> api.post(accountant, PREFIX + "/payroll-runs", Map.of()), 403, "forbidden",
                "only the owner may run payroll; accountant.demo@example.test is an accountant");

        BigDecimal bankBefore = bankBalance();
        String entryBefore = numbers().entry();
        // Each person's pay: their salary over 12, withheld at the share their line of the latest paid run withheld (October's).
        Map<String, String> expected = new LinkedHashMap<>();
        for (Map<String, Object> employee : api.tenant.rows("""
                SELECT e.id::text AS id, e.annual_salary,
                       (SELECT round(l.withholding / l.gross, 4) FROM accounting.payroll_lines l
                          JOIN accounting.payroll_runs r ON r.org_id = l.org_id AND r.id = l.run_id
                         WHERE l.org_id = e.org_id AND l.employee_id = e.id AND r.status = 'PAID' ORDER BY r.period_start DESC LIMIT 1) AS rate
                  FROM accounting.employees e WHERE e.org_id = %s AND e.active""".formatted(ORG_ID), ORG)) {
            BigDecimal pay = ((BigDecimal) employee.get("annual_salary")).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
            BigDecimal withholding = pay.multiply((BigDecimal) employee.get("rate")).setScale(2, RoundingMode.HALF_UP);
            expected.put((String) employee.get("id"), pay + " " + withholding + " " + pay.subtract(withholding));
        }
        Map<String, String> prepared = new LinkedHashMap<>();
        for (Map<String, Object> line : api.tenant.rows("SELECT employee_id::text AS id, gross, withholding, net FROM accounting.payroll_lines"
                + " WHERE run_id = ?::uuid", draft.get("id"))) {
            prepared.put((String) line.get("id"), line.get("gross") + " " + line.get("withholding") + " " + line.get("net"));
        }

        ApiFixture.Response created = api.post(owner, PREFIX + "/payroll-runs", Map.of());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode run = created.body();
        assertThat(run.get("id").asText()).as("the draft is the run").isEqualTo(draft.get("id"));
        assertThat(List.of(run.get("periodStart").asText(), run.get("payDate").asText(), run.get("status").asText()))
                .containsExactly(month, TODAY.toString(), "PAID");
        assertThat(run.get("entryNumber").asText()).isEqualTo(after(entryBefore));
        Map<String, String> paid = new LinkedHashMap<>();
        BigDecimal withheld = money("0");
        for (JsonNode line : run.get("lines")) {
            paid.put(line.get("employeeId").asText(), money(line.get("gross")) + " " + money(line.get("withholding")) + " " + money(line.get("net")));
            withheld = withheld.add(money(line.get("withholding")));
        }
        assertThat(paid).as("every active employee, at their own rate").isEqualTo(expected);
        assertThat(paid).as("nobody's salary changed since: what the pack prepared is what is paid").isEqualTo(prepared);
        BigDecimal total = money(run.get("gross"));
        BigDecimal net = total.subtract(withheld);
        assertThat(List.of(money(run.get("withholding")), money(run.get("net")))).containsExactly(withheld, net);
        assertThat(entryLines(run.get("entryId").asText())).containsExactly("6000 D " + total, "2300 C " + withheld, "1000 C " + net);
        assertThat(api.tenant.strings("SELECT count(*)::text FROM accounting.payroll_runs WHERE org_id = " + ORG_ID + " AND period_start = ?",
                ORG, Date.valueOf(month))).as("one run for the month").containsExactly("1");
        assertThat(api.tenant.strings("SELECT count(*)::text FROM accounting.payroll_lines WHERE run_id = ?::uuid", run.get("id").asText()))
                .as("a line per employee paid, the draft's none left over").containsExactly(String.valueOf(run.get("lines").size()));
        assertThat(api.tenant.rows("SELECT posted_on, amount FROM accounting.bank_transactions WHERE entry_id = ?::uuid", run.get("entryId").asText()))
                .extracting(row -> row.get("posted_on").toString() + " " + row.get("amount")).containsExactly(TODAY + " " + net.negate());
        assertThat(bankBalance()).isEqualTo(bankBefore.subtract(net));
        TravelApi.assertRulesHold(api, ORG);

        refused(() -> api.post(owner, PREFIX + "/payroll-runs", Map.of()), 409, "payroll_already_run",
                "the payroll of " + month.substring(0, 7) + " was run already (paid " + TODAY + "): a month is paid once");
    }

    @Test
    void posting_with_a_date_in_one_of_the_packs_closed_quarters_is_refused_and_writes_nothing() throws Exception {
        Map<String, Object> closed = api.tenant.rows("""
                SELECT name, starts_on, ends_on FROM accounting.periods WHERE org_id = %s AND status = 'CLOSED' ORDER BY ends_on DESC LIMIT 1"""
                .formatted(ORG_ID), ORG).get(0);
        assertThat(closed.get("name")).isEqualTo("Q2 2026");
        Map<String, Object> invoice = api.tenant.rows("""
                SELECT id::text AS id, customer_id::text AS customer, issue_date FROM accounting.invoices
                 WHERE org_id = %s AND balance >= 500 AND issue_date BETWEEN ? AND ? ORDER BY invoice_number LIMIT 1""".formatted(ORG_ID),
                ORG, closed.get("starts_on"), closed.get("ends_on")).get(0);
        // An invoice of the closed quarter still open: a payment on its day would settle it, but the quarter is closed.
        LocalDate inClosed = ((Date) invoice.get("issue_date")).toLocalDate();
        String refusal = "the period Q2 2026 (" + closed.get("starts_on") + " to " + closed.get("ends_on") + ") is closed: nothing more is posted on "
                + inClosed + "; use a date in an open period";

        refused(() -> api.post(owner, PREFIX + "/invoices", Map.of("customerId", invoice.get("customer"), "issueDate", inClosed.toString(),
                "lines", List.of(Map.of("description", "Tour package: Amalfi coast", "quantity", 2, "unitPrice", 2400, "accountCode", "4000")))),
                409, "period_closed", refusal);
        refused(() -> api.post(accountant, PREFIX + "/payments", Map.of("customerId", invoice.get("customer"), "bankAccountId", operating,
                "amount", 500, "paidOn", inClosed.toString(), "method", "BANK_TRANSFER",
                "allocations", List.of(Map.of("invoiceId", invoice.get("id"), "amount", 500)))), 409, "period_closed", refusal);
        TravelApi.assertRulesHold(api, ORG);
    }

    // ---------------------------------------------------------------- helpers

    /** The latest number of each of the organization's sequences, as the pack (and the workflows since) wrote them. */
    private record Numbers(String invoice, String payment, String entry) {
    }

    private Numbers numbers() {
        return new Numbers(latest("invoice_number", "accounting.invoices"), latest("payment_number", "accounting.payments"),
                latest("entry_number", "accounting.journal_entries"));
    }

    private String latest(String column, String table) {
        return one(api, "SELECT " + column + " FROM " + table + " WHERE org_id = " + ORG_ID + " ORDER BY length(" + column + ") DESC, " + column
                + " DESC LIMIT 1", ORG);
    }

    /** The number after this one, as wide. */
    private static String after(String number) {
        String digits = number.replaceAll("^\\D+", "");
        String next = String.valueOf(Long.parseLong(digits) + 1);
        return number.substring(0, number.length() - digits.length()) + "0".repeat(Math.max(0, digits.length() - next.length())) + next;
    }

    private void assertNumbersUnique() {
        for (String[] sequence : List.of(new String[] {"invoice_number", "accounting.invoices"}, new String[] {"payment_number", "accounting.payments"},
                new String[] {"entry_number", "accounting.journal_entries"})) {
            assertThat(api.tenant.strings("SELECT " + sequence[0] + " FROM " + sequence[1] + " WHERE org_id = " + ORG_ID + " GROUP BY 1"
                    + " HAVING count(*) > 1", ORG)).as(sequence[0] + " never twice").isEmpty();
        }
    }

    private String taxRate(String name) {
        return one(api, "SELECT id::text FROM accounting.tax_rates WHERE org_id = " + ORG_ID + " AND name = ?", ORG, name);
    }

    /** What account 2200 Customer Credits owes, from the journal. */
    private BigDecimal creditBalance() {
        return money(one(api, """
                SELECT (coalesce(sum(l.credit - l.debit), 0))::text FROM accounting.journal_lines l
                  JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id
                 WHERE l.org_id = %s AND a.code = '2200'""".formatted(ORG_ID), ORG));
    }

    private BigDecimal bankBalance() {
        return money(one(api, "SELECT balance::text FROM accounting.bank_accounts WHERE id = ?::uuid", operating));
    }

    private static String bucket(LocalDate due) {
        long late = ChronoUnit.DAYS.between(due, TODAY);
        return late <= 0 ? "current" : late <= 30 ? "days1To30" : late <= 60 ? "days31To60" : late <= 90 ? "days61To90" : "over90";
    }

    /** The customer's buckets in today's aged receivables (zeros when it owes nothing). */
    private Map<String, BigDecimal> agedBuckets(String customer) throws Exception {
        Map<String, BigDecimal> buckets = new LinkedHashMap<>();
        for (String bucket : List.of("current", "days1To30", "days31To60", "days61To90", "over90", "total")) {
            buckets.put(bucket, money("0"));
        }
        for (JsonNode aging : get("/reports/aged-receivables").get("customers")) {
            if (aging.get("customerId").asText().equals(customer)) {
                buckets.replaceAll((bucket, zero) -> money(aging.get("buckets").get(bucket)));
            }
        }
        return buckets;
    }

    private JsonNode get(String path) throws Exception {
        ApiFixture.Response response = api.get(accountant, PREFIX + path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private JsonNode pay(Map<String, Object> body) throws Exception {
        ApiFixture.Response response = api.post(accountant, PREFIX + "/payments", body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    /** Refused with the status, reason and message, and not a row of the books changed. */
    private void refused(Callable<ApiFixture.Response> call, int status, String reason, String message) throws Exception {
        Map<String, String> before = TravelApi.books(api, ORG);
        ApiFixture.Response response = call.call();
        assertThat(response.reason(status)).as(response.body().toString()).isEqualTo(reason);
        assertThat(response.body().at("/error/message").asText()).isEqualTo(message);
        assertThat(TravelApi.books(api, ORG)).as("nothing written").isEqualTo(before);
    }

    /** The entry's lines in order, as "code D amount" or "code C amount". */
    private List<String> entryLines(String entry) {
        return api.tenant.rows("""
                SELECT a.code, l.debit, l.credit FROM accounting.journal_lines l JOIN accounting.accounts a ON a.id = l.account_id AND a.org_id = l.org_id
                 WHERE l.entry_id = ?::uuid ORDER BY l.line_no""", entry).stream()
                .map(line -> line.get("code") + (((BigDecimal) line.get("debit")).signum() > 0 ? " D " + line.get("debit") : " C " + line.get("credit")))
                .toList();
    }

    private static BigDecimal money(String amount) {
        return TravelApi.money(amount);
    }

    private static BigDecimal money(JsonNode value) {
        return AccountingApi.money(value);
    }
}
