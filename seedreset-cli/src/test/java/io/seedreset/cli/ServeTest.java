package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.cli.database.EmbeddedServer;
import io.seedreset.server.RateLimits;
import io.seedreset.server.ServerSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code seedreset serve} as a user runs it: a process of its own on the embedded PostgreSQL, which
 * it keeps running while it serves and stops when SIGTERM stops it.
 */
class ServeTest {

    @TempDir
    Path directory;

    @AfterEach
    void stopWhatIsLeft() {
        EmbeddedServer.stop(directory.resolve("pgdata"));
    }

    @Test
    void serve_answers_health_over_http_and_sigterm_stops_it_and_its_embedded_database() throws Exception {
        Path data = directory.resolve("pgdata");
        Map<String, String> environment = Map.of("SEEDRESET_DATA_DIR", data.toString());
        assertThat(Cli.run(environment, "init").exitCode()).isZero();

        Path err = directory.resolve("serve.err");
        Process serve = process(environment, err, "serve", "--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String started = nextLine(out);
            Matcher address = Pattern.compile("^Serving the platform API on (http://127\\.0\\.0\\.1:(\\d+)) \\(GET /health\\); Ctrl-C stops it\\.$")
                    .matcher(String.valueOf(started));
            assertThat(address.matches()).as(() -> started + "\n" + readQuietly(err)).isTrue();
            assertThat(nextLine(out)).as("how to sign in").startsWith("Sign in as a persona: POST /api/v1/auth/login ");
            assertThat(EmbeddedServer.find(data)).as("the embedded database runs while the server does").isPresent();

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address.group(1) + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(nextLine(out)).as("the access log, on stdout").matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* "
                    + "method=GET route=/health status=200 ms=\\d+\\.\\d client=127\\.0\\.0\\.1 org=- demo=- persona=-$");

            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("SIGTERM stops it").isTrue();
        } finally {
            serve.destroyForcibly();
        }
        assertThat(EmbeddedServer.find(data)).as("and the embedded database it started").isEmpty();
        assertThat(Files.readString(err)).as("no library's INFO (Javalin's, Jetty's) on stderr").doesNotContain("INFO");
    }

    @Test
    void the_rate_limits_are_options_with_defaults_a_demo_can_live_with() {
        RateLimits defaults = settings().rateLimits();
        assertThat(List.of(defaults.requestsPerSecond(), defaults.burst(), defaults.signInsPerMinute())).containsExactly(20, 40, 5);
        assertThat(defaults.signInPaths()).containsExactly("/api/v1/auth/login");
        assertThat(settings("--rate-limit", "7").rateLimits().burst()).as("twice the rate unless given").isEqualTo(14);

        RateLimits given = settings("--rate-limit", "7", "--rate-burst", "9", "--sign-in-limit", "3", "--sign-in-paths", "/a,/b/c").rateLimits();
        assertThat(List.of(given.requestsPerSecond(), given.burst(), given.signInsPerMinute())).containsExactly(7, 9, 3);
        assertThat(given.signInPaths()).containsExactly("/a", "/b/c");
        assertThat(settings("--rate-limit", "0", "--sign-in-limit", "0").rateLimits()).as("0: no limit")
                .satisfies(off -> assertThat(List.of(off.requestsPerSecond(), off.burst(), off.signInsPerMinute())).containsExactly(0, 1, 0));

        assertThat(Cli.run("serve", "--rate-limit", "-1").err())
                .isEqualTo("seedreset: --rate-limit -1: use 1-1000000 requests a second, or 0 for no limit (see 'seedreset serve --help')\n");
        assertThat(Cli.run("serve", "--rate-burst", "0").err()).startsWith("seedreset: --rate-burst 0: use 1 or more");
        assertThat(Cli.run("serve", "--sign-in-limit", "1000001").err()).startsWith("seedreset: --sign-in-limit 1000001: use 1-1000000 a minute");
        assertThat(Cli.run("serve", "--sign-in-paths", "/a,login").err())
                .startsWith("seedreset: --sign-in-paths: 'login' is not a path: each starts with /");
        assertThat(Cli.run("serve", "--db-pool", "0").err()).startsWith("seedreset: --db-pool 0: use 1-200 connections");
        assertThat(Cli.run("serve", "--rate-limit", "-1").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void the_rate_limits_environment_variables_are_read() throws Exception {
        Map<String, String> environment = Map.of("SEEDRESET_DATA_DIR", directory.resolve("pgdata").toString(),
                "SEEDRESET_RATE_LIMIT", "7", "SEEDRESET_SIGN_IN_LIMIT", "3", "SEEDRESET_SIGN_IN_PATHS", "/x,/y", "SEEDRESET_RATE_BURST", "0");
        Path helpErr = directory.resolve("help.err");
        Process help = process(environment, helpErr, "serve", "--help");
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(text).contains("(default: 7; SEEDRESET_RATE_LIMIT)", "(default: 3; SEEDRESET_SIGN_IN_LIMIT)", "(default: /x,/y; SEEDRESET_SIGN_IN_PATHS)");

        Path err = directory.resolve("serve.err");
        Process serve = process(environment, err, "serve", "--port", "0");
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(err)).startsWith("seedreset: --rate-burst 0: use 1 or more");
    }

    @Test
    void serve_refuses_a_database_that_is_not_initialised_and_a_port_out_of_range() throws Exception {
        Map<String, String> environment = Map.of("SEEDRESET_DATA_DIR", directory.resolve("pgdata").toString());
        Cli.Run uninitialised = Cli.run(environment, "serve", "--port", "0");
        assertThat(uninitialised.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(uninitialised.err()).isEqualTo("seedreset: the database is not initialised for Seed & Reset: run 'seedreset init' first\n");

        Cli.Run badPort = Cli.run(environment, "serve", "--port", "70000");
        assertThat(badPort.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badPort.err()).startsWith("seedreset: --port 70000: use 1-65535, or 0 for any free port");
    }

    private static ServerSettings settings(String... args) {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        CommandLine.ParseResult parsed = Main.commandLine(new SeedresetCommand(Map.of())).parseArgs(all.toArray(String[]::new));
        return ((ServeCommand) parsed.subcommand().commandSpec().userObject()).settings();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The next line, or a failure after a minute rather than a test that hangs. */
    private static String nextLine(BufferedReader out) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }

    private Process process(Map<String, String> environment, Path err, String... args) throws Exception {
        return Cli.process(environment, args).redirectError(err.toFile()).start();
    }
}
