package io.seedreset.server;

import static io.seedreset.server.AccountingApi.ORG;
import static io.seedreset.server.AccountingApi.ORG_ID;
import static io.seedreset.server.AccountingApi.PREFIX;
import static io.seedreset.server.AccountingApi.RIVAL;
import static io.seedreset.server.AccountingApi.idOf;
import static io.seedreset.server.AccountingApi.money;
import static io.seedreset.server.AccountingApi.one;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.ValidationResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Accounting's workflows over real HTTP on {@link AccountingBooksPack}'s books: each success with the rows and the entry
 * it writes, the balances, statuses and aging it moves, and the books still valid by the pack's rules afterwards; each
 * refusal with its status, reason and one-line message, and nothing written. Tests share one organization and each
 * works on documents the others leave alone (its own invoices, its own month of payroll). Today is 2026-11-21.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountingWorkflowsTest {

    private ApiFixture api;
    private String owner;
    private String accountant;
    private String planner;
    private String operating;
    private String taxRate;

    @BeforeAll
    void start() throws Exception {
        api = AccountingApi.start();
        owner = AccountingApi.signIn(api, ORG, AccountingBooksPack.OWNER);
        accountant = AccountingApi.signIn(api, ORG, AccountingBooksPack.ACCOUNTANT);
        planner = AccountingApi.signIn(api, ORG, AccountingBooksPack.PLANNER);
        operating = idOf(api, ORG, "accounting.bank_accounts", "name", "Operating Account");
        taxRate = idOf(api, ORG, "accounting.tax_rates", "name", "Sales Tax 6%");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    // ---------------------------------------------------------------- invoices

    @Test
    void an_accountant_issues_an_invoice_that_posts_a_balanced_entry_in_sequence_and_ages_as_current() throws Exception {
        String northpoint = customer("Northpoint Engineering");
        BigDecimal currentBefore = agedBucket(northpoint, "current");
        BigDecimal receivablesBefore = money(aged().at("/totals/total"));

        ApiFixture.Response issued = api.post(accountant, PREFIX + "/invoices", Map.of("customerId", northpoint, "memo", "November", "lines", List.of(
                Map.of("description", "Corporate travel fees, November", "quantity", 1, "unitPrice", 2200, "accountCode", "4200"),
                Map.of("description", "Tour package: Kyoto", "quantity", 3, "unitPrice", new BigDecimal("1333.33"), "accountCode", "4000",
                        "taxRateId", taxRate))));

        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
        assertThat(issued.headers().firstValue("X-Demo-Tenant")).hasValue("true");
        JsonNode invoice = issued.body();
        assertThat(invoice.get("invoiceNumber").asText()).as("after the latest invoice").isEqualTo(next("INV-", numbersBefore(invoice, "invoice")));
        assertThat(invoice.get("status").asText()).isEqualTo("ISSUED");
        assertThat(invoice.get("issueDate").asText()).as("today").isEqualTo("2026-11-21");
        assertThat(invoice.get("dueDate").asText()).as("plus Northpoint's 45 days").isEqualTo("2027-01-05");
        assertThat(invoice.get("memo").asText()).isEqualTo("November");
        // 3 x 1,333.33 = 3,999.99, taxed 6% = 239.9994, to the cent 240.00.
        assertThat(List.of(money(invoice.get("subtotal")), money(invoice.get("tax")), money(invoice.get("total")), money(invoice.get("balance"))))
                .containsExactly(money("6199.99"), money("240.00"), money("6439.99"), money("6439.99"));
        assertThat(invoice.get("lines")).hasSize(2);
        assertThat(money(invoice.at("/lines/1/amount"))).isEqualTo(money("3999.99"));
        assertThat(invoice.at("/lines/1/taxRateName").asText()).isEqualTo("Sales Tax 6%");

        String entry = invoice.get("entryId").asText();
        assertThat(entryLines(entry)).containsExactly("1100 D 6439.99", "4200 C 2200.00", "4000 C 3999.99", "2100 C 240.00");
        assertThat(api.tenant.rows("SELECT entry_number, entry_date::text AS day, source, created_by FROM accounting.journal_entries WHERE id = ?::uuid",
                entry)).singleElement().isEqualTo(Map.of("entry_number", invoice.get("entryNumber").asText(), "day", "2026-11-21", "source", "INVOICE",
                "created_by", AccountingBooksPack.ACCOUNTANT));
        assertThat(invoice.get("entryNumber").asText()).as("after the latest entry").isEqualTo(next("JE-", numbersBefore(invoice, "entry")));
        assertThat(agedBucket(northpoint, "current")).isEqualTo(currentBefore.add(money("6439.99")));
        assertThat(money(aged().at("/totals/total"))).isEqualTo(receivablesBefore.add(money("6439.99")));
        assertBooksBalance();
    }

    @Test
    void an_invoice_is_refused_with_nothing_written_for_a_closed_period_and_bad_input() throws Exception {
        String ellis = customer("Jordan Ellis");
        Map<String, Object> line = Map.of("description", "Tour package: Azores", "quantity", 1, "unitPrice", 1800, "accountCode", "4000");
        Map<String, Object> good = Map.of("customerId", ellis, "lines", List.of(line));

        refusedInvoice(owner, with(good, "issueDate", "2026-05-01"), 409, "period_closed",
                "the period Q2 2026 (2026-04-01 to 2026-06-30) is closed: nothing more is posted on 2026-05-01; use a date in an open period");
        refusedInvoice(owner, with(good, "issueDate", "2025-06-30"), 409, "before_books",
                "the books start on 2025-07-01: nothing is posted on 2025-06-30, before them; use a date on or after 2025-07-01");
        refusedInvoice(owner, with(good, "issueDate", "2099-12-31"), 400, "invalid_request",
                "issueDate 2099-12-31 is after today (2026-11-21): issue an invoice on or before today");
        // A few bytes of JSON that, written out in full or scaled to the cent, would take a megabyte or a gigabyte.
        String huge = "{\"customerId\": \"" + ellis + "\", \"lines\": [{\"description\": \"x\", \"accountCode\": \"4000\", ";
        refusedInvoice(owner, huge + "\"quantity\": 1e-1000000, \"unitPrice\": 1}]}", 400, "invalid_request",
                "lines[0].quantity 1E-1000000 is finer than a cent: give at most two decimals");
        refusedInvoice(owner, huge + "\"quantity\": 1, \"unitPrice\": 1e-999999999}]}", 400, "invalid_request",
                "lines[0].unitPrice 1E-999999999 is finer than a cent: give at most two decimals");
        refusedInvoice(owner, huge + "\"quantity\": 1e999999999, \"unitPrice\": 1}]}", 400, "invalid_request",
                "lines[0].quantity 1E+999999999 is more than the books hold (999999999999.99)");
        refusedInvoice(owner, huge + "\"quantity\": 1, \"unitPrice\": 1234567890.123456789012345678901}]}", 400, "invalid_request",
                "lines[0].unitPrice 1234567890.1234567890... is finer than a cent: give at most two decimals");
        refusedInvoice(owner, invoiceWith(ellis, with(line, "accountCode", "5000")), 400, "invalid_request",
                "lines[0].accountCode 5000 (Airfare) is EXPENSE, not a revenue account: an invoice line credits revenue");
        refusedInvoice(owner, invoiceWith(ellis, with(line, "accountCode", "4999")), 400, "invalid_request",
                "lines[0].accountCode 4999 is no account of the chart");
        String retired = idOf(api, ORG, "accounting.tax_rates", "name", "Sales Tax 5% (until 2025)");
        refusedInvoice(owner, invoiceWith(ellis, with(line, "taxRateId", retired)), 400, "invalid_request",
                "lines[0].taxRateId: the tax rate Sales Tax 5% (until 2025) is no longer charged; use an active one");
        String unknown = UUID.randomUUID().toString();
        refusedInvoice(owner, invoiceWith(ellis, with(line, "taxRateId", unknown)), 404, "not_found", "no tax rate " + unknown);
        refusedInvoice(owner, invoiceWith(ellis, with(line, "taxRateId", "6%")), 400, "invalid_request", "lines[0].taxRateId is not an id: '6%'");
        refusedInvoice(owner, with(good, "customerId", unknown), 404, "not_found", "no customer " + unknown);
        String rivalEllis = idOf(api, RIVAL, "accounting.customers", "name", "Jordan Ellis");
        refusedInvoice(owner, with(good, "customerId", rivalEllis), 404, "not_found", "no customer " + rivalEllis);
        refusedInvoice(owner, Map.of("lines", List.of(line)), 400, "invalid_request", "customerId is required: the customer to invoice");
        refusedInvoice(owner, Map.of("customerId", ellis, "lines", List.of()), 400, "invalid_request", "an invoice needs at least one line");
        refusedInvoice(owner, Map.of("customerId", ellis), 400, "invalid_request", "an invoice needs at least one line");
        refusedInvoice(owner, with(with(good, "issueDate", "2026-11-20"), "dueDate", "2026-11-19"), 400, "invalid_request",
                "dueDate 2026-11-19 is before issueDate 2026-11-20: an invoice falls due on or after its date");
        refusedInvoice(owner, invoiceWith(ellis, with(line, "quantity", 0)), 400, "invalid_request", "lines[0].quantity must be above 0, not 0");
        refusedInvoice(owner, invoiceWith(ellis, with(line, "unitPrice", new BigDecimal("18.505"))), 400, "invalid_request",
                "lines[0].unitPrice 18.505 is finer than a cent: give at most two decimals");
        refusedInvoice(owner, invoiceWith(ellis, with(line, "unitPrice", -5)), 400, "invalid_request",
                "lines[0].unitPrice is required: 0 or more, with at most two decimals");
        refusedInvoice(owner, invoiceWith(ellis, with(line, "unitPrice", 0)), 400, "invalid_request",
                "the invoice's lines come to 0.00: an invoice is for more than nothing");
        refusedInvoice(owner, invoiceWith(ellis, with(line, "description", " ")), 400, "invalid_request", "lines[0].description is required");
        refusedInvoice(owner, "{\"customerId\": \"" + ellis + "\", \"lines\": [{\"description\": \"x\", \"quantity\": \"two\"}]}", 400,
                "malformed_request", "malformed JSON in field 'lines[0].quantity': it takes a number");
        refusedInvoice(owner, with(good, "issueDate", "21/11/2026"), 400, "malformed_request",
                "malformed JSON in field 'issueDate': it takes a date, YYYY-MM-DD");
        refusedInvoice(owner, with(good, "lines", List.of(line, "Azores")), 400, "malformed_request",
                "malformed JSON in field 'lines[1]': it takes an object");
        refusedInvoice(owner, invoiceWith(ellis, with(line, "colour", "blue")), 400, "malformed_request", null);
        String unknownField = api.post(owner, PREFIX + "/invoices", invoiceWith(ellis, with(line, "colour", "blue"))).body()
                .at("/error/message").asText();
        assertThat(unknownField).startsWith("malformed JSON in field 'lines[0].colour': no such field; the fields here are ")
                .contains("description", "quantity", "unitPrice", "accountCode", "taxRateId").doesNotContain("$", "Body", "`");
        refusedInvoice(owner, "[]", 400, "malformed_request", "the request body must be a JSON object");
        refusedInvoice(planner, good, 403, "forbidden",
                "accounting is for the organization's owner and accountants; planner.demo@example.test is a planner");
        refusedInvoice(AccountingApi.ticketingAccount(api, ORG), good, 403, "forbidden",
                "accounting is for the organization's owner and accountants; fan@demo-travel.example.org is a ticketing account");
    }

    // ---------------------------------------------------------------- payments

    @Test
    void a_partial_payment_moves_the_balance_the_status_and_the_aging_and_the_next_pays_the_rest_leaving_a_credit() throws Exception {
        String northpoint = customer("Northpoint Engineering");
        String invoice = invoice("INV-000005");
        BigDecimal bucketBefore = agedBucket(northpoint, "days31To60");
        BigDecimal bankBefore = bankBalance(operating);
        BigDecimal creditsBefore = balance("2200");

        JsonNode partial = pay(owner, Map.of("customerId", northpoint, "bankAccountId", operating, "amount", 5000, "method", "ACH",
                "reference", "NP-4471", "allocations", List.of(Map.of("invoiceId", invoice, "amount", 5000))));

        assertThat(partial.get("direction").asText()).isEqualTo("RECEIVED");
        assertThat(partial.get("paidOn").asText()).as("today").isEqualTo("2026-11-21");
        assertThat(partial.get("reference").asText()).isEqualTo("NP-4471");
        assertThat(money(partial.get("unallocated"))).isEqualTo(money("0.00"));
        assertThat(partial.get("allocations")).singleElement().satisfies(allocation -> {
            assertThat(allocation.get("invoiceNumber").asText()).isEqualTo("INV-000005");
            assertThat(money(allocation.get("amount"))).isEqualTo(money("5000.00"));
        });
        JsonNode afterPartial = get("/invoices/" + invoice);
        assertThat(money(afterPartial.get("balance"))).isEqualTo(money("7720.00"));
        assertThat(afterPartial.get("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(agedBucket(northpoint, "days31To60")).as("the aging moved").isEqualTo(bucketBefore.subtract(money("5000.00")));
        assertThat(entryLines(partial.get("entryId").asText())).containsExactly("1000 D 5000.00", "1100 C 5000.00");
        assertThat(api.tenant.rows("""
                SELECT posted_on::text AS day, amount, entry_id FROM accounting.bank_transactions WHERE payment_id = ?::uuid""",
                partial.get("id").asText())).singleElement().satisfies(transaction -> {
                    assertThat(transaction.get("day")).isEqualTo("2026-11-21");
                    assertThat((BigDecimal) transaction.get("amount")).isEqualByComparingTo("5000.00");
                    assertThat(transaction.get("entry_id")).isNull();
                });
        assertThat(bankBalance(operating)).isEqualTo(bankBefore.add(money("5000.00")));

        JsonNode rest = pay(accountant, Map.of("customerId", northpoint, "bankAccountId", operating, "amount", new BigDecimal("7820.00"),
                "paidOn", "2026-11-20", "method", "CHECK", "allocations", List.of(Map.of("invoiceId", invoice, "amount", new BigDecimal("7720.00")))));

        assertThat(money(rest.get("unallocated"))).as("paid 100.00 over: the customer's credit").isEqualTo(money("100.00"));
        JsonNode paid = get("/invoices/" + invoice);
        assertThat(money(paid.get("balance"))).isEqualTo(money("0.00"));
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(texts(paid.get("allocations"), "paymentNumber")).as("oldest first")
                .containsExactly(rest.get("paymentNumber").asText(), partial.get("paymentNumber").asText());
        assertThat(entryLines(rest.get("entryId").asText())).containsExactly("1000 D 7820.00", "1100 C 7720.00", "2200 C 100.00");
        assertThat(balance("2200")).isEqualTo(creditsBefore.add(money("100.00")));
        assertThat(bankBalance(operating)).isEqualTo(bankBefore.add(money("12820.00")));
        assertThat(aged().get("customers").findValues("invoices").stream().flatMap(list -> texts(list, "number").stream()))
                .as("paid, it ages no more").doesNotContain("INV-000005");
        assertThat(rest.get("paymentNumber").asText()).isEqualTo(next("PMT-", numberAfter(partial.get("paymentNumber").asText())));
        assertBooksBalance();
    }

    @Test
    void one_payment_settles_several_of_a_customers_invoices() throws Exception {
        String maple = customer("Maple Grove Alumni Club");
        JsonNode payment = pay(accountant, Map.of("customerId", maple, "bankAccountId", operating, "amount", new BigDecimal("16642.00"),
                "paidOn", "2026-11-20", "method", "BANK_TRANSFER", "allocations", List.of(
                        Map.of("invoiceId", invoice("INV-000007"), "amount", new BigDecimal("7632.00")),
                        Map.of("invoiceId", invoice("INV-000002"), "amount", new BigDecimal("9010.00")))));

        assertThat(texts(payment.get("allocations"), "invoiceNumber")).containsExactly("INV-000002", "INV-000007");
        for (String number : List.of("INV-000002", "INV-000007")) {
            JsonNode invoice = get("/invoices/" + invoice(number));
            assertThat(invoice.get("status").asText()).as(number).isEqualTo("PAID");
            assertThat(invoice.at("/allocations/0/allocatedOn").asText()).isEqualTo("2026-11-20");
        }
        assertThat(money(get("/customers/" + maple).get("openBalance"))).isEqualTo(money("0.00"));
        assertThat(texts(aged().get("customers"), "name")).doesNotContain("Maple Grove Alumni Club");
        assertThat(texts(get("/payments?customerId=" + maple).get("items"), "id")).containsExactly(payment.get("id").asText());
        assertThat(entryLines(payment.get("entryId").asText())).containsExactly("1000 D 16642.00", "1100 C 16642.00");
        assertBooksBalance();
    }

    @Test
    void a_payment_is_refused_with_nothing_written_for_over_allocation_another_customers_invoice_a_closed_period_and_bad_input()
            throws Exception {
        String ellis = customer("Jordan Ellis");
        String inv6 = invoice("INV-000006");
        Map<String, Object> good = Map.of("customerId", ellis, "bankAccountId", operating, "amount", 1000, "method", "CARD",
                "allocations", List.of(Map.of("invoiceId", inv6, "amount", 1000)));

        refusedPayment(owner, payment(ellis, 3400, inv6, 3400), 409, "over_allocation",
                "invoice INV-000006 has 3,392.00 left to pay: 3,400.00 cannot be allocated to it");
        refusedPayment(owner, payment(ellis, 1000, inv6, 1200), 400, "invalid_request",
                "the allocations come to 1,200.00, more than the payment's amount 1,000.00: allocate at most what was paid");
        refusedPayment(owner, payment(ellis, 500, invoice("INV-000008"), 500), 400, "invalid_request",
                "invoice INV-000008 is another customer's, not Jordan Ellis's: a payment settles its own customer's invoices");
        refusedPayment(owner, payment(customer("Harbor Hikers Club"), 500, invoice("INV-000009"), 500), 409, "invoice_not_open",
                "invoice INV-000009 is DRAFT: only an issued, unpaid or partly paid invoice takes a payment");
        refusedPayment(owner, payment(customer("Brightwater Consulting"), 500, invoice("INV-000001"), 500), 409, "invoice_not_open",
                "invoice INV-000001 is PAID: only an issued, unpaid or partly paid invoice takes a payment");
        refusedPayment(owner, with(with(good, "paidOn", "2026-06-15"), "allocations", List.of()), 409, "period_closed",
                "the period Q2 2026 (2026-04-01 to 2026-06-30) is closed: nothing more is posted on 2026-06-15; use a date in an open period");
        refusedPayment(owner, with(good, "paidOn", "2026-10-19"), 400, "invalid_request",
                "invoice INV-000006 was issued on 2026-10-20, after paidOn 2026-10-19: a payment settles invoices issued by its day");
        refusedPayment(owner, with(good, "paidOn", "2024-01-01"), 400, "invalid_request",
                "paidOn 2024-01-01 is before the bank account Operating Account opened (2025-07-01): money comes into an account on or after"
                        + " its opening day");
        refusedPayment(owner, "{\"customerId\": \"" + ellis + "\", \"bankAccountId\": \"" + operating + "\", \"method\": \"ACH\","
                + " \"amount\": 1e-999999999}", 400, "invalid_request", "amount 1E-999999999 is finer than a cent: give at most two decimals");
        refusedPayment(owner, with(good, "paidOn", "2026-11-22"), 400, "invalid_request",
                "paidOn 2026-11-22 is after today (2026-11-21): record a payment once it has come in");
        String unknown = UUID.randomUUID().toString();
        refusedPayment(owner, payment(ellis, 100, unknown, 100), 404, "not_found", "no invoice " + unknown);
        String rivalInvoice = idOf(api, RIVAL, "accounting.invoices", "invoice_number", "INV-000006");
        refusedPayment(owner, payment(ellis, 100, rivalInvoice, 100), 404, "not_found", "no invoice " + rivalInvoice);
        refusedPayment(owner, with(good, "bankAccountId", unknown), 404, "not_found", "no bank account " + unknown);
        String rivalBank = idOf(api, RIVAL, "accounting.bank_accounts", "name", "Operating Account");
        refusedPayment(owner, with(good, "bankAccountId", rivalBank), 404, "not_found", "no bank account " + rivalBank);
        refusedPayment(owner, with(good, "customerId", unknown), 404, "not_found", "no customer " + unknown);
        refusedPayment(owner, without(good, "method"), 400, "invalid_request", "method is required: one of BANK_TRANSFER, ACH, CARD, CHECK");
        refusedPayment(owner, with(good, "method", "WIRE"), 400, "invalid_request", "method 'WIRE' is unknown: one of BANK_TRANSFER, ACH, CARD, CHECK");
        refusedPayment(owner, with(good, "amount", 0), 400, "invalid_request", "amount must be above 0, not 0");
        refusedPayment(owner, with(good, "amount", new BigDecimal("10.005")), 400, "invalid_request",
                "amount 10.005 is finer than a cent: give at most two decimals");
        refusedPayment(owner, without(good, "bankAccountId"), 400, "invalid_request", "bankAccountId is required: the bank account the money came into");
        refusedPayment(owner, with(good, "allocations", List.of(Map.of("invoiceId", inv6, "amount", 300), Map.of("invoiceId", inv6, "amount", 200))),
                400, "invalid_request", "invoice " + inv6 + " is allocated twice: give its amount once");
        refusedPayment(owner, with(good, "allocations", List.of(Map.of("invoiceId", "INV-000006", "amount", 300))), 400, "invalid_request",
                "allocations[0].invoiceId is not an id: 'INV-000006'");
        refusedPayment(owner, with(good, "allocations", List.of(Map.of("invoiceId", inv6, "amount", -3))), 400, "invalid_request",
                "allocations[0].amount must be above 0, not -3");
        refusedPayment(owner, "{\"customerId\": \"" + ellis + "\", \"amount\": \"lots\"}", 400, "malformed_request",
                "malformed JSON in field 'amount': it takes a number");
        refusedPayment(owner, with(good, "paidOn", "yesterday"), 400, "malformed_request",
                "malformed JSON in field 'paidOn': it takes a date, YYYY-MM-DD");
        refusedPayment(owner, with(good, "allocations", Map.of("invoiceId", inv6)), 400, "malformed_request",
                "malformed JSON in field 'allocations': it takes an array");
        refusedPayment(planner, good, 403, "forbidden",
                "accounting is for the organization's owner and accountants; planner.demo@example.test is a planner");
    }

    @Test
    void two_payments_racing_for_one_invoice_never_allocate_more_than_it_owes() throws Exception {
        String ellis = customer("Jordan Ellis");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                ApiFixture.Response issued = api.post(accountant, PREFIX + "/invoices", Map.of("customerId", ellis, "lines", List.of(
                        Map.of("description", "Walking tour, round " + round, "quantity", 1, "unitPrice", 1000, "accountCode", "4000"))));
                assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
                String invoice = issued.body().get("id").asText();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ApiFixture.Response>> answers = new ArrayList<>();
                for (String token : List.of(owner, accountant)) {
                    Callable<ApiFixture.Response> payment = () -> {
                        start.await();
                        return api.post(token, PREFIX + "/payments", payment(ellis, 600, invoice, 600));
                    };
                    answers.add(pool.submit(payment));
                }
                start.countDown();
                Map<Integer, Integer> statuses = new HashMap<>();
                for (Future<ApiFixture.Response> answer : answers) {
                    ApiFixture.Response response = answer.get();
                    statuses.merge(response.status(), 1, Integer::sum);
                    if (response.status() != 201) {
                        assertThat(response.reason(409)).isEqualTo("over_allocation");
                        assertThat(response.body().at("/error/message").asText())
                                .endsWith("has 400.00 left to pay: 600.00 cannot be allocated to it");
                        assertThat(response.body().at("/error/details/balance").asText()).isEqualTo("400.00");
                    }
                }
                assertThat(statuses).as("round " + round).isEqualTo(Map.of(201, 1, 409, 1));
                assertThat(api.tenant.rows("""
                        SELECT i.balance, i.status, (SELECT sum(amount) FROM accounting.payment_allocations a WHERE a.invoice_id = i.id) AS allocated,
                               (SELECT count(*) FROM accounting.payment_allocations a WHERE a.invoice_id = i.id) AS allocations
                          FROM accounting.invoices i WHERE i.id = ?::uuid""", invoice)).singleElement().satisfies(row -> {
                            assertThat((BigDecimal) row.get("balance")).isEqualByComparingTo("400.00");
                            assertThat(row.get("status")).isEqualTo("PARTIALLY_PAID");
                            assertThat((BigDecimal) row.get("allocated")).isEqualByComparingTo("600.00");
                            assertThat(row.get("allocations")).isEqualTo(1L);
                        });
            }
        } finally {
            pool.shutdownNow();
        }
        assertBooksBalance();
    }

    // ---------------------------------------------------------------- payroll

    @Test
    void the_accountant_may_not_run_payroll_and_the_owner_runs_the_month_once() throws Exception {
        refusedPayroll(accountant, Map.of(), 403, "forbidden", "only the owner may run payroll; accountant.demo@example.test is an accountant");
        refusedPayroll(planner, Map.of(), 403, "forbidden",
                "accounting is for the organization's owner and accountants; planner.demo@example.test is a planner");
        refusedPayroll(owner, Map.of("month", "2026-05", "payDate", "2026-05-31"), 409, "period_closed",
                "the period Q2 2026 (2026-04-01 to 2026-06-30) is closed: nothing more is posted on 2026-05-31; use a date in an open period");
        refusedPayroll(owner, Map.of("month", "May"), 400, "invalid_request", "month 'May' is not a month: use YYYY-MM");
        refusedPayroll(owner, Map.of("month", "2026-11", "payDate", "2026-10-30"), 400, "invalid_request",
                "payDate 2026-10-30 is before 2026-11, the month it pays: pay a month on or after its first day");
        refusedPayroll(owner, Map.of("month", "2027-06"), 400, "invalid_request",
                "month 2027-06 is after this month (2026-11): pay a month once it has begun");
        refusedPayroll(owner, Map.of("month", "2026-12", "payDate", "2026-11-30"), 400, "invalid_request",
                "month 2026-12 is after this month (2026-11): pay a month once it has begun");
        refusedPayroll(owner, Map.of("month", "2026-11", "payDate", "2031-06-30"), 400, "invalid_request",
                "payDate 2031-06-30 is after today (2026-11-21): run a payroll on or after its pay date");
        refusedPayroll(owner, Map.of("month", "2025-03", "payDate", "2025-03-31"), 409, "before_books",
                "the books start on 2025-07-01: month 2025-03 is before them; pay a month from 2025-07 on");
        BigDecimal bankBefore = bankBalance(operating);
        Map<String, BigDecimal> gross = new LinkedHashMap<>();
        for (Map<String, Object> employee : api.tenant.rows("SELECT first_name || ' ' || last_name AS name, annual_salary FROM accounting.employees"
                + " WHERE org_id = " + ORG_ID + " AND active ORDER BY last_name", ORG)) {
            gross.put((String) employee.get("name"), ((BigDecimal) employee.get("annual_salary")).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP));
        }

        ApiFixture.Response created = api.post(owner, PREFIX + "/payroll-runs", Map.of());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode run = created.body();
        assertThat(List.of(run.get("periodStart").asText(), run.get("periodEnd").asText(), run.get("payDate").asText(), run.get("status").asText()))
                .containsExactly("2026-11-01", "2026-11-30", "2026-11-21", "PAID");
        assertThat(texts(run.get("lines"), "employeeName")).as("the active employees").containsExactlyElementsOf(gross.keySet());
        BigDecimal withheld = BigDecimal.ZERO;
        for (JsonNode line : run.get("lines")) {
            BigDecimal pay = gross.get(line.get("employeeName").asText());
            BigDecimal withholding = pay.multiply(new BigDecimal("0.22")).setScale(2, RoundingMode.HALF_UP);
            assertThat(List.of(money(line.get("gross")), money(line.get("withholding")), money(line.get("net"))))
                    .as("the rate October's run withheld, 22%").containsExactly(pay, withholding, pay.subtract(withholding));
            withheld = withheld.add(withholding);
        }
        BigDecimal total = gross.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal net = total.subtract(withheld);
        assertThat(List.of(money(run.get("gross")), money(run.get("withholding")), money(run.get("net")))).containsExactly(total, withheld, net);
        assertThat(entryLines(run.get("entryId").asText())).containsExactly("6000 D " + total, "2300 C " + withheld, "1000 C " + net);
        assertThat(api.tenant.rows("SELECT posted_on::text AS day, amount FROM accounting.bank_transactions WHERE entry_id = ?::uuid",
                run.get("entryId").asText())).singleElement().satisfies(paidOut -> {
                    assertThat(paidOut.get("day")).isEqualTo("2026-11-21");
                    assertThat((BigDecimal) paidOut.get("amount")).isEqualByComparingTo(net.negate());
                });
        assertThat(bankBalance(operating)).isEqualTo(bankBefore.subtract(net));
        assertThat(texts(get("/payroll-runs").get("items"), "periodStart")).contains("2026-11-01");
        assertBooksBalance();

        refusedPayroll(owner, Map.of(), 409, "payroll_already_run", "the payroll of 2026-11 was run already (paid 2026-11-21): a month is paid once");
    }

    @Test
    void a_months_draft_run_is_the_one_the_owner_pays_with_its_lines_worked_out_again() throws Exception {
        String draft = UUID.randomUUID().toString();
        api.tenant.execute("""
                INSERT INTO accounting.payroll_runs (org_id, id, period_start, period_end, pay_date, status, currency, gross, withholding, net,
                                                     entry_id, created_at)
                SELECT id, ?::uuid, DATE '2026-08-01', DATE '2026-08-31', DATE '2026-08-28', 'DRAFT', 'USD', 5000.00, 1100.00, 3900.00, NULL,
                       TIMESTAMPTZ '2026-11-20 16:00:00+00'
                  FROM platform.organizations WHERE slug = ?""", draft, ORG);
        // Prepared with a stale figure for Nina, and a line for Tom, who has left since.
        for (Object[] line : List.of(new Object[] {"Nina", "1000.00", "220.00", "780.00"}, new Object[] {"Tom", "4000.00", "880.00", "3120.00"})) {
            api.tenant.execute("""
                    INSERT INTO accounting.payroll_lines (org_id, id, run_id, employee_id, gross, withholding, net)
                    SELECT org_id, gen_random_uuid(), ?::uuid, id, ?::numeric, ?::numeric, ?::numeric FROM accounting.employees
                     WHERE org_id = %s AND first_name = ?""".formatted(ORG_ID), draft, line[1], line[2], line[3], ORG, line[0]);
        }

        ApiFixture.Response created = api.post(owner, PREFIX + "/payroll-runs", Map.of("month", "2026-08", "payDate", "2026-08-28"));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode run = created.body();
        assertThat(List.of(run.get("id").asText(), run.get("status").asText(), run.get("payDate").asText()))
                .as("the draft, paid").containsExactly(draft, "PAID", "2026-08-28");
        assertThat(texts(run.get("lines"), "employeeName")).as("the active employees, Tom's line gone").containsExactly("Nina Alvarez", "Marcus Reed");
        assertThat(List.of(money(run.at("/lines/0/gross")), money(run.at("/lines/0/withholding"))))
                .as("Nina's 60,000.00 over 12, 22% withheld").containsExactly(money("5000.00"), money("1100.00"));
        BigDecimal gross = money(run.at("/lines/0/gross")).add(money(run.at("/lines/1/gross")));
        BigDecimal withheld = money(run.at("/lines/0/withholding")).add(money(run.at("/lines/1/withholding")));
        assertThat(List.of(money(run.get("gross")), money(run.get("withholding")))).containsExactly(gross, withheld);
        assertThat(entryLines(run.get("entryId").asText())).containsExactly("6000 D " + gross, "2300 C " + withheld, "1000 C " + gross.subtract(withheld));
        assertThat(api.tenant.rows("""
                SELECT (SELECT count(*) FROM accounting.payroll_runs WHERE org_id = r.org_id AND period_start = r.period_start) AS runs,
                       (SELECT count(*) FROM accounting.payroll_lines WHERE org_id = r.org_id AND run_id = r.id) AS lines,
                       r.created_at = TIMESTAMPTZ '2026-11-20 16:00:00+00' AS prepared_when_it_was
                  FROM accounting.payroll_runs r WHERE r.id = ?::uuid""", draft))
                .containsExactly(Map.of("runs", 1L, "lines", 2L, "prepared_when_it_was", true));
        assertBooksBalance();

        refusedPayroll(owner, Map.of("month", "2026-08", "payDate", "2026-08-28"), 409, "payroll_already_run",
                "the payroll of 2026-08 was run already (paid 2026-08-28): a month is paid once");
    }

    @Test
    void the_owner_changes_a_salary_which_the_next_run_pays_and_no_one_else_may() throws Exception {
        String marcus = idOf(api, ORG, "accounting.employees", "last_name", "Reed");
        refusedChange(accountant, marcus, Map.of("annualSalary", 90000), 403, "forbidden",
                "only the owner may change an employee's salary or title; accountant.demo@example.test is an accountant");
        refusedChange(planner, marcus, Map.of("title", "Boss"), 403, "forbidden",
                "accounting is for the organization's owner and accountants; planner.demo@example.test is a planner");
        refusedChange(owner, marcus, Map.of(), 400, "invalid_request", "nothing to change: give annualSalary, title or both");
        refusedChange(owner, marcus, Map.of("annualSalary", 0), 400, "invalid_request", "annualSalary must be above 0, not 0");
        refusedChange(owner, marcus, Map.of("annualSalary", new BigDecimal("78000.001")), 400, "invalid_request",
                "annualSalary 78000.001 is finer than a cent: give at most two decimals");
        refusedChange(owner, marcus, Map.of("title", "  "), 400, "invalid_request", "title must be 1 to 120 characters, not 0");
        String unknown = UUID.randomUUID().toString();
        refusedChange(owner, unknown, Map.of("title", "Boss"), 404, "not_found", "no employee " + unknown);
        String rivalMarcus = idOf(api, RIVAL, "accounting.employees", "last_name", "Reed");
        refusedChange(owner, rivalMarcus, Map.of("title", "Boss"), 404, "not_found", "no employee " + rivalMarcus);

        ApiFixture.Response raised = api.patch(owner, PREFIX + "/employees/" + marcus, Map.of("annualSalary", 78000, "title", "Head of Operations"));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(200);
        assertThat(money(raised.body().get("annualSalary"))).isEqualTo(money("78000.00"));
        assertThat(raised.body().get("title").asText()).isEqualTo("Head of Operations");
        ApiFixture.Response retitled = api.patch(owner, PREFIX + "/employees/" + marcus, Map.of("title", " Director of Operations "));
        assertThat(retitled.body().get("title").asText()).isEqualTo("Director of Operations");
        assertThat(money(retitled.body().get("annualSalary"))).as("left as it was").isEqualTo(money("78000.00"));

        // Someone hired after July is not paid for it; the row goes again so that the other tests' runs are as they were.
        api.tenant.execute("""
                INSERT INTO accounting.employees (org_id, id, first_name, last_name, email, title, department, annual_salary, currency, hired_on, active,
                                                  created_at)
                SELECT org_id, gen_random_uuid(), 'Ada', 'Newhire', 'ada.newhire@demo-travel.example.test', title, department, annual_salary, currency,
                       DATE '2026-08-03', true, TIMESTAMPTZ '2026-08-01 09:00:00+00'
                  FROM accounting.employees WHERE org_id = %s AND last_name = 'Reed'""".formatted(ORG_ID), ORG);
        ApiFixture.Response july;
        try {
            july = api.post(owner, PREFIX + "/payroll-runs", Map.of("month", "2026-07", "payDate", "2026-07-31"));
        } finally {
            api.tenant.execute("DELETE FROM accounting.employees WHERE org_id = " + ORG_ID + " AND last_name = 'Newhire'", ORG);
        }
        assertThat(july.status()).as(july.body().toString()).isEqualTo(201);
        assertThat(texts(july.body().get("lines"), "employeeName")).as("the active employees hired by July's end")
                .containsExactlyInAnyOrder("Nina Alvarez", "Marcus Reed");
        assertThat(july.body().get("lines")).anySatisfy(line -> {
            assertThat(line.get("employeeName").asText()).isEqualTo("Marcus Reed");
            assertThat(money(line.get("gross"))).as("78,000.00 over 12").isEqualTo(money("6500.00"));
        });
        assertBooksBalance();
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode get(String path) throws Exception {
        ApiFixture.Response response = api.get(accountant, PREFIX + path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private JsonNode pay(String token, Map<String, Object> body) throws Exception {
        ApiFixture.Response response = api.post(token, PREFIX + "/payments", body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    private Map<String, Object> payment(String customer, Object amount, String invoice, Object allocated) {
        return Map.of("customerId", customer, "bankAccountId", operating, "amount", amount, "method", "BANK_TRANSFER",
                "allocations", List.of(Map.of("invoiceId", invoice, "amount", allocated)));
    }

    private static Map<String, Object> invoiceWith(String customer, Map<String, Object> line) {
        return Map.of("customerId", customer, "lines", List.of(line));
    }

    private void refusedInvoice(String token, Object body, int status, String reason, String message) throws Exception {
        refused(() -> api.post(token, PREFIX + "/invoices", body), status, reason, message);
    }

    private void refusedPayment(String token, Object body, int status, String reason, String message) throws Exception {
        refused(() -> api.post(token, PREFIX + "/payments", body), status, reason, message);
    }

    private void refusedPayroll(String token, Object body, int status, String reason, String message) throws Exception {
        refused(() -> api.post(token, PREFIX + "/payroll-runs", body), status, reason, message);
    }

    private void refusedChange(String token, String employee, Object body, int status, String reason, String message) throws Exception {
        refused(() -> api.patch(token, PREFIX + "/employees/" + employee, body), status, reason, message);
    }

    /** Refused with the status, reason and message (null: any one line), and not a row of the books changed. */
    private void refused(Callable<ApiFixture.Response> call, int status, String reason, String message) throws Exception {
        Map<String, String> before = state();
        ApiFixture.Response response = call.call();
        assertThat(response.reason(status)).as(response.body().toString()).isEqualTo(reason);
        String said = response.body().at("/error/message").asText();
        assertThat(said).doesNotContain("\n");
        if (message != null) {
            assertThat(said).isEqualTo(message);
        }
        assertThat(state()).as("nothing written by a refused " + message).isEqualTo(before);
    }

    /** What the workflows could change in the organization's books, summed up, so that a test can say nothing changed. */
    private Map<String, String> state() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String table : List.of("journal_entries", "journal_lines", "invoices", "invoice_lines", "payments", "payment_allocations",
                "bank_transactions", "payroll_runs", "payroll_lines")) {
            sql.append("(SELECT count(*) FROM accounting.").append(table).append(" WHERE org_id = o.id)::text AS ").append(table).append(", ");
        }
        sql.append("""
                (SELECT md5(string_agg(id::text || status || balance, ',' ORDER BY id)) FROM accounting.invoices WHERE org_id = o.id) AS invoice_balances,
                (SELECT string_agg(balance::text, ',' ORDER BY id) FROM accounting.bank_accounts WHERE org_id = o.id) AS bank_balances,
                (SELECT md5(string_agg(id::text || annual_salary || title, ',' ORDER BY id)) FROM accounting.employees WHERE org_id = o.id) AS employees
                  FROM platform.organizations o WHERE o.slug = ?""");
        Map<String, String> state = new LinkedHashMap<>();
        api.tenant.rows(sql.toString(), ORG).get(0).forEach((column, value) -> state.put(column, String.valueOf(value)));
        return state;
    }

    /** The entry's lines in order, as "code D amount" or "code C amount". */
    private List<String> entryLines(String entry) {
        return api.tenant.rows("""
                SELECT a.code, l.debit, l.credit FROM accounting.journal_lines l JOIN accounting.accounts a ON a.id = l.account_id AND a.org_id = l.org_id
                 WHERE l.entry_id = ?::uuid ORDER BY l.line_no""", entry).stream()
                .map(line -> line.get("code") + (((BigDecimal) line.get("debit")).signum() > 0 ? " D " + line.get("debit") : " C " + line.get("credit")))
                .toList();
    }

    /** After every workflow: the trial balance's sides are equal and the books pass the pack's rules. */
    private void assertBooksBalance() throws Exception {
        JsonNode trialBalance = get("/reports/trial-balance?asOf=2026-12-31");
        assertThat(money(trialBalance.get("totalDebit"))).isEqualTo(money(trialBalance.get("totalCredit")));
        ValidationResult validation = api.tenant.seedReset.validate(ORG);
        assertThat(validation.failed()).as("the books' rules after the workflow").isEmpty();
    }

    private JsonNode aged() throws Exception {
        return get("/reports/aged-receivables");
    }

    private BigDecimal agedBucket(String customer, String bucket) throws Exception {
        for (JsonNode aging : aged().get("customers")) {
            if (aging.get("customerId").asText().equals(customer)) {
                return money(aging.get("buckets").get(bucket));
            }
        }
        return money("0.00");
    }

    /** An account's balance today, on its normal side, as the chart answers it. */
    private BigDecimal balance(String code) throws Exception {
        for (JsonNode account : get("/accounts?limit=200").get("items")) {
            if (account.get("code").asText().equals(code)) {
                return money(account.get("balance"));
            }
        }
        throw new AssertionError("no account " + code);
    }

    private BigDecimal bankBalance(String bank) {
        return money(one(api, "SELECT balance::text FROM accounting.bank_accounts WHERE id = ?::uuid", bank));
    }

    private String customer(String name) {
        return idOf(api, ORG, "accounting.customers", "name", name);
    }

    private String invoice(String number) {
        return idOf(api, ORG, "accounting.invoices", "invoice_number", number);
    }

    /** The highest number of the document's kind other than the document's own, as written before it. */
    private long numbersBefore(JsonNode invoice, String kind) {
        String sql = kind.equals("invoice")
                ? "SELECT max(substring(invoice_number FROM 5)::bigint)::text FROM accounting.invoices WHERE org_id = " + ORG_ID + " AND id <> ?::uuid"
                : "SELECT max(substring(entry_number FROM 4)::bigint)::text FROM accounting.journal_entries WHERE org_id = " + ORG_ID
                        + " AND id <> ?::uuid";
        return Long.parseLong(one(api, sql, ORG, kind.equals("invoice") ? invoice.get("id").asText() : invoice.get("entryId").asText()));
    }

    private static long numberAfter(String number) {
        return Long.parseLong(number.replaceAll("\\D", ""));
    }

    private static String next(String prefix, long highest) {
        return String.format("%s%06d", prefix, highest + 1);
    }

    private static List<String> texts(JsonNode array, String field) {
        return AccountingApi.texts(array, field);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(key);
        return changed;
    }
}
