package io.seedreset.server.ticketing;

import io.javalin.Javalin;
import io.seedreset.server.ApiModule;
import java.time.Clock;
import javax.sql.DataSource;

/** The ticketing module of the platform API: its routes under {@code /api/v1/ticketing}. */
public final class TicketingModule implements ApiModule {

    private final TicketingWorkflowRoutes workflows;

    public TicketingModule(DataSource dataSource, Clock clock) {
        this.workflows = new TicketingWorkflowRoutes(dataSource, clock);
    }

    @Override
    public String name() {
        return "ticketing";
    }

    @Override
    public void routes(Javalin app) {
        workflows.routes(app);
    }
}
