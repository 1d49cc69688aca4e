package io.seedreset.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.zaxxer.hikari.HikariDataSource;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.platform.staff.Staff;
import io.seedreset.server.PlatformApi;
import io.seedreset.server.RateLimits;
import io.seedreset.server.SeedResetServer;
import io.seedreset.server.ServerSettings;
import io.seedreset.server.admin.StaffDesk;
import io.seedreset.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The console as {@code seedreset serve} will run it, on a real database, and one headless Chromium
 * (Debian's, at {@code /usr/bin/chromium}) driven by Playwright: a test class starts one, opens a fresh
 * browser context (its own cookies) per test, and closes it all at the end.
 *
 * <p>The database holds one production organization ({@link #PRODUCTION} unless the test names another); tests
 * create the others. The platform API and the engine read the anchor the packs are applied at as "now" (as
 * {@code ApiFixture} does), so that "on sale" means what the seeded data says, unless the test passes another
 * clock; sessions run on the real clock. A staff member is
 * created with their token ({@link #token}).
 */
final class ConsoleFixture implements AutoCloseable {

    static final Instant ANCHOR = Instant.parse("2026-11-21T09:00:00Z");
    static final String PRODUCTION = "encore-live";
    static final String STAFF_NAME = "Priya Raman";
    static final String TICKETING_PASSWORD = "DemoTickets!2026";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final TestTenant tenant;
    /** What the server works through: a pool over the test's database, as serve has. */
    final HikariDataSource pool;
    final SeedReset seedReset;
    final PlatformApi platform;
    final StaffDesk desk;
    final Staff staff;
    final String token;
    final SeedResetServer server;
    final Playwright playwright;
    final Browser browser;
    /** The cookies of the session {@link #signedIn} shares, once it is open. */
    private String sharedSession;

    ConsoleFixture() {
        this(PRODUCTION, "Encore Ticketing", Clock.fixed(ANCHOR, ZoneOffset.UTC));
    }

    /**
     * With the production organization the database starts with named by the test (its slug and name), and the
     * clock the engine, the platform API and the staff desk read: a test that shows dates beside the database's own
     * (an organization's creation, a reset) passes the real one, so that what was applied is not older than its organization.
     */
    ConsoleFixture(String productionSlug, String productionName, Clock now) {
        requireChromium();
        tenant = TestTenant.builder().organization(productionSlug, productionName).kind(OrganizationKind.PRODUCTION).clock(ANCHOR).build();
        // A longer wait for a busy organization than the default: a test holds one busy on purpose.
        pool = new HikariDataSource();
        pool.setDataSource(tenant.dataSource);
        pool.setMaximumPoolSize(8);
        pool.setPoolName("console-test");
        seedReset = SeedReset.configure().dataSource(pool).clock(now).busyTimeout(Duration.ofSeconds(30)).load();
        platform = new PlatformApi(pool, now, io.seedreset.server.TestUploads.store());
        desk = new StaffDesk(seedReset, pool, now, platform);
        staff = new Staff(pool, Clock.systemUTC());
        token = staff.create(STAFF_NAME, "test").token();
        RateLimits unlimited = new RateLimits(0, 1, 0, RateLimits.DEFAULT_SIGN_IN_PATHS, RateLimits.SYSTEM_CLOCK);
        server = new SeedResetServer(seedReset, ServerSettings.defaults().withPort(0).withRateLimits(unlimited))
                .routes(platform)
                .routes(new StaffConsole(desk, staff, Clock.systemUTC()));
        server.start();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu")));
    }

    /** Fails (never skips) without Debian's chromium: the end-to-end tests are part of the build. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("Chromium is missing at " + CHROMIUM + ": the console's end-to-end tests drive Debian's chromium."
                    + " Install it with 'apt-get update && apt-get install -y chromium' (.ci/run does so on a fresh machine).");
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A fresh browser context (no cookies) at the desktop size, and a page in it. */
    Page newPage() {
        return newPage(1280, 800);
    }

    Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setBaseURL(baseUrl()));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /**
     * A page of a new browser context on the console page at {@code path}, signed in: the context carries
     * the cookie of one session the fixture opened once (through the sign-in form), so that tests do not each
     * sign in again. A test that needs a session of its own (to sign out, or two at once) uses {@link #ownSession}.
     */
    Page signedIn(String path) {
        if (sharedSession == null) {
            Page page = ownSession();
            sharedSession = page.context().storageState();
            page.context().close();
        }
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setBaseURL(baseUrl())
                .setStorageState(sharedSession));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        page.navigate(path);
        return page;
    }

    /** A page of a new browser context, signed in through the form with a session of its own, on the organizations page. */
    Page ownSession() {
        Page page = newPage();
        signIn(page);
        return page;
    }

    void signIn(Page page) {
        page.navigate("/console/sign-in");
        page.getByLabel("Staff token").fill(token);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/console/organizations");
    }

    /** A full-page screenshot kept as a test artifact, under target/ (the README's own are taken by {@code ConsoleScreenshotsTest}). */
    void screenshot(Page page, String name) {
        screenshot(page, SCREENSHOTS.resolve(name + ".png"));
    }

    static void screenshot(Page page, Path file) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(file));
    }

    /** A demo organization with a pack applied by the engine directly (the console's own apply is tested elsewhere). */
    ApplyResult demoWith(String slug, String name, String pack, String mode) {
        seedReset.createOrganization(slug, name, OrganizationKind.DEMO);
        return seedReset.apply(ApplyRequest.of(PackRequest.of(pack, slug).mode(mode).seed(1L).anchor(ANCHOR)).confirm(slug));
    }

    /** Rows in the organization's tenant tables that Seed &amp; Reset's ledger records, and its applications: what a write would change. */
    long ledgerRows(String slug) {
        return tenant.queryForLong("SELECT count(*) FROM platform.seed_rows r JOIN platform.organizations o ON o.id = r.org_id WHERE o.slug = ?", slug);
    }

    long applications(String slug) {
        return tenant.queryForLong("SELECT count(*) FROM platform.seed_applications a JOIN platform.organizations o ON o.id = a.org_id WHERE o.slug = ?",
                slug);
    }

    long ticketingRows(String slug) {
        return tenant.queryForLong("""
                SELECT (SELECT count(*) FROM ticketing.events e WHERE e.org_id = o.id) + (SELECT count(*) FROM ticketing.orders r WHERE r.org_id = o.id)
                     + (SELECT count(*) FROM ticketing.users u WHERE u.org_id = o.id)
                  FROM platform.organizations o WHERE o.slug = ?""", slug);
    }

    // ------------------------------------------------------------------ plain HTTP, as a prospect's client or a forger

    /** Signs a persona in to the platform API; returns the session token. */
    String personaToken(String organization, String email) throws Exception {
        HttpResponse<String> login = post("/api/v1/auth/login", null, JSON.writeValueAsString(
                Map.of("organization", organization, "email", email, "password", TICKETING_PASSWORD)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("token").asText();
    }

    JsonNode apiPost(String token, String path, Object body) throws Exception {
        HttpResponse<String> response = post(path, token, JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    int apiGet(String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form posted with a session cookie, as a page of another site (or a script) would try it. */
    HttpResponse<String> postForm(String path, String cookie, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            browser.close();
            playwright.close();
        } finally {
            server.close();
            pool.close();
        }
    }
}
