package io.seedreset.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.seedreset.platform.identity.Person;
import io.seedreset.platform.usage.UsageCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * Counts every {@code /api/v1} request a demo, qa or sandbox organization's person makes, by day (UTC),
 * module, declared route and persona ({@link UsageCounter}: in memory, flushed every
 * {@link #FLUSH_EVERY} and when the server stops). A production organization's requests are not counted,
 * nor requests nobody signed in for, nor requests no route matched.
 */
final class UsageTelemetry implements Consumer<Javalin> {

    /** How often the counts are written. */
    static final Duration FLUSH_EVERY = Duration.ofSeconds(5);

    private final UsageCounter counter;
    private final Clock clock;

    UsageTelemetry(UsageCounter counter, Clock clock) {
        this.counter = counter;
        this.clock = clock;
    }

    @Override
    public void accept(Javalin app) {
        app.after("/api/v1/*", this::count);
        counter.startFlushing(FLUSH_EVERY);
        app.events(events -> events.serverStopped(counter::close));
    }

    private void count(Context ctx) {
        Person person = AuthRoutes.person(ctx);
        String route = AccessLog.route(ctx);
        if (person == null || !person.demo() || route == null) {
            return;
        }
        // /api/v1/<module>/...: the module is the third segment.
        String[] segments = route.split("/", 5);
        if (segments.length < 4) {
            return;
        }
        counter.count(new UsageCounter.Key(person.organizationId(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), segments[3],
                route, person.email()));
    }
}
