package io.seedreset.server.agency;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.agency.Budgets;
import io.seedreset.platform.agency.Budgets.Budget;
import io.seedreset.platform.agency.Budgets.BudgetWithLines;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiModule;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.Page;
import io.seedreset.server.QueryParams;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Module {@code budget}: production budgets, priced line by line from vendor quotes. */
public final class BudgetModule implements ApiModule {

    private static final String BUDGETS = "/api/v1/budget/budgets";
    private static final String BUDGET = BUDGETS + "/{id}";

    /** A page of budgets, as {@link Page} writes it (the description cannot name a generic type's argument). */
    record BudgetPage(List<Budget> items, Page.Paging paging) {
    }

    private final Budgets budgets;

    public BudgetModule(DataSource dataSource) {
        this.budgets = new Budgets(dataSource);
    }

    @Override
    public String name() {
        return "budget";
    }

    @Override
    public void routes(Javalin app) {
        app.get(BUDGETS, this::budgets);
        app.get(BUDGET, this::budget);
    }

    @OpenApi(path = BUDGETS, methods = HttpMethod.GET, operationId = "budgets", tags = "budget",
            summary = "The agency's budgets, in the order they were drawn up, without their lines",
            queryParams = {
                    @OpenApiParam(name = "status", description = "Only this status: draft, submitted or approved"),
                    @OpenApiParam(name = "eventId", description = "Only the budgets of this event"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = AgencyRequests.OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = AgencyRequests.LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = BudgetPage.class)),
                    @OpenApiResponse(status = "400", description = AgencyRequests.BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void budgets(Context ctx) throws SQLException {
        AgencyRequests.page(ctx, (organization, offset, limit) -> budgets.list(organization,
                AgencyRequests.oneOf(ctx, "status", Budgets.STATUSES), QueryParams.id(ctx, "eventId"), offset, limit));
    }

    @OpenApi(path = BUDGET, methods = HttpMethod.GET, operationId = "budget", tags = "budget",
            summary = "One budget with its lines, largest first",
            description = "The lines' amounts add up to the budget's total, and each line's amount is its quantity times its unit cost.",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The budget's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = BudgetWithLines.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = AgencyRequests.NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void budget(Context ctx) throws SQLException {
        AgencyRequests.one(ctx, "budget", budgets::byId);
    }
}
