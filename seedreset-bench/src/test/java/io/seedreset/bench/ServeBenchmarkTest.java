package io.seedreset.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The serve benchmark, briefly, against the CLI's jar this build made: every route reported with its body size, no error, nothing oversold. */
class ServeBenchmarkTest {

    @Test
    void reports_every_route_of_both_phases_without_errors_and_checks_the_oversell() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        ServeBenchmark.run(new ServeBenchmark.Settings(4, Duration.ofSeconds(2), Duration.ZERO, Path.of("..", "seedreset-cli", "target", "seedreset.jar")),
                new PrintStream(report, true, StandardCharsets.UTF_8), new PhaseLog(new PrintStream(progress, true, StandardCharsets.UTF_8)));

        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("4 clients; each phase 2 s measured after 0 s of warm-up");
        for (String route : new String[] {"GET /health", "GET /api/v1/auth/me", "GET /api/v1/ticketing/events", "GET /api/v1/ticketing/events/{id}",
                "GET /api/v1/ticketing/venues", "GET /api/v1/ticketing/orders", "GET /api/v1/ticketing/tickets", "POST /api/v1/ticketing/orders"}) {
            assertThat(text).as(route).containsPattern("(?m)^" + java.util.regex.Pattern.quote(route) + " +\\d+ +\\d+ +\\d+\\.\\d +\\d+\\.\\d +0 +\\d+\\.\\d$");
        }
        assertThat(text).containsPattern("oversell check: PASS: (\\d+) tickets in the orders answered 201, tiers' sold count \\+\\1, ticket rows \\+\\1, tiers off their total 0");
        assertThat(text).containsPattern("GET /api/v1/auth/me alone +\\d+ +\\d+   = \\d+% of GET /health's");
        assertThat(text).containsPattern("targets: .*: (PASS|MISS)");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("seedreset serve listening on port");
    }
}
