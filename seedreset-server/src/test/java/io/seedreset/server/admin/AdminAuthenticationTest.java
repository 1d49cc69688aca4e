package io.seedreset.server.admin;

import static io.seedreset.server.admin.AdminFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.server.RateLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may use the admin API: a staff member's token, and nothing else. Without one, with a persona's (a
 * session or an API token), a revoked or a tampered one, every route answers 401 as a JSON error with a
 * one-line message and {@code WWW-Authenticate: Bearer}, and a mutation writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminAuthenticationTest {

    private static final String ORG = "encore-demo";
    private static final String NO_TOKEN = "send a staff token: 'Authorization: Bearer <token>' ('seedreset staff create <name>' prints one)";
    private static final String BAD_TOKEN = "the staff token is unknown or revoked";

    private AdminFixture admin;
    private String staffToken;

    @BeforeAll
    void seed() {
        admin = AdminFixture.start(ORG, "Encore Ticketing (demo)", OrganizationKind.DEMO);
        admin.seedReset.apply(ApplyRequest.of(PackRequest.of("ticketing-demo", ORG).mode("minimal").seed(1L).anchor(AdminFixture.ANCHOR))
                .confirm(ORG));
        staffToken = admin.staffToken("Ada");
    }

    @AfterAll
    void stop() {
        admin.close();
    }

    @Test
    void the_routes_called_here_are_every_admin_route_the_api_describes() throws Exception {
        Set<String> described = new TreeSet<>();
        admin.get(null, "/openapi.json").ok(200).get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith(ADMIN)) {
                path.getValue().fieldNames().forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
            }
        });
        Set<String> called = routes().stream().map(Route::template).collect(Collectors.toCollection(TreeSet::new));
        assertThat(called).isEqualTo(described);
    }

    @Test
    void every_route_without_a_token_answers_401_and_writes_nothing() throws Exception {
        Map<String, Long> before = admin.footprint(ORG);
        List<String> audit = admin.audit(ORG);
        for (Route route : routes()) {
            AdminFixture.Response response = route.send(admin, null);
            assertThat(response.reason(401)).as(route.toString()).isEqualTo("unauthenticated");
            assertThat(response.message()).as(route.toString()).isEqualTo(NO_TOKEN);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(route.toString()).hasValue("Bearer");
        }
        assertThat(admin.footprint(ORG)).isEqualTo(before);
        assertThat(admin.audit(ORG)).as("no attempt reached the engine").isEqualTo(audit);
    }

    @Test
    void a_personas_session_token_and_api_token_are_never_staff_tokens() throws Exception {
        String session = admin.signIn(ORG, "olivia.bennett@example.net", AdminFixture.TICKETING_PASSWORD);
        String apiToken = admin.post(staffToken, ADMIN + "/organizations/" + ORG + "/tokens", null).ok(200).get(0).get("token").asText();
        assertThat(admin.get(apiToken, "/api/v1/auth/me").ok(200).get("email").asText()).as("a working persona token").isNotEmpty();
        assertThat(admin.get(session, "/api/v1/auth/me").ok(200).get("email").asText()).isEqualTo("olivia.bennett@example.net");

        Map<String, Long> before = admin.footprint(ORG);
        for (String token : List.of(session, apiToken)) {
            for (Route route : routes()) {
                AdminFixture.Response response = route.send(admin, token);
                assertThat(response.reason(401)).as(route + " with " + token.substring(0, 4)).isEqualTo("unauthenticated");
                assertThat(response.message()).isEqualTo(BAD_TOKEN);
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            }
        }
        assertThat(admin.footprint(ORG)).isEqualTo(before);
    }

    @Test
    void a_staff_token_is_not_a_personas_token_either() throws Exception {
        assertThat(admin.get(staffToken, "/api/v1/auth/me").reason(401)).isEqualTo("unauthenticated");
        assertThat(admin.get(staffToken, "/api/v1/ticketing/events").reason(401)).isEqualTo("unauthenticated");
    }

    @Test
    void a_revoked_staff_token_answers_401_at_once() throws Exception {
        String token = admin.staffToken("Grace");
        assertThat(admin.get(token, ADMIN + "/organizations").status()).isEqualTo(200);

        admin.staff.revoke("grace");

        Map<String, Long> before = admin.footprint(ORG);
        for (Route route : routes()) {
            AdminFixture.Response response = route.send(admin, token);
            assertThat(response.reason(401)).as(route.toString()).isEqualTo("unauthenticated");
            assertThat(response.message()).isEqualTo(BAD_TOKEN);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        assertThat(admin.footprint(ORG)).isEqualTo(before);
        assertThat(admin.get(staffToken, ADMIN + "/organizations").status()).as("another member's token still answers").isEqualTo(200);
    }

    @Test
    void a_tampered_or_malformed_token_answers_401() throws Exception {
        int secret = staffToken.lastIndexOf('_') + 1;
        String firstSecretCharacterChanged = staffToken.substring(0, secret) + (staffToken.charAt(secret) == 'A' ? 'B' : 'A')
                + staffToken.substring(secret + 1);
        String idChanged = "srk_" + UUID.randomUUID().toString().replace("-", "") + staffToken.substring(secret - 1);
        String personaPrefix = "srs" + staffToken.substring(3);
        List<String> tampered = new ArrayList<>(List.of(firstSecretCharacterChanged, idChanged, personaPrefix, staffToken + "x",
                staffToken.toUpperCase(Locale.ROOT), "srk_not-a-token", "' OR 1=1 --"));
        // The last of the secret's 43 characters carries 4 bits and 2 the decoder ignores: the other three spellings of those.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(staffToken.charAt(staffToken.length() - 1));
        for (int ignoredBits = 1; ignoredBits <= 3; ignoredBits++) {
            tampered.add(staffToken.substring(0, staffToken.length() - 1) + alphabet.charAt(last + ignoredBits));
        }
        for (String token : tampered) {
            AdminFixture.Response response = admin.get(token, ADMIN + "/organizations");
            assertThat(response.status()).as(token + " -> " + response.text()).isEqualTo(401);
            assertThat(response.reason(401)).as(token).isEqualTo("unauthenticated");
            assertThat(response.message()).as(token).isEqualTo(BAD_TOKEN);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        for (String header : List.of("Basic " + staffToken, staffToken, "Bearer", "Bearer ")) {
            AdminFixture.Response response = admin.getAuthorized(header, ADMIN + "/organizations");
            assertThat(response.reason(401)).as(header).isEqualTo("unauthenticated");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        AdminFixture.Response lowerCase = admin.getAuthorized("bearer " + staffToken, ADMIN + "/organizations");
        assertThat(lowerCase.status()).as("the scheme in any case: " + lowerCase.text()).isEqualTo(200);
    }

    @Test
    void a_token_differing_only_in_case_from_one_just_sent_on_the_same_connection_is_not_that_token() throws Exception {
        String persona = admin.signIn(ORG, "ethan.park@example.org", AdminFixture.TICKETING_PASSWORD);
        // One kept-alive connection carries these one after the other: the server's header cache must not answer
        // the second with the first's value.
        for (int round = 0; round < 3; round++) {
            assertThat(admin.get(staffToken, ADMIN + "/packs").status()).isEqualTo(200);
            AdminFixture.Response staffUpper = admin.get(staffToken.toUpperCase(Locale.ROOT), ADMIN + "/packs");
            assertThat(staffUpper.status()).as(staffUpper.text()).isEqualTo(401);
            assertThat(staffUpper.message()).isEqualTo(BAD_TOKEN);

            assertThat(admin.get(persona, "/api/v1/auth/me").status()).isEqualTo(200);
            AdminFixture.Response personaUpper = admin.get(persona.toUpperCase(Locale.ROOT), "/api/v1/auth/me");
            assertThat(personaUpper.status()).as(personaUpper.text()).isEqualTo(401);
        }
    }

    @Test
    void guesses_at_a_staff_token_are_rate_limited_like_any_other_request() throws Exception {
        // Two requests a second in bursts of two, on a clock that stands still: the third request is over the limit.
        RateLimits limits = new RateLimits(2, 2, 0, RateLimits.DEFAULT_SIGN_IN_PATHS, () -> 0L);
        try (AdminFixture limited = AdminFixture.start("limited-demo", "Limited (demo)", OrganizationKind.DEMO, limits)) {
            String guess = "srk_" + "0".repeat(32) + "_" + "A".repeat(43);
            assertThat(limited.get(guess, ADMIN + "/organizations").reason(401)).isEqualTo("unauthenticated");
            assertThat(limited.get(null, ADMIN + "/packs").reason(401)).isEqualTo("unauthenticated");

            AdminFixture.Response limitedGuess = limited.get(guess, ADMIN + "/organizations");
            assertThat(limitedGuess.reason(429)).isEqualTo("rate_limited");
            assertThat(limitedGuess.headers().firstValue("Retry-After")).isPresent();
        }
    }

    /** One call of each admin route, with a body that would succeed for a staff member. */
    private static List<Route> routes() {
        String org = ADMIN + "/organizations/" + ORG;
        Map<String, Object> pack = Map.of("pack", "ticketing-demo", "mode", "minimal", "seed", 2, "confirm", ORG, "replace", true);
        return List.of(
                new Route("GET", ADMIN + "/organizations", null),
                new Route("POST", ADMIN + "/organizations", Map.of("slug", "sneaky-demo", "name", "Sneaky", "kind", "demo")),
                new Route("GET", ADMIN + "/packs", null),
                new Route("GET", org, null),
                new Route("POST", org + "/plan", pack),
                new Route("POST", org + "/apply", pack),
                new Route("POST", org + "/teardown", Map.of("confirm", ORG)),
                new Route("POST", org + "/reset", Map.of("confirm", ORG)),
                new Route("POST", org + "/teardown/dry-run", null),
                new Route("POST", org + "/reset/dry-run", null),
                new Route("GET", org + "/snapshots", null),
                new Route("POST", org + "/snapshots", Map.of("name", "sneaky")),
                new Route("GET", org + "/snapshots/sneaky/file", null),
                new Route("POST", org + "/snapshots/sneaky/delete", Map.of("confirm", ORG)),
                new Route("POST", org + "/restore", Map.of("name", "sneaky", "confirm", ORG)),
                new Route("POST", org + "/restore/dry-run", Map.of("name", "sneaky")),
                new Route("GET", org + "/baseline", null),
                new Route("POST", org + "/baseline", Map.of("snapshot", "sneaky", "confirm", ORG)),
                new Route("POST", org + "/imports?table=suppliers.vendors&name=vendors.csv&confirm=" + ORG, "name,category\nSneaky,florals\n"),
                new Route("POST", org + "/activity", Map.of("confirm", ORG)),
                new Route("POST", org + "/timetravel", Map.of("months", 1, "confirm", ORG)),
                new Route("POST", org + "/timetravel/dry-run", Map.of("months", 1)),
                new Route("POST", org + "/validate", null),
                new Route("GET", org + "/operation", null),
                new Route("GET", org + "/history", null),
                new Route("GET", org + "/mail", null),
                new Route("GET", org + "/mail/" + UUID.randomUUID(), null),
                new Route("GET", org + "/usage", null),
                new Route("GET", org + "/feedback", null),
                new Route("GET", org + "/modules", null),
                new Route("POST", org + "/modules", Map.of("disable", List.of("ticketing"))),
                new Route("GET", org + "/personas", null),
                new Route("POST", org + "/tokens", null),
                new Route("GET", ADMIN + "/schedules", null),
                new Route("GET", org + "/schedules", null),
                new Route("POST", org + "/schedules", Map.of("job", "reset", "confirm", ORG)),
                new Route("POST", org + "/schedules/reset/clear", Map.of("confirm", ORG)),
                new Route("POST", org + "/schedules/reset/run-now", Map.of("confirm", ORG)));
    }

    /** An admin route called once. */
    record Route(String method, String path, Object body) {

        AdminFixture.Response send(AdminFixture admin, String token) throws Exception {
            return method.equals("GET") ? admin.get(token, path) : admin.post(token, path, body == null ? "{}" : body);
        }

        /** The route as the API's description names it. */
        String template() {
            return method + " " + path.replaceAll("\\?.*$", "").replace(ORG, "{slug}").replaceAll("/mail/[0-9a-f-]{36}$", "/mail/{id}")
                    .replaceAll("/schedules/reset/", "/schedules/{job}/")
                    .replaceAll("/snapshots/sneaky/", "/snapshots/{name}/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
