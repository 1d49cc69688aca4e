package io.seedreset.server;

import static io.seedreset.server.AccountingApi.ORG;
import static io.seedreset.server.AccountingApi.ORG_ID;
import static io.seedreset.server.AccountingApi.PREFIX;
import static io.seedreset.server.AccountingApi.money;
import static io.seedreset.server.AccountingApi.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Accounting's reports over real HTTP on {@link AccountingBooksPack}'s books, which nothing here changes: each figure
 * is the one worked out by hand from the pack's documents (its javadoc lists them), and the trial balance is also
 * summed again from journal_lines by a query of the test's own. Today is the anchor, 2026-11-21.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountingReportsTest {

    private ApiFixture api;
    private String accountant;

    @BeforeAll
    void start() throws Exception {
        api = AccountingApi.start();
        accountant = AccountingApi.signIn(api, ORG, AccountingBooksPack.ACCOUNTANT);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    // ---------------------------------------------------------------- trial balance

    @Test
    void the_trial_balance_today_is_every_accounts_balance_on_its_side_and_the_sides_are_equal() throws Exception {
        JsonNode report = report("/reports/trial-balance");

        assertThat(report.get("asOf").asText()).as("today by the server's clock").isEqualTo("2026-11-21");
        assertThat(report.get("currency").asText()).isEqualTo("USD");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("1000", "D 36315.00");
        expected.put("1010", "D 20018.40");
        expected.put("1100", "D 37598.00");
        expected.put("2000", "C 12972.00");
        expected.put("2100", "C 2166.00");
        expected.put("2200", "C 32.00");
        expected.put("2300", "C 4840.00");
        expected.put("3000", "C 70000.00");
        expected.put("4000", "C 8400.00");
        expected.put("4100", "C 27700.00");
        expected.put("4200", "C 8300.00");
        expected.put("4900", "C 18.40");
        expected.put("5000", "D 7500.00");
        expected.put("5100", "D 6000.00");
        expected.put("5200", "D 2200.00");
        expected.put("6000", "D 22000.00");
        expected.put("6300", "D 1272.00");
        expected.put("6400", "D 25.00");
        expected.put("6500", "D 1500.00");
        assertThat(sides(report)).isEqualTo(expected);
        assertThat(money(report.get("totalDebit"))).isEqualTo(money("134428.40")).isEqualTo(money(report.get("totalCredit")));
        assertThat(sides(report)).as("summed again from journal_lines").isEqualTo(sidesFromJournal("2026-11-21"));
    }

    @Test
    void the_trial_balance_as_of_a_day_counts_the_entries_up_to_it() throws Exception {
        JsonNode report = report("/reports/trial-balance?asOf=2026-06-30");

        assertThat(report.get("asOf").asText()).isEqualTo("2026-06-30");
        assertThat(sides(report)).isEqualTo(Map.of("1000", "D 54000.00", "1010", "D 20000.00", "1100", "D 9010.00", "6500", "D 1500.00",
                "2000", "C 1500.00", "2100", "C 510.00", "3000", "C 70000.00", "4100", "C 8500.00", "4200", "C 4000.00"));
        assertThat(money(report.get("totalDebit"))).isEqualTo(money("84510.00")).isEqualTo(money(report.get("totalCredit")));
        assertThat(sides(report)).isEqualTo(sidesFromJournal("2026-06-30"));
        assertThat(report("/reports/trial-balance?asOf=2025-06-30").get("accounts")).as("before the books began").isEmpty();
    }

    // ---------------------------------------------------------------- profit and loss

    @Test
    void profit_and_loss_sums_revenue_and_expenses_posted_in_the_range_and_nets_them() throws Exception {
        JsonNode quarter = report("/reports/profit-and-loss?from=2026-07-01&to=2026-09-30");

        assertThat(quarter.get("from").asText()).isEqualTo("2026-07-01");
        assertThat(quarter.get("to").asText()).isEqualTo("2026-09-30");
        assertThat(amounts(quarter.get("revenue"))).isEqualTo(Map.of("4000", money("5200.00"), "4100", money("12000.00"), "4200", money("2500.00")));
        assertThat(amounts(quarter.get("expenses"))).isEqualTo(Map.of("5000", money("7500.00"), "6000", money("11000.00"), "6300", money("1272.00")));
        assertThat(money(quarter.get("totalRevenue"))).isEqualTo(money("19700.00"));
        assertThat(money(quarter.get("totalExpenses"))).isEqualTo(money("19772.00"));
        assertThat(money(quarter.get("netIncome"))).as("a loss").isEqualTo(money("-72.00"));
        assertThat(texts(quarter.get("revenue"), "code")).as("by code").containsExactly("4000", "4100", "4200");

        JsonNode since = report("/reports/profit-and-loss?from=2026-10-01&to=2026-11-21");
        assertThat(amounts(since.get("revenue"))).isEqualTo(Map.of("4000", money("3200.00"), "4100", money("7200.00"), "4200", money("1800.00"),
                "4900", money("18.40")));
        assertThat(amounts(since.get("expenses"))).isEqualTo(Map.of("5100", money("6000.00"), "5200", money("2200.00"), "6000", money("11000.00"),
                "6400", money("25.00")));
        assertThat(money(since.get("totalRevenue"))).isEqualTo(money("12218.40"));
        assertThat(money(since.get("totalExpenses"))).isEqualTo(money("19225.00"));
        assertThat(money(since.get("netIncome"))).isEqualTo(money("-7006.60"));

        JsonNode oneDay = report("/reports/profit-and-loss?from=2026-10-31&to=2026-10-31");
        assertThat(amounts(oneDay.get("revenue"))).as("both ends included").isEqualTo(Map.of("4900", money("18.40")));
        assertThat(amounts(oneDay.get("expenses"))).isEqualTo(Map.of("6000", money("11000.00"), "6400", money("25.00")));
    }

    @Test
    void profit_and_loss_needs_a_range_that_starts_before_it_ends() throws Exception {
        assertBadParameter("/reports/profit-and-loss?from=2026-10-01&to=2026-09-30",
                "from 2026-10-01 is after to 2026-09-30: a range starts on or before the day it ends");
        assertBadParameter("/reports/profit-and-loss?to=2026-09-30", "from is required: give the range as from and to, YYYY-MM-DD");
        assertBadParameter("/reports/profit-and-loss?from=2026-07-01", "to is required: give the range as from and to, YYYY-MM-DD");
        assertBadParameter("/reports/profit-and-loss", "from is required: give the range as from and to, YYYY-MM-DD");
        assertBadParameter("/reports/profit-and-loss?from=2026-07-01&to=30.09.2026", "to '30.09.2026' is not a date: use YYYY-MM-DD");
        assertBadParameter("/reports/cash?from=2026-12-01&to=2026-11-01", "from 2026-12-01 is after to 2026-11-01: a range starts on or before the day it ends");
        assertBadParameter("/reports/cash?from=2021-11-21&to=2026-11-21",
                "from 2021-11-21 to 2026-11-21 is more than 5 years: ask for at most 5 years at a time");
        assertBadParameter("/reports/profit-and-loss?from=0001-01-01&to=9999-12-31",
                "from 0001-01-01 to 9999-12-31 is more than 5 years: ask for at most 5 years at a time");
        assertThat(api.get(accountant, PREFIX + "/reports/cash?from=2021-11-22&to=2026-11-21").status()).as("five years to the day").isEqualTo(200);
        assertBadParameter("/reports/trial-balance?asOf=yesterday", "asOf 'yesterday' is not a date: use YYYY-MM-DD");
        assertBadParameter("/reports/aged-payables?asOf=2026-02-30", "asOf '2026-02-30' is not a date: use YYYY-MM-DD");
    }

    // ---------------------------------------------------------------- aging

    @Test
    void aged_receivables_today_put_each_open_invoice_in_its_bucket_and_add_up_to_receivables() throws Exception {
        JsonNode report = report("/reports/aged-receivables");

        assertThat(report.get("asOf").asText()).isEqualTo("2026-11-21");
        assertThat(texts(report.get("customers"), "name")).as("by name; the draft's customer owes nothing")
                .containsExactly("Brightwater Consulting", "Jordan Ellis", "Maple Grove Alumni Club", "Northpoint Engineering");
        assertThat(documents(report.get("customers"), "invoices")).containsExactly(
                "INV-000004 3044.00 80 61-90",
                "INV-000006 3392.00 25 1-30",
                "INV-000002 9010.00 179 90+", "INV-000007 7632.00 -2 current",
                "INV-000005 12720.00 44 31-60", "INV-000008 1800.00 -40 current");
        assertThat(buckets(report.get("customers").get(2).get("buckets"))).as("Maple Grove's")
                .containsExactly(money("7632.00"), money("0.00"), money("0.00"), money("0.00"), money("9010.00"), money("16642.00"));
        assertThat(buckets(report.get("totals")))
                .containsExactly(money("9432.00"), money("3392.00"), money("12720.00"), money("3044.00"), money("9010.00"), money("37598.00"));
        assertThat(money(report.at("/totals/total"))).as("receivables in the trial balance")
                .isEqualTo(debit(report("/reports/trial-balance"), "1100"));
    }

    @Test
    void aged_receivables_as_of_a_past_day_count_what_was_owed_that_day() throws Exception {
        JsonNode report = report("/reports/aged-receivables?asOf=2026-09-05");

        // INV-000004 was paid 2,000.00 on 2026-09-10: on the 5th it still owed all of it, three days past due.
        assertThat(documents(report.get("customers"), "invoices")).containsExactly(
                "INV-000004 5044.00 3 1-30", "INV-000002 9010.00 102 90+", "INV-000005 12720.00 -33 current");
        assertThat(buckets(report.get("totals")))
                .containsExactly(money("12720.00"), money("5044.00"), money("0.00"), money("0.00"), money("9010.00"), money("26774.00"));
        assertThat(money(report.at("/totals/total"))).isEqualTo(debit(report("/reports/trial-balance?asOf=2026-09-05"), "1100"));
    }

    @Test
    void aged_payables_today_put_each_open_bill_in_its_bucket_and_add_up_to_payables() throws Exception {
        JsonNode report = report("/reports/aged-payables");

        assertThat(texts(report.get("vendors"), "name"))
                .containsExactly("Cloudbook Software", "Coastal Inns", "Harlow & Finch Legal", "Skyline Air", "Summit Coaches");
        assertThat(documents(report.get("vendors"), "bills")).containsExactly(
                "CB-7781 1272.00 58 31-60", "CI-2026-311 5000.00 21 1-30", "HF-0925 1500.00 129 90+", "SA-90210 3000.00 73 61-90",
                "SC-4410 2200.00 -6 current");
        assertThat(buckets(report.get("totals")))
                .containsExactly(money("2200.00"), money("5000.00"), money("1272.00"), money("3000.00"), money("1500.00"), money("12972.00"));
        assertThat(money(report.at("/totals/total"))).as("payables in the trial balance").isEqualTo(credit(report("/reports/trial-balance"), "2000"));
    }

    // ---------------------------------------------------------------- cash

    @Test
    void cash_shows_each_bank_account_and_each_month_from_opening_to_closing() throws Exception {
        JsonNode report = report("/reports/cash?from=2026-09-01&to=2026-11-21");

        assertThat(report.get("accounts")).hasSize(2);
        assertThat(flow(report.get("accounts").get(0))).as("Operating Account")
                .containsExactly(money("57000.00"), money("2000.00"), money("22685.00"), money("36315.00"));
        assertThat(report.at("/accounts/0/accountCode").asText()).isEqualTo("1000");
        assertThat(flow(report.get("accounts").get(1))).as("Reserve Savings")
                .containsExactly(money("20000.00"), money("18.40"), money("0.00"), money("20018.40"));
        assertThat(texts(report.get("months"), "month")).containsExactly("2026-09", "2026-10", "2026-11");
        assertThat(flow(report.get("months").get(0))).containsExactly(money("77000.00"), money("2000.00"), money("8580.00"), money("70420.00"));
        assertThat(flow(report.get("months").get(1))).containsExactly(money("70420.00"), money("18.40"), money("13105.00"), money("57333.40"));
        assertThat(flow(report.get("months").get(2))).containsExactly(money("57333.40"), money("0.00"), money("1000.00"), money("56333.40"));
        assertThat(report.at("/months/2/to").asText()).as("cut to the range").isEqualTo("2026-11-21");
        assertThat(flow(report.get("totals"))).containsExactly(money("77000.00"), money("2018.40"), money("22685.00"), money("56333.40"));
        // The books' closing cash is what the banks hold.
        for (JsonNode account : report.get("accounts")) {
            assertThat(money(account.get("closing"))).isEqualByComparingTo(new BigDecimal(AccountingApi.one(api,
                    "SELECT balance::text FROM accounting.bank_accounts WHERE id = ?::uuid", account.get("bankAccountId").asText())));
        }

        // The opening entry is what the banks held when the books began, never money that came in.
        JsonNode opened = report("/reports/cash?from=2025-07-01&to=2025-07-31");
        assertThat(flow(opened.get("totals"))).as("July 2025, the books' first month")
                .containsExactly(money("70000.00"), money("0.00"), money("0.00"), money("70000.00"));
        assertThat(flow(opened.get("accounts").get(0))).as("Operating Account opened with 50,000.00")
                .containsExactly(money("50000.00"), money("0.00"), money("0.00"), money("50000.00"));
        assertThat(flow(opened.get("months").get(0))).containsExactly(money("70000.00"), money("0.00"), money("0.00"), money("70000.00"));
        JsonNode firstYear = report("/reports/cash?from=2025-07-01&to=2026-06-30");
        assertThat(money(firstYear.at("/totals/opening"))).isEqualTo(money("70000.00"));
        assertThat(money(firstYear.at("/totals/moneyIn"))).as("the payments received, not the opening balances")
                .isLessThan(money("70000.00"));
        assertThat(flow(report("/reports/cash?from=2025-06-01&to=2025-06-30").get("totals"))).as("before the books opened")
                .containsExactly(money("0.00"), money("0.00"), money("0.00"), money("0.00"));

        JsonNode july = report("/reports/cash?from=2026-07-10&to=2026-07-10");
        assertThat(flow(july.get("totals"))).as("the card payment counts on the day it was paid, not the day it settled")
                .containsExactly(money("74000.00"), money("3000.00"), money("0.00"), money("77000.00"));
    }

    // ---------------------------------------------------------------- who reads them

    @Test
    void the_owner_reads_the_reports_and_people_who_keep_no_books_are_refused() throws Exception {
        String owner = AccountingApi.signIn(api, ORG, AccountingBooksPack.OWNER);
        assertThat(api.get(owner, PREFIX + "/reports/cash?from=2026-01-01&to=2026-11-21").status()).isEqualTo(200);
        String planner = AccountingApi.signIn(api, ORG, AccountingBooksPack.PLANNER);
        for (String report : List.of("/reports/trial-balance", "/reports/profit-and-loss?from=2026-01-01&to=2026-11-21", "/reports/aged-receivables",
                "/reports/aged-payables", "/reports/cash?from=2026-01-01&to=2026-11-21")) {
            ApiFixture.Response refused = api.get(planner, PREFIX + report);
            assertThat(refused.reason(403)).as(report).isEqualTo("forbidden");
            assertThat(refused.body().at("/error/message").asText())
                    .isEqualTo("accounting is for the organization's owner and accountants; planner.demo@example.test is a planner");
        }
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode report(String path) throws Exception {
        ApiFixture.Response response = api.get(accountant, PREFIX + path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private void assertBadParameter(String path, String message) throws Exception {
        ApiFixture.Response response = api.get(accountant, PREFIX + path);
        assertThat(response.reason(400)).as(path).isEqualTo("bad_parameter");
        assertThat(response.body().at("/error/message").asText()).as(path).isEqualTo(message);
    }

    /** Each account of a trial balance: code to "D amount" or "C amount". */
    private static Map<String, String> sides(JsonNode trialBalance) {
        Map<String, String> sides = new LinkedHashMap<>();
        for (JsonNode line : trialBalance.get("accounts")) {
            BigDecimal debit = money(line.get("debit"));
            BigDecimal credit = money(line.get("credit"));
            assertThat(debit.signum() == 0 || credit.signum() == 0).as("one side only: " + line).isTrue();
            sides.put(line.get("code").asText(), debit.signum() > 0 ? "D " + debit : "C " + credit);
        }
        return sides;
    }

    /** The same, summed by the test straight from the journal. */
    private Map<String, String> sidesFromJournal(String asOf) {
        Map<String, String> sides = new LinkedHashMap<>();
        for (Map<String, Object> row : api.tenant.rows("""
                SELECT a.code, sum(l.debit) - sum(l.credit) AS net FROM accounting.journal_lines l
                  JOIN accounting.journal_entries e ON e.id = l.entry_id AND e.org_id = l.org_id
                  JOIN accounting.accounts a ON a.id = l.account_id AND a.org_id = l.org_id
                 WHERE l.org_id =\s""" + ORG_ID + " AND e.entry_date <= ?::date GROUP BY a.code ORDER BY a.code", ORG, asOf)) {
            BigDecimal net = (BigDecimal) row.get("net");
            sides.put((String) row.get("code"), net.signum() > 0 ? "D " + net : "C " + net.negate());
        }
        return sides;
    }

    private static BigDecimal debit(JsonNode trialBalance, String code) {
        return money(line(trialBalance, code).get("debit"));
    }

    private static BigDecimal credit(JsonNode trialBalance, String code) {
        return money(line(trialBalance, code).get("credit"));
    }

    private static JsonNode line(JsonNode trialBalance, String code) {
        for (JsonNode line : trialBalance.get("accounts")) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no account " + code + " in " + trialBalance);
    }

    /** A profit and loss section: code to amount. */
    private static Map<String, BigDecimal> amounts(JsonNode lines) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        lines.forEach(line -> amounts.put(line.get("code").asText(), money(line.get("amount"))));
        return amounts;
    }

    /** Every party's documents, in order, as "number balance daysPastDue bucket". */
    private static List<String> documents(JsonNode parties, String field) {
        List<String> documents = new java.util.ArrayList<>();
        for (JsonNode party : parties) {
            for (JsonNode document : party.get(field)) {
                documents.add(document.get("number").asText() + " " + money(document.get("balance")) + " " + document.get("daysPastDue").asLong()
                        + " " + document.get("bucket").asText());
            }
        }
        return documents;
    }

    private static List<BigDecimal> buckets(JsonNode buckets) {
        return List.of(money(buckets.get("current")), money(buckets.get("days1To30")), money(buckets.get("days31To60")),
                money(buckets.get("days61To90")), money(buckets.get("over90")), money(buckets.get("total")));
    }

    private static List<BigDecimal> flow(JsonNode flow) {
        return List.of(money(flow.get("opening")), money(flow.get("moneyIn")), money(flow.get("moneyOut")), money(flow.get("closing")));
    }
}
