package io.seedreset.server.accounting;

import static io.seedreset.server.accounting.AccountingModule.BAD_PARAMETER;
import static io.seedreset.server.accounting.AccountingModule.FORBIDDEN;
import static io.seedreset.server.accounting.AccountingModule.LIMIT;
import static io.seedreset.server.accounting.AccountingModule.NOT_FOUND;
import static io.seedreset.server.accounting.AccountingModule.OFFSET;
import static io.seedreset.server.accounting.AccountingModule.TAG;
import static io.seedreset.server.accounting.AccountingModule.answering;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.accounting.AccountType;
import io.seedreset.platform.accounting.BankQueries;
import io.seedreset.platform.accounting.BankQueries.BankAccount;
import io.seedreset.platform.accounting.BankQueries.BankTransaction;
import io.seedreset.platform.accounting.BankQueries.Reconciliation;
import io.seedreset.platform.accounting.BillQueries;
import io.seedreset.platform.accounting.BillQueries.Bill;
import io.seedreset.platform.accounting.BillStatus;
import io.seedreset.platform.accounting.ChartQueries;
import io.seedreset.platform.accounting.ChartQueries.Account;
import io.seedreset.platform.accounting.ChartQueries.Period;
import io.seedreset.platform.accounting.ChartQueries.TaxRate;
import io.seedreset.platform.accounting.CustomerKind;
import io.seedreset.platform.accounting.CustomerQueries;
import io.seedreset.platform.accounting.CustomerQueries.Customer;
import io.seedreset.platform.accounting.InvoiceQueries;
import io.seedreset.platform.accounting.InvoiceQueries.Invoice;
import io.seedreset.platform.accounting.InvoiceStatus;
import io.seedreset.platform.accounting.EntrySource;
import io.seedreset.platform.accounting.JournalQueries;
import io.seedreset.platform.accounting.JournalQueries.JournalEntry;
import io.seedreset.platform.accounting.PaymentDirection;
import io.seedreset.platform.accounting.PaymentQueries;
import io.seedreset.platform.accounting.PaymentQueries.Payment;
import io.seedreset.platform.accounting.PayrollQueries;
import io.seedreset.platform.accounting.PayrollQueries.Employee;
import io.seedreset.platform.accounting.PayrollQueries.PayrollRun;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiException;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.Page;
import io.seedreset.server.PathIds;
import io.seedreset.server.QueryParams;
import io.seedreset.server.Reads;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Accounting's reads: the chart, customers, invoices, bills, payments, journal entries with their lines, bank accounts
 * with their transactions and reconciliations, employees and payroll runs, a page at a time ({@code ?offset&limit}), in
 * the caller's organization.
 */
final class AccountingReadRoutes {

    private static final String PREFIX = "/api/v1/accounting";
    private static final String ACCOUNTS = PREFIX + "/accounts";
    private static final String TAX_RATES = PREFIX + "/tax-rates";
    private static final String PERIODS = PREFIX + "/periods";
    private static final String CUSTOMERS = PREFIX + "/customers";
    private static final String CUSTOMER = CUSTOMERS + "/{id}";
    private static final String INVOICES = PREFIX + "/invoices";
    private static final String INVOICE = INVOICES + "/{id}";
    private static final String BILLS = PREFIX + "/bills";
    private static final String BILL = BILLS + "/{id}";
    private static final String PAYMENTS = PREFIX + "/payments";
    private static final String PAYMENT = PAYMENTS + "/{id}";
    private static final String BANK_ACCOUNTS = PREFIX + "/bank-accounts";
    private static final String BANK_TRANSACTIONS = BANK_ACCOUNTS + "/{id}/transactions";
    private static final String RECONCILIATIONS = BANK_ACCOUNTS + "/{id}/reconciliations";
    private static final String JOURNAL_ENTRIES = PREFIX + "/journal-entries";
    private static final String JOURNAL_ENTRY = JOURNAL_ENTRIES + "/{id}";
    private static final String EMPLOYEES = PREFIX + "/employees";
    private static final String PAYROLL_RUNS = PREFIX + "/payroll-runs";

