package io.seedreset.server.agency;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.agency.BookingRefused;
import io.seedreset.platform.agency.Reservations;
import io.seedreset.platform.agency.Reservations.Booking;
import io.seedreset.platform.agency.Reservations.Reservation;
import io.seedreset.platform.agency.Spaces;
import io.seedreset.platform.agency.Spaces.Space;
import io.seedreset.platform.identity.Person;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiException;
import io.seedreset.server.ApiModule;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.Page;
import io.seedreset.server.QueryParams;
import io.seedreset.server.RequestBodies;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Module {@code spaces}: the venue rooms the agency books, their reservations, and booking one for an event. */
public final class SpacesModule implements ApiModule {

    private static final String SPACES = "/api/v1/spaces/spaces";
    private static final String SPACE = SPACES + "/{id}";
    private static final String RESERVATIONS = "/api/v1/spaces/reservations";
    private static final String RESERVATION = RESERVATIONS + "/{id}";

    /** A page of spaces, as {@link Page} writes it (the description cannot name a generic type's argument). */
    record SpacePage(List<Space> items, Page.Paging paging) {
    }

    /** A page of reservations, as {@link Page} writes it. */
    record ReservationPage(List<Reservation> items, Page.Paging paging) {
    }

    private final Spaces spaces;
    private final Reservations reservations;

    public SpacesModule(DataSource dataSource) {
        this.spaces = new Spaces(dataSource);
        this.reservations = new Reservations(dataSource);
    }

    @Override
    public String name() {
        return "spaces";
    }

    @Override
    public void routes(Javalin app) {
        app.get(SPACES, this::spaces);
        app.get(SPACE, this::space);
        app.get(RESERVATIONS, this::reservations);
        app.post(RESERVATIONS, this::book);
        app.get(RESERVATION, this::reservation);
    }

    @OpenApi(path = SPACES, methods = HttpMethod.GET, operationId = "spaces", tags = "spaces",
            summary = "The rooms the agency books, by name",
            queryParams = {
                    @OpenApiParam(name = "type", description = "Only this type: ballroom, meeting_room, terrace, studio or hall"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = AgencyRequests.OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = AgencyRequests.LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = SpacePage.class)),
                    @OpenApiResponse(status = "400", description = AgencyRequests.BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void spaces(Context ctx) throws SQLException {
        AgencyRequests.page(ctx, (organization, offset, limit) ->
                spaces.list(organization, AgencyRequests.oneOf(ctx, "type", Spaces.TYPES), offset, limit));
    }

    @OpenApi(path = SPACE, methods = HttpMethod.GET, operationId = "space", tags = "spaces",
            summary = "One room",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The space's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Space.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = AgencyRequests.NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void space(Context ctx) throws SQLException {
        AgencyRequests.one(ctx, "space", spaces::byId);
    }

    @OpenApi(path = RESERVATIONS, methods = HttpMethod.GET, operationId = "reservations", tags = "spaces",
            summary = "Rooms booked for events, in time order",
            queryParams = {
                    @OpenApiParam(name = "spaceId", description = "Only this room's reservations"),
                    @OpenApiParam(name = "eventId", description = "Only this event's reservations"),
                    @OpenApiParam(name = "status", description = "Only this status: tentative, confirmed or released"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = AgencyRequests.OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = AgencyRequests.LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ReservationPage.class)),
                    @OpenApiResponse(status = "400", description = AgencyRequests.BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void reservations(Context ctx) throws SQLException {
        AgencyRequests.page(ctx, (organization, offset, limit) -> reservations.list(organization, QueryParams.id(ctx, "spaceId"),
                QueryParams.id(ctx, "eventId"), AgencyRequests.oneOf(ctx, "status", Reservations.STATUSES), offset, limit));
    }

    @OpenApi(path = RESERVATION, methods = HttpMethod.GET, operationId = "reservation", tags = "spaces",
            summary = "One reservation",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The reservation's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Reservation.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = AgencyRequests.NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void reservation(Context ctx) throws SQLException {
        AgencyRequests.one(ctx, "reservation", reservations::byId);
    }

    @OpenApi(path = RESERVATIONS, methods = HttpMethod.POST, operationId = "bookSpace", tags = "spaces",
            summary = "Book a room for an event",
            description = "Books the room, confirmed, from startsAt until endsAt (ISO-8601 instants), within the event's own times,"
                    + " in one transaction. A room held by any reservation that is not released (tentative or confirmed) for part"
                    + " of that time is refused, naming that reservation; two bookings of one slot at once never both succeed."
                    + " The purpose is optional (the event's name when left out). Nothing is written when the booking is refused.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Booking.class)),
            responses = {
                    @OpenApiResponse(status = "201", description = "Booked", content = @OpenApiContent(from = Reservation.class)),
                    @OpenApiResponse(status = "400", description = "invalid_value: a field is missing, or endsAt is not after startsAt;"
                            + " malformed_request: not a JSON object, or a field of the wrong shape", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = AgencyRequests.NOT_AGENCY, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "not_found: the organization has no such space or event",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "space_taken: the room is held for part of that time (the message names"
                            + " the reservation, its times and status); event_cancelled: the event is cancelled",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "422", description = "outside_event: the booking starts before the event or ends after it",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void book(Context ctx) throws SQLException {
        Person person = AgencyRequests.person(ctx);
        Booking booking = complete(RequestBodies.read(ctx, Booking.class));
        try {
            Reservation booked = reservations.book(person.organizationId(), booking);
            ctx.status(201).header("Location", RESERVATIONS + "/" + booked.id()).json(booked);
        } catch (BookingRefused refused) {
            throw switch (refused.why()) {
                case NO_SPACE -> ApiException.notFound("space", booking.spaceId().toString());
                case NO_EVENT -> ApiException.notFound("event", booking.eventId().toString());
                case ENDS_BEFORE_START -> new ApiException(400, "invalid_value", refused.getMessage());
                case EVENT_CANCELLED -> new ApiException(409, "event_cancelled", refused.getMessage());
                case SPACE_TAKEN -> new ApiException(409, "space_taken", refused.getMessage());
                case OUTSIDE_EVENT -> new ApiException(422, "outside_event", refused.getMessage());
            };
        }
    }

    /** The booking, when every required field is there and the purpose, if any, says something; otherwise 400 naming the field. */
    private static Booking complete(Booking booking) {
        require(booking.spaceId(), "spaceId");
        require(booking.eventId(), "eventId");
        require(booking.startsAt(), "startsAt");
        require(booking.endsAt(), "endsAt");
        if (booking.purpose() != null && booking.purpose().isBlank()) {
            throw new ApiException(400, "invalid_value", "purpose is blank: leave it out for the event's name");
        }
        return booking;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new ApiException(400, "invalid_value", field + " is required");
        }
    }
}
