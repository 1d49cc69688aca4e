package io.seedreset.server.agency;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.agency.Deals;
import io.seedreset.platform.agency.Deals.Deal;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiModule;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.Page;
import io.seedreset.server.QueryParams;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Module {@code sales}: the pipeline of deals that sell the agency's events. */
public final class SalesModule implements ApiModule {

    private static final String DEALS = "/api/v1/sales/deals";
    private static final String DEAL = DEALS + "/{id}";

    /** A page of deals, as {@link Page} writes it (the description cannot name a generic type's argument). */
    record DealPage(List<Deal> items, Page.Paging paging) {
    }

    private final Deals deals;

    public SalesModule(DataSource dataSource) {
        this.deals = new Deals(dataSource);
    }

    @Override
    public String name() {
        return "sales";
    }

    @Override
    public void routes(Javalin app) {
        app.get(DEALS, this::deals);
        app.get(DEAL, this::deal);
    }

    @OpenApi(path = DEALS, methods = HttpMethod.GET, operationId = "deals", tags = "sales",
            summary = "The agency's deals, in the order they were opened",
            queryParams = {
                    @OpenApiParam(name = "stage", description = "Only this stage: lead, proposal, negotiation, won or lost"),
                    @OpenApiParam(name = "eventId", description = "Only the deals of this event"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = AgencyRequests.OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = AgencyRequests.LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = DealPage.class)),
                    @OpenApiResponse(status = "400", description = AgencyRequests.BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void deals(Context ctx) throws SQLException {
        AgencyRequests.page(ctx, (organization, offset, limit) -> deals.list(organization,
                AgencyRequests.oneOf(ctx, "stage", Deals.STAGES), QueryParams.id(ctx, "eventId"), offset, limit));
    }

    @OpenApi(path = DEAL, methods = HttpMethod.GET, operationId = "deal", tags = "sales",
            summary = "One deal",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The deal's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Deal.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = AgencyRequests.NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void deal(Context ctx) throws SQLException {
        AgencyRequests.one(ctx, "deal", deals::byId);
    }
}
