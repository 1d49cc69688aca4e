package io.seedreset.server.accounting;

import static io.seedreset.server.accounting.AccountingModule.FORBIDDEN;
import static io.seedreset.server.accounting.AccountingModule.TAG;
import static io.seedreset.server.accounting.AccountingModule.answering;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.accounting.AgingReports;
import io.seedreset.platform.accounting.AgingReports.AgedPayables;
import io.seedreset.platform.accounting.AgingReports.AgedReceivables;
import io.seedreset.platform.accounting.BookReports;
import io.seedreset.platform.accounting.BookReports.CashReport;
import io.seedreset.platform.accounting.BookReports.ProfitAndLoss;
import io.seedreset.platform.accounting.BookReports.TrialBalance;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiException;
import io.seedreset.server.AuthRoutes;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.QueryParams;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * Accounting's reports, summed from the books (the journal's lines; for aging, the documents less their allocations),
 * never from a stored balance. A day defaults to today (UTC) by the platform's clock; a range has both ends.
 */
final class AccountingReportRoutes {

    private static final String REPORTS = "/api/v1/accounting/reports";
    private static final String TRIAL_BALANCE = REPORTS + "/trial-balance";
    private static final String PROFIT_AND_LOSS = REPORTS + "/profit-and-loss";
    private static final String AGED_RECEIVABLES = REPORTS + "/aged-receivables";
    private static final String AGED_PAYABLES = REPORTS + "/aged-payables";
    private static final String CASH = REPORTS + "/cash";

    private static final String AS_OF = "The day the report is as of, YYYY-MM-DD, its entries included (default: today, UTC)";
    private static final String BAD_DAY = "bad_parameter: asOf is not a YYYY-MM-DD day";
    private static final String BAD_RANGE = "bad_parameter: from or to is missing or not a YYYY-MM-DD day, from is after to, or the range"
            + " spans more than " + BookReports.MOST_YEARS + " years";

    private final BookReports books;
    private final AgingReports aging;

    AccountingReportRoutes(DataSource dataSource, Clock clock) {
        this.books = new BookReports(dataSource, clock);
        this.aging = new AgingReports(dataSource, clock);
    }

    void routes(Javalin app) {
        app.get(TRIAL_BALANCE, answering(this::trialBalance));
        app.get(PROFIT_AND_LOSS, answering(this::profitAndLoss));
        app.get(AGED_RECEIVABLES, answering(this::agedReceivables));
        app.get(AGED_PAYABLES, answering(this::agedPayables));
        app.get(CASH, answering(this::cash));
    }

    /** The report's range, {@code ?from&to}: both days required, from not after to, at most {@link BookReports#MOST_YEARS} years. */
    private record Range(LocalDate from, LocalDate to) {

        static Range of(Context ctx) {
            LocalDate from = required(ctx, "from");
            LocalDate to = required(ctx, "to");
            if (from.isAfter(to)) {
                throw new ApiException(400, "bad_parameter", "from " + from + " is after to " + to + ": a range starts on or before the day it ends");
            }
            if (!to.isBefore(from.plusYears(BookReports.MOST_YEARS))) {
                throw new ApiException(400, "bad_parameter", "from " + from + " to " + to + " is more than " + BookReports.MOST_YEARS
                        + " years: ask for at most " + BookReports.MOST_YEARS + " years at a time");
            }
            return new Range(from, to);
        }

        private static LocalDate required(Context ctx, String name) {
            LocalDate day = QueryParams.date(ctx, name);
            if (day == null) {
                throw new ApiException(400, "bad_parameter", name + " is required: give the range as from and to, YYYY-MM-DD");
            }
            return day;
        }
    }

