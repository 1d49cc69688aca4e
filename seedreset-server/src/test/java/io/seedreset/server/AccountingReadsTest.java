package io.seedreset.server;

import static io.seedreset.server.AccountingApi.ORG;
import static io.seedreset.server.AccountingApi.ORG_ID;
import static io.seedreset.server.AccountingApi.PREFIX;
import static io.seedreset.server.AccountingApi.RIVAL;
import static io.seedreset.server.AccountingApi.idOf;
import static io.seedreset.server.AccountingApi.money;
import static io.seedreset.server.AccountingApi.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Accounting's reads over real HTTP on {@link AccountingBooksPack}'s books in two demo organizations: each list answers
 * the caller's organization's rows in its documented order (compared with SQL over the seeded rows) a page at a time,
 * each filter the rows the pack's figures say, each row alone with its children; the owner and the accountant read
 * everything, anyone else is refused on every route, and the other organization's ids are not found. Nothing writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountingReadsTest {

    /** Every read route of the module, with the ids of Demo Travel Co's rows filled in. */
    private final Map<String, String> routes = new LinkedHashMap<>();

    private ApiFixture api;
    private String accountant;
    private String owner;

    @BeforeAll
    void start() throws Exception {
        api = AccountingApi.start();
        accountant = AccountingApi.signIn(api, ORG, AccountingBooksPack.ACCOUNTANT);
        owner = AccountingApi.signIn(api, ORG, AccountingBooksPack.OWNER);
        String operating = idOf(api, ORG, "accounting.bank_accounts", "name", "Operating Account");
        routes.put("accounts", "/accounts");
        routes.put("tax rates", "/tax-rates");
        routes.put("periods", "/periods");
        routes.put("customers", "/customers");
        routes.put("customer", "/customers/" + idOf(api, ORG, "accounting.customers", "name", "Jordan Ellis"));
        routes.put("invoices", "/invoices");
        routes.put("invoice", "/invoices/" + idOf(api, ORG, "accounting.invoices", "invoice_number", "INV-000004"));
        routes.put("bills", "/bills");
        routes.put("bill", "/bills/" + idOf(api, ORG, "accounting.bills", "bill_number", "CI-2026-311"));
        routes.put("payments", "/payments");
        routes.put("payment", "/payments/" + idOf(api, ORG, "accounting.payments", "payment_number", "PMT-000002"));
        routes.put("bank accounts", "/bank-accounts");
        routes.put("transactions", "/bank-accounts/" + operating + "/transactions");
        routes.put("reconciliations", "/bank-accounts/" + operating + "/reconciliations");
        routes.put("journal entries", "/journal-entries");
        routes.put("journal entry", "/journal-entries/" + AccountingApi.one(api, "SELECT entry_id::text FROM accounting.invoices WHERE org_id = "
                + ORG_ID + " AND invoice_number = 'INV-000004'", ORG));
        routes.put("employees", "/employees");
        routes.put("payroll runs", "/payroll-runs");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    // ---------------------------------------------------------------- the chart

    @Test
    void the_chart_is_every_account_by_code_with_its_balance_today_or_as_of_a_day() throws Exception {
        JsonNode chart = get("/accounts?limit=200");
        assertThat(texts(chart.get("items"), "code")).hasSize(29).isSorted()
                .isEqualTo(api.tenant.strings("SELECT code FROM accounting.accounts WHERE org_id = " + ORG_ID + " ORDER BY code", ORG));
        Map<String, BigDecimal> balances = balances(chart);
        assertThat(balances).containsEntry("1000", money("36315.00")).containsEntry("1100", money("37598.00"))
                .as("credit-normal accounts read above zero").containsEntry("2000", money("12972.00")).containsEntry("4100", money("27700.00"))
                .containsEntry("6000", money("22000.00")).containsEntry("1300", money("0.00"));
        assertThat(chart.at("/items/2").get("control").asText()).isEqualTo("RECEIVABLES");
        assertThat(chart.at("/items/0").get("control").isNull()).isTrue();

        Map<String, BigDecimal> june = balances(get("/accounts?asOf=2026-06-30&limit=200"));
        assertThat(june).containsEntry("1000", money("54000.00")).containsEntry("1100", money("9010.00")).containsEntry("6000", money("0.00"));

        JsonNode revenue = get("/accounts?type=REVENUE");
        assertThat(texts(revenue.get("items"), "code")).containsExactly("4000", "4100", "4200", "4900");
        assertThat(revenue.at("/paging/total").asLong()).isEqualTo(4);

        JsonNode page = get("/accounts?offset=20&limit=5");
        assertThat(texts(page.get("items"), "code")).containsExactly("5200", "6000", "6100", "6200", "6300");
        assertThat(page.get("paging").toString()).isEqualTo("{\"offset\":20,\"limit\":5,\"total\":29}");
    }

    @Test
    void tax_rates_by_name_say_where_their_tax_is_owed_and_periods_latest_first_say_which_are_closed() throws Exception {
        JsonNode rates = get("/tax-rates");
        assertThat(texts(rates.get("items"), "name")).containsExactly("Sales Tax 5% (until 2025)", "Sales Tax 6%");
        assertThat(money(rates.at("/items/1/rate"))).isEqualByComparingTo("0.06");
        assertThat(texts(rates.get("items"), "accountCode")).containsExactly("2100", "2100");
        assertThat(rates.at("/items/0/active").asBoolean()).isFalse();
        assertThat(rates.at("/items/1/id").asText()).isEqualTo(api.tenant.strings(
                "SELECT id::text FROM accounting.tax_rates WHERE org_id = " + ORG_ID + " AND name = 'Sales Tax 6%'", ORG).get(0));

        JsonNode periods = get("/periods");
        assertThat(texts(periods.get("items"), "name")).containsExactly("Q4 2026", "Q3 2026", "Q2 2026", "Q1 2026", "Q4 2025", "Q3 2025");
        assertThat(texts(periods.get("items"), "status")).containsExactly("OPEN", "OPEN", "CLOSED", "CLOSED", "CLOSED", "CLOSED");
        assertThat(periods.at("/items/2/startsOn").asText()).isEqualTo("2026-04-01");
        assertThat(periods.at("/items/2/endsOn").asText()).isEqualTo("2026-06-30");
        assertThat(periods.at("/items/2/closedAt").asText()).isEqualTo("2026-07-14T17:00:00Z");
        assertThat(periods.at("/items/2/closedBy").asText()).isEqualTo(AccountingBooksPack.ACCOUNTANT);
        assertThat(periods.at("/items/0/closedAt").isNull()).isTrue();
        assertThat(texts(get("/periods?offset=1&limit=2").get("items"), "name")).containsExactly("Q3 2026", "Q2 2026");
    }

    // ---------------------------------------------------------------- customers

    @Test
    void customers_are_by_name_with_what_they_owe_and_filter_by_kind_and_name() throws Exception {
        JsonNode customers = get("/customers");
        assertThat(texts(customers.get("items"), "name")).containsExactly("Brightwater Consulting", "Harbor Hikers Club", "Jordan Ellis",
                "Maple Grove Alumni Club", "Northpoint Engineering");
        assertThat(customers.get("items").findValues("openBalance").stream().map(AccountingApi::money).toList())
                .as("the draft is owed nothing yet").containsExactly(money("3044.00"), money("0.00"), money("3392.00"), money("16642.00"),
                        money("14520.00"));
        assertThat(customers.at("/items/0/paymentTermsDays").asInt()).isEqualTo(30);

        assertThat(texts(get("/customers?kind=GROUP").get("items"), "name")).containsExactly("Harbor Hikers Club", "Maple Grove Alumni Club");
        assertThat(texts(get("/customers?search=NORTH").get("items"), "name")).containsExactly("Northpoint Engineering");
        assertThat(texts(get("/customers?search=club&kind=GROUP&limit=1").get("items"), "name")).containsExactly("Harbor Hikers Club");
        assertThat(get("/customers?search=%25").get("items")).as("% is a character, not a wildcard").isEmpty();
        assertThat(get("/customers?search=_").get("items")).isEmpty();

        JsonNode ellis = get(routes.get("customer"));
        assertThat(ellis.get("name").asText()).isEqualTo("Jordan Ellis");
        assertThat(ellis.get("kind").asText()).isEqualTo("INDIVIDUAL");
        assertThat(money(ellis.get("openBalance"))).isEqualTo(money("3392.00"));
    }

    // ---------------------------------------------------------------- invoices

    @Test
    void invoices_are_newest_first_and_filter_by_status_customer_overdue_and_issue_date() throws Exception {
        JsonNode invoices = get("/invoices");
        assertThat(texts(invoices.get("items"), "invoiceNumber")).containsExactly("INV-000009", "INV-000008", "INV-000007", "INV-000006",
                "INV-000005", "INV-000004", "INV-000003", "INV-000002", "INV-000001")
                .isEqualTo(api.tenant.strings("SELECT invoice_number FROM accounting.invoices WHERE org_id = " + ORG_ID
                        + " ORDER BY issue_date DESC, invoice_number DESC", ORG));
        assertThat(numbers("/invoices?status=PAID")).containsExactly("INV-000003", "INV-000001");
        assertThat(numbers("/invoices?status=PARTIALLY_PAID")).containsExactly("INV-000004");
        assertThat(numbers("/invoices?status=DRAFT")).containsExactly("INV-000009");
        String maple = idOf(api, ORG, "accounting.customers", "name", "Maple Grove Alumni Club");
        assertThat(numbers("/invoices?customerId=" + maple)).containsExactly("INV-000007", "INV-000002");
        assertThat(numbers("/invoices?overdue=true")).as("due before today with a balance").containsExactly("INV-000006", "INV-000005",
                "INV-000004", "INV-000002");
        assertThat(numbers("/invoices?overdue=false")).containsExactly("INV-000009", "INV-000008", "INV-000007", "INV-000003", "INV-000001");
        assertThat(numbers("/invoices?issuedFrom=2026-08-01&issuedTo=2026-08-31")).containsExactly("INV-000005", "INV-000004");
        assertThat(numbers("/invoices?issuedFrom=2026-08-24&issuedTo=2026-08-24")).as("both days included").containsExactly("INV-000005");
        assertThat(numbers("/invoices?overdue=true&customerId=" + maple + "&status=ISSUED")).containsExactly("INV-000002");

        JsonNode page = get("/invoices?offset=4&limit=4");
        assertThat(texts(page.get("items"), "invoiceNumber")).containsExactly("INV-000005", "INV-000004", "INV-000003", "INV-000002");
        assertThat(page.get("paging").toString()).isEqualTo("{\"offset\":4,\"limit\":4,\"total\":9}");
        assertThat(get("/invoices?offset=20").get("paging").toString()).isEqualTo("{\"offset\":20,\"limit\":50,\"total\":9}");
    }

    @Test
    void an_invoice_reads_with_its_lines_its_allocations_and_its_entry() throws Exception {
        JsonNode invoice = get(routes.get("invoice"));

        assertThat(invoice.get("invoiceNumber").asText()).isEqualTo("INV-000004");
        assertThat(invoice.get("customerName").asText()).isEqualTo("Brightwater Consulting");
        assertThat(invoice.get("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(List.of(money(invoice.get("subtotal")), money(invoice.get("tax")), money(invoice.get("total")), money(invoice.get("balance"))))
                .containsExactly(money("4900.00"), money("144.00"), money("5044.00"), money("3044.00"));
        assertThat(invoice.get("issueDate").asText()).isEqualTo("2026-08-03");
        assertThat(invoice.get("dueDate").asText()).isEqualTo("2026-09-02");
        assertThat(invoice.get("entryNumber").asText()).isEqualTo("JE-000008");
        assertThat(invoice.get("lines")).hasSize(2);
        JsonNode taxed = invoice.at("/lines/1");
        assertThat(taxed.get("description").asText()).isEqualTo("Tour package: Alpine rail");
        assertThat(List.of(money(taxed.get("quantity")), money(taxed.get("unitPrice")), money(taxed.get("amount")), money(taxed.get("tax"))))
                .containsExactly(money("2.00"), money("1200.00"), money("2400.00"), money("144.00"));
        assertThat(taxed.get("accountCode").asText()).isEqualTo("4000");
        assertThat(taxed.get("taxRateName").asText()).isEqualTo("Sales Tax 6%");
        assertThat(invoice.at("/lines/0/taxRateId").isNull()).isTrue();
        assertThat(invoice.get("allocations")).singleElement().satisfies(allocation -> {
            assertThat(allocation.get("paymentNumber").asText()).isEqualTo("PMT-000003");
            assertThat(allocation.get("allocatedOn").asText()).isEqualTo("2026-09-10");
            assertThat(money(allocation.get("amount"))).isEqualTo(money("2000.00"));
        });

        JsonNode draft = get("/invoices/" + idOf(api, ORG, "accounting.invoices", "invoice_number", "INV-000009"));
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("entryId").isNull()).isTrue();
        assertThat(draft.get("allocations")).isEmpty();
    }

    // ---------------------------------------------------------------- bills

    @Test
    void bills_are_soonest_due_first_and_filter_by_status_supplier_and_due_date() throws Exception {
        assertThat(texts(get("/bills").get("items"), "billNumber")).containsExactly("HF-0925", "SA-90210", "CB-7781", "SA-88121", "CI-2026-311",
                "SC-4410");
        assertThat(billNumbers("/bills?status=OPEN")).containsExactly("HF-0925", "SA-90210", "CB-7781", "SC-4410");
        assertThat(billNumbers("/bills?status=PAID")).containsExactly("SA-88121");
        String skyline = idOf(api, ORG, "suppliers.vendors", "name", "Skyline Air");
        assertThat(billNumbers("/bills?vendorId=" + skyline)).containsExactly("SA-90210", "SA-88121");
        assertThat(billNumbers("/bills?dueAfter=2026-11-21&dueBefore=2026-11-29")).as("due next week").containsExactly("SC-4410");
        assertThat(billNumbers("/bills?dueBefore=2026-09-09")).as("not on the day").containsExactly("HF-0925");
        assertThat(billNumbers("/bills?dueAfter=2026-10-31")).containsExactly("SC-4410");

        JsonNode bill = get(routes.get("bill"));
        assertThat(bill.get("vendorName").asText()).isEqualTo("Coastal Inns");
        assertThat(bill.get("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(money(bill.get("balance"))).isEqualTo(money("5000.00"));
        assertThat(bill.at("/lines/0/accountCode").asText()).isEqualTo("5100");
        assertThat(bill.get("allocations")).singleElement()
                .satisfies(allocation -> assertThat(allocation.get("paymentNumber").asText()).isEqualTo("PMT-000005"));
        JsonNode taxed = get("/bills/" + idOf(api, ORG, "accounting.bills", "bill_number", "CB-7781"));
        assertThat(List.of(money(taxed.get("subtotal")), money(taxed.get("tax")), money(taxed.get("total"))))
                .containsExactly(money("1200.00"), money("72.00"), money("1272.00"));
    }

    // ---------------------------------------------------------------- payments

    @Test
    void payments_are_newest_first_and_filter_by_direction_party_and_day() throws Exception {
        assertThat(texts(get("/payments").get("items"), "paymentNumber")).containsExactly("PMT-000005", "PMT-000004", "PMT-000003", "PMT-000002",
                "PMT-000001");
        assertThat(paymentNumbers("/payments?direction=SENT")).containsExactly("PMT-000005", "PMT-000004");
        assertThat(paymentNumbers("/payments?direction=RECEIVED")).containsExactly("PMT-000003", "PMT-000002", "PMT-000001");
        assertThat(paymentNumbers("/payments?customerId=" + idOf(api, ORG, "accounting.customers", "name", "Brightwater Consulting")))
                .containsExactly("PMT-000003", "PMT-000001");
        assertThat(paymentNumbers("/payments?vendorId=" + idOf(api, ORG, "suppliers.vendors", "name", "Coastal Inns"))).containsExactly("PMT-000005");
        assertThat(paymentNumbers("/payments?from=2026-07-10&to=2026-09-10")).containsExactly("PMT-000003", "PMT-000002");

        JsonNode card = get(routes.get("payment"));
        assertThat(card.get("method").asText()).isEqualTo("CARD");
        assertThat(card.get("customerName").asText()).isEqualTo("Jordan Ellis");
        assertThat(card.get("bankAccountName").asText()).isEqualTo("Operating Account");
        assertThat(money(card.get("amount"))).isEqualTo(money("3000.00"));
        assertThat(money(card.get("unallocated"))).as("the customer's credit").isEqualTo(money("32.00"));
        assertThat(card.get("allocations")).singleElement().satisfies(allocation -> {
            assertThat(allocation.get("invoiceNumber").asText()).isEqualTo("INV-000003");
            assertThat(money(allocation.get("amount"))).isEqualTo(money("2968.00"));
        });
        JsonNode sent = get("/payments/" + idOf(api, ORG, "accounting.payments", "payment_number", "PMT-000004"));
        assertThat(sent.get("vendorName").asText()).isEqualTo("Skyline Air");
        assertThat(sent.get("customerId").isNull()).isTrue();
        assertThat(sent.at("/allocations/0/billNumber").asText()).isEqualTo("SA-88121");
        assertThat(money(sent.get("unallocated"))).isEqualTo(money("0.00"));
    }

    // ---------------------------------------------------------------- bank accounts

    @Test
    void bank_accounts_read_with_their_transactions_and_reconciliations() throws Exception {
        JsonNode accounts = get("/bank-accounts");
        assertThat(texts(accounts.get("items"), "name")).containsExactly("Operating Account", "Reserve Savings");
        assertThat(money(accounts.at("/items/0/balance"))).isEqualTo(money("36315.00"));
        assertThat(accounts.at("/items/0/lastReconciledOn").asText()).isEqualTo("2026-09-30");
        assertThat(accounts.at("/items/0/accountLast4").asText()).isEqualTo("4417");
        assertThat(money(accounts.at("/items/1/balance"))).isEqualTo(money("20018.40"));
        assertThat(accounts.at("/items/1/lastReconciledOn").isNull()).isTrue();

        String operating = accounts.at("/items/0/id").asText();
        JsonNode transactions = get(routes.get("transactions"));
        assertThat(texts(transactions.get("items"), "id")).hasSize(8).isEqualTo(api.tenant.strings("""
                SELECT id::text FROM accounting.bank_transactions WHERE bank_account_id = ?::uuid ORDER BY posted_on DESC, created_at DESC, id""",
                operating));
        assertThat(texts(transactions.get("items"), "postedOn")).startsWith("2026-11-05").endsWith("2026-07-12", "2025-08-29");
        assertThat(texts(get(routes.get("transactions") + "?reconciled=true").get("items"), "postedOn"))
                .containsExactly("2026-09-30", "2026-09-10", "2026-07-12", "2025-08-29");
        JsonNode open = get(routes.get("transactions") + "?reconciled=false&limit=2");
        assertThat(texts(open.get("items"), "postedOn")).containsExactly("2026-11-05", "2026-10-31");
        assertThat(open.at("/paging/total").asLong()).isEqualTo(4);
        assertThat(open.at("/items/0/reconciled").asBoolean()).isFalse();
        assertThat(money(open.at("/items/0/amount"))).isEqualTo(money("-1000.00"));
        assertThat(texts(get(routes.get("transactions") + "?from=2026-07-01&to=2026-09-30").get("items"), "postedOn"))
                .containsExactly("2026-09-30", "2026-09-10", "2026-07-12");

        assertThat(get(routes.get("reconciliations")).get("items")).singleElement().satisfies(reconciliation -> {
            assertThat(reconciliation.get("statementDate").asText()).isEqualTo("2026-09-30");
            assertThat(money(reconciliation.get("statementBalance"))).isEqualTo(money("50420.00"));
            assertThat(reconciliation.get("transactions").asLong()).isEqualTo(4);
            assertThat(reconciliation.get("reconciledBy").asText()).isEqualTo(AccountingBooksPack.ACCOUNTANT);
        });
        String reserve = accounts.at("/items/1/id").asText();
        assertThat(get("/bank-accounts/" + reserve + "/reconciliations").get("items")).isEmpty();
        assertThat(get("/bank-accounts/" + reserve + "/transactions").get("items")).singleElement()
                .satisfies(interest -> assertThat(money(interest.get("amount"))).isEqualTo(money("18.40")));
    }

    // ---------------------------------------------------------------- payroll

    @Test
    void employees_and_payroll_runs_read_for_the_accountant_too() throws Exception {
        JsonNode employees = get("/employees");
        assertThat(texts(employees.get("items"), "lastName")).containsExactly("Alvarez", "Baker", "Reed");
        assertThat(texts(get("/employees?active=true").get("items"), "lastName")).containsExactly("Alvarez", "Reed");
        assertThat(texts(get("/employees?active=false").get("items"), "lastName")).containsExactly("Baker");
        assertThat(money(employees.at("/items/0/annualSalary"))).isEqualTo(money("60000.00"));

        JsonNode runs = get("/payroll-runs");
        assertThat(texts(runs.get("items"), "periodStart")).containsExactly("2026-10-01", "2026-09-01");
        JsonNode october = runs.at("/items/0");
        assertThat(List.of(money(october.get("gross")), money(october.get("withholding")), money(october.get("net"))))
                .containsExactly(money("11000.00"), money("2420.00"), money("8580.00"));
        assertThat(october.get("payDate").asText()).isEqualTo("2026-10-31");
        assertThat(texts(october.get("lines"), "employeeName")).containsExactly("Nina Alvarez", "Marcus Reed");
        assertThat(money(october.at("/lines/1/net"))).isEqualTo(money("4680.00"));
    }

    // ---------------------------------------------------------------- the journal

    @Test
    void journal_entries_read_newest_first_with_their_lines_and_a_documents_entry_by_its_id() throws Exception {
        JsonNode all = get("/journal-entries?limit=200");
        List<String> numbers = api.tenant.strings("SELECT entry_number FROM accounting.journal_entries WHERE org_id = " + ORG_ID
                + " ORDER BY entry_date DESC, entry_number DESC", ORG);
        assertThat(numbers.size()).as("the fixture's entries fit one page").isLessThan(200);
        assertThat(texts(all.get("items"), "entryNumber")).as("by date, then number, newest first").isEqualTo(numbers);
        assertThat(all.at("/paging/total").asLong()).isEqualTo(numbers.size());
        for (JsonNode entry : all.get("items")) {
            BigDecimal debits = BigDecimal.ZERO;
            BigDecimal credits = BigDecimal.ZERO;
            for (JsonNode line : entry.get("lines")) {
                debits = debits.add(money(line.get("debit")));
                credits = credits.add(money(line.get("credit")));
            }
            assertThat(List.of(money(entry.get("totalDebit")), money(entry.get("totalCredit")))).as(entry.get("entryNumber").asText())
                    .containsExactly(debits, debits).doesNotContain(BigDecimal.ZERO.setScale(2));
            assertThat(credits).isEqualTo(debits);
        }

        JsonNode opening = get("/journal-entries?source=OPENING");
        assertThat(texts(opening.get("items"), "entryNumber")).containsExactly("JE-000001");
        JsonNode first = opening.at("/items/0");
        assertThat(List.of(first.get("entryDate").asText(), first.get("source").asText(), first.get("memo").asText()))
                .containsExactly("2025-07-01", "OPENING", "Opening balances");
        assertThat(lines(first)).containsExactly("1000 Operating Account D 50000.00", "1010 Reserve Savings D 20000.00",
                "3000 Owner's Capital C 70000.00");

        JsonNode october = get("/journal-entries?from=2026-10-01&to=2026-10-31&limit=200");
        assertThat(texts(october.get("items"), "entryDate")).isNotEmpty().allSatisfy(day -> assertThat(day).startsWith("2026-10-"));
        assertThat(october.at("/paging/total").asLong()).isEqualTo(api.tenant.queryForLong("SELECT count(*) FROM accounting.journal_entries"
                + " WHERE org_id = " + ORG_ID + " AND entry_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'", ORG));
        assertThat(texts(get("/journal-entries?source=PAYROLL&from=2026-10-01").get("items"), "entryDate")).containsExactly("2026-10-31");

        JsonNode invoice = get("/invoices/" + idOf(api, ORG, "accounting.invoices", "invoice_number", "INV-000004"));
        JsonNode entry = get("/journal-entries/" + invoice.get("entryId").asText());
        assertThat(List.of(entry.get("id").asText(), entry.get("entryNumber").asText(), entry.get("source").asText(), entry.get("entryDate").asText()))
                .as("the entry the invoice answers").containsExactly(invoice.get("entryId").asText(), invoice.get("entryNumber").asText(), "INVOICE",
                        invoice.get("issueDate").asText());
        assertThat(entry.at("/lines/0/accountCode").asText()).isEqualTo("1100");
        assertThat(entry.at("/lines/0/accountName").asText()).isEqualTo("Accounts Receivable");
        assertThat(money(entry.at("/lines/0/debit"))).isEqualTo(money(invoice.get("total")));
        ApiFixture.Response unknown = api.get(accountant, PREFIX + "/journal-entries/JE-000001");
        assertThat(unknown.reason(404)).isEqualTo("not_found");
        assertThat(unknown.body().at("/error/message").asText()).isEqualTo("no journal entry JE-000001");
    }

    /** An entry's lines as "code name D amount" or "code name C amount". */
    private static List<String> lines(JsonNode entry) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : entry.get("lines")) {
            BigDecimal debit = money(line.get("debit"));
            lines.add(line.get("accountCode").asText() + " " + line.get("accountName").asText()
                    + (debit.signum() > 0 ? " D " + debit : " C " + money(line.get("credit"))));
        }
        return lines;
    }

    // ---------------------------------------------------------------- who reads

    @Test
    void the_owner_and_the_accountant_read_every_route_and_anyone_else_is_refused_on_each() throws Exception {
        String planner = AccountingApi.signIn(api, ORG, AccountingBooksPack.PLANNER);
        String fan = AccountingApi.ticketingAccount(api, ORG);
        for (Map.Entry<String, String> route : routes.entrySet()) {
            String path = PREFIX + route.getValue();
            assertThat(api.get(owner, path).status()).as(route.getKey()).isEqualTo(200);
            assertThat(api.get(accountant, path).status()).as(route.getKey()).isEqualTo(200);
            ApiFixture.Response refused = api.get(planner, path);
            assertThat(refused.reason(403)).as(route.getKey()).isEqualTo("forbidden");
            assertThat(refused.body().at("/error/message").asText()).as(route.getKey())
                    .isEqualTo("accounting is for the organization's owner and accountants; planner.demo@example.test is a planner");
            assertThat(api.get(fan, path).body().at("/error/message").asText()).as(route.getKey())
                    .isEqualTo("accounting is for the organization's owner and accountants; fan@demo-travel.example.org is a ticketing account");
            assertThat(api.get(null, path).reason(401)).as(route.getKey()).isEqualTo("unauthenticated");
        }
    }

    @Test
    void the_other_organizations_people_read_their_own_books_and_not_these_rows() throws Exception {
        String rival = AccountingApi.signIn(api, RIVAL, AccountingBooksPack.ACCOUNTANT);
        assertThat(texts(api.get(rival, PREFIX + "/invoices").items(), "id")).hasSize(9)
                .isEqualTo(api.tenant.strings("SELECT id::text FROM accounting.invoices WHERE org_id = " + ORG_ID
                        + " ORDER BY issue_date DESC, invoice_number DESC", RIVAL))
                .doesNotContainAnyElementsOf(texts(get("/invoices").get("items"), "id"));
        for (String what : List.of("customer", "invoice", "bill", "payment", "journal entry")) {
            String path = routes.get(what);
            ApiFixture.Response missing = api.get(rival, PREFIX + path);
            assertThat(missing.reason(404)).as(what).isEqualTo("not_found");
            assertThat(missing.body().at("/error/message").asText()).isEqualTo("no " + what + " " + path.substring(path.lastIndexOf('/') + 1));
        }
        for (String what : List.of("transactions", "reconciliations")) {
            ApiFixture.Response missing = api.get(rival, PREFIX + routes.get(what));
            assertThat(missing.reason(404)).as(what).isEqualTo("not_found");
            assertThat(missing.body().at("/error/message").asText()).startsWith("no bank account ");
        }
        String rivalCustomer = idOf(api, RIVAL, "accounting.customers", "name", "Jordan Ellis");
        assertThat(get("/invoices?customerId=" + rivalCustomer).get("items")).as("another organization's customer has no invoices here").isEmpty();
    }

    @Test
    void a_bad_filter_or_page_is_refused_naming_it() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("/invoices?status=LATE", "status 'LATE' is not one of DRAFT, ISSUED, PARTIALLY_PAID, PAID, VOID");
        refused.put("/invoices?customerId=brightwater", "customerId 'brightwater' is not an id (a UUID)");
        refused.put("/invoices?overdue=yes", "overdue 'yes' is not one of true, false");
        refused.put("/invoices?issuedFrom=2026-8-1", "issuedFrom '2026-8-1' is not a date: use YYYY-MM-DD");
        refused.put("/bills?status=ISSUED", "status 'ISSUED' is not one of DRAFT, OPEN, PARTIALLY_PAID, PAID, VOID");
        refused.put("/bills?dueBefore=soon", "dueBefore 'soon' is not a date: use YYYY-MM-DD");
        refused.put("/payments?direction=IN", "direction 'IN' is not one of RECEIVED, SENT, REFUND");
        refused.put("/journal-entries?source=SALES",
                "source 'SALES' is not one of OPENING, INVOICE, BILL, PAYMENT, PAYROLL, INVENTORY, BANK, ACCRUAL, DEPRECIATION, MANUAL");
        refused.put("/journal-entries?from=last-week", "from 'last-week' is not a date: use YYYY-MM-DD");
        refused.put("/accounts?type=INCOME", "type 'INCOME' is not one of ASSET, LIABILITY, EQUITY, REVENUE, EXPENSE");
        refused.put("/accounts?asOf=today", "asOf 'today' is not a date: use YYYY-MM-DD");
        refused.put("/customers?kind=company", "kind 'company' is not one of CORPORATE, GROUP, INDIVIDUAL");
        refused.put("/employees?active=1", "active '1' is not one of true, false");
        refused.put("/payroll-runs?limit=0", "limit 0: use 1-200");
        refused.put("/customers?offset=-1", "offset -1: use 0 or more");
        for (Map.Entry<String, String> route : refused.entrySet()) {
            ApiFixture.Response response = api.get(accountant, PREFIX + route.getKey());
            assertThat(response.reason(400)).as(route.getKey()).isEqualTo("bad_parameter");
            assertThat(response.body().at("/error/message").asText()).as(route.getKey()).isEqualTo(route.getValue());
        }
        ApiFixture.Response notAnId = api.get(accountant, PREFIX + "/invoices/INV-000004");
        assertThat(notAnId.reason(404)).isEqualTo("not_found");
        assertThat(notAnId.body().at("/error/message").asText()).isEqualTo("no invoice INV-000004");
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode get(String path) throws Exception {
        ApiFixture.Response response = api.get(accountant, PREFIX + path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Demo-Tenant")).hasValue("true");
        return response.body();
    }

    private List<String> numbers(String path) throws Exception {
        return texts(get(path).get("items"), "invoiceNumber");
    }

    private List<String> billNumbers(String path) throws Exception {
        return texts(get(path).get("items"), "billNumber");
    }

    private List<String> paymentNumbers(String path) throws Exception {
        return texts(get(path).get("items"), "paymentNumber");
    }

    private static Map<String, BigDecimal> balances(JsonNode chart) {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        chart.get("items").forEach(account -> balances.put(account.get("code").asText(), money(account.get("balance"))));
        return balances;
    }
}
