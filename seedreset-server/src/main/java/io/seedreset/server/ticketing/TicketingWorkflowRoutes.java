package io.seedreset.server.ticketing;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.ticketing.DoorScan;
import io.seedreset.platform.ticketing.EventDrafting;
import io.seedreset.platform.ticketing.OrderPlacement;
import io.seedreset.platform.ticketing.TicketTransfer;
import io.seedreset.platform.workflow.WorkflowRefused;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiException;
import io.seedreset.server.AuthRoutes;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.PathIds;
import io.seedreset.server.RequestBodies;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Ticketing's workflows over HTTP: a customer places an order, a holder passes a ticket on, a door scanner
 * checks a ticket in, a promoter drafts an event and adds its tiers. The behaviour is the platform's
 * ({@link OrderPlacement}, {@link TicketTransfer}, {@link DoorScan}, {@link EventDrafting}: each one
 * transaction, whose javadoc says what it checks and writes); this class reads the request, names the caller
 * from the token, and answers the platform's result or its refusal ({@link WorkflowRefused}: 400, 403, 404,
 * 409 or 422 with the refusal's reason and details).
 */
public final class TicketingWorkflowRoutes {

    static final String ORDERS = "/api/v1/ticketing/orders";
    static final String TRANSFER = "/api/v1/ticketing/tickets/{id}/transfer";
    static final String SCAN = "/api/v1/ticketing/scanners/{id}/scan";
    static final String EVENTS = "/api/v1/ticketing/events";
    static final String TICKET_TYPES = "/api/v1/ticketing/events/{id}/ticket-types";

    private final OrderPlacement orders;
    private final TicketTransfer transfers;
    private final DoorScan doors;
    private final EventDrafting drafting;

    public TicketingWorkflowRoutes(DataSource dataSource, Clock clock) {
        this.orders = new OrderPlacement(dataSource, clock);
        this.transfers = new TicketTransfer(dataSource, clock);
        this.doors = new DoorScan(dataSource, clock);
        this.drafting = new EventDrafting(dataSource, clock);
    }

    /** An order's body: ticket types and quantities, and a promo code or none. */
    record OrderBody(List<OrderItemBody> items, String promoCode) {
    }

    record OrderItemBody(String ticketTypeId, Integer quantity) {
    }

    /** Who the ticket goes to: an email, and for someone without an account here, optionally their name. */
    record TransferBody(String email, String name) {
    }

    record ScanBody(String barcode) {
    }

    /** An event to draft; salesStart, salesEnd, capacity, description and tags may be left out. */
    record EventBody(String name, String venueId, String category, Instant startsAt, Instant endsAt, Instant salesStart, Instant salesEnd,
                     Integer capacity, String description, List<String> tags) {
    }

    /** A tier to add: EARLY_BIRD, GENERAL or VIP. */
    record TicketTypeBody(String tier, String name, BigDecimal price, Integer quantity) {
    }

    public void routes(Javalin app) {
        app.post(ORDERS, answering(ctx -> {
            OrderBody body = RequestBodies.read(ctx, OrderBody.class);
            List<OrderPlacement.Line> lines = null;
            if (body.items() != null) {
                lines = new ArrayList<>();
                for (int i = 0; i < body.items().size(); i++) {
                    OrderItemBody item = body.items().get(i);
                    lines.add(item == null ? null : new OrderPlacement.Line(RequestBodies.id(item.ticketTypeId(), "items[" + i + "].ticketTypeId"), item.quantity()));
                }
            }
            ctx.status(201).json(orders.place(AuthRoutes.person(ctx), new OrderPlacement.OrderRequest(lines, body.promoCode())));
        }));
        app.post(TRANSFER, answering(ctx -> {
            UUID ticket = PathIds.uuid(ctx, "id", "ticket");
            TransferBody body = RequestBodies.read(ctx, TransferBody.class);
            ctx.json(transfers.transfer(AuthRoutes.person(ctx), ticket, body.email(), body.name()));
        }));
        app.post(SCAN, answering(ctx -> {
            UUID scanner = PathIds.uuid(ctx, "id", "scanner");
            DoorScan.Scan scan = doors.scan(AuthRoutes.person(ctx), scanner, RequestBodies.read(ctx, ScanBody.class).barcode());
            if (!scan.result().equals("ACCEPTED")) {
                // Committed already: the log row stays, whatever the door is told.
                Map<String, String> details = new TreeMap<>(Map.of("result", scan.result(), "barcode", scan.barcode()));
                if (scan.ticketId() != null) {
                    details.put("ticketId", scan.ticketId().toString());
                    details.put("scanLogId", scan.scanLogId().toString());
                }
                throw new ApiException(409, scan.reason(), scan.message(), Map.of(), details);
            }
            ctx.json(scan);
        }));
        app.post(EVENTS, answering(ctx -> {
            EventBody body = RequestBodies.read(ctx, EventBody.class);
            ctx.status(201).json(drafting.draft(AuthRoutes.person(ctx), new EventDrafting.EventDraft(body.name(), RequestBodies.id(body.venueId(), "venueId"),
                    body.category(), body.startsAt(), body.endsAt(), body.salesStart(), body.salesEnd(), body.capacity(), body.description(),
                    body.tags())));
        }));
        app.post(TICKET_TYPES, answering(ctx -> {
            UUID event = PathIds.uuid(ctx, "id", "event");
            TicketTypeBody body = RequestBodies.read(ctx, TicketTypeBody.class);
            ctx.status(201).json(drafting.addTicketType(AuthRoutes.person(ctx), event,
                    new EventDrafting.TierDraft(body.tier(), body.name(), body.price(), body.quantity())));
        }));
    }

