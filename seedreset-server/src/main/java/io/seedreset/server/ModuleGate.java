package io.seedreset.server;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.seedreset.platform.identity.Person;
import io.seedreset.platform.modules.ModuleFlags;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers every route of a module switched off for the caller's organization as if the module did not
 * exist: the 404 {@code unknown_route} of a route nobody declared, body for body, so that a prospect sees
 * no trace of it ({@link ModuleFlags} says what is on). One {@code before} handler per module prefix,
 * registered after sign-in's, so the signed-in person's organization decides; a request without one is
 * left to sign-in's 401.
 *
 * <p>An organization's switches are read at most every {@link #MAX_AGE} per server, not on every
 * request: a change made elsewhere ({@code seedreset org modules}) is served within that time, one made
 * through {@link #set} at once.
 */
final class ModuleGate {

    /** How long a server serves an organization's switches before reading them again. */
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Switches(Map<String, Boolean> byModule, long readAtNanos) {
    }

    private final ModuleFlags flags;
    private final Map<UUID, Switches> cache = new ConcurrentHashMap<>();

    ModuleGate(ModuleFlags flags) {
        this.flags = flags;
    }

    /** Guards every route of the module: {@code <prefix>} and {@code <prefix>/...}. */
    void guard(Javalin app, ApiModule module) {
        ModuleFlags.Module described = new ModuleFlags.Module(module.name(), module.unstable());
        Handler gate = ctx -> {
            Person person = AuthRoutes.person(ctx);
            if (person != null && !ModuleFlags.enabled(described, !person.demo(), switches(person.organizationId()).get(module.name()))) {
                throw ApiException.unknownRoute(ctx);
            }
        };
        app.before(module.prefix(), gate);
        app.before(module.prefix() + "/*", gate);
    }

    /** Switches modules on or off for an organization; this server serves the change at once. */
    void set(UUID organizationId, Map<String, Boolean> changes, Instant now) throws SQLException {
        flags.set(organizationId, changes, now);
        cache.remove(organizationId);
    }

    private Map<String, Boolean> switches(UUID organizationId) throws SQLException {
        Switches cached = cache.get(organizationId);
        if (cached == null || System.nanoTime() - cached.readAtNanos() > MAX_AGE.toNanos()) {
            cached = new Switches(flags.switches(organizationId), System.nanoTime());
            cache.put(organizationId, cached);
        }
        return cached.byModule();
    }
}
