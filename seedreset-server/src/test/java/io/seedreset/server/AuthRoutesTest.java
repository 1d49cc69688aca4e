package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.pack.Persona;
import io.seedreset.platform.identity.SignIn;
import io.seedreset.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in and bearer tokens over real HTTP, for the personas ticketing-demo seeds in a demo organization. */
class AuthRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "encore-demo";
    private static final String PASSWORD = "DemoTickets!2026";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T09:00:00Z"));
    private TestTenant tenant;
    private ApplyResult applied;
    private SeedResetServer server;

    @BeforeEach
    void start() {
        tenant = TestTenant.builder().organization(ORG, "Encore Ticketing (demo)").build();
        applied = tenant.apply(PackRequest.of("ticketing-demo", ORG).seed(1L).anchor(Instant.parse("2026-11-21T09:00:00Z")));
        SignIn signIn = new SignIn(tenant.dataSource, clock, Duration.ofHours(8));
        // Sign-in limits of a demo would stop this test's many sign-ins from one address: raised here, tested below.
        server = serverWith(new RateLimits(1_000, 2_000, 1_000, RateLimits.DEFAULT_SIGN_IN_PATHS, RateLimits.SYSTEM_CLOCK), signIn);
    }

    private SeedResetServer serverWith(RateLimits limits, SignIn signIn) {
        SeedResetServer started = new SeedResetServer(tenant.seedReset, ServerSettings.defaults().withPort(0).withRateLimits(limits))
                .routes(new AuthRoutes(signIn));
        started.start();
        return started;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void every_active_persona_signs_in_and_the_inactive_one_is_refused() throws Exception {
        assertThat(applied.personas()).hasSizeGreaterThan(5);
        for (Persona persona : applied.personas()) {
            HttpResponse<String> login = login(ORG, persona.email(), persona.password());
            if (persona.description().startsWith("Inactive")) {
                assertError(login, 403, "account_deactivated", "the account " + persona.email() + " is deactivated");
                continue;
            }
            assertThat(login.statusCode()).as(persona.email() + ": " + login.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(login.body());
            assertThat(body.get("token").asText()).matches("srs_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");
            assertThat(Instant.parse(body.get("expiresAt").asText())).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
            assertThat(body.at("/user/email").asText()).isEqualTo(persona.email());
            assertThat(body.at("/user/role").asText()).isEqualTo(persona.role().toLowerCase());
            assertThat(login.headers().firstValue("X-Demo-Tenant")).contains("true");

            HttpResponse<String> me = get("/api/v1/auth/me", body.get("token").asText());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(me.body()).get("email").asText()).isEqualTo(persona.email());
            assertThat(me.headers().firstValue("X-Demo-Tenant")).contains("true");
        }
        assertThat(applied.personas()).anySatisfy(p -> assertThat(p.description()).startsWith("Inactive"));
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_401() throws Exception {
        Persona someone = applied.personas().get(0);
        assertError(login(ORG, someone.email(), "wrong"), 401, "wrong_credentials", "wrong email or password");
        assertError(login(ORG, "nobody@example.net", PASSWORD), 401, "wrong_credentials", "wrong email or password");
        assertError(login("other-org", someone.email(), someone.password()), 401, "wrong_credentials", "wrong email or password");
    }

    @Test
    void without_a_valid_token_every_route_answers_401() throws Exception {
        HttpResponse<String> none = get("/api/v1/auth/me", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(none.headers().firstValue("X-Demo-Tenant")).isEmpty();
        assertThat(get("/api/v1/auth/me", "garbage").statusCode()).isEqualTo(401);
        String token = token(applied.personas().get(0));
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertError(get("/api/v1/auth/me", forged), 401, "unauthenticated", "the token is unknown, expired or revoked: sign in again");
    }

    @Test
    void a_session_expires() throws Exception {
        String token = token(applied.personas().get(0));
        clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(get("/api/v1/auth/me", token).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(get("/api/v1/auth/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void a_reset_revokes_every_token_issued_before_it() throws Exception {
        Persona persona = applied.personas().get(0);
        String session = token(persona);
        SignIn signIn = new SignIn(tenant.dataSource, clock, Duration.ofHours(8));
        String api = signIn.issueApiToken(signIn.signIn(ORG, persona.email(), persona.password()).person());
        assertThat(get("/api/v1/auth/me", api).statusCode()).isEqualTo(200);

        tenant.seedReset.reset(ResetRequest.of(ORG).confirm(ORG));

        assertThat(get("/api/v1/auth/me", session).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/auth/me", api).statusCode()).isEqualTo(401);
        assertThat(login(ORG, persona.email(), persona.password()).statusCode()).as("the persona itself is back").isEqualTo(200);
    }

    @Test
    void a_production_organizations_people_sign_in_untagged() throws Exception {
        tenant.seedReset.createOrganization("real-co", "Real Co", OrganizationKind.PRODUCTION);
        tenant.execute("""
                INSERT INTO ticketing.users (org_id, id, email, password_hash, first_name, last_name, role, email_verified, active, created_at)
                SELECT o.id, gen_random_uuid(), 'ops@real-co.example', u.password_hash, 'Ops', 'Person', 'ADMIN', true, true, now()
                  FROM platform.organizations o, ticketing.users u WHERE o.slug = 'real-co' AND u.email = ? LIMIT 1""",
                applied.personas().get(0).email());
        HttpResponse<String> login = login("real-co", "ops@real-co.example", PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().firstValue("X-Demo-Tenant")).isEmpty();
        HttpResponse<String> me = get("/api/v1/auth/me", JSON.readTree(login.body()).get("token").asText());
        assertThat(me.headers().firstValue("X-Demo-Tenant")).isEmpty();
    }

    @Test
    void the_rate_limit_counts_per_person_and_requests_with_bad_tokens_per_address() throws Exception {
        String first = token(applied.personas().get(0));
        String second = token(applied.personas().get(1));
        server.close();
        // A clock that stands still: a bucket never refills during the test.
        server = serverWith(new RateLimits(1, 2, 1_000, RateLimits.DEFAULT_SIGN_IN_PATHS, () -> 0L),
                new SignIn(tenant.dataSource, clock, Duration.ofHours(8)));
        assertThat(get("/api/v1/auth/me", first).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/auth/me", first).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/auth/me", first).statusCode()).as("the person's burst is spent").isEqualTo(429);
        assertThat(get("/api/v1/auth/me", second).statusCode()).as("another person's is not").isEqualTo(200);

        assertThat(get("/api/v1/auth/me", "srs_bad").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/auth/me", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/auth/me", "srs_worse").statusCode()).as("bad tokens count against their address").isEqualTo(429);
    }

    private String token(Persona persona) throws Exception {
        HttpResponse<String> login = login(ORG, persona.email(), persona.password());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("token").asText();
    }

    private HttpResponse<String> login(String organization, String email, String password) throws Exception {
        String body = JSON.writeValueAsString(Map.of("organization", organization, "email", email, "password", password));
        return Http.send(HttpRequest.newBuilder(uri("/api/v1/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertError(HttpResponse<String> response, int status, String reason, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("reason").asText()).isEqualTo(reason);
        assertThat(error.get("message").asText()).isEqualTo(message);
    }

    private URI uri(String path) {
        return Http.uri(server, path);
    }

    /** A clock the test moves: sessions expire without the test waiting for them. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