    /** The handler, with the platform's refusals answered as errors of the API. */
    private static Handler answering(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (WorkflowRefused refused) {
                throw ApiException.of(refused);
            }
        };
    }

    // ---------------------------------------------------------------- the API's description

    @OpenApi(
            path = ORDERS,
            methods = HttpMethod.POST,
            operationId = "placeOrder",
            tags = "ticketing",
            summary = "Buy tickets (customers)",
            description = "One order for one event, paid at once: the tickets are issued to the caller with unique barcodes, the ticket types'"
                    + " sold and available counts and the promo code's uses move, and a confirmation is mailed. Amounts follow the"
                    + " ticketing-demo pack's rules: total = subtotal + fees + tax - discount. At most 10 tickets of one type per order."
                    + " Concurrent buyers never oversell a tier.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = OrderBody.class)),
            responses = {
                    @OpenApiResponse(status = "201", description = "The order, with its items and tickets",
                            content = @OpenApiContent(from = OrderPlacement.PlacedOrder.class)),
                    @OpenApiResponse(status = "400", description = "invalid_request: no items, a quantity below 1 or above 10, a type twice,"
                            + " types of two events" + RequestBodies.MALFORMED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = "forbidden: only customers place orders", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "not_found: a ticket type of no event of the organization",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "event_not_on_sale, sold_out, not_enough_tickets",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "422", description = "unknown_promo_code, promo_code_disabled, promo_code_not_yet_valid,"
                            + " promo_code_expired, promo_code_exhausted, promo_code_other_event", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void placeOrderDescription() {
        // The handler is registered in routes; this method only carries the description.
    }

    @OpenApi(
            path = TRANSFER,
            methods = HttpMethod.POST,
            operationId = "transferTicket",
            tags = "ticketing",
            summary = "Pass a ticket on (its holder)",
            description = "The holder passes a VALID or TRANSFERRED ticket to an email before the event starts: the ticket becomes"
                    + " TRANSFERRED, held by the recipient (their account when the email has one here), and the recipient is mailed."
                    + " The name is used only for a recipient without an account.",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The ticket's id"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = TransferBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", description = "The ticket as passed on", content = @OpenApiContent(from = TicketTransfer.Transferred.class)),
                    @OpenApiResponse(status = "400", description = "invalid_request: not an email address, or the holder's own" + RequestBodies.MALFORMED,
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "not_found: no ticket of the caller's with this id", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "ticket_used, ticket_cancelled, event_started", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void transferDescription() {
        // The handler is registered in routes; this method only carries the description.
    }

    @OpenApi(
            path = SCAN,
            methods = HttpMethod.POST,
            operationId = "scanTicket",
            tags = "ticketing",
            summary = "Check a ticket in at the door (scanners)",
            description = "A scanner of the device's company reads a barcode: a VALID or TRANSFERRED ticket for the device's event is"
                    + " admitted (it becomes USED). A second scan (DUPLICATE), a cancelled ticket or another event's (REJECTED) answers 409"
                    + " and is logged all the same; a barcode never issued answers 409 unknown_barcode, unlogged. The 409's details carry"
                    + " result, barcode and, when logged, ticketId and scanLogId.",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The scanner's id"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ScanBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", description = "Admitted (result ACCEPTED)", content = @OpenApiContent(from = DoorScan.Scan.class)),
                    @OpenApiResponse(status = "400", description = "invalid_request: no barcode" + RequestBodies.MALFORMED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = "forbidden: only scanners scan", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "not_found: no scanner of the caller's company with this id",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "already_used, ticket_cancelled, wrong_event, unknown_barcode, scanner_inactive,"
                            + " scanner_unassigned", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void scanDescription() {
        // The handler is registered in routes; this method only carries the description.
    }

    @OpenApi(
            path = EVENTS,
            methods = HttpMethod.POST,
            operationId = "draftEvent",
            tags = "ticketing",
            summary = "Draft an event (promoters)",
            description = "A DRAFT event of the caller's company at a venue of the organization, with a unique slug from its name, city and"
                    + " first day. Sales default to opening now and closing when it starts; the capacity to the venue's; the time zone is"
                    + " the venue's.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = EventBody.class)),
            responses = {
                    @OpenApiResponse(status = "201", description = "The drafted event", content = @OpenApiContent(from = EventDrafting.DraftedEvent.class)),
                    @OpenApiResponse(status = "400", description = "invalid_request: a missing name or time, an unknown category, an end not after"
                            + " the start, a start in the past, sales outside now..start, a capacity above the venue's" + RequestBodies.MALFORMED,
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = "forbidden: only promoters draft events", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "not_found: no venue with this id", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void draftEventDescription() {
        // The handler is registered in routes; this method only carries the description.
    }

    @OpenApi(
            path = TICKET_TYPES,
            methods = HttpMethod.POST,
            operationId = "addTicketType",
            tags = "ticketing",
            summary = "Add a ticket tier to an event (its promoter)",
            description = "While the event is DRAFT, PUBLISHED or ON_SALE, and as long as its tiers together offer no more than its capacity.",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The event's id"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = TicketTypeBody.class)),
            responses = {
                    @OpenApiResponse(status = "201", description = "The tier", content = @OpenApiContent(from = EventDrafting.AddedTicketType.class)),
                    @OpenApiResponse(status = "400", description = "invalid_request: an unknown tier, no name, a negative price or one below"
                            + " the cent, a quantity below 1" + RequestBodies.MALFORMED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = "forbidden: only promoters add tiers", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "not_found: no event of the caller's company with this id",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "event_closed, over_capacity", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void addTicketTypeDescription() {
        // The handler is registered in routes; this method only carries the description.
    }
}
