package io.seedreset.server.agency;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.agency.Vendors;
import io.seedreset.platform.agency.Vendors.Vendor;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiModule;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.Page;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Module {@code suppliers}: the agency's vendor roster. */
public final class SuppliersModule implements ApiModule {

    private static final String VENDORS = "/api/v1/suppliers/vendors";
    private static final String VENDOR = VENDORS + "/{id}";

    /** A page of vendors, as {@link Page} writes it (the description cannot name a generic type's argument). */
    record VendorPage(List<Vendor> items, Page.Paging paging) {
    }

    private final Vendors vendors;

    public SuppliersModule(DataSource dataSource) {
        this.vendors = new Vendors(dataSource);
    }

    @Override
    public String name() {
        return "suppliers";
    }

    @Override
    public void routes(Javalin app) {
        app.get(VENDORS, this::vendors);
        app.get(VENDOR, this::vendor);
    }

    @OpenApi(path = VENDORS, methods = HttpMethod.GET, operationId = "vendors", tags = "suppliers",
            summary = "The agency's vendors, by name",
            queryParams = {
                    @OpenApiParam(name = "category", description = "Only this category: catering, audio_visual, staging, florals, "
                            + "photography, transportation, security, entertainment, staffing, printing, airline, lodging, tour_operator, "
                            + "professional_services or office"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = AgencyRequests.OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = AgencyRequests.LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = VendorPage.class)),
                    @OpenApiResponse(status = "400", description = AgencyRequests.BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void vendors(Context ctx) throws SQLException {
        AgencyRequests.page(ctx, (organization, offset, limit) ->
                vendors.list(organization, AgencyRequests.oneOf(ctx, "category", Vendors.CATEGORIES), offset, limit));
    }

    @OpenApi(path = VENDOR, methods = HttpMethod.GET, operationId = "vendor", tags = "suppliers",
            summary = "One vendor",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The vendor's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Vendor.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = AgencyRequests.NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void vendor(Context ctx) throws SQLException {
        AgencyRequests.one(ctx, "vendor", vendors::byId);
    }
}
