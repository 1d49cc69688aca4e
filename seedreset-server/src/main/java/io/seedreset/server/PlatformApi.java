package io.seedreset.server;

import io.javalin.Javalin;
import io.seedreset.api.Organization;
import io.seedreset.platform.feedback.FeedbackBox;
import io.seedreset.platform.identity.SignIn;
import io.seedreset.platform.modules.ModuleFlags;
import io.seedreset.platform.uploads.UploadStore;
import io.seedreset.platform.uploads.Uploads;
import io.seedreset.platform.usage.UsageCounter;
import io.seedreset.server.accounting.AccountingModule;
import io.seedreset.server.agency.BudgetModule;
import io.seedreset.server.agency.DispatchModule;
import io.seedreset.server.agency.EventsModule;
import io.seedreset.server.agency.SalesModule;
import io.seedreset.server.agency.SpacesModule;
import io.seedreset.server.agency.SuppliersModule;
import io.seedreset.server.ticketing.TicketingModule;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The platform API as {@code seedreset serve} runs it: sign-in, feedback, then every module's routes,
 * each behind its module flag ({@link ModuleGate}), and usage telemetry on all of them
 * ({@link UsageTelemetry}). Tests build their server with this too, so that they serve exactly what
 * serve does.
 *
 * <p>{@link #modules()} is the one list of the API's modules: the server serves them, and
 * {@code seedreset org modules} switches them. A module in beta is wrapped in {@link ApiModule#inBeta}
 * here, which turns it off for demo, qa and sandbox organizations until switched on for one: dispatch,
 * the newest module, is ({@code ApiModule.inBeta(new DispatchModule(...))}), and no other.
 */
public final class PlatformApi implements Consumer<Javalin> {

    /** How long a sign-in session lasts: a working day of a demo or a test run. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    private final DataSource dataSource;
    private final Clock clock;
    private final List<ApiModule> modules;
    private final UsageCounter usage;
    private final ModuleGate moduleGate;

    /**
     * @param uploads where uploaded files (events' images, bills' receipts) are kept; its folders are made on the first
     *                upload, so a server that takes none writes nothing there
     */
    private final UploadStore uploads;

    public PlatformApi(DataSource dataSource, Clock clock, UploadStore uploads) {
        this.uploads = uploads;
        this.dataSource = dataSource;
        this.clock = clock;
        UploadRequests uploadRequests = new UploadRequests(new Uploads(dataSource, uploads, clock));
        this.modules = List.of(
                new SuppliersModule(dataSource),
                new EventsModule(dataSource, uploadRequests),
                new SalesModule(dataSource),
                new BudgetModule(dataSource),
                // The newest module: off for demo organizations until one switches it on.
                ApiModule.inBeta(new DispatchModule(dataSource)),
                new SpacesModule(dataSource),
                new TicketingModule(dataSource, clock),
                new AccountingModule(dataSource, clock, uploadRequests));
        this.usage = new UsageCounter(dataSource);
        this.moduleGate = new ModuleGate(new ModuleFlags(dataSource));
    }

    /** Where uploaded files are kept: the purge (a scheduled job) deletes demo organizations' old ones there. */
    public UploadStore uploads() {
        return uploads;
    }

    /** This API with one more module: for tests of what the guardrails do to a module's routes. */
    PlatformApi plus(ApiModule module) {
        List<ApiModule> more = new ArrayList<>(modules);
        more.add(module);
        return new PlatformApi(this, more);
    }

    private PlatformApi(PlatformApi api, List<ApiModule> modules) {
        this.dataSource = api.dataSource;
        this.clock = api.clock;
        this.modules = List.copyOf(modules);
        this.usage = api.usage;
        this.moduleGate = api.moduleGate;
        this.uploads = api.uploads;
    }

    /** The modules, in the order their routes are added. */
    public List<ApiModule> modules() {
        return modules;
    }

    /** Writes the usage counted so far, now rather than at the next scheduled flush; returns the rows written. */
    public int flushUsage() throws SQLException {
        return usage.flush();
    }

    /** Switches modules on or off for an organization; this API serves the change at once, others within seconds. */
    void switchModules(UUID organizationId, Map<String, Boolean> changes) throws SQLException {
        moduleGate.set(organizationId, changes, clock.instant());
    }

    /** Switches modules on or off for an organization; this API serves the change at once, others within seconds. */
    public void switchModules(Organization organization, Map<String, Boolean> changes) throws SQLException {
        switchModules(organization.id(), changes);
    }

    /** Each module's state in the organization: on or off, and whether a switch or the default decides. */
    public List<ModuleFlags.State> moduleStates(Organization organization) throws SQLException {
        return new ModuleFlags(dataSource).states(organization.id(), organization.production(),
                modules.stream().map(module -> new ModuleFlags.Module(module.name(), module.unstable())).toList());
    }

    @Override
    public void accept(Javalin app) {
        new AuthRoutes(new SignIn(dataSource, clock, SESSION_LIFETIME)).accept(app);
        new FeedbackRoutes(new FeedbackBox(dataSource), clock).accept(app);
        for (ApiModule module : modules) {
            moduleGate.guard(app, module);
            module.routes(app);
        }
        new UsageTelemetry(usage, clock).accept(app);
    }
}
