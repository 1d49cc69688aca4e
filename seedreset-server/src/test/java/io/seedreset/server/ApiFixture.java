package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.pack.SeedPack;
import io.seedreset.platform.modules.ModuleFlags;
import io.seedreset.testing.TestTenant;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The platform API as serve runs it ({@link PlatformApi}), on a real database whose organizations the
 * test seeds, and the calls a test makes of it as a persona: sign in, then GET and POST with the token.
 * Rate limits are raised out of the way (RateLimiterTest tests them). The server's clock reads the
 * anchor the packs were applied at, so that "on sale" and "valid" mean what the seeded data says.
 *
 * <pre>{@code
 * ApiFixture api = ApiFixture.start("encore-demo", "Encore Ticketing (demo)");
 * api.apply("ticketing-demo", "encore-demo");
 * String token = api.signIn("encore-demo", "maya.chen@example.org", ApiFixture.TICKETING_PASSWORD);
 * ApiFixture.Response events = api.get(token, "/api/v1/ticketing/events?status=ON_SALE");
 * }</pre>
 */
final class ApiFixture implements AutoCloseable {

    static final Instant ANCHOR = Instant.parse("2026-11-21T09:00:00Z");
    static final String TICKETING_PASSWORD = "DemoTickets!2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    final TestTenant tenant;
    /** Where the API keeps uploaded files. */
    final io.seedreset.platform.uploads.UploadStore uploads = TestUploads.store();
    final PlatformApi platform;
    final SeedResetServer server;

    private ApiFixture(TestTenant tenant, UnaryOperator<PlatformApi> platform) {
        this.tenant = tenant;
        this.platform = platform.apply(new PlatformApi(tenant.dataSource, Clock.fixed(ANCHOR, ZoneOffset.UTC), uploads));
        RateLimits unlimited = new RateLimits(0, 1, 0, RateLimits.DEFAULT_SIGN_IN_PATHS, RateLimits.SYSTEM_CLOCK);
        this.server = new SeedResetServer(tenant.seedReset, ServerSettings.defaults().withPort(0).withRateLimits(unlimited))
                .routes(this.platform);
        server.start();
    }

    /** A fresh database with one demo organization, and the API serving it. */
    static ApiFixture start(String slug, String name) {
        return start(slug, name, UnaryOperator.identity());
    }

    /** The same, the API as {@code platform} makes it of serve's (with a module of the test's: {@link PlatformApi#plus}). */
    static ApiFixture start(String slug, String name, UnaryOperator<PlatformApi> platform) {
        return new ApiFixture(TestTenant.builder().organization(slug, name).clock(ANCHOR).build(), platform);
    }

    /** The same, with packs of the test's registered beside those ServiceLoader finds (books a test knows every figure of). */
    static ApiFixture start(String slug, String name, SeedPack... packs) {
        return new ApiFixture(TestTenant.builder().organization(slug, name).clock(ANCHOR).packs(true, packs).build(), UnaryOperator.identity());
    }

    /** Another organization in the same database. */
    ApiFixture organization(String slug, String name, OrganizationKind kind) {
        tenant.seedReset.createOrganization(slug, name, kind);
        return this;
    }

    /** Applies a pack to an organization with seed 1 at the anchor. */
    ApplyResult apply(String pack, String organization) {
        return tenant.seedReset.apply(ApplyRequest.of(PackRequest.of(pack, organization).seed(1L).anchor(ANCHOR)).confirm(organization));
    }

    /**
     * Switches a module on for an organization, as {@code seedreset org modules --enable} does: a module in
     * beta is off for demo organizations until then. Call it before the organization's first request (the
     * server keeps an organization's switches for a few seconds).
     */
    ApiFixture enable(String module, String organization) throws java.sql.SQLException {
        UUID id = UUID.fromString(tenant.strings("SELECT id::text FROM platform.organizations WHERE slug = ?", organization).get(0));
        new ModuleFlags(tenant.dataSource).set(id, Map.of(module, true), ANCHOR);
        return this;
    }

    /** Signs a person in and returns the session token; fails the test if sign-in fails. */
    String signIn(String organization, String email, String password) throws Exception {
        Response login = post(null, "/api/v1/auth/login", Map.of("organization", organization, "email", email, "password", password));
        assertThat(login.status()).as(email + ": " + login.body()).isEqualTo(200);
        return login.body().get("token").asText();
    }

    /**
     * Adds a person to an organization's identity.users (any organization, production included, with no
     * pack applied) and signs them in; returns the session token. For tests that need someone signed in,
     * not a pack's persona.
     */
    String signInNewPerson(String organization, String email) throws Exception {
        String password = "Guardrails!2026";
        tenant.execute("""
                INSERT INTO identity.users (org_id, id, email, password_hash, name, role, active, created_at)
                SELECT id, gen_random_uuid(), ?, ?, 'Test Person', 'owner', true, now() FROM platform.organizations WHERE slug = ?""",
                email, BCrypt.withDefaults().hashToString(4, password.toCharArray()), organization);
        return signIn(organization, email, password);
    }

    Response get(String token, String path) throws Exception {
        return send(token, HttpRequest.newBuilder(Http.uri(server, path)).GET());
    }

    Response post(String token, String path, Object body) throws Exception {
        return send(token, HttpRequest.newBuilder(Http.uri(server, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body))));
    }

    Response patch(String token, String path, Object body) throws Exception {
        return send(token, HttpRequest.newBuilder(Http.uri(server, path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body))));
    }

    /** Sends a file as the raw body, as the upload routes take it; a null content type sends none. */
    Response upload(String token, String path, String contentType, byte[] file) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.uri(server, path)).POST(HttpRequest.BodyPublishers.ofByteArray(file));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(token, request);
    }

    /** A GET whose answer is bytes (a download), with its status and headers. */
    HttpResponse<byte[]> download(String token, String path) throws Exception {
        return Http.send(HttpRequest.newBuilder(Http.uri(server, path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Response send(String token, HttpRequest.Builder request) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = Http.send(request.build());
        JsonNode body = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), body, response.headers());
    }

    @Override
    public void close() {
        server.close();
    }

    /** An answer: its status, its JSON body and its headers. */
    record Response(int status, JsonNode body, HttpHeaders headers) {

        /** A list route's items. */
        JsonNode items() {
            return body.get("items");
        }

        /** An error's reason, asserting the status first. */
        String reason(int expectedStatus) {
            assertThat(status).as(body.toString()).isEqualTo(expectedStatus);
            return body.at("/error/reason").asText();
        }
    }
}
