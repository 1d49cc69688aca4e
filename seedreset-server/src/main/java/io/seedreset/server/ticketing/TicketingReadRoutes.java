package io.seedreset.server.ticketing;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.ticketing.DoorScanner;
import io.seedreset.platform.ticketing.EventCategory;
import io.seedreset.platform.ticketing.EventQueries;
import io.seedreset.platform.ticketing.EventSales;
import io.seedreset.platform.ticketing.EventStatus;
import io.seedreset.platform.ticketing.OrderQueries;
import io.seedreset.platform.ticketing.OrderStatus;
import io.seedreset.platform.ticketing.PromoCode;
import io.seedreset.platform.ticketing.PromoCodeQueries;
import io.seedreset.platform.ticketing.SalesReports;
import io.seedreset.platform.ticketing.ScannerQueries;
import io.seedreset.platform.ticketing.Ticket;
import io.seedreset.platform.ticketing.TicketOrder;
import io.seedreset.platform.ticketing.TicketQueries;
import io.seedreset.platform.ticketing.TicketStatus;
import io.seedreset.platform.ticketing.TicketedEvent;
import io.seedreset.platform.ticketing.Venue;
import io.seedreset.platform.ticketing.VenueQueries;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.Page;
import io.seedreset.server.QueryParams;
import io.seedreset.server.Reads;
import java.util.List;
import javax.sql.DataSource;

/**
 * The ticketing module's reads. Each answers for the signed-in ticketing account, in its organization
 * and as far as its role sees (io.seedreset.platform.ticketing decides): a row it may not see answers 404
 * like a missing one, a kind of row its role never reads 403, and a person who is not a ticketing
 * account (an agency person) 403 on every route.
 */
final class TicketingReadRoutes {

    private static final String EVENTS = "/api/v1/ticketing/events";
    private static final String EVENT = "/api/v1/ticketing/events/{id}";
    private static final String EVENT_SALES = "/api/v1/ticketing/events/{id}/sales";
    private static final String VENUES = "/api/v1/ticketing/venues";
    private static final String VENUE = "/api/v1/ticketing/venues/{id}";
    private static final String ORDERS = "/api/v1/ticketing/orders";
    private static final String ORDER = "/api/v1/ticketing/orders/{id}";
    private static final String TICKETS = "/api/v1/ticketing/tickets";
    private static final String TICKET = "/api/v1/ticketing/tickets/{id}";
    private static final String PROMO_CODES = "/api/v1/ticketing/promo-codes";
    private static final String SCANNERS = "/api/v1/ticketing/scanners";
    private static final String SCANNER = "/api/v1/ticketing/scanners/{id}";

    private static final String TAG = "ticketing";
    private static final String OFFSET = "Items to skip (default 0)";
    private static final String LIMIT = "Items per page, 1-200 (default 50)";
    private static final String BAD_PARAMETER = "bad_parameter: a filter or paging value the route does not take";
    private static final String FORBIDDEN = "forbidden: the caller is not a ticketing account, or their role does not read these";
    private static final String NOT_FOUND = "not_found: no such row in the caller's organization, or not one the caller may see";

    private final EventQueries events;
    private final VenueQueries venues;
    private final OrderQueries orders;
    private final TicketQueries tickets;
    private final PromoCodeQueries promoCodes;
    private final SalesReports sales;
    private final ScannerQueries scanners;

    TicketingReadRoutes(DataSource dataSource) {
        this.events = new EventQueries(dataSource);
        this.venues = new VenueQueries(dataSource);
        this.orders = new OrderQueries(dataSource);
        this.tickets = new TicketQueries(dataSource);
        this.promoCodes = new PromoCodeQueries(dataSource);
        this.sales = new SalesReports(dataSource);
        this.scanners = new ScannerQueries(dataSource);
    }

