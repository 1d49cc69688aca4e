package io.seedreset.server.agency;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.agency.WorkOrders;
import io.seedreset.platform.agency.WorkOrders.WorkOrder;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiModule;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.Page;
import io.seedreset.server.QueryParams;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Module {@code dispatch}: vendor crews sent to events. */
public final class DispatchModule implements ApiModule {

    private static final String WORK_ORDERS = "/api/v1/dispatch/work-orders";
    private static final String WORK_ORDER = WORK_ORDERS + "/{id}";

    /** A page of work orders, as {@link Page} writes it (the description cannot name a generic type's argument). */
    record WorkOrderPage(List<WorkOrder> items, Page.Paging paging) {
    }

    private final WorkOrders workOrders;

    public DispatchModule(DataSource dataSource) {
        this.workOrders = new WorkOrders(dataSource);
    }

    @Override
    public String name() {
        return "dispatch";
    }

    @Override
    public void routes(Javalin app) {
        app.get(WORK_ORDERS, this::workOrders);
        app.get(WORK_ORDER, this::workOrder);
    }

    @OpenApi(path = WORK_ORDERS, methods = HttpMethod.GET, operationId = "workOrders", tags = "dispatch",
            summary = "The agency's work orders, in the order they are due",
            queryParams = {
                    @OpenApiParam(name = "status", description = "Only this status: scheduled, dispatched, completed or cancelled"),
                    @OpenApiParam(name = "eventId", description = "Only the work orders of this event"),
                    @OpenApiParam(name = "vendorId", description = "Only this vendor's work orders"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = AgencyRequests.OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = AgencyRequests.LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = WorkOrderPage.class)),
                    @OpenApiResponse(status = "400", description = AgencyRequests.BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void workOrders(Context ctx) throws SQLException {
        AgencyRequests.page(ctx, (organization, offset, limit) -> workOrders.list(organization,
                AgencyRequests.oneOf(ctx, "status", WorkOrders.STATUSES), QueryParams.id(ctx, "eventId"),
                QueryParams.id(ctx, "vendorId"), offset, limit));
    }

    @OpenApi(path = WORK_ORDER, methods = HttpMethod.GET, operationId = "workOrder", tags = "dispatch",
            summary = "One work order",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The work order's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = WorkOrder.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = AgencyRequests.NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void workOrder(Context ctx) throws SQLException {
        AgencyRequests.one(ctx, "work order", workOrders::byId);
    }
}