    private final ChartQueries chart;
    private final CustomerQueries customers;
    private final InvoiceQueries invoices;
    private final BillQueries bills;
    private final PaymentQueries payments;
    private final BankQueries banks;
    private final PayrollQueries payroll;
    private final JournalQueries journal;

    AccountingReadRoutes(DataSource dataSource, Clock clock) {
        this.chart = new ChartQueries(dataSource, clock);
        this.customers = new CustomerQueries(dataSource);
        this.invoices = new InvoiceQueries(dataSource, clock);
        this.bills = new BillQueries(dataSource);
        this.payments = new PaymentQueries(dataSource);
        this.banks = new BankQueries(dataSource);
        this.payroll = new PayrollQueries(dataSource);
        this.journal = new JournalQueries(dataSource);
    }

    void routes(Javalin app) {
        app.get(ACCOUNTS, answering(this::accounts));
        app.get(TAX_RATES, answering(this::taxRates));
        app.get(PERIODS, answering(this::periods));
        app.get(CUSTOMERS, answering(this::customers));
        app.get(CUSTOMER, answering(this::customer));
        app.get(INVOICES, answering(this::invoices));
        app.get(INVOICE, answering(this::invoice));
        app.get(BILLS, answering(this::bills));
        app.get(BILL, answering(this::bill));
        app.get(PAYMENTS, answering(this::payments));
        app.get(PAYMENT, answering(this::payment));
        app.get(BANK_ACCOUNTS, answering(this::bankAccounts));
        app.get(BANK_TRANSACTIONS, answering(this::bankTransactions));
        app.get(RECONCILIATIONS, answering(this::reconciliations));
        app.get(JOURNAL_ENTRIES, answering(this::journalEntries));
        app.get(JOURNAL_ENTRY, answering(this::journalEntry));
        app.get(EMPLOYEES, answering(this::employees));
        app.get(PAYROLL_RUNS, answering(this::payrollRuns));
    }

    // The lists answer Page<T>; these records describe it for each item type, as the description cannot say Page<T>.

    /** A page of accounts. */
    record AccountPage(List<Account> items, Page.Paging paging) {
    }

    /** A page of tax rates. */
    record TaxRatePage(List<TaxRate> items, Page.Paging paging) {
    }

    /** A page of reporting periods. */
    record PeriodPage(List<Period> items, Page.Paging paging) {
    }

    /** A page of customers. */
    record CustomerPage(List<Customer> items, Page.Paging paging) {
    }

    /** A page of invoices. */
    record InvoicePage(List<Invoice> items, Page.Paging paging) {
    }

    /** A page of bills. */
    record BillPage(List<Bill> items, Page.Paging paging) {
    }

    /** A page of journal entries. */
    record JournalEntryPage(List<JournalEntry> items, Page.Paging paging) {
    }

    /** A page of payments. */
    record PaymentPage(List<Payment> items, Page.Paging paging) {
    }

    /** A page of bank accounts. */
    record BankAccountPage(List<BankAccount> items, Page.Paging paging) {
    }

    /** A page of a bank account's transactions. */
    record BankTransactionPage(List<BankTransaction> items, Page.Paging paging) {
    }

    /** A page of a bank account's reconciliations. */
    record ReconciliationPage(List<Reconciliation> items, Page.Paging paging) {
    }

    /** A page of employees. */
    record EmployeePage(List<Employee> items, Page.Paging paging) {
    }

    /** A page of payroll runs. */
    record PayrollRunPage(List<PayrollRun> items, Page.Paging paging) {
    }