    void routes(Javalin app) {
        app.get(EVENTS, TicketingModule.refusing(this::events));
        app.get(EVENT, TicketingModule.refusing(this::event));
        app.get(EVENT_SALES, TicketingModule.refusing(this::eventSales));
        app.get(VENUES, TicketingModule.refusing(this::venues));
        app.get(VENUE, TicketingModule.refusing(this::venue));
        app.get(ORDERS, TicketingModule.refusing(this::orders));
        app.get(ORDER, TicketingModule.refusing(this::order));
        app.get(TICKETS, TicketingModule.refusing(this::tickets));
        app.get(TICKET, TicketingModule.refusing(this::ticket));
        app.get(PROMO_CODES, TicketingModule.refusing(this::promoCodes));
        app.get(SCANNERS, TicketingModule.refusing(this::scanners));
        app.get(SCANNER, TicketingModule.refusing(this::scanner));
    }

    // The lists answer Page<T>; these records describe it for each item type, as the description cannot say Page<T>.

    /** A page of events. */
    record EventPage(List<TicketedEvent> items, Page.Paging paging) {
    }

    /** A page of venues. */
    record VenuePage(List<Venue> items, Page.Paging paging) {
    }

    /** A page of orders. */
    record OrderPage(List<TicketOrder> items, Page.Paging paging) {
    }

    /** A page of tickets. */
    record TicketPage(List<Ticket> items, Page.Paging paging) {
    }

    /** A page of promo codes. */
    record PromoCodePage(List<PromoCode> items, Page.Paging paging) {
    }

    /** A page of door scanners. */
    record DoorScannerPage(List<DoorScanner> items, Page.Paging paging) {
    }

    @OpenApi(path = EVENTS, methods = HttpMethod.GET, operationId = "ticketingEvents", tags = TAG,
            summary = "Events, by start time",
            description = "Every event of the organization but the drafts, which only the promoting company's promoters and the admins see;"
                    + " each with its venue, promoter and ticket types.",
            queryParams = {
                    @OpenApiParam(name = "status", description = "Only events in this status: DRAFT, PUBLISHED, ON_SALE, SOLD_OUT, COMPLETED, CANCELLED"),
                    @OpenApiParam(name = "category", description = "Only events of this category: CONCERT, SPORTS, THEATER, COMEDY, CONFERENCE, FESTIVAL"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = EventPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void events(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> events.list(person, QueryParams.oneOf(ctx, "status", EventStatus.class),
                QueryParams.oneOf(ctx, "category", EventCategory.class), page.offset(), page.limit()));
    }

    @OpenApi(path = EVENT, methods = HttpMethod.GET, operationId = "ticketingEvent", tags = TAG,
            summary = "One event, with its ticket types",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The event's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = TicketedEvent.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND + " (another company's draft)",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void event(Context ctx) throws Exception {
        Reads.one(ctx, "event", events::find);
    }

    @OpenApi(path = EVENT_SALES, methods = HttpMethod.GET, operationId = "ticketingEventSales", tags = TAG,
            summary = "An event's sales: per tier, per day, in all",
            description = "For the admins and the promoters of the event's company. The inventory (quantitySold, sellThrough) counts"
                    + " every channel; ticketsSold, orders and the money count the paid online orders, and add up: the tiers' and the"
                    + " days' tickets and revenue (face value) sum to the totals'. Days are the event's calendar days.",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The event's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = EventSales.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN + " (customers and scanners)",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND + " (another company's event, for a promoter)",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void eventSales(Context ctx) throws Exception {
        Reads.one(ctx, "event", sales::of);
    }

