package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.cli.database.EmbeddedServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

        Process serve = process(environment, "serve", "--port", "0");
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String started = out.readLine();
        Matcher address = Pattern.compile("^Serving the platform API on (http://127\\.0\\.0\\.1:(\\d+)) \\(GET /health\\); Ctrl-C stops it\\.$")
                .matcher(String.valueOf(started));
        assertThat(address.matches()).as(started).isTrue();
        assertThat(EmbeddedServer.find(data)).as("the embedded database runs while the server does").isPresent();

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address.group(1) + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");

        serve.destroy();
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("SIGTERM stops it").isTrue();
        assertThat(EmbeddedServer.find(data)).as("and the embedded database it started").isEmpty();
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

    private Process process(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath(),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().remove("SEEDRESET_URL");
        Path err = Files.createTempFile(directory, "err", ".txt");
        return builder.redirectError(err.toFile()).start();
    }
}
