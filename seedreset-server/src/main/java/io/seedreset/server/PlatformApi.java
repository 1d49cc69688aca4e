package io.seedreset.server;

import io.javalin.Javalin;
import io.seedreset.platform.identity.SignIn;
import io.seedreset.server.agency.BudgetModule;
import io.seedreset.server.agency.DispatchModule;
import io.seedreset.server.agency.EventsModule;
import io.seedreset.server.agency.SalesModule;
import io.seedreset.server.agency.SpacesModule;
import io.seedreset.server.agency.SuppliersModule;
import io.seedreset.server.ticketing.TicketingModule;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The platform API as {@code seedreset serve} runs it: sign-in, then every module's routes. Tests
 * build their server with this too, so that they serve exactly what serve does.
 */
public final class PlatformApi implements Consumer<Javalin> {

    /** How long a sign-in session lasts: a working day of a demo or a test run. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    private final DataSource dataSource;
    private final Clock clock;
    private final List<ApiModule> modules;

    public PlatformApi(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.modules = List.of(
                new SuppliersModule(dataSource),
                new EventsModule(dataSource),
                new SalesModule(dataSource),
                new BudgetModule(dataSource),
                new DispatchModule(dataSource),
                new SpacesModule(dataSource),
                new TicketingModule(dataSource, clock));
    }

    /** The modules, in the order their routes are added. */
    public List<ApiModule> modules() {
        return modules;
    }

    @Override
    public void accept(Javalin app) {
        new AuthRoutes(new SignIn(dataSource, clock, SESSION_LIFETIME)).accept(app);
        for (ApiModule module : modules) {
            module.routes(app);
        }
    }
}