    @OpenApi(path = TRIAL_BALANCE, methods = HttpMethod.GET, operationId = "accountingTrialBalance", tags = TAG,
            summary = "The trial balance as of a day",
            description = "Every account with journal lines dated up to asOf, by code, its balance (debits less credits) as a debit when above"
                    + " zero, else as a credit; totalDebit equals totalCredit when every entry balances.",
            queryParams = @OpenApiParam(name = "asOf", description = AS_OF),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = TrialBalance.class)),
                    @OpenApiResponse(status = "400", description = BAD_DAY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void trialBalance(Context ctx) throws Exception {
        ctx.json(books.trialBalance(AuthRoutes.person(ctx), QueryParams.date(ctx, "asOf")));
    }

    @OpenApi(path = PROFIT_AND_LOSS, methods = HttpMethod.GET, operationId = "accountingProfitAndLoss", tags = TAG,
            summary = "Profit and loss over a range of days",
            description = "Revenue accounts (credits less debits) and expense accounts (debits less credits) with entries dated from from to to,"
                    + " both days included, by code; their totals, and netIncome, revenue less expenses (below zero: a loss).",
            queryParams = {
                    @OpenApiParam(name = "from", required = true, description = "The range's first day, YYYY-MM-DD"),
                    @OpenApiParam(name = "to", required = true, description = "The range's last day, YYYY-MM-DD, not before from")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ProfitAndLoss.class)),
                    @OpenApiResponse(status = "400", description = BAD_RANGE, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void profitAndLoss(Context ctx) throws Exception {
        Range range = Range.of(ctx);
        ctx.json(books.profitAndLoss(AuthRoutes.person(ctx), range.from(), range.to()));
    }

    @OpenApi(path = AGED_RECEIVABLES, methods = HttpMethod.GET, operationId = "accountingAgedReceivables", tags = TAG,
            summary = "Aged receivables as of a day, by customer",
            description = "Every invoice issued by asOf, neither a draft nor void, that still owed something that day (its total less the"
                    + " allocations dated up to it), by customer name, soonest due first; each in a bucket by days past due on asOf:"
                    + " current (not yet due), 1-30, 31-60, 61-90, 90+. Sums per customer and in all.",
            queryParams = @OpenApiParam(name = "asOf", description = AS_OF),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = AgedReceivables.class)),
                    @OpenApiResponse(status = "400", description = BAD_DAY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void agedReceivables(Context ctx) throws Exception {
        ctx.json(aging.receivables(AuthRoutes.person(ctx), QueryParams.date(ctx, "asOf")));
    }

    @OpenApi(path = AGED_PAYABLES, methods = HttpMethod.GET, operationId = "accountingAgedPayables", tags = TAG,
            summary = "Aged payables as of a day, by supplier",
            description = "Every bill issued by asOf, neither a draft nor void, that still owed something that day (its total less the"
                    + " allocations dated up to it), by supplier name, soonest due first; each in a bucket by days past due on asOf:"
                    + " current (not yet due), 1-30, 31-60, 61-90, 90+. Sums per supplier and in all.",
            queryParams = @OpenApiParam(name = "asOf", description = AS_OF),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = AgedPayables.class)),
                    @OpenApiResponse(status = "400", description = BAD_DAY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void agedPayables(Context ctx) throws Exception {
        ctx.json(aging.payables(AuthRoutes.person(ctx), QueryParams.date(ctx, "asOf")));
    }

    @OpenApi(path = CASH, methods = HttpMethod.GET, operationId = "accountingCash", tags = TAG,
            summary = "Cash over a range of days: per bank account and per month",
            description = "From the journal lines of the bank accounts' cash accounts: for each bank account, what it held before from"
                    + " (opening), what came in (debits) and went out (credits) from from to to, both days included, and what it held after"
                    + " (closing); the same for all of them month by month (the first and last months cut to the range), and in all. The"
                    + " entry the books open with (source OPENING) counts in the opening, never as money in.",
            queryParams = {
                    @OpenApiParam(name = "from", required = true, description = "The range's first day, YYYY-MM-DD"),
                    @OpenApiParam(name = "to", required = true, description = "The range's last day, YYYY-MM-DD, not before from")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = CashReport.class)),
                    @OpenApiResponse(status = "400", description = BAD_RANGE, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void cash(Context ctx) throws Exception {
        Range range = Range.of(ctx);
        ctx.json(books.cash(AuthRoutes.person(ctx), range.from(), range.to()));
    }
}
