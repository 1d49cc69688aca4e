package io.seedreset.cli;

import io.seedreset.api.SeedReset;
import io.seedreset.platform.identity.SignIn;
import io.seedreset.server.AuthRoutes;
import io.seedreset.server.SeedResetServer;
import io.seedreset.server.ServerSettings;
import java.time.Clock;
import java.time.Duration;
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

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + ": use 1-65535, or 0 for any free port");
        }
        if (bind == null || bind.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--bind is empty: give an address, e.g. 127.0.0.1 or 0.0.0.0");
        }
        SeedReset seedReset = root.seedReset();
        // Fail now, with the engine's own advice, on a database that is missing or not initialised.
        seedReset.organizations();
        SignIn signIn = new SignIn(root.dataSource(), Clock.systemUTC(), SESSION_LIFETIME);
        SeedResetServer server = new SeedResetServer(seedReset, new ServerSettings(bind, port, ServerSettings.DEFAULT_MAX_REQUEST_BYTES))
                .routes(new AuthRoutes(signIn));
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
                + " 'seedreset apply' prints; docs/DEMO_DATA.md lists them), then send 'Authorization: Bearer <token>'.");
        root.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private static String hostForUrl(String bind) {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
