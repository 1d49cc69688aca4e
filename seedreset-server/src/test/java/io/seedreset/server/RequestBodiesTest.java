package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.pack.Persona;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route that takes a JSON body reads it through RequestBodies: an empty body, the JSON {@code null},
 * an array or a scalar is the caller's mistake (400 malformed_request), never a bug's 500. One organization
 * with ticketing-demo's and event-agency-starter's personas, each route asked by a persona of the role it serves; the
 * bodies are refused before anything is read or written, so the tests share it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestBodiesTest {

    private static final String ORG = "bodies-demo";
    private static final String NOT_AN_OBJECT = "the request body must be a JSON object";

    private ApiFixture api;
    private Map<String, String> tokens;
    private Map<String, String> paths;

    @BeforeAll
    void start() throws Exception {
        api = ApiFixture.start(ORG, "Bodies (demo)");
        api.apply("ticketing-demo", ORG);
        Persona owner = api.apply("event-agency-starter", ORG).personas().stream().filter(p -> p.role().equals("owner")).findFirst().orElseThrow();
        String admin = api.signIn(ORG, "dana.whitfield@example.com", ApiFixture.TICKETING_PASSWORD);
        String customer = api.signIn(ORG, "olivia.bennett@example.net", ApiFixture.TICKETING_PASSWORD);
        String promoter = api.signIn(ORG, "priya.raman@example.com", ApiFixture.TICKETING_PASSWORD);
        String scanner = api.signIn(ORG, "luis.ortega@example.com", ApiFixture.TICKETING_PASSWORD);
        String ticket = one("""
                SELECT k.id::text FROM ticketing.tickets k JOIN ticketing.users u ON u.org_id = k.org_id AND u.id = k.holder_user_id
                 WHERE u.email = 'olivia.bennett@example.net' AND k.status = 'VALID' ORDER BY k.id LIMIT 1""");
        // The seed gives no device to Luis's company, but the body is refused before the device is looked up.
        String device = one("SELECT id::text FROM ticketing.scanners ORDER BY id LIMIT 1");
        String event = one("""
                SELECT e.id::text FROM ticketing.events e JOIN ticketing.users u ON u.org_id = e.org_id AND u.company_id = e.promoter_company_id
                 WHERE u.email = 'priya.raman@example.com' ORDER BY e.id LIMIT 1""");
        paths = Map.of("login", "/api/v1/auth/login", "feedback", "/api/v1/feedback", "orders", "/api/v1/ticketing/orders",
                "transfer", "/api/v1/ticketing/tickets/" + ticket + "/transfer", "scan", "/api/v1/ticketing/scanners/" + device + "/scan",
                "events", "/api/v1/ticketing/events", "ticket-types", "/api/v1/ticketing/events/" + event + "/ticket-types",
                "reservations", "/api/v1/spaces/reservations");
        tokens = Map.of("feedback", admin, "orders", customer, "transfer", customer, "scan", scanner, "events", promoter,
                "ticket-types", promoter, "reservations", api.signIn(ORG, owner.email(), owner.password()));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    static Stream<Arguments> routesAndBodies() {
        return Stream.of("login", "feedback", "orders", "transfer", "scan", "events", "ticket-types", "reservations")
                .flatMap(route -> Stream.of("null", "[]", "\"x\"", "", "42", "[{\"barcode\": \"1\"}]").map(body -> Arguments.of(route, body)));
    }

    @ParameterizedTest(name = "{0} with body ''{1}''")
    @MethodSource("routesAndBodies")
    void a_body_that_is_not_a_json_object_is_malformed(String route, String body) throws Exception {
        ApiFixture.Response response = api.post(tokens.get(route), paths.get(route), body);
        assertThat(response.reason(400)).isEqualTo("malformed_request");
        assertThat(response.body().at("/error/message").asText()).isEqualTo(NOT_AN_OBJECT);
    }

    @Test
    void a_field_of_the_wrong_shape_is_still_named_and_broken_json_still_located() throws Exception {
        ApiFixture.Response wrongShape = api.post(null, paths.get("login"),
                Map.of("organization", List.of(ORG), "email", "dana.whitfield@example.com", "password", "x"));
        assertThat(wrongShape.reason(400)).isEqualTo("malformed_request");
        assertThat(wrongShape.body().at("/error/message").asText()).isEqualTo("malformed JSON in field 'organization': it takes a string");
        ApiFixture.Response unknown = api.post(null, paths.get("login"),
                Map.of("organization", ORG, "email", "dana.whitfield@example.com", "password", "x", "remember", true));
        assertThat(unknown.reason(400)).isEqualTo("malformed_request");
        assertThat(unknown.body().at("/error/message").asText()).as("one line, without the parser's words or the server's classes")
                .startsWith("malformed JSON in field 'remember': no such field; the fields here are ").contains("organization", "email", "password")
                .doesNotContain("`", "$", "\n", "Body", "io.seedreset");
        ApiFixture.Response broken = api.post(tokens.get("feedback"), paths.get("feedback"), "{\"message\": ");
        assertThat(broken.reason(400)).isEqualTo("malformed_request");
        assertThat(broken.body().at("/error/message").asText()).startsWith("malformed JSON at line 1, column");
        assertThat(count("SELECT count(*) FROM operations.feedback")).as("nothing stored").isZero();
    }

    private String one(String sql) {
        List<String> rows = api.tenant.strings(sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    private long count(String sql) {
        return api.tenant.queryForLong(sql);
    }
}
