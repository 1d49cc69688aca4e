package io.seedreset.server.accounting;

import static io.seedreset.server.accounting.AccountingModule.TAG;
import static io.seedreset.server.accounting.AccountingModule.answering;

import io.javalin.Javalin;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.accounting.EmployeeChanges;
import io.seedreset.platform.accounting.InvoiceIssuing;
import io.seedreset.platform.accounting.InvoiceQueries;
import io.seedreset.platform.accounting.PaymentQueries;
import io.seedreset.platform.accounting.PaymentReceiving;
import io.seedreset.platform.accounting.PayrollQueries;
import io.seedreset.platform.accounting.PayrollRunning;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiException;
import io.seedreset.server.AuthRoutes;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.PathIds;
import io.seedreset.server.RequestBodies;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Accounting's workflows over HTTP: issuing an invoice, recording a payment received, running a month's payroll and
 * changing an employee. The behaviour is the platform's ({@link InvoiceIssuing}, {@link PaymentReceiving},
 * {@link PayrollRunning}, {@link EmployeeChanges}: each one transaction, whose javadoc says what it checks, writes and
 * posts); this class reads the request, names the caller from the token, and answers the platform's result or its
 * refusal (400, 403, 404 or 409 with the refusal's reason and details).
 */
final class AccountingWorkflowRoutes {

    static final String INVOICES = "/api/v1/accounting/invoices";
    static final String PAYMENTS = "/api/v1/accounting/payments";
    static final String PAYROLL_RUNS = "/api/v1/accounting/payroll-runs";
    static final String EMPLOYEE = "/api/v1/accounting/employees/{id}";

    private static final String CLOSED_PERIOD = "period_closed: the date falls in a closed period (details: period, date);"
            + " before_books: the date is before the books start, the earliest period's first day (details: firstDay, date);"
            + " account_missing: the chart lacks an account the posting needs";

    private final InvoiceIssuing invoices;
    private final PaymentReceiving payments;
    private final PayrollRunning payroll;
    private final EmployeeChanges employees;

    AccountingWorkflowRoutes(DataSource dataSource, Clock clock) {
        this.invoices = new InvoiceIssuing(dataSource, clock);
        this.payments = new PaymentReceiving(dataSource, clock);
        this.payroll = new PayrollRunning(dataSource, clock);
        this.employees = new EmployeeChanges(dataSource);
    }

    /** An invoice to issue; issueDate, dueDate and memo may be left out. */
    record InvoiceBody(String customerId, List<InvoiceLineBody> lines, LocalDate issueDate, LocalDate dueDate, String memo) {
    }

    /** One line: quantity times unit price, credited to a revenue account (accountCode), taxed at taxRateId when given. */
    record InvoiceLineBody(String description, BigDecimal quantity, BigDecimal unitPrice, String accountCode, String taxRateId) {
    }

    /** A payment received; paidOn, reference and allocations may be left out. */
    record PaymentBody(String customerId, String bankAccountId, BigDecimal amount, LocalDate paidOn, String method, String reference,
                       List<AllocationBody> allocations) {
    }

    /** What of the payment settles one invoice. */
    record AllocationBody(String invoiceId, BigDecimal amount) {
    }

    /** The month to pay (YYYY-MM, default this month) and the day it is paid (default today). */
    record PayrollRunBody(String month, LocalDate payDate) {
    }

    /** What to change of an employee; a field left out keeps its value. */
    record EmployeeBody(BigDecimal annualSalary, String title) {
    }

    void routes(Javalin app) {
        app.post(INVOICES, answering(ctx -> {
            InvoiceBody body = RequestBodies.read(ctx, InvoiceBody.class);
            List<InvoiceIssuing.Line> lines = null;
            if (body.lines() != null) {
                lines = new ArrayList<>();
                for (int i = 0; i < body.lines().size(); i++) {
                    InvoiceLineBody line = body.lines().get(i);
                    lines.add(line == null ? null : new InvoiceIssuing.Line(line.description(), line.quantity(), line.unitPrice(),
                            line.accountCode(), RequestBodies.id(line.taxRateId(), "lines[" + i + "].taxRateId")));
                }
            }
            ctx.status(201).json(invoices.issue(AuthRoutes.person(ctx), new InvoiceIssuing.InvoiceRequest(
                    RequestBodies.id(body.customerId(), "customerId"), lines, body.issueDate(), body.dueDate(), body.memo())));
        }));
        app.post(PAYMENTS, answering(ctx -> {
            PaymentBody body = RequestBodies.read(ctx, PaymentBody.class);
            List<PaymentReceiving.Allocation> allocations = null;
            if (body.allocations() != null) {
                allocations = new ArrayList<>();
                for (int i = 0; i < body.allocations().size(); i++) {
                    AllocationBody allocation = body.allocations().get(i);
                    allocations.add(allocation == null ? null : new PaymentReceiving.Allocation(
                            RequestBodies.id(allocation.invoiceId(), "allocations[" + i + "].invoiceId"), allocation.amount()));
                }
            }
            ctx.status(201).json(payments.receive(AuthRoutes.person(ctx), new PaymentReceiving.PaymentRequest(
                    RequestBodies.id(body.customerId(), "customerId"), RequestBodies.id(body.bankAccountId(), "bankAccountId"), body.amount(),
                    body.paidOn(), body.method(), body.reference(), allocations)));
        }));
        app.post(PAYROLL_RUNS, answering(ctx -> {
            PayrollRunBody body = RequestBodies.read(ctx, PayrollRunBody.class);
            ctx.status(201).json(payroll.run(AuthRoutes.person(ctx), new PayrollRunning.PayrollRequest(month(body.month()), body.payDate())));
        }));
        app.patch(EMPLOYEE, answering(ctx -> {
            UUID employee = PathIds.uuid(ctx, "id", "employee");
            EmployeeBody body = RequestBodies.read(ctx, EmployeeBody.class);
            ctx.json(employees.change(AuthRoutes.person(ctx), employee, new EmployeeChanges.EmployeeChange(body.annualSalary(), body.title())));
        }));
    }

    /** The month in the body: null when left out, 400 when not YYYY-MM. */
    private static YearMonth month(String value) {
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "invalid_request", "month '" + value + "' is not a month: use YYYY-MM");
        }
    }

    // ---------------------------------------------------------------- the API's description

    @OpenApi(
            path = INVOICES,
            methods = HttpMethod.POST,
            operationId = "issueInvoice",
            tags = TAG,
            summary = "Issue an invoice to a customer (owner, accountants)",
            description = "The invoice is ISSUED, numbered after the latest, and posts one balanced entry numbered after the latest entry:"
                    + " Dr receivables (the account marked RECEIVABLES) the total; Cr each line's revenue account its amount; Cr each tax"
                    + " rate's account the tax. A line's amount is quantity times unitPrice, its tax the amount times the rate, each to the"
                    + " cent (halves up). issueDate defaults to today (UTC), dueDate to issueDate plus the customer's payment terms.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = InvoiceBody.class)),
            responses = {
                    @OpenApiResponse(status = "201", description = "The invoice, with its lines", content = @OpenApiContent(from = InvoiceQueries.Invoice.class)),
                    @OpenApiResponse(status = "400", description = "invalid_request: no customerId or lines, a line without description or"
                            + " accountCode, a quantity not above 0, a price below 0, an amount finer than a cent, an accountCode that is no"
                            + " active revenue account, an inactive tax rate, an issueDate after today, a dueDate before issueDate, a total of 0"
                            + RequestBodies.MALFORMED,
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = AccountingModule.FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "not_found: no customer or tax rate of the organization with this id",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = CLOSED_PERIOD, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void issueInvoiceDescription() {
        // The handler is registered in routes; this method only carries the description.
    }

    @OpenApi(
            path = PAYMENTS,
            methods = HttpMethod.POST,
            operationId = "receivePayment",
            tags = TAG,
            summary = "Record a payment received, settling all or part of a customer's invoices (owner, accountants)",
            description = "In one transaction: the payment (RECEIVED) and its allocations; each invoice's balance falls by its allocation and"
                    + " its status follows (PAID at 0, else PARTIALLY_PAID); one balanced entry: Dr the bank account's cash account the"
                    + " amount, Cr receivables what is allocated, Cr customer credits (CUSTOMER_CREDIT) the rest; the bank transaction on"
                    + " paidOn (default today, UTC) and the bank account's balance. Payments of one invoice at once settle one after the"
                    + " other: an invoice is never allocated more than it owes.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = PaymentBody.class)),
            responses = {
                    @OpenApiResponse(status = "201", description = "The payment, with its allocations", content = @OpenApiContent(from = PaymentQueries.Payment.class)),
                    @OpenApiResponse(status = "400", description = "invalid_request: no customerId, bankAccountId, amount or method, an amount not"
                            + " above 0 or finer than a cent, an allocation without invoiceId or not above 0, an invoice twice, allocations above the"
                            + " amount, paidOn after today or before the bank account opened, another customer's invoice, an invoice in another"
                            + " currency or issued after paidOn"
                            + RequestBodies.MALFORMED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = AccountingModule.FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "not_found: no customer, bank account or invoice of the organization with this id",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "over_allocation: an allocation above what the invoice still owes;"
                            + " invoice_not_open: a draft, void or paid invoice (details: invoiceId, invoiceNumber, balance); " + CLOSED_PERIOD,
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void receivePaymentDescription() {
        // The handler is registered in routes; this method only carries the description.
    }

    @OpenApi(
            path = PAYROLL_RUNS,
            methods = HttpMethod.POST,
            operationId = "runPayroll",
            tags = TAG,
            summary = "Run a month's payroll for the active employees (the owner)",
            description = "Pays a month no later than this one (UTC) and not before the books start, on a payDate from the month's first day"
                    + " to today; the active employees hired by the month's last day are paid. Each one's gross is their annual salary"
                    + " over 12; what is withheld, the gross times the share their line"
                    + " of the latest paid run that paid them withheld (for someone paid for the first time, the share the latest paid run"
                    + " withheld in all; 0.22 for a first run); the net, the rest; each to the cent. Posts one balanced entry: Dr 6000 the"
                    + " gross, Cr payroll liabilities (PAYROLL_LIABILITIES) the withholding, Cr 1000 the net, which leaves the bank account"
                    + " of account 1000 as a transaction of that entry on payDate. A run of the month prepared and not paid yet (DRAFT)"
                    + " is the one paid, its id kept and its lines worked out again.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = PayrollRunBody.class)),
            responses = {
                    @OpenApiResponse(status = "201", description = "The run, with each employee's pay",
                            content = @OpenApiContent(from = PayrollQueries.PayrollRun.class)),
                    @OpenApiResponse(status = "400", description = "invalid_request: a month not YYYY-MM or after this month, a payDate"
                            + " before the month or after today" + RequestBodies.MALFORMED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = "forbidden: only the owner runs payroll (an accountant does the books), or the"
                            + " caller keeps no books", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "payroll_already_run: the month's run is paid already (details: month, payrollRunId);"
                            + " no_active_employees: no one active hired by the month's end; before_books: the month is before the books"
                            + " start (details: firstDay, month); " + CLOSED_PERIOD, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void runPayrollDescription() {
        // The handler is registered in routes; this method only carries the description.
    }

    @OpenApi(
            path = EMPLOYEE,
            methods = HttpMethod.PATCH,
            operationId = "changeEmployee",
            tags = TAG,
            summary = "Change an employee's salary or title (the owner)",
            description = "The next payroll run pays the new salary.",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The employee's id"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = EmployeeBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", description = "The employee as changed", content = @OpenApiContent(from = PayrollQueries.Employee.class)),
                    @OpenApiResponse(status = "400", description = "invalid_request: nothing to change, a salary not above 0 or finer than a cent,"
                            + " a blank or long title" + RequestBodies.MALFORMED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = "forbidden: only the owner changes payroll (an accountant does the books), or"
                            + " the caller keeps no books", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "not_found: no employee of the organization with this id",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void changeEmployeeDescription() {
        // The handler is registered in routes; this method only carries the description.
    }
}
