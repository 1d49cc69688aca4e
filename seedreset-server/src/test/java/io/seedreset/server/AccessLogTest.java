package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.seedreset.testing.TestTenant;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The access log of the real server over real HTTP, as its logger receives it. */
class AccessLogTest {

    private static final String CLIENT = "127\\.0\\.0\\.1";
    private final Lines lines = new Lines();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    private TestTenant tenant;
    private SeedResetServer server;

    @BeforeEach
    void listen() {
        tenant = TestTenant.builder().organization("acme-demo", "Acme (demo)").build();
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        logger.detachAppender(lines);
    }

    @Test
    void one_line_per_request_with_the_route_template_status_duration_and_client() throws Exception {
        start(RateLimits.defaults());
        assertThat(get("/test/organizations/acme-demo").statusCode()).isEqualTo(200);
        assertThat(get("/health").statusCode()).isEqualTo(200);

        String organization = lines.next();
        assertThat(organization).matches("method=GET route=/test/organizations/\\{slug} status=200 ms=\\d+\\.\\d client=" + CLIENT
                + " org=- demo=- persona=-");
        assertThat(organization).as("the template, not the path with its ids").doesNotContain("acme-demo");
        assertThat(lines.next()).matches("method=GET route=/health status=200 ms=\\d+\\.\\d client=" + CLIENT + " org=- demo=- persona=-");
        assertThat(lines.remaining()).as("one line each").isEmpty();
    }

    @Test
    void failures_are_logged_with_the_status_the_caller_got() throws Exception {
        start(new RateLimits(1, 1, 5, RateLimits.DEFAULT_SIGN_IN_PATHS, new AtomicLong()::get));
        assertThat(get("/nowhere/42").statusCode()).isEqualTo(404);
        assertThat(lines.next()).as("no route matched: no template").startsWith("method=GET route=- status=404 ms=");
        assertThat(get("/test/bug").statusCode()).isEqualTo(500);
        assertThat(lines.next()).startsWith("method=GET route=/test/bug status=500 ms=");
        assertThat(get("/test/organizations/ghost").statusCode()).as("over the limit of 1").isEqualTo(429);
        assertThat(lines.next()).startsWith("method=GET route=/test/organizations/{slug} status=429 ms=");
        assertThat(send(HttpRequest.newBuilder(uri("/health")).DELETE().build()).statusCode()).isIn(404, 405);
        assertThat(lines.next()).matches("method=DELETE route=- status=40[45] ms=.*");
    }

    @Test
    void organization_demo_and_persona_are_what_sign_in_sets() throws Exception {
        start(RateLimits.defaults());
        assertThat(get("/test/organizations/acme-demo?org=acme-demo&demo=true&persona=" + encode("Dana Planner")).statusCode())
                .isEqualTo(200);
        assertThat(lines.next()).matches("method=GET route=/test/organizations/\\{slug} status=200 ms=\\d+\\.\\d client=" + CLIENT
                + " org=acme-demo demo=true persona=\"Dana Planner\"");
    }

    @Test
    void a_caller_cannot_break_the_line_or_forge_fields() throws Exception {
        start(RateLimits.defaults());
        String forged = "x\" status=200\r\nmethod=GET route=/admin status=200\tms=1.0 \\ \u0000\u001b[31m\u202e\u2028end";
        assertThat(get("/test/organizations/acme-demo?org=" + encode(forged)).statusCode()).isEqualTo(200);
        String line = lines.next();
        assertThat(line).doesNotContain("\n", "\r", "\t", "\u0000", "\u001b", "\u202e", "\u2028");
        assertThat(line).endsWith(" org=\"x\\\" status=200\\r\\nmethod=GET route=/admin status=200\\tms=1.0 \\\\ \\u0000\\u001b[31m\\u202e\\u2028end\""
                + " demo=- persona=-");
        assertThat(line).startsWith("method=GET route=/test/organizations/{slug} status=200 ");
    }

    private void start(RateLimits limits) {
        server = new SeedResetServer(tenant.seedReset, ServerSettings.defaults().withPort(0).withRateLimits(limits))
                .routes(app -> {
                    // What sign-in will do: say whose request it is, in a before handler.
                    app.before(ctx -> {
                        ctx.attribute(RequestAttributes.ORGANIZATION, ctx.queryParam("org"));
                        if (ctx.queryParam("demo") != null) {
                            ctx.attribute(RequestAttributes.DEMO, Boolean.valueOf(ctx.queryParam("demo")));
                        }
                        ctx.attribute(RequestAttributes.PERSONA, ctx.queryParam("persona"));
                    });
                    app.get("/test/organizations/{slug}", ctx -> ctx.json(Map.of("slug", ctx.pathParam("slug"))));
                    app.get("/test/bug", ctx -> {
                        throw new IllegalStateException("a bug");
                    });
                });
        server.start();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return Http.get(server, path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return Http.send(request);
    }

    private URI uri(String path) {
        return Http.uri(server, path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The access log's lines as they arrive; a line is logged as its response completes, so reading one may wait a moment. */
    private static final class Lines extends AppenderBase<ILoggingEvent> {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            received.add(event.getFormattedMessage());
        }

        String next() throws InterruptedException {
            String line = received.poll(30, TimeUnit.SECONDS);
            assertThat(line).as("an access log line").isNotNull();
            return line;
        }

        List<String> remaining() {
            return List.copyOf(received);
        }
    }
}