    @OpenApi(path = VENUES, methods = HttpMethod.GET, operationId = "ticketingVenues", tags = TAG,
            summary = "Venues, by name",
            queryParams = {
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = VenuePage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void venues(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> venues.list(person, page.offset(), page.limit()));
    }

    @OpenApi(path = VENUE, methods = HttpMethod.GET, operationId = "ticketingVenue", tags = TAG,
            summary = "One venue",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The venue's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Venue.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void venue(Context ctx) throws Exception {
        Reads.one(ctx, "venue", venues::find);
    }

    @OpenApi(path = ORDERS, methods = HttpMethod.GET, operationId = "ticketingOrders", tags = TAG,
            summary = "Orders, newest first, with their lines",
            description = "A customer's own orders; a promoter's, those of their company's events; an admin's, every one. Scanners: 403.",
            queryParams = {
                    @OpenApiParam(name = "status", description = "Only orders in this status: PENDING, PAID, CANCELLED, REFUNDED"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = OrderPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN + " (scanners)", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void orders(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> orders.list(person, QueryParams.oneOf(ctx, "status", OrderStatus.class), page.offset(), page.limit()));
    }

    @OpenApi(path = ORDER, methods = HttpMethod.GET, operationId = "ticketingOrder", tags = TAG,
            summary = "One order, with its lines",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The order's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = TicketOrder.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN + " (scanners)", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND + " (another customer's order)",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void order(Context ctx) throws Exception {
        Reads.one(ctx, "order", orders::find);
    }

    @OpenApi(path = TICKETS, methods = HttpMethod.GET, operationId = "ticketingTickets", tags = TAG,
            summary = "The caller's tickets, by event start",
            description = "The tickets the caller holds: bought, or passed on to them. A ticket the caller passed on is its new holder's.",
            queryParams = {
                    @OpenApiParam(name = "status", description = "Only tickets in this status: VALID, USED, TRANSFERRED, CANCELLED"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = TicketPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void tickets(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> tickets.list(person, QueryParams.oneOf(ctx, "status", TicketStatus.class), page.offset(), page.limit()));
    }

    @OpenApi(path = TICKET, methods = HttpMethod.GET, operationId = "ticketingTicket", tags = TAG,
            summary = "One of the caller's tickets",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The ticket's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Ticket.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND + " (a ticket someone else holds)",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void ticket(Context ctx) throws Exception {
        Reads.one(ctx, "ticket", tickets::find);
    }

    @OpenApi(path = PROMO_CODES, methods = HttpMethod.GET, operationId = "ticketingPromoCodes", tags = TAG,
            summary = "Promo codes, by code",
            description = "For staff: an admin reads every code; a promoter the codes of their company's events and those for every event."
                    + " Customers and scanners: 403.",
            queryParams = {
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PromoCodePage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN + " (customers and scanners)",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void promoCodes(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> promoCodes.list(person, page.offset(), page.limit()));
    }

    @OpenApi(path = SCANNERS, methods = HttpMethod.GET, operationId = "ticketingScanners", tags = TAG,
            summary = "Door scanners, by their event's start, then name",
            description = "The devices POST /api/v1/ticketing/scanners/{id}/scan takes, each with the event it checks in for (none: it scans"
                    + " nothing). Scanners and promoters read their company's devices, admins every one. Customers: 403.",
            queryParams = {
                    @OpenApiParam(name = "eventId", description = "Only the devices assigned to this event"),
                    @OpenApiParam(name = "active", type = Boolean.class, description = "Only the devices switched on (true) or off (false)"),
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = DoorScannerPage.class)),
                    @OpenApiResponse(status = "400", description = BAD_PARAMETER, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN + " (customers)", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void scanners(Context ctx) throws Exception {
        Reads.page(ctx, (person, page) -> scanners.list(person, QueryParams.id(ctx, "eventId"), QueryParams.bool(ctx, "active"),
                page.offset(), page.limit()));
    }

    @OpenApi(path = SCANNER, methods = HttpMethod.GET, operationId = "ticketingScanner", tags = TAG,
            summary = "One door scanner, with its event",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The scanner's id"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = DoorScanner.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN + " (customers)", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND + " (another company's device, but for an admin)",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void scanner(Context ctx) throws Exception {
        Reads.one(ctx, "scanner", scanners::find);
    }
}
