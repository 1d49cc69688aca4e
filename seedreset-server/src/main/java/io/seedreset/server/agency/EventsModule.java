package io.seedreset.server.agency;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.agency.Events;
import io.seedreset.platform.agency.Events.AgencyEvent;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiModule;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.Page;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Module {@code events}: the events the agency runs for its clients. */
public final class EventsModule implements ApiModule {

    private static final String EVENTS = "/api/v1/events/events";
    private static final String EVENT = EVENTS + "/{id}";

    /** A page of events, as {@link Page} writes it (the description cannot name a generic type's argument). */
    record AgencyEventPage(List<AgencyEvent> items, Page.Paging paging) {
    }

    private final Events events;

    public EventsModule(DataSource dataSource) {
        this.events = new Events(dataSource);
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public void routes(Javalin app) {
        app.get(EVENTS, this::events);
        app.get(EVENT, this::event);
    }

    @OpenApi(path = EVENTS, methods = HttpMethod.GET, operationId = "agencyEvents", tags = "events",
            summary = "The agency's events, soonest first",
            queryParams = {
                    @OpenApiParam(name = "status", description = "Only this status: inquiry, planning, confirmed, completed or cancelled"),
                    @OpenApiParam(name = "type", description = "Only this type: conference, gala, product_launch, offsite, wedding, "
                            + "festival or trade_show"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = AgencyRequests.OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = AgencyRequests.LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = AgencyEventPage.class)),
                    @OpenApiResponse(status = "400", description = AgencyRequests.BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void events(Context ctx) throws SQLException {
        AgencyRequests.page(ctx, (organization, offset, limit) -> events.list(organization,
                AgencyRequests.oneOf(ctx, "status", Events.STATUSES), AgencyRequests.oneOf(ctx, "type", Events.TYPES), offset, limit));
    }

    @OpenApi(path = EVENT, methods = HttpMethod.GET, operationId = "agencyEvent", tags = "events",
            summary = "One event",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The event's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = AgencyEvent.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = AgencyRequests.NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void event(Context ctx) throws SQLException {
        AgencyRequests.one(ctx, "event", events::byId);
    }
}
