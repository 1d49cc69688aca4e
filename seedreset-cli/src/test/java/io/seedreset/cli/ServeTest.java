package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.seedreset.cli.database.EmbeddedServer;
import io.seedreset.platform.feedback.FeedbackBox;
import io.seedreset.platform.mail.Mail;
import io.seedreset.platform.mail.Mailbox;
import io.seedreset.server.RateLimits;
import io.seedreset.server.ServerSettings;
import io.seedreset.testing.DatabaseReader;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
        Matcher staffToken = Pattern.compile("srk_\\S+").matcher(Cli.run(environment, "staff", "create", "Dana Whitfield").out());
        assertThat(staffToken.find()).isTrue();

        Path err = directory.resolve("serve.err");
        Process serve = process(environment, err, "serve", "--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String started = nextLine(out);
            Matcher address = Pattern.compile("^Serving the platform API on (http://127\\.0\\.0\\.1:(\\d+)) \\(GET /health\\); Ctrl-C stops it\\.$")
                    .matcher(String.valueOf(started));
            assertThat(address.matches()).as(() -> started + "\n" + readQuietly(err)).isTrue();
            assertThat(nextLine(out)).as("how to sign in").startsWith("Sign in as a persona: POST /api/v1/auth/login ");
            assertThat(nextLine(out)).isEqualTo("Staff: the console at " + address.group(1) + "/console and the admin API under /api/admin/v1"
                    + " take a staff token ('seedreset staff create <name>' prints one); /openapi.json describes every route.");
            assertThat(nextLine(out)).isEqualTo("Mail: no --smtp-host, so production organizations' mail stays pending; demo, qa and sandbox"
                    + " organizations' mail is captured, never sent ('seedreset mail --org SLUG' reads it).");
            assertThat(nextLine(out)).isEqualTo("Feedback: no --feedback-webhook, so it is stored and not forwarded.");
            assertThat(nextLine(out)).isEqualTo("Uploads: kept in " + directory.resolve("pgdata.uploads").toAbsolutePath().normalize()
                    + " (at most 5242880 bytes each); 'seedreset uploads purge' deletes demo organizations' old ones.");
            assertThat(nextLine(out)).isEqualTo("Schedules: due jobs run here, once among the servers on this database"
                    + " ('seedreset schedule list' shows them).");
            assertThat(EmbeddedServer.find(data)).as("the embedded database runs while the server does").isPresent();

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address.group(1) + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(nextLine(out)).as("the access log, on stdout").matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* "
                    + "method=GET route=/health status=200 ms=\\d+\\.\\d client=127\\.0\\.0\\.1 org=- demo=- persona=-$");

            // The admin API: a staff token 'seedreset staff create' printed answers, no token does not.
            URI organizations = URI.create(address.group(1) + "/api/admin/v1/organizations");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(organizations).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);
            HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(organizations)
                    .header("Authorization", "Bearer " + staffToken.group()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(listed.body()).isEqualTo("[]");

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
    void serve_delivers_production_mail_over_smtp_and_feedback_to_the_webhook_and_never_demo_mail() throws Exception {
        Cli.OnDatabase database = Cli.onFreshDatabase();
        for (String[] command : List.of(new String[] {"init"}, new String[] {"org", "create", "acme", "--name", "Acme"},
                new String[] {"org", "create", "acme-demo", "--name", "Acme Demo", "--kind", "demo"})) {
            assertThat(database.run(command).exitCode()).isZero();
        }
        UUID production = UUID.fromString(new DatabaseReader(database.dataSource()).strings("SELECT id::text FROM platform.organizations"
                + " WHERE slug = 'acme'").get(0));
        UUID demo = UUID.fromString(new DatabaseReader(database.dataSource()).strings("SELECT id::text FROM platform.organizations"
                + " WHERE slug = 'acme-demo'").get(0));
        try (Connection connection = database.dataSource().getConnection()) {
            Mailbox.send(connection, demo, new Mail("order_confirmation", "prospect@example.org", "Demo order", "..."), Instant.now());
            Mailbox.send(connection, production, new Mail("order_confirmation", "customer@example.com", "Real order", "..."), Instant.now());
        }
        new FeedbackBox(database.dataSource()).store(demo, "maya@example.org", "Lovely", "/events", Instant.now());
        CountDownLatch hooked = new CountDownLatch(1);
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook/secret-path", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            hooked.countDown();
        });
        webhook.start();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Process serve = process(Map.of(), directory.resolve("serve.err"), "--url", database.url(), "--user", "postgres", "serve", "--port", "0",
                "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(smtp.getSmtp().getPort()), "--smtp-from", "no-reply@acme.example",
                "--feedback-webhook", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook/secret-path");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            nextLine(out);
            nextLine(out);
            nextLine(out);
            assertThat(nextLine(out)).startsWith("Mail: production organizations' mail goes out through 127.0.0.1:" + smtp.getSmtp().getPort() + ";");
            assertThat(nextLine(out)).as("the webhook's secret path is not printed")
                    .isEqualTo("Feedback: stored and forwarded to the webhook at http://127.0.0.1:" + webhook.getAddress().getPort() + ".");

            assertThat(smtp.waitForIncomingEmail(60_000, 1)).as("production mail reaches SMTP").isTrue();
            assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("Real order");
            assertThat(hooked.await(60, TimeUnit.SECONDS)).as("feedback reaches the webhook").isTrue();
            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            serve.destroyForcibly();
            smtp.stop();
            webhook.stop(0);
        }
        assertThat(database.run("mail", "--org", "acme-demo").out()).contains("Demo order").contains("captured");
        assertThat(database.run("mail", "--org", "acme").out()).contains("Real order  sent");
    }

    @Test
    void serve_runs_a_due_schedule_and_sigterm_stops_its_scheduler_cleanly() throws Exception {
        Cli.OnDatabase database = Cli.onFreshDatabase("--actor", "ops-lead");
        DatabaseReader reader = new DatabaseReader(database.dataSource());
        for (String[] command : List.of(new String[] {"init"}, new String[] {"org", "create", "acme-demo", "--name", "Acme Demo", "--kind", "demo"},
                new String[] {"schedule", "set", "--org", "acme-demo", "--job", "reset", "--confirm", "acme-demo"},
                new String[] {"schedule", "run-now", "--org", "acme-demo", "--job", "reset", "--confirm", "acme-demo"})) {
            assertThat(database.run(command).exitCode()).isZero();
        }
        Process serve = process(Map.of(), directory.resolve("serve.err"), "--url", database.url(), "--user", "postgres", "serve", "--port", "0");
        try {
            // Due before the server started: its first look for due jobs runs it. Waits at most 60 s, looking every 50 ms.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (reader.queryForLong("SELECT count(*) FROM operations.schedule_runs") == 0) {
                assertThat(System.nanoTime()).as("the due reset ran").isLessThan(deadline);
                assertThat(serve.isAlive()).as(() -> readQuietly(directory.resolve("serve.err"))).isTrue();
                Thread.sleep(50);
            }
            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("SIGTERM stops it").isTrue();
        } finally {
            serve.destroyForcibly();
        }
        assertThat(reader.strings("SELECT outcome || ' ' || attempt || ' ' || scheduler FROM operations.schedule_runs"))
                .singleElement().asString().startsWith("succeeded 1 serve ");
        assertThat(reader.strings("SELECT operation || ' ' || outcome || ' ' || actor FROM platform.seed_audit WHERE operation = 'reset'"))
                .containsExactly("reset succeeded schedule:reset (set by ops-lead)");
        // Stopped, it holds no job: back on its timing, picked by nobody.
        assertThat(reader.strings("SELECT picked || ' ' || (execution_time > now()) FROM operations.scheduled_tasks")).containsExactly("false true");
        assertThat(Files.readString(directory.resolve("serve.err"))).isEmpty();
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
