package io.seedreset.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.SeedReset;
import io.seedreset.platform.staff.Staff;
import io.seedreset.server.PlatformApi;
import io.seedreset.server.RateLimits;
import io.seedreset.server.SeedResetServer;
import io.seedreset.server.ServerSettings;
import io.seedreset.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The server exactly as {@code seedreset serve} builds it (ServeCommand: the platform API, then the admin API
 * over a {@link StaffDesk}), on a fresh real database, and the calls a test makes of it: as a staff member
 * with a token of {@link Staff#create}, or as a persona signed in through the platform API. Rate limits are
 * out of the way (RateLimiterTest tests them). Every clock reads {@link #ANCHOR}, the instant the tests apply
 * packs at, so that "on sale" and "today" mean what the seeded data says.
 *
 * <p>The desk's engine waits up to {@link #BUSY_TIMEOUT} for an organization another connection holds, so that a
 * test can hold one and see the mutation wait inside the engine rather than give up.
 */
final class AdminFixture implements AutoCloseable {

    static final Instant ANCHOR = Instant.parse("2026-11-21T09:00:00Z");
    static final String TICKETING_PASSWORD = "DemoTickets!2026";
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);
    static final String ADMIN = "/api/admin/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final TestTenant tenant;
    final SeedReset seedReset;
    /** The server's connections, as serve's --db-pool. */
    final HikariDataSource pool;
    final PlatformApi platform;
    final Staff staff;
    final SeedResetServer server;
    /** One count per table that has an organization's rows, built on the first {@link #footprint}. */
    private String footprintQuery;

    private AdminFixture(TestTenant tenant, RateLimits limits) {
        this.tenant = tenant;
        Clock clock = Clock.fixed(ANCHOR, ZoneOffset.UTC);
        // As serve: the engine on the database as configured, the server's own reads and writes through a pool.
        this.seedReset = SeedReset.configure().dataSource(tenant.dataSource).clock(clock).busyTimeout(BUSY_TIMEOUT).actor("serve").load();
        HikariConfig pooled = new HikariConfig();
        pooled.setDataSource(tenant.dataSource);
        pooled.setMaximumPoolSize(10);
        pooled.setPoolName("admin-test");
        this.pool = new HikariDataSource(pooled);
        this.platform = new PlatformApi(pool, clock, io.seedreset.server.TestUploads.store());
        this.staff = new Staff(pool, clock);
        this.server = new SeedResetServer(seedReset, ServerSettings.defaults().withPort(0).withRateLimits(limits))
                .routes(platform)
                .routes(new AdminApi(new StaffDesk(seedReset, pool, clock, platform), staff));
        server.start();
    }

    /** A fresh database with one organization of this kind, and the server serving it. */
    static AdminFixture start(String slug, String name, OrganizationKind kind) {
        return start(slug, name, kind, new RateLimits(0, 1, 0, RateLimits.DEFAULT_SIGN_IN_PATHS, RateLimits.SYSTEM_CLOCK));
    }

    /** The same, with these rate limits. */
    static AdminFixture start(String slug, String name, OrganizationKind kind, RateLimits limits) {
        return new AdminFixture(TestTenant.builder().organization(slug, name).kind(kind).clock(ANCHOR).build(), limits);
    }

    /** Another organization in the same database, created behind the API's back (as {@code seedreset org create}). */
    AdminFixture organization(String slug, String name, OrganizationKind kind) {
        seedReset.createOrganization(slug, name, kind);
        return this;
    }

    /** A new staff member's token, as {@code seedreset staff create <name>} prints it. */
    String staffToken(String name) {
        return staff.create(name, "test").token();
    }

    /** Signs a persona in through the platform API and returns the session token; fails the test if sign-in fails. */
    String signIn(String organization, String email, String password) throws Exception {
        Response login = post(null, "/api/v1/auth/login", Map.of("organization", organization, "email", email, "password", password));
        assertThat(login.status()).as(email + ": " + login.body()).isEqualTo(200);
        return login.body().get("token").asText();
    }

    Response get(String token, String path) throws Exception {
        return send(token, HttpRequest.newBuilder(uri(path)).GET());
    }

    /** POSTs {@code body}: a String as it is (malformed JSON included), anything else as JSON; null sends no body. */
    Response post(String token, String path, Object body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
        return send(token, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(publisher));
    }

    /** A GET whose answer is kept as bytes (a snapshot's file). */
    HttpResponse<byte[]> download(String token, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs raw bytes with this Content-Type (a snapshot file). */
    Response postBytes(String token, String path, byte[] body, String contentType) throws Exception {
        return send(token, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A request sent with a raw Authorization header (or none when null). */
    Response getAuthorized(String authorization, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static Response send(String token, HttpRequest.Builder request) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static Response send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), body, response.headers(), response.body());
    }

    /**
     * Everything a seed action could write for the organization: the rows of every table with an {@code org_id}
     * or {@code organization_id} column (every tenant table, the ledger, tokens, mail, feedback, usage, module
     * switches), all of its applications (removed ones included) and its ledger count. The audit is left out:
     * refusals are written there on purpose. The usage persona requests counted is flushed first.
     */
    Map<String, Long> footprint(String organization) throws Exception {
        // The usage counted in memory so far, written now rather than at the next scheduled flush, in the middle of a comparison.
        platform.flushUsage();
        return footprintAsItIs(organization);
    }

    /**
     * The footprint without flushing the usage first: for a test holding an organization's row locked, which
     * the flush's rows (they name their organization) would wait for.
     */
    Map<String, Long> footprintAsItIs(String organization) {
        if (footprintQuery == null) {
            List<String> counts = tenant.strings("""
                    SELECT format('SELECT %L, count(*) FROM %I.%I WHERE %I = o.id', c.table_schema || '.' || c.table_name,
                                  c.table_schema, c.table_name, c.column_name)
                      FROM information_schema.columns c
                      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                     WHERE t.table_type = 'BASE TABLE' AND c.column_name IN ('org_id', 'organization_id')
                       AND (c.table_schema, c.table_name) <> ('platform', 'seed_audit')
                     ORDER BY c.table_schema, c.table_name""");
            assertThat(String.join("\n", counts)).as("the tables counted")
                    .contains("'platform.seed_applications'", "'ticketing.orders'", "'identity.tokens'", "'operations.mail'");
            footprintQuery = "WITH o AS (SELECT id FROM platform.organizations WHERE slug = ?) "
                    + "SELECT 'platform.organizations.ledger_entries', ledger_entries FROM platform.organizations WHERE slug = ?"
                    + counts.stream().map(count -> " UNION ALL " + count.replace(" FROM ", " FROM o, ")).collect(Collectors.joining());
        }
        Map<String, Long> footprint = new TreeMap<>();
        tenant.rows(footprintQuery, organization, organization)
                .forEach(row -> footprint.put((String) row.values().toArray()[0], ((Number) row.values().toArray()[1]).longValue()));
        return footprint;
    }

    /** The organization's audit entries, oldest first, as "actor operation outcome: message". */
    List<String> audit(String organization) {
        return tenant.strings("SELECT actor || ' ' || operation || ' ' || outcome || ': ' || coalesce(message, '') FROM platform.seed_audit"
                + " WHERE org_slug = ? ORDER BY id", organization);
    }

    @Override
    public void close() {
        server.close();
        pool.close();
    }

    /** An answer: its status, its JSON body, its headers and its text. */
    record Response(int status, JsonNode body, HttpHeaders headers, String text) {

        /** The body, asserting the status first. */
        JsonNode ok(int expectedStatus) {
            assertThat(status).as(text).isEqualTo(expectedStatus);
            return body;
        }

        /** An error's reason, asserting the status and the shape of the ErrorBody first. */
        String reason(int expectedStatus) {
            assertThat(status).as(text).isEqualTo(expectedStatus);
            assertThat(headers.firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(body.at("/error/status").asInt()).as(text).isEqualTo(expectedStatus);
            assertThat(message()).as("one line").isNotBlank().doesNotContain("\n", "\r");
            return body.at("/error/reason").asText();
        }

        String message() {
            return body.at("/error/message").asText();
        }
    }
}