    @OpenApi(path = ACCOUNTS, methods = HttpMethod.GET, operationId = "accountingAccounts", tags = TAG,
            summary = "The chart of accounts, by code, with balances",
            description = "Each account's balance is the sum of its journal lines dated up to asOf, on its normal side: debits less credits"
                    + " for assets and expenses, credits less debits for liabilities, equity and revenue (a contra account's is below zero).",
            queryParams = {
                    @OpenApiParam(name = "type", description = "Only accounts of this type: ASSET, LIABILITY, EQUITY, REVENUE, EXPENSE"),
                    @OpenApiParam(name = "asOf", description = "The day the balances are as of, YYYY-MM-DD, its entries included (default: today, UTC)"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = AccountPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void accounts(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> chart.list(person, QueryParams.oneOf(ctx, "type", AccountType.class), QueryParams.date(ctx, "asOf"),
                page.offset(), page.limit()));
    }

    @OpenApi(path = TAX_RATES, methods = HttpMethod.GET, operationId = "accountingTaxRates", tags = TAG,
            summary = "The sales tax rates an invoice line may charge, by name",
            description = "An invoice line names one by taxRateId; what it collects is owed on the account accountCode.",
            queryParams = {
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = TaxRatePage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void taxRates(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> chart.taxRates(person, page.offset(), page.limit()));
    }

    @OpenApi(path = PERIODS, methods = HttpMethod.GET, operationId = "accountingPeriods", tags = TAG,
            summary = "The reporting periods, latest first, open or closed",
            description = "Nothing is posted with a date inside a CLOSED period (409 period_closed); a date no period covers is open.",
            queryParams = {
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PeriodPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void periods(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> chart.periods(person, page.offset(), page.limit()));
    }

    @OpenApi(path = CUSTOMERS, methods = HttpMethod.GET, operationId = "accountingCustomers", tags = TAG,
            summary = "Customers, by name, with what they owe",
            description = "openBalance is what the customer's issued and partly paid invoices still owe.",
            queryParams = {
                    @OpenApiParam(name = "kind", description = "Only customers of this kind: CORPORATE, GROUP, INDIVIDUAL"),
                    @OpenApiParam(name = "search", description = "Only customers whose name contains this text, ignoring case"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = CustomerPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void customers(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> customers.list(person, QueryParams.oneOf(ctx, "kind", CustomerKind.class), ctx.queryParam("search"),
                page.offset(), page.limit()));
    }

    @OpenApi(path = CUSTOMER, methods = HttpMethod.GET, operationId = "accountingCustomer", tags = TAG,
            summary = "One customer",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The customer's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Customer.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void customer(Context ctx) throws Exception {
        Reads.one(ctx, "customer", customers::find);
    }

    @OpenApi(path = INVOICES, methods = HttpMethod.GET, operationId = "accountingInvoices", tags = TAG,
            summary = "Invoices, newest first, with their lines and allocations",
            description = "By issue date, then number, newest first. balance is the total less what payments allocated to it.",
            queryParams = {
                    @OpenApiParam(name = "status", description = "Only invoices in this status: DRAFT, ISSUED, PARTIALLY_PAID, PAID, VOID"),
                    @OpenApiParam(name = "customerId", description = "Only this customer's invoices"),
                    @OpenApiParam(name = "overdue", type = Boolean.class, description = "true: only invoices issued or partly paid with a balance,"
                            + " due before today (UTC); false: every other one"),
                    @OpenApiParam(name = "issuedFrom", description = "Only invoices issued on or after this day, YYYY-MM-DD"),
                    @OpenApiParam(name = "issuedTo", description = "Only invoices issued on or before this day, YYYY-MM-DD"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = InvoicePage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void invoices(Context ctx) throws Exception {
        InvoiceQueries.Filter filter = new InvoiceQueries.Filter(QueryParams.oneOf(ctx, "status", InvoiceStatus.class),
                QueryParams.id(ctx, "customerId"), QueryParams.bool(ctx, "overdue"), QueryParams.date(ctx, "issuedFrom"),
                QueryParams.date(ctx, "issuedTo"));
        Reads.page(ctx, (person, page) -> invoices.list(person, filter, page.offset(), page.limit()));
    }

    @OpenApi(path = INVOICE, methods = HttpMethod.GET, operationId = "accountingInvoice", tags = TAG,
            summary = "One invoice, with its lines and the payments allocated to it",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The invoice's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Invoice.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void invoice(Context ctx) throws Exception {
        Reads.one(ctx, "invoice", invoices::find);
    }

    @OpenApi(path = BILLS, methods = HttpMethod.GET, operationId = "accountingBills", tags = TAG,
            summary = "Suppliers' bills, soonest due first, with their lines and allocations",
            description = "By due date, then supplier and number. balance is the total less what payments allocated to it.",
            queryParams = {
                    @OpenApiParam(name = "status", description = "Only bills in this status: DRAFT, OPEN, PARTIALLY_PAID, PAID, VOID"),
                    @OpenApiParam(name = "vendorId", description = "Only this supplier's bills (a vendor of /api/v1/suppliers/vendors)"),
                    @OpenApiParam(name = "dueBefore", description = "Only bills due before this day (not on it), YYYY-MM-DD"),
                    @OpenApiParam(name = "dueAfter", description = "Only bills due after this day (not on it), YYYY-MM-DD"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = BillPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void bills(Context ctx) throws Exception {
        BillQueries.Filter filter = new BillQueries.Filter(QueryParams.oneOf(ctx, "status", BillStatus.class), QueryParams.id(ctx, "vendorId"),
                QueryParams.date(ctx, "dueBefore"), QueryParams.date(ctx, "dueAfter"));
        Reads.page(ctx, (person, page) -> bills.list(person, filter, page.offset(), page.limit()));
    }

    @OpenApi(path = BILL, methods = HttpMethod.GET, operationId = "accountingBill", tags = TAG,
            summary = "One bill, with its lines and the payments allocated to it",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The bill's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Bill.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void bill(Context ctx) throws Exception {
        Reads.one(ctx, "bill", bills::find);
    }

    @OpenApi(path = PAYMENTS, methods = HttpMethod.GET, operationId = "accountingPayments", tags = TAG,
            summary = "Payments in and out, newest first, with what they settled",
            description = "By day paid, then number, newest first. unallocated is what a payment received settled of no invoice: the"
                    + " customer's credit.",
            queryParams = {
                    @OpenApiParam(name = "direction", description = "Only payments this way: RECEIVED, SENT, REFUND"),
                    @OpenApiParam(name = "customerId", description = "Only this customer's payments (received and refunds)"),
                    @OpenApiParam(name = "vendorId", description = "Only the payments sent to this supplier"),
                    @OpenApiParam(name = "from", description = "Only payments made on or after this day, YYYY-MM-DD"),
                    @OpenApiParam(name = "to", description = "Only payments made on or before this day, YYYY-MM-DD"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PaymentPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void payments(Context ctx) throws Exception {
        PaymentQueries.Filter filter = new PaymentQueries.Filter(QueryParams.oneOf(ctx, "direction", PaymentDirection.class),
                QueryParams.id(ctx, "customerId"), QueryParams.id(ctx, "vendorId"), QueryParams.date(ctx, "from"), QueryParams.date(ctx, "to"));
        Reads.page(ctx, (person, page) -> payments.list(person, filter, page.offset(), page.limit()));
    }

    @OpenApi(path = PAYMENT, methods = HttpMethod.GET, operationId = "accountingPayment", tags = TAG,
            summary = "One payment, with the invoices or bills it settled",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The payment's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Payment.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void payment(Context ctx) throws Exception {
        Reads.one(ctx, "payment", payments::find);
    }

    @OpenApi(path = JOURNAL_ENTRIES, methods = HttpMethod.GET, operationId = "accountingJournalEntries", tags = TAG,
            summary = "Journal entries, newest first, each with its lines",
            description = "By date, then number, newest first. Each line debits or credits one account (code and name); an entry's"
                    + " totalDebit equals its totalCredit. Every document answers the entry it posted (entryId, entryNumber).",
            queryParams = {
                    @OpenApiParam(name = "source", description = "Only entries from this source: OPENING, INVOICE, BILL, PAYMENT, PAYROLL,"
                            + " INVENTORY, BANK, ACCRUAL, DEPRECIATION, MANUAL"),
                    @OpenApiParam(name = "from", description = "Only entries dated on or after this day, YYYY-MM-DD"),
                    @OpenApiParam(name = "to", description = "Only entries dated on or before this day, YYYY-MM-DD"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = JournalEntryPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void journalEntries(Context ctx) throws Exception {
        JournalQueries.Filter filter = new JournalQueries.Filter(QueryParams.date(ctx, "from"), QueryParams.date(ctx, "to"),
                QueryParams.oneOf(ctx, "source", EntrySource.class));
        Reads.page(ctx, (person, page) -> journal.list(person, filter, page.offset(), page.limit()));
    }

    @OpenApi(path = JOURNAL_ENTRY, methods = HttpMethod.GET, operationId = "accountingJournalEntry", tags = TAG,
            summary = "One journal entry, with its lines",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The entry's id (a document's entryId)"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = JournalEntry.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void journalEntry(Context ctx) throws Exception {
        Reads.one(ctx, "journal entry", journal::find);
    }

    @OpenApi(path = BANK_ACCOUNTS, methods = HttpMethod.GET, operationId = "accountingBankAccounts", tags = TAG,
            summary = "Bank accounts, by their cash account's code",
            description = "balance is the opening balance plus the account's transactions; lastReconciledOn the latest statement reconciled.",
            queryParams = {
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = BankAccountPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void bankAccounts(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> banks.accounts(person, page.offset(), page.limit()));
    }

    @OpenApi(path = BANK_TRANSACTIONS, methods = HttpMethod.GET, operationId = "accountingBankTransactions", tags = TAG,
            summary = "A bank account's transactions, newest first",
            description = "The lines of its statements: positive in, negative out; each a payment's, or an entry's (fees, interest, payroll).",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The bank account's id"),
            queryParams = {
                    @OpenApiParam(name = "reconciled", type = Boolean.class, description = "Only transactions a reconciliation matched (true) or"
                            + " none did yet (false)"),
                    @OpenApiParam(name = "from", description = "Only transactions posted on or after this day, YYYY-MM-DD"),
                    @OpenApiParam(name = "to", description = "Only transactions posted on or before this day, YYYY-MM-DD"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = BankTransactionPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND + " (the bank account)", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void bankTransactions(Context ctx) throws Exception {
        UUID bankAccount = PathIds.uuid(ctx, "id", "bank account");
        BankQueries.Filter filter = new BankQueries.Filter(QueryParams.bool(ctx, "reconciled"), QueryParams.date(ctx, "from"),
                QueryParams.date(ctx, "to"));
        Reads.page(ctx, (person, page) -> banks.transactions(person, bankAccount, filter, page.offset(), page.limit())
                .orElseThrow(() -> ApiException.notFound("bank account", bankAccount.toString())));
    }

    @OpenApi(path = RECONCILIATIONS, methods = HttpMethod.GET, operationId = "accountingReconciliations", tags = TAG,
            summary = "A bank account's reconciliations, latest statement first",
            description = "Each statement matched against the books up to its date, with how many transactions it matched.",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The bank account's id"),
            queryParams = {
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ReconciliationPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND + " (the bank account)", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void reconciliations(Context ctx) throws Exception {
        UUID bankAccount = PathIds.uuid(ctx, "id", "bank account");
        Reads.page(ctx, (person, page) -> banks.reconciliations(person, bankAccount, page.offset(), page.limit())
                .orElseThrow(() -> ApiException.notFound("bank account", bankAccount.toString())));
    }

    @OpenApi(path = EMPLOYEES, methods = HttpMethod.GET, operationId = "accountingEmployees", tags = TAG,
            summary = "Employees, by last name",
            queryParams = {
                    @OpenApiParam(name = "active", type = Boolean.class, description = "Only employees still employed (true) or no longer (false)"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = EmployeePage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void employees(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> payroll.employees(person, QueryParams.bool(ctx, "active"), page.offset(), page.limit()));
    }

    @OpenApi(path = PAYROLL_RUNS, methods = HttpMethod.GET, operationId = "accountingPayrollRuns", tags = TAG,
            summary = "Payroll runs, latest month first, with each employee's pay",
            queryParams = {
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PayrollRunPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void payrollRuns(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> payroll.runs(person, page.offset(), page.limit()));
    }
}
