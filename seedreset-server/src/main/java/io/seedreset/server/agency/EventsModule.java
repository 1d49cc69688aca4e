package io.seedreset.server.agency;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.agency.Events;
import io.seedreset.platform.agency.Events.AgencyEvent;
import io.seedreset.platform.uploads.Attachment;
import io.seedreset.platform.uploads.Uploads.Upload;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiModule;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.Page;
import io.seedreset.server.UploadRequests;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Module {@code events}: the events the agency runs for its clients, and their images. */
public final class EventsModule implements ApiModule {

    private static final String EVENTS = "/api/v1/events/events";
    private static final String EVENT = EVENTS + "/{id}";
    private static final String IMAGES = EVENT + "/images";
    private static final String IMAGE = IMAGES + "/{uploadId}";
    private static final String UPLOADERS = "forbidden: a ticketing account, or (uploading) a person who is not the agency's owner or a planner";

    /** A page of events, as {@link Page} writes it (the description cannot name a generic type's argument). */
    record AgencyEventPage(List<AgencyEvent> items, Page.Paging paging) {
    }

    /** A page of an event's images, as {@link Page} writes it. */
    record EventImagePage(List<Upload> items, Page.Paging paging) {
    }

    private final Events events;
    private final UploadRequests uploads;

    public EventsModule(DataSource dataSource, UploadRequests uploads) {
        this.events = new Events(dataSource);
        this.uploads = uploads;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public void routes(Javalin app) {
        app.get(EVENTS, this::events);
        app.get(EVENT, this::event);
        app.post(IMAGES, this::uploadImage);
        app.get(IMAGES, this::images);
        app.get(IMAGE, this::image);
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

    @OpenApi(path = IMAGES, methods = HttpMethod.POST, operationId = "uploadEventImage", tags = "events",
            summary = "Upload an image of an event: the raw body, its type in Content-Type",
            description = "The agency's owner and planners upload; JPEG, PNG, WebP or GIF, at most 5 MiB, the bytes of the type they claim.",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The event's id"),
            queryParams = @OpenApiParam(name = "filename", description = UploadRequests.FILENAME),
            requestBody = @OpenApiRequestBody(required = true, content = {
                    @OpenApiContent(mimeType = "image/jpeg", type = "string", format = "binary"),
                    @OpenApiContent(mimeType = "image/png", type = "string", format = "binary"),
                    @OpenApiContent(mimeType = "image/webp", type = "string", format = "binary"),
                    @OpenApiContent(mimeType = "image/gif", type = "string", format = "binary")}),
            responses = {
                    @OpenApiResponse(status = "201", content = @OpenApiContent(from = Upload.class)),
                    @OpenApiResponse(status = "400", description = UploadRequests.INVALID, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = UPLOADERS, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = AgencyRequests.NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "413", description = UploadRequests.TOO_LARGE, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "415", description = UploadRequests.UNSUPPORTED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void uploadImage(Context ctx) throws SQLException, IOException {
        uploads.upload(ctx, Attachment.EVENT_IMAGE);
    }

    @OpenApi(path = IMAGES, methods = HttpMethod.GET, operationId = "eventImages", tags = "events",
            summary = "An event's images, oldest first",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The event's id"),
            queryParams = {
                    @OpenApiParam(name = "offset", type = Integer.class, description = AgencyRequests.OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = AgencyRequests.LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = EventImagePage.class)),
                    @OpenApiResponse(status = "400", description = AgencyRequests.BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = AgencyRequests.NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void images(Context ctx) throws SQLException, IOException {
        uploads.list(ctx, Attachment.EVENT_IMAGE);
    }

    @OpenApi(path = IMAGE, methods = HttpMethod.GET, operationId = "eventImage", tags = "events",
            summary = "Download one of an event's images: its bytes, with the type it was uploaded as",
            pathParams = {
                    @OpenApiParam(name = "id", required = true, description = "The event's id"),
                    @OpenApiParam(name = "uploadId", required = true, description = "The image's id")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = {
                            @OpenApiContent(mimeType = "image/jpeg", type = "string", format = "binary"),
                            @OpenApiContent(mimeType = "image/png", type = "string", format = "binary"),
                            @OpenApiContent(mimeType = "image/webp", type = "string", format = "binary"),
                            @OpenApiContent(mimeType = "image/gif", type = "string", format = "binary")}),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = AgencyRequests.NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void image(Context ctx) throws SQLException, IOException {
        uploads.download(ctx, Attachment.EVENT_IMAGE);
    }
}
