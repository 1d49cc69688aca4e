package io.seedreset.server;

import io.javalin.Javalin;

/**
 * A module of the platform API: its routes all live under {@code /api/v1/<name>/}, so that the module
 * can be switched off for an organization as a whole. {@link PlatformApi} lists the modules serve runs.
 */
public interface ApiModule {

    /** The module's name: the first segment of its routes' paths after {@code /api/v1/}. */
    String name();

    /**
     * An unstable module is off for demo, qa and sandbox organizations unless switched on for one
     * ({@code seedreset org modules --enable}). {@link PlatformApi}'s list says which are, with {@link #inBeta}.
     */
    default boolean unstable() {
        return false;
    }

    /** Adds the module's routes; each reads the signed-in person with {@link AuthRoutes#person}. */
    void routes(Javalin app);

    /** The prefix of every route of the module, e.g. {@code /api/v1/ticketing}. */
    default String prefix() {
        return "/api/v1/" + name();
    }

    /**
     * The module, marked unstable: PlatformApi's module list says which modules are in beta, so that the
     * decision is made in one place rather than in each module's class.
     */
    static ApiModule inBeta(ApiModule module) {
        return new ApiModule() {
            @Override
            public String name() {
                return module.name();
            }

            @Override
            public boolean unstable() {
                return true;
            }

            @Override
            public void routes(Javalin app) {
                module.routes(app);
            }

            @Override
            public String prefix() {
                return module.prefix();
            }
        };
    }
}
