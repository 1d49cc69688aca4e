package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedreset.testing.TestTenant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rate limits over real HTTP on loopback, on a real PostgreSQL, on a clock the test moves: no
 * test waits for a bucket to refill.
 */
class RateLimiterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sign-in's own route does not exist yet: the tests register one where it will be. */
    private static final String LOGIN = "/api/v1/auth/login";
    private final AtomicLong nanos = new AtomicLong();
    private TestTenant tenant;
    private SeedResetServer server;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.builder().organization("acme-demo", "Acme (demo)").build();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_caller_over_its_limit_gets_429_with_retry_after_until_its_bucket_refills() throws Exception {
        start(new RateLimits(2, 3, 5, List.of(LOGIN), nanos::get));
        for (int i = 0; i < 3; i++) {
            assertThat(get("/test/items/" + i).statusCode()).as("request %d of the burst", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = get("/test/items/4");
        assertRateLimited(refused, 1, "too many requests (the limit is 2 a second, in bursts of up to 3): try again in 1 second");

        advance(Duration.ofMillis(499));
        assertThat(get("/test/items/5").statusCode()).as("half a token is not a token").isEqualTo(429);
        advance(Duration.ofMillis(1));
        assertThat(get("/test/items/6").statusCode()).as("2 a second: a token every 500 ms").isEqualTo(200);
        assertThat(get("/test/items/7").statusCode()).isEqualTo(429);
    }

    @Test
    void another_caller_is_not_affected_and_a_caller_is_the_key_an_earlier_handler_names() throws Exception {
        start(new RateLimits(2, 3, 5, List.of(LOGIN), nanos::get));
        for (int i = 0; i < 3; i++) {
            assertThat(get("/test/items/1", "token:a").statusCode()).isEqualTo(200);
        }
        assertThat(get("/test/items/1", "token:a").statusCode()).isEqualTo(429);

        for (int i = 0; i < 3; i++) {
            assertThat(get("/test/items/1", "token:b").statusCode()).as("token b, from the same address").isEqualTo(200);
            assertThat(get("/test/items/1").statusCode()).as("no token: the address's own bucket").isEqualTo(200);
        }
        assertThat(get("/test/items/1", "token:b").statusCode()).isEqualTo(429);
        assertThat(get("/test/items/1").statusCode()).isEqualTo(429);
    }

    @Test
    void without_a_caller_the_key_is_the_client_address() throws Exception {
        start(new RateLimits(2, 3, 5, List.of(LOGIN), nanos::get));
        assumeTrue(canBind("127.0.0.2"), "127.0.0.2 is not a loopback address here");
        for (int i = 0; i < 3; i++) {
            assertThat(statusFrom("127.0.0.1", "/test/items/1")).isEqualTo(200);
        }
        assertThat(statusFrom("127.0.0.1", "/test/items/1")).isEqualTo(429);
        for (int i = 0; i < 3; i++) {
            assertThat(statusFrom("127.0.0.2", "/test/items/1")).as("another address").isEqualTo(200);
        }
        assertThat(statusFrom("127.0.0.2", "/test/items/1")).isEqualTo(429);
    }

    @Test
    void sign_in_is_limited_per_address_and_stricter_than_the_rest() throws Exception {
        start(new RateLimits(100, 100, 5, List.of(LOGIN), nanos::get));
        for (int i = 0; i < 5; i++) {
            assertThat(post(LOGIN, "token:" + i).statusCode()).as("sign-in %d", i + 1).isEqualTo(200);
        }
        assertRateLimited(post(LOGIN, "token:other"), 12,
                "too many sign-in attempts from this address (the limit is 5 a minute): try again in 12 seconds");
        assertThat(post(LOGIN + "/", null).statusCode()).as("another spelling of the same route").isEqualTo(429);
        assertThat(get("/test/items/1").statusCode()).as("the other routes keep their own limit").isEqualTo(200);

        advance(Duration.ofSeconds(11));
        assertThat(post(LOGIN, null).statusCode()).isEqualTo(429);
        advance(Duration.ofSeconds(1));
        assertThat(post(LOGIN, null).statusCode()).as("5 a minute: one every 12 seconds").isEqualTo(200);
        assertThat(post(LOGIN, null).statusCode()).isEqualTo(429);
    }

    @Test
    void the_sign_in_paths_are_prefixes_of_the_route_and_configurable() throws Exception {
        start(new RateLimits(100, 100, 1, List.of("/test/sign-in"), nanos::get));
        assertThat(post("/test/sign-in/github", null).statusCode()).isEqualTo(200);
        assertThat(post("/test/sign-in/google", null).statusCode()).as("the same route, the same bucket").isEqualTo(429);
        assertThat(post(LOGIN, null).statusCode()).as("not a sign-in path in these settings").isEqualTo(200);
        assertThat(post(LOGIN, null).statusCode()).isEqualTo(200);
    }

    @Test
    void health_is_never_limited_nor_counted() throws Exception {
        start(new RateLimits(1, 1, 1, List.of(LOGIN), nanos::get));
        for (int i = 0; i < 50; i++) {
            assertThat(get("/health").statusCode()).isEqualTo(200);
        }
        assertThat(send(HttpRequest.newBuilder(uri("/health")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).statusCode())
                .isEqualTo(200);
        assertThat(get("/test/items/1").statusCode()).as("health took no token").isEqualTo(200);
        assertThat(get("/test/items/1").statusCode()).isEqualTo(429);
        for (int i = 0; i < 50; i++) {
            assertThat(get("/health").statusCode()).as("over the limit, health still answers").isEqualTo(200);
        }
    }

    @Test
    void a_limit_of_0_is_no_limit() throws Exception {
        start(new RateLimits(0, 1, 0, List.of(LOGIN), nanos::get));
        for (int i = 0; i < 50; i++) {
            assertThat(get("/test/items/1").statusCode()).isEqualTo(200);
            assertThat(post(LOGIN, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_server_limits_by_default() throws Exception {
        assertThat(ServerSettings.defaults()).as("settings compare by value").isEqualTo(ServerSettings.defaults());
        assertThat(ServerSettings.defaults().rateLimits()).satisfies(limits -> {
            assertThat(limits.requestsPerSecond()).isEqualTo(20);
            assertThat(limits.burst()).isEqualTo(40);
            assertThat(limits.signInsPerMinute()).isEqualTo(5);
            assertThat(limits.signInPaths()).containsExactly(LOGIN);
        });
        start(RateLimits.defaults().withClock(nanos::get));
        for (int i = 0; i < 5; i++) {
            assertThat(post(LOGIN, null).statusCode()).isEqualTo(200);
        }
        assertThat(post(LOGIN, null).statusCode()).isEqualTo(429);
    }

    @Test
    void limits_out_of_range_are_refused_when_configured() {
        assertThatThrownBy(() -> new RateLimits(-1, 1, 5, List.of(LOGIN), nanos::get)).hasMessage("the request rate limit -1 is not 0 (off) to 1000000");
        assertThatThrownBy(() -> new RateLimits(RateLimits.MAX_RATE + 1, 1, 5, List.of(LOGIN), nanos::get))
                .hasMessage("the request rate limit 1000001 is not 0 (off) to 1000000");
        assertThatThrownBy(() -> new RateLimits(20, 0, 5, List.of(LOGIN), nanos::get)).hasMessage("the burst 0 is not positive");
        assertThatThrownBy(() -> new RateLimits(20, 40, -1, List.of(LOGIN), nanos::get)).hasMessage("the sign-in limit -1 is not 0 (off) to 1000000");
        assertThatThrownBy(() -> new RateLimits(20, 40, 5, List.of("api/login"), nanos::get))
                .hasMessage("the sign-in path 'api/login' does not start with /");
    }

    private void start(RateLimits limits) {
        server = new SeedResetServer(tenant.seedReset, ServerSettings.defaults().withPort(0).withRateLimits(limits))
                .routes(app -> {
                    // What sign-in will do: name the caller, in a before handler.
                    app.before(ctx -> {
                        String caller = ctx.header("X-Test-Caller");
                        if (caller != null) {
                            ctx.attribute(RequestAttributes.RATE_LIMIT_KEY, caller);
                        }
                    });
                    app.get("/test/items/{id}", ctx -> ctx.json(Map.of("id", ctx.pathParam("id"))));
                    app.post(LOGIN, ctx -> ctx.json(Map.of("signed_in", true)));
                    app.post("/test/sign-in/{provider}", ctx -> ctx.json(Map.of("signed_in", ctx.pathParam("provider"))));
                });
        server.start();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private void assertRateLimited(HttpResponse<String> response, int retryAfter, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().allValues("Retry-After")).containsExactly(Integer.toString(retryAfter));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("status").asInt()).isEqualTo(429);
        assertThat(error.get("reason").asText()).isEqualTo("rate_limited");
        assertThat(error.get("message").asText()).isEqualTo(message);
        assertThat(error.at("/details/retry_after_seconds").asText()).isEqualTo(Integer.toString(retryAfter));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return Http.get(server, path);
    }

    private HttpResponse<String> get(String path, String caller) throws Exception {
        return send(as(caller, HttpRequest.newBuilder(uri(path)).GET()));
    }

    private HttpResponse<String> post(String path, String caller) throws Exception {
        return send(as(caller, HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString("{}"))));
    }

    private static HttpRequest as(String caller, HttpRequest.Builder request) {
        return (caller == null ? request : request.header("X-Test-Caller", caller)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return Http.send(request);
    }

    private URI uri(String path) {
        return Http.uri(server, path);
    }

    private static boolean canBind(String address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A GET over a connection from the given local address (Java 17's HttpClient cannot choose one). */
    private int statusFrom(String localAddress, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
