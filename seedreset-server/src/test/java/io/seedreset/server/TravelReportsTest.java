package io.seedreset.server;

import static io.seedreset.server.TravelApi.ACCOUNTANT;
import static io.seedreset.server.TravelApi.MINIMAL;
import static io.seedreset.server.TravelApi.ORG;
import static io.seedreset.server.TravelApi.ORG_ID;
import static io.seedreset.server.TravelApi.PREFIX;
import static io.seedreset.server.TravelApi.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The accounting API's reports (and its reads) over real HTTP on demo-travel-co's own books (default and minimal mode, a fixed seed, the
 * anchor as the API's today), which nothing here changes: every figure is worked out again by the test from the rows,
 * the journal by queries of its own and the aging in Java from the invoices, bills and allocations, and the control
 * accounts are held to the documents (receivables to the open invoices, payables to the open bills, cash to the banks).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TravelReportsTest {

    private ApiFixture api;
    private final Map<String, String> accountants = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        api = TravelApi.start("default");
        TravelApi.addOrganization(api, MINIMAL, "minimal");
        for (String organization : List.of(ORG, MINIMAL)) {
            accountants.put(organization, TravelApi.signIn(api, organization, ACCOUNTANT));
        }
    }

    @AfterAll
    void stop() {
        api.close();
    }

    // ---------------------------------------------------------------- trial balance

    @ParameterizedTest
    @ValueSource(strings = {ORG, MINIMAL})
    void the_trial_balance_at_the_anchor_is_each_accounts_journal_balance_and_its_sides_are_equal(String organization) throws Exception {
        JsonNode report = report(organization, "/reports/trial-balance");

        assertThat(report.get("asOf").asText()).as("today is the anchor's day").isEqualTo(TODAY.toString());
        assertThat(report.get("currency").asText()).isEqualTo("USD");
        Map<String, BigDecimal> journal = new TreeMap<>();
        for (Map<String, Object> account : api.tenant.rows("""
                SELECT a.code, sum(l.debit) - sum(l.credit) AS net
                  FROM accounting.journal_lines l
                  JOIN accounting.journal_entries e ON e.org_id = l.org_id AND e.id = l.entry_id
                  JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id
                 WHERE l.org_id = %s AND e.entry_date <= ?
                 GROUP BY a.code""".formatted(ORG_ID), organization, Date.valueOf(TODAY))) {
            journal.put((String) account.get("code"), (BigDecimal) account.get("net"));
        }
        Map<String, BigDecimal> answered = new TreeMap<>();
        for (JsonNode line : report.get("accounts")) {
            BigDecimal debit = money(line.get("debit"));
            BigDecimal credit = money(line.get("credit"));
            assertThat(debit.signum() == 0 || credit.signum() == 0).as(line + ": on one side").isTrue();
            answered.put(line.get("code").asText(), debit.subtract(credit));
        }
        assertThat(answered).as("every account with lines, its balance on its side").isEqualTo(journal);
        assertThat(new ArrayList<>(texts(report.get("accounts"), "code"))).as("by code").isSorted();

        BigDecimal debits = journal.values().stream().filter(net -> net.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(debits).as("a trial balance of real books").isGreaterThan(money("100000"));
        assertThat(money(report.get("totalDebit"))).isEqualTo(debits);
        assertThat(money(report.get("totalCredit"))).as("debits = credits").isEqualTo(debits);
        assertThat(api.tenant.strings("SELECT (sum(debit) - sum(credit))::text FROM accounting.journal_lines WHERE org_id = " + ORG_ID, organization))
                .as("every line of the journal").containsExactly("0.00");

        // The control accounts agree with the documents they summarize.
        assertThat(answered.get("1100")).as("receivables: what the invoices still owe")
                .isEqualTo(sum(organization, "SELECT sum(balance) FROM accounting.invoices WHERE org_id = " + ORG_ID));
        assertThat(answered.get("2000").negate()).as("payables: what the bills still owe")
                .isEqualTo(sum(organization, "SELECT sum(balance) FROM accounting.bills WHERE org_id = " + ORG_ID));
        for (Map<String, Object> bank : api.tenant.rows("""
                SELECT a.code, b.balance FROM accounting.bank_accounts b JOIN accounting.accounts a ON a.org_id = b.org_id AND a.id = b.account_id
                 WHERE b.org_id = %s""".formatted(ORG_ID), organization)) {
            assertThat(answered.get((String) bank.get("code"))).as("cash account " + bank.get("code") + ": what the bank holds")
                    .isEqualTo(bank.get("balance"));
        }

        JsonNode asOfToday = report(organization, "/reports/trial-balance?asOf=" + TODAY);
        assertThat(asOfToday).as("asOf the anchor's day is today's").isEqualTo(report);
    }

    // ---------------------------------------------------------------- profit and loss

    @ParameterizedTest
    @ValueSource(strings = {ORG, MINIMAL})
    void profit_and_loss_of_the_last_complete_quarter_and_the_last_twelve_months_is_what_the_journal_earned_and_spent(String organization)
            throws Exception {
        // The last complete quarter is the pack's: the latest of its periods that ended before today (Q3 2026).
        Map<String, Object> quarter = api.tenant.rows("""
                SELECT name, starts_on, ends_on FROM accounting.periods WHERE org_id = %s AND ends_on < ? ORDER BY ends_on DESC LIMIT 1"""
                .formatted(ORG_ID), organization, Date.valueOf(TODAY)).get(0);
        assertThat(quarter.get("name")).isEqualTo("Q3 2026");
        LocalDate[][] ranges = {
                {((Date) quarter.get("starts_on")).toLocalDate(), ((Date) quarter.get("ends_on")).toLocalDate()},
                {TODAY.minusMonths(12).plusDays(1), TODAY}};
        for (LocalDate[] range : ranges) {
            String days = range[0] + " to " + range[1];
            JsonNode report = report(organization, "/reports/profit-and-loss?from=" + range[0] + "&to=" + range[1]);

            Map<String, BigDecimal> revenue = new TreeMap<>();
            Map<String, BigDecimal> expenses = new TreeMap<>();
            for (Map<String, Object> account : api.tenant.rows("""
                    SELECT a.code, a.type, sum(l.credit) - sum(l.debit) AS earned
                      FROM accounting.journal_lines l
                      JOIN accounting.journal_entries e ON e.org_id = l.org_id AND e.id = l.entry_id
                      JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id
                     WHERE l.org_id = %s AND e.entry_date >= ? AND e.entry_date <= ? AND a.type IN ('REVENUE', 'EXPENSE')
                     GROUP BY a.code, a.type""".formatted(ORG_ID), organization, Date.valueOf(range[0]), Date.valueOf(range[1]))) {
                BigDecimal earned = (BigDecimal) account.get("earned");
                if (account.get("type").equals("REVENUE")) {
                    revenue.put((String) account.get("code"), earned);
                } else {
                    expenses.put((String) account.get("code"), earned.negate());
                }
            }
            assertThat(amounts(report.get("revenue"))).as("revenue " + days).isEqualTo(revenue);
            assertThat(amounts(report.get("expenses"))).as("expenses " + days).isEqualTo(expenses);
            BigDecimal totalRevenue = revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal totalExpenses = expenses.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(totalRevenue).as("a quarter of a travel agency's sales").isGreaterThan(money("50000"));
            assertThat(totalExpenses).isGreaterThan(money("50000"));
            assertThat(List.of(money(report.get("totalRevenue")), money(report.get("totalExpenses")), money(report.get("netIncome"))))
                    .as("totals " + days).containsExactly(totalRevenue, totalExpenses, totalRevenue.subtract(totalExpenses));

            // What was sold is what the invoices of the range say, line by line, on each revenue account.
            Map<String, BigDecimal> invoiced = new TreeMap<>();
            for (Map<String, Object> account : api.tenant.rows("""
                    SELECT a.code, sum(il.amount) AS amount
                      FROM accounting.invoice_lines il
                      JOIN accounting.invoices i ON i.org_id = il.org_id AND i.id = il.invoice_id
                      JOIN accounting.accounts a ON a.org_id = il.org_id AND a.id = il.account_id
                     WHERE il.org_id = %s AND i.status NOT IN ('DRAFT', 'VOID') AND i.issue_date BETWEEN ? AND ?
                     GROUP BY a.code""".formatted(ORG_ID), organization, Date.valueOf(range[0]), Date.valueOf(range[1]))) {
                invoiced.put((String) account.get("code"), (BigDecimal) account.get("amount"));
            }
            assertThat(invoiced).as("invoiced " + days).isNotEmpty();
            invoiced.forEach((code, amount) -> assertThat(revenue.get(code)).as("revenue " + code + " " + days).isEqualTo(amount));
        }
    }

    // ---------------------------------------------------------------- aging

    @ParameterizedTest
    @ValueSource(strings = {ORG, MINIMAL})
    void aged_receivables_at_the_anchor_are_the_invoices_less_their_allocations_by_days_past_due(String organization) throws Exception {
        Aging expected = aging(organization, """
                SELECT d.id::text AS id, d.invoice_number AS number, d.customer_id::text AS party, d.due_date, d.total,
                       coalesce((SELECT sum(a.amount) FROM accounting.payment_allocations a
                                  WHERE a.org_id = d.org_id AND a.invoice_id = d.id AND a.allocated_on <= ?), 0) AS allocated
                  FROM accounting.invoices d
                 WHERE d.org_id = %s AND d.status NOT IN ('DRAFT', 'VOID') AND d.issue_date <= ?""");
        JsonNode report = report(organization, "/reports/aged-receivables");

        assertThat(report.get("asOf").asText()).isEqualTo(TODAY.toString());
        assertAging(report, "customers", "customerId", "invoices", expected);
        assertThat(expected.totals().get("total")).as("what the invoices still owe today")
                .isEqualTo(sum(organization, "SELECT sum(balance) FROM accounting.invoices WHERE org_id = " + ORG_ID));
        assertThat(expected.totals().values()).as("something in every bucket: current, 30, 60, 90 and more days overdue")
                .allSatisfy(amount -> assertThat(amount).isPositive());
    }

    @ParameterizedTest
    @ValueSource(strings = {ORG, MINIMAL})
    void aged_payables_at_the_anchor_are_the_bills_less_their_allocations_by_days_past_due(String organization) throws Exception {
        Aging expected = aging(organization, """
                SELECT d.id::text AS id, d.bill_number AS number, d.vendor_id::text AS party, d.due_date, d.total,
                       coalesce((SELECT sum(a.amount) FROM accounting.payment_allocations a
                                  WHERE a.org_id = d.org_id AND a.bill_id = d.id AND a.allocated_on <= ?), 0) AS allocated
                  FROM accounting.bills d
                 WHERE d.org_id = %s AND d.status NOT IN ('DRAFT', 'VOID') AND d.issue_date <= ?""");
        JsonNode report = report(organization, "/reports/aged-payables");

        assertThat(report.get("asOf").asText()).isEqualTo(TODAY.toString());
        assertAging(report, "vendors", "vendorId", "bills", expected);
        assertThat(expected.totals().get("total")).as("what the bills still owe today")
                .isEqualTo(sum(organization, "SELECT sum(balance) FROM accounting.bills WHERE org_id = " + ORG_ID));
        assertThat(expected.totals().get("current")).as("bills due next week").isPositive();
    }

    // ---------------------------------------------------------------- cash

    @ParameterizedTest
    @ValueSource(strings = {ORG, MINIMAL})
    void cash_per_bank_account_runs_from_the_journal_opening_to_what_the_bank_holds(String organization) throws Exception {
        LocalDate opened = ((Date) api.tenant.rows("SELECT min(opening_date) AS day FROM accounting.bank_accounts WHERE org_id = " + ORG_ID,
                organization).get(0).get("day")).toLocalDate();
        for (LocalDate from : List.of(opened, TODAY.minusMonths(12).plusDays(1), TODAY.withDayOfMonth(1))) {
            String days = from + " to " + TODAY;
            JsonNode report = report(organization, "/reports/cash?from=" + from + "&to=" + TODAY);

            List<Map<String, Object>> banks = api.tenant.rows("""
                    SELECT b.id::text AS id, a.code, b.balance,
                           coalesce((SELECT sum(l.debit - l.credit) FROM accounting.journal_lines l
                                       JOIN accounting.journal_entries e ON e.org_id = l.org_id AND e.id = l.entry_id
                                      WHERE l.org_id = b.org_id AND l.account_id = b.account_id
                                        AND (e.entry_date < ? OR e.source = 'OPENING')), 0) AS opening,
                           coalesce((SELECT sum(l.debit) FROM accounting.journal_lines l
                                       JOIN accounting.journal_entries e ON e.org_id = l.org_id AND e.id = l.entry_id
                                      WHERE l.org_id = b.org_id AND l.account_id = b.account_id AND e.entry_date BETWEEN ? AND ?
                                        AND e.source <> 'OPENING'), 0) AS money_in,
                           coalesce((SELECT sum(l.credit) FROM accounting.journal_lines l
                                       JOIN accounting.journal_entries e ON e.org_id = l.org_id AND e.id = l.entry_id
                                      WHERE l.org_id = b.org_id AND l.account_id = b.account_id AND e.entry_date BETWEEN ? AND ?
                                        AND e.source <> 'OPENING'), 0) AS money_out
                      FROM accounting.bank_accounts b JOIN accounting.accounts a ON a.org_id = b.org_id AND a.id = b.account_id
                     WHERE b.org_id = %s ORDER BY a.code""".formatted(ORG_ID), Date.valueOf(from), Date.valueOf(from), Date.valueOf(TODAY),
                    Date.valueOf(from), Date.valueOf(TODAY), organization);
            assertThat(texts(report.get("accounts"), "bankAccountId")).as("both bank accounts, by code " + days)
                    .containsExactlyElementsOf(banks.stream().map(bank -> (String) bank.get("id")).toList());
            BigDecimal[] all = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            for (int i = 0; i < banks.size(); i++) {
                Map<String, Object> bank = banks.get(i);
                JsonNode account = report.get("accounts").get(i);
                BigDecimal opening = ((BigDecimal) bank.get("opening")).setScale(2);
                BigDecimal in = ((BigDecimal) bank.get("money_in")).setScale(2);
                BigDecimal out = ((BigDecimal) bank.get("money_out")).setScale(2);
                assertThat(flow(account)).as(bank.get("code") + " " + days).containsExactly(opening, in, out, opening.add(in).subtract(out));
                assertThat(money(account.get("closing"))).as("closing: what the bank holds").isEqualTo(bank.get("balance"));
                all = new BigDecimal[] {all[0].add(opening), all[1].add(in), all[2].add(out), all[3].add((BigDecimal) bank.get("balance"))};
            }
            assertThat(flow(report.get("totals"))).as("totals " + days).containsExactly(all);
            assertThat(all[1]).as("money came in " + days).isPositive();

            // Month by month, each opens where the last closed, from the range's opening to the banks' closing.
            JsonNode months = report.get("months");
            assertThat(months.get(0).get("from").asText()).isEqualTo(from.toString());
            assertThat(months.get(months.size() - 1).get("to").asText()).isEqualTo(TODAY.toString());
            BigDecimal held = all[0];
            for (JsonNode month : months) {
                assertThat(money(month.get("opening"))).as(month.get("month").asText()).isEqualTo(held);
                held = money(month.get("opening")).add(money(month.get("moneyIn"))).subtract(money(month.get("moneyOut")));
                assertThat(money(month.get("closing"))).isEqualTo(held);
            }
            assertThat(held).as("the last month closes at what the banks hold").isEqualTo(all[3]);
        }
    }

    // ---------------------------------------------------------------- reads

    @ParameterizedTest
    @ValueSource(strings = {ORG, MINIMAL})
    void every_list_route_reads_the_packs_books_whole_and_each_filter_finds_its_rows(String organization) throws Exception {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("/accounts", "accounting.accounts t WHERE true");
        counts.put("/customers", "accounting.customers t WHERE true");
        counts.put("/invoices", "accounting.invoices t WHERE true");
        for (String status : List.of("ISSUED", "PARTIALLY_PAID", "PAID")) {
            counts.put("/invoices?status=" + status, "accounting.invoices t WHERE t.status = '" + status + "'");
        }
        counts.put("/invoices?overdue=true", "accounting.invoices t WHERE t.status IN ('ISSUED', 'PARTIALLY_PAID') AND t.balance > 0"
                + " AND t.due_date < DATE '" + TODAY + "'");
        counts.put("/bills", "accounting.bills t WHERE true");
        for (String status : List.of("OPEN", "PARTIALLY_PAID", "PAID")) {
            counts.put("/bills?status=" + status, "accounting.bills t WHERE t.status = '" + status + "'");
        }
        counts.put("/payments", "accounting.payments t WHERE true");
        for (String direction : List.of("RECEIVED", "SENT", "REFUND")) {
            counts.put("/payments?direction=" + direction, "accounting.payments t WHERE t.direction = '" + direction + "'");
        }
        counts.put("/bank-accounts", "accounting.bank_accounts t WHERE true");
        counts.put("/employees", "accounting.employees t WHERE true");
        counts.put("/payroll-runs", "accounting.payroll_runs t WHERE true");
        for (Map<String, Object> bank : api.tenant.rows("SELECT id::text AS id FROM accounting.bank_accounts WHERE org_id = " + ORG_ID, organization)) {
            counts.put("/bank-accounts/" + bank.get("id") + "/transactions", "accounting.bank_transactions t WHERE t.bank_account_id = '" + bank.get("id") + "'");
            counts.put("/bank-accounts/" + bank.get("id") + "/transactions?reconciled=false",
                    "accounting.bank_transactions t WHERE t.reconciliation_id IS NULL AND t.bank_account_id = '" + bank.get("id") + "'");
            counts.put("/bank-accounts/" + bank.get("id") + "/reconciliations", "accounting.reconciliations t WHERE t.bank_account_id = '"
                    + bank.get("id") + "'");
        }
        for (Map.Entry<String, String> route : counts.entrySet()) {
            long rows = api.tenant.queryForLong("SELECT count(*) FROM " + route.getValue() + " AND t.org_id = " + ORG_ID, organization);
            JsonNode page = report(organization, route.getKey() + (route.getKey().contains("?") ? "&" : "?") + "limit=200");
            assertThat(page.at("/paging/total").asLong()).as(route.getKey()).isEqualTo(rows);
            assertThat(page.get("items")).as(route.getKey()).hasSize((int) Math.min(rows, 200));
        }
        assertThat(api.tenant.queryForLong("SELECT count(*) FROM accounting.payments WHERE direction = 'REFUND' AND org_id = " + ORG_ID, organization))
                .as("the pack's one refund").isEqualTo(1);

        // A partly paid invoice of the pack reads with its lines and allocations, its balance its total less what they settled.
        String partlyPaid = TravelApi.one(api, "SELECT id::text FROM accounting.invoices WHERE status = 'PARTIALLY_PAID' AND org_id = " + ORG_ID
                + " ORDER BY invoice_number LIMIT 1", organization);
        JsonNode invoice = report(organization, "/invoices/" + partlyPaid);
        BigDecimal settled = money("0");
        for (JsonNode allocation : invoice.get("allocations")) {
            settled = settled.add(money(allocation.get("amount")));
        }
        assertThat(invoice.get("lines")).isNotEmpty();
        assertThat(settled).isPositive();
        assertThat(money(invoice.get("balance"))).isEqualTo(money(invoice.get("total")).subtract(settled));
        // The run the pack prepared for this month reads as a draft, with no entry yet.
        JsonNode runs = report(organization, "/payroll-runs?limit=1").get("items");
        assertThat(List.of(runs.at("/0/periodStart").asText(), runs.at("/0/status").asText(), runs.at("/0/entryNumber").isNull() + ""))
                .containsExactly(TODAY.withDayOfMonth(1).toString(), "DRAFT", "true");
    }

    // ---------------------------------------------------------------- helpers

    /** What an aging report must answer: each party's buckets, each open document's bucket and balance, and the totals. */
    private record Aging(Map<String, Map<String, BigDecimal>> parties, Map<String, String> documents, Map<String, BigDecimal> totals) {
    }

    private static final List<String> BUCKETS = List.of("current", "days1To30", "days31To60", "days61To90", "over90");

    /**
     * The aging worked out in Java from the documents the query reads (its ? are: the day, the organization, the day):
     * each one's balance is its total less what was allocated to it up to today, bucketed by days past its due date.
     */
    private Aging aging(String organization, String documents) {
        Map<String, Map<String, BigDecimal>> parties = new HashMap<>();
        Map<String, String> open = new HashMap<>();
        Map<String, BigDecimal> totals = zeroBuckets();
        for (Map<String, Object> document : api.tenant.rows(documents.formatted(ORG_ID), Date.valueOf(TODAY), organization, Date.valueOf(TODAY))) {
            BigDecimal balance = ((BigDecimal) document.get("total")).subtract((BigDecimal) document.get("allocated")).setScale(2);
            if (balance.signum() <= 0) {
                continue;
            }
            long late = ChronoUnit.DAYS.between(((Date) document.get("due_date")).toLocalDate(), TODAY);
            String bucket = late <= 0 ? "current" : late <= 30 ? "days1To30" : late <= 60 ? "days31To60" : late <= 90 ? "days61To90" : "over90";
            Map<String, BigDecimal> party = parties.computeIfAbsent((String) document.get("party"), p -> zeroBuckets());
            for (Map<String, BigDecimal> sums : List.of(party, totals)) {
                sums.merge(bucket, balance, BigDecimal::add);
                sums.merge("total", balance, BigDecimal::add);
            }
            open.put((String) document.get("number"), bucket + " " + balance);
        }
        return new Aging(parties, open, totals);
    }

    private static Map<String, BigDecimal> zeroBuckets() {
        Map<String, BigDecimal> buckets = new LinkedHashMap<>();
        for (String bucket : BUCKETS) {
            buckets.put(bucket, money("0"));
        }
        buckets.put("total", money("0"));
        return buckets;
    }

    private static void assertAging(JsonNode report, String partiesField, String idField, String documentsField, Aging expected) {
        Map<String, Map<String, BigDecimal>> parties = new HashMap<>();
        Map<String, String> documents = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (JsonNode party : report.get(partiesField)) {
            parties.put(party.get(idField).asText(), buckets(party.get("buckets")));
            names.add(party.get("name").asText());
            for (JsonNode document : party.get(documentsField)) {
                String label = document.get("bucket").asText();
                String bucket = label.equals("current") ? "current" : label.equals("90+") ? "over90" : "days" + label.replace("-", "To");
                documents.put(document.get("number").asText(), bucket + " " + money(document.get("balance")));
            }
        }
        assertThat(names).as("by name").isSortedAccordingTo(String::compareTo);
        assertThat(documents).as("each open document, its bucket and what it still owed").isEqualTo(expected.documents());
        assertThat(parties).as("each party's buckets").isEqualTo(expected.parties());
        assertThat(buckets(report.get("totals"))).as("the totals").isEqualTo(expected.totals());
    }

    private static Map<String, BigDecimal> buckets(JsonNode buckets) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (String bucket : BUCKETS) {
            sums.put(bucket, money(buckets.get(bucket)));
        }
        sums.put("total", money(buckets.get("total")));
        return sums;
    }

    private JsonNode report(String organization, String path) throws Exception {
        ApiFixture.Response response = api.get(accountants.get(organization), PREFIX + path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private BigDecimal sum(String organization, String sql) {
        return TravelApi.money(TravelApi.one(api, "SELECT (" + sql + ")::text", organization));
    }

    /** A report's accounts as code to amount. */
    private static Map<String, BigDecimal> amounts(JsonNode lines) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        lines.forEach(line -> amounts.put(line.get("code").asText(), money(line.get("amount"))));
        return amounts;
    }

    private static List<BigDecimal> flow(JsonNode cash) {
        return List.of(money(cash.get("opening")), money(cash.get("moneyIn")), money(cash.get("moneyOut")), money(cash.get("closing")));
    }

    private static List<String> texts(JsonNode array, String field) {
        return AccountingApi.texts(array, field);
    }

    private static BigDecimal money(String amount) {
        return TravelApi.money(amount);
    }

    private static BigDecimal money(JsonNode value) {
        return AccountingApi.money(value);
    }
}
