package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedreset.api.SeedResetException;
import io.seedreset.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server over real HTTP on loopback, on a real PostgreSQL: health, and every error as one JSON object. */
class SeedResetServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private TestTenant tenant;
    private SeedResetServer server;

    @BeforeEach
    void start() {
        tenant = TestTenant.builder().organization("acme-demo", "Acme (demo)").build();
        server = new SeedResetServer(tenant.seedReset, ServerSettings.defaults().withPort(0))
                .routes(app -> {
                    // Routes of a test module: an engine failure, a bug, and a body read.
                    app.get("/test/organizations/{slug}", ctx -> ctx.json(tenant.seedReset.organization(ctx.pathParam("slug"))
                            .orElseThrow(() -> new SeedResetException(SeedResetException.Reason.UNKNOWN_ORGANIZATION,
                                    "unknown organization '" + ctx.pathParam("slug") + "'",
                                    Map.of(SeedResetException.ORGANIZATION, ctx.pathParam("slug"))))));
                    app.get("/test/bug", ctx -> {
                        throw new IllegalStateException("a secret\nsecond line");
                    });
                    app.post("/test/echo", ctx -> ctx.json(ctx.bodyAsClass(Map.class)));
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void health_answers_200() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void results_are_written_in_the_shared_json_dialect() throws Exception {
        JsonNode organization = JSON.readTree(get("/test/organizations/acme-demo").body());
        assertThat(organization.get("slug").asText()).isEqualTo("acme-demo");
        assertThat(organization.get("kind").asText()).as("enums in lower case, as every front end writes them").isEqualTo("demo");
    }

    @Test
    void an_engine_failure_answers_its_reasons_status_with_reason_and_details() throws Exception {
        HttpResponse<String> response = get("/test/organizations/ghost");
        assertError(response, 404, "unknown_organization", "unknown organization 'ghost'");
        assertThat(JSON.readTree(response.body()).at("/error/details/organization").asText()).isEqualTo("ghost");
    }

    @Test
    void an_unknown_route_is_a_json_404_and_a_wrong_method_a_json_404_or_405() throws Exception {
        assertError(get("/nowhere"), 404, "unknown_route", "Endpoint GET /nowhere not found");
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/health")).DELETE().build());
        assertThat(wrongMethod.statusCode()).isIn(404, 405);
        assertThat(JSON.readTree(wrongMethod.body()).at("/error/message").asText()).isNotBlank();
    }

    @Test
    void a_bug_is_a_one_line_500_without_a_stack_trace_or_the_exceptions_message() throws Exception {
        HttpResponse<String> response = get("/test/bug");
        assertError(response, 500, "internal_error", "unexpected IllegalStateException: the server's log has the details");
        assertThat(response.body()).doesNotContain("secret", "second line", "\tat ", "at io.seedreset");
    }

    @Test
    void malformed_json_is_400_and_a_body_over_the_limit_is_413() throws Exception {
        HttpResponse<String> malformed = send(HttpRequest.newBuilder(uri("/test/echo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"items\": [1, 2")).build());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).at("/error/reason").asText()).isEqualTo("malformed_request");
        assertThat(JSON.readTree(malformed.body()).at("/error/message").asText()).startsWith("malformed JSON at line 1, column ");

        char[] big = new char[(int) ServerSettings.DEFAULT_MAX_REQUEST_BYTES + 1];
        Arrays.fill(big, 'x');
        HttpResponse<String> tooLarge = send(HttpRequest.newBuilder(uri("/test/echo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\": \"" + new String(big) + "\"}")).build());
        assertError(tooLarge, 413, "request_too_large", "the request body is larger than 65536 bytes");
    }

    @Test
    void every_engine_reason_has_a_status_of_its_kind() {
        for (SeedResetException.Reason reason : SeedResetException.Reason.values()) {
            int status = HttpStatuses.of(reason);
            switch (reason.kind()) {
                case BAD_INPUT -> assertThat(status).as(reason.name()).isIn(400, 404, 500);
                case REFUSED -> assertThat(status).as(reason.name()).isIn(403, 503);
                case CONFLICT -> assertThat(status).as(reason.name()).isIn(409, 428);
                case FAILURE -> assertThat(status).as(reason.name()).isIn(422, 500, 503);
            }
        }
    }

    private void assertError(HttpResponse<String> response, int status, String reason, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("reason").asText()).isEqualTo(reason);
        assertThat(error.get("message").asText()).isEqualTo(message);
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
}
