package io.seedreset.cli;

import io.seedreset.api.SeedReset;
import io.seedreset.platform.identity.SignIn;
import io.seedreset.server.AuthRoutes;
import io.seedreset.server.RateLimits;
import io.seedreset.server.SeedResetServer;
import io.seedreset.server.ServerSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code seedreset serve}: the platform API, on the embedded PostgreSQL (kept running while the
 * server runs) or on --url. Runs until Ctrl-C or SIGTERM, then stops the server and the database
 * it started, in that order.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the platform API over HTTP until Ctrl-C or SIGTERM.",
                "On the embedded PostgreSQL (kept running while it serves) or on --url; the database must be initialised ('seedreset init')."})
final class ServeCommand implements Callable<Integer> {

    /** How long a sign-in session lasts: a working day of a demo or a test run. */
    static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    @picocli.CommandLine.ParentCommand
    SeedresetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:SEEDRESET_PORT:-" + ServerSettings.DEFAULT_PORT + "}",
            description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}; SEEDRESET_PORT)")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:SEEDRESET_BIND:-" + ServerSettings.DEFAULT_BIND + "}",
            description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only; SEEDRESET_BIND)")
    String bind;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "${env:SEEDRESET_RATE_LIMIT:-" + RateLimits.DEFAULT_REQUESTS_PER_SECOND + "}",
            description = "requests a second per caller (a signed-in person, else an address), GET /health aside; 0: no limit "
                    + "(default: ${DEFAULT-VALUE}; SEEDRESET_RATE_LIMIT)")
    int rateLimit;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "${env:SEEDRESET_RATE_BURST}",
            description = "requests a caller may make at once before --rate-limit applies (default: twice --rate-limit; SEEDRESET_RATE_BURST)")
    Integer rateBurst;

    @Option(names = "--sign-in-limit", paramLabel = "N",
            defaultValue = "${env:SEEDRESET_SIGN_IN_LIMIT:-" + RateLimits.DEFAULT_SIGN_INS_PER_MINUTE + "}",
            description = "sign-in requests a minute per address, on top of --rate-limit; 0: no limit (default: ${DEFAULT-VALUE}; SEEDRESET_SIGN_IN_LIMIT)")
    int signInLimit;

    @Option(names = "--sign-in-paths", paramLabel = "PREFIX", split = ",",
            defaultValue = "${env:SEEDRESET_SIGN_IN_PATHS:-" + RateLimits.DEFAULT_SIGN_IN_PATH + "}",
            description = "the routes --sign-in-limit applies to, by prefix, comma-separated (default: ${DEFAULT-VALUE}; SEEDRESET_SIGN_IN_PATHS)")
    List<String> signInPaths;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = settings();
        SeedReset seedReset = root.seedReset();
        // Fail now, with the engine's own advice, on a database that is missing or not initialised.
        seedReset.organizations();
        SignIn signIn = new SignIn(root.dataSource(), Clock.systemUTC(), SESSION_LIFETIME);
        SeedResetServer server = new SeedResetServer(seedReset, settings).routes(new AuthRoutes(signIn));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The JVM does not wait for this command to return once the hooks are done: stop everything here.
            server.close();
            root.close();
            stopped.countDown();
        }, "seedreset-serve-stop"));
        int listening = server.start();
        root.printer().line("Serving the platform API on http://%s:%d (GET /health); Ctrl-C stops it.", hostForUrl(bind), listening);
        root.printer().line("Sign in as a persona: POST /api/v1/auth/login {\"organization\", \"email\", \"password\"} (the logins"
                + " 'seedreset apply' prints; docs/DEMO_DATA.md lists them), then send 'Authorization: Bearer <token>', or send an API token"
                + " 'seedreset apply' printed ('seedreset tokens issue' makes new ones).");
        root.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** The options, checked: a bad one is a usage error naming it. */
    ServerSettings settings() {
        if (port < 0 || port > 65_535) {
            throw usage("--port " + port + ": use 1-65535, or 0 for any free port");
        }
        if (bind == null || bind.isBlank()) {
            throw usage("--bind is empty: give an address, e.g. 127.0.0.1 or 0.0.0.0");
        }
        if (rateLimit < 0 || rateLimit > RateLimits.MAX_RATE) {
            throw usage("--rate-limit " + rateLimit + ": use 1-" + RateLimits.MAX_RATE + " requests a second, or 0 for no limit");
        }
        int burst = rateBurst != null ? rateBurst : Math.max(1, 2 * rateLimit);
        if (burst < 1) {
            throw usage("--rate-burst " + burst + ": use 1 or more");
        }
        if (signInLimit < 0 || signInLimit > RateLimits.MAX_RATE) {
            throw usage("--sign-in-limit " + signInLimit + ": use 1-" + RateLimits.MAX_RATE + " a minute, or 0 for no limit");
        }
        for (String path : signInPaths) {
            if (!path.startsWith("/")) {
                throw usage("--sign-in-paths: '" + path + "' is not a path: each starts with /, e.g. /api/v1/auth/login");
            }
        }
        return new ServerSettings(bind, port, ServerSettings.DEFAULT_MAX_REQUEST_BYTES,
                new RateLimits(rateLimit, burst, signInLimit, signInPaths, RateLimits.SYSTEM_CLOCK));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String hostForUrl(String bind) {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
