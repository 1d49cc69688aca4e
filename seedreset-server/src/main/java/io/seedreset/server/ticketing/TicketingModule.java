package io.seedreset.server.ticketing;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.seedreset.platform.ticketing.NotPermitted;
import io.seedreset.server.ApiException;
import io.seedreset.server.ApiModule;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The ticketing module of the platform API, all under {@code /api/v1/ticketing/}: the ticketing
 * accounts' reads (events, venues, orders, tickets, promo codes, an event's sales) and workflows
 * (placing orders, transferring tickets, scanning at the door, drafting events).
 */
public final class TicketingModule implements ApiModule {

    private final DataSource dataSource;
    private final TicketingWorkflowRoutes workflows;

    public TicketingModule(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.workflows = new TicketingWorkflowRoutes(dataSource, clock);
    }

    @Override
    public String name() {
        return "ticketing";
    }

    @Override
    public void routes(Javalin app) {
        new TicketingReadRoutes(dataSource).routes(app);
        workflows.routes(app);
    }

    /** The handler, with the platform's refusal of the caller's role answered as 403. */
    static Handler refusing(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (NotPermitted refused) {
                throw ApiException.forbidden(refused.getMessage());
            }
        };
    }
}
