package io.seedreset.server.accounting;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.seedreset.platform.workflow.WorkflowRefused;
import io.seedreset.server.ApiException;
import io.seedreset.server.ApiModule;
import io.seedreset.server.PageRequest;
import io.seedreset.server.UploadRequests;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The accounting module of the platform API, all under {@code /api/v1/accounting/}: the books' reads (the chart,
 * customers, invoices, bills, payments, bank accounts, payroll), the reports summed from the journal, and the
 * workflows (issuing an invoice, recording a payment, running payroll, changing an employee), and bills' receipts. For the organization's
 * owner and accountants ({@code identity.users} roles {@code owner}, {@code accountant}); anyone else is answered 403.
 */
public final class AccountingModule implements ApiModule {

    static final String TAG = "accounting";
    static final String OFFSET = "Rows to skip (default 0)";
    static final String LIMIT = "Rows to answer, 1-" + PageRequest.MAX_LIMIT + " (default " + PageRequest.DEFAULT_LIMIT + ")";
    static final String BAD_PARAMETER = "bad_parameter: a filter's value is not one the list knows (an unknown status, not an id, not a"
            + " YYYY-MM-DD day), or offset or limit is out of range";
    static final String FORBIDDEN = "forbidden: the caller is not the organization's owner or an accountant (a ticketing account, a person"
            + " of another role)";
    static final String NOT_FOUND = "not_found: the organization has no such row (another organization's is not found either)";

    private final AccountingReadRoutes reads;
    private final AccountingReportRoutes reports;
    private final AccountingWorkflowRoutes workflows;
    private final AccountingReceiptRoutes receipts;

    public AccountingModule(DataSource dataSource, Clock clock, UploadRequests uploads) {
        this.reads = new AccountingReadRoutes(dataSource, clock);
        this.reports = new AccountingReportRoutes(dataSource, clock);
        this.workflows = new AccountingWorkflowRoutes(dataSource, clock);
        this.receipts = new AccountingReceiptRoutes(uploads);
    }

    @Override
    public String name() {
        return "accounting";
    }

    @Override
    public void routes(Javalin app) {
        reads.routes(app);
        reports.routes(app);
        workflows.routes(app);
        receipts.routes(app);
    }

    /** The handler, with the platform's refusals (a caller who keeps no books, a workflow refused) answered as errors of the API. */
    static Handler answering(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (WorkflowRefused refused) {
                throw ApiException.of(refused);
            }
        };
    }
}
