package io.seedreset.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.platform.staff.Staff;
import io.seedreset.server.admin.StaffDesk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's screenshots of the console, taken on a scene a prospect would recognise rather than on the
 * functional tests' leftovers: Encore Ticketing in production, its sales demo (reset once), its QA tenant, a
 * second prospect's demo and a customer's empty sandbox, with a staff member signed in. Each screenshot is
 * also a test of what it shows, so that the README cannot picture a console that does not exist.
 *
 * <p>Every screenshot goes to target/console-screenshots/ with the functional tests' artifacts (1280x800
 * viewport, full page). With {@code -Dreadme.screenshots=true} the README's two also replace docs/images/'s,
 * which carry the day they were taken: a plain build leaves the checkout as it found it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleScreenshotsTest {

    private static final String PRODUCTION = "encore";
    private static final String DEMO = "encore-demo";
    private static final String AGENCY_DEMO = "northwind-demo";
    private static final String QA = "encore-qa";
    private static final String SANDBOX = "harbor-sandbox";
    private static final String TICKETING = "ticketing-demo";
    private static final String AGENCY = "event-agency-starter";
    /** The scene's organizations in the order the console lists them (by name), with the badge each one wears. */
    private static final Map<String, String> BADGES = badges();

    private ConsoleFixture console;
    /** One signed-in page (1280x800) that every test navigates: the pictures need no session of their own. */
    private Page page;
    /** The rows the engine wrote into encore-demo when it reset it: what "Rows seeded" must say. */
    private long demoRows;
    /** When the engine reset encore-demo: what "Last reset" must say. */
    private Instant demoResetAt;

    @BeforeAll
    void buildTheScene() {
        // The real clock: the database dates creations and resets by its own, and the pictures must read as one day's work.
        console = new ConsoleFixture(PRODUCTION, "Encore Ticketing", Clock.systemUTC());
        // Through the staff desk, as the console itself would, so the history names a person and not the build.
        Staff.Member staff = console.staff.authenticate(console.token).orElseThrow();
        StaffDesk desk = console.desk;
        desk.createOrganization(staff, DEMO, "Encore Ticketing (demo)", "demo");
        desk.createOrganization(staff, AGENCY_DEMO, "Northwind Events (demo)", "demo");
        desk.createOrganization(staff, QA, "Encore Ticketing QA", "qa");
        desk.createOrganization(staff, SANDBOX, "Harbor Hall Sandbox", "sandbox");
        desk.apply(staff, DEMO, new StaffDesk.PackCall(TICKETING, "default", null, null, Map.of()), DEMO, false, null);
        desk.apply(staff, AGENCY_DEMO, new StaffDesk.PackCall(AGENCY, "default", null, null, Map.of()), AGENCY_DEMO, false, null);
        desk.apply(staff, QA, new StaffDesk.PackCall(TICKETING, "minimal", null, null, Map.of()), QA, false, null);

        demoRows = desk.reset(staff, DEMO, DEMO, null).result().reapplied().stream().mapToLong(ApplyResult::totalRows).sum();
        demoResetAt = desk.history(DEMO, 10, null, null).applications().stream()
                .filter(application -> application.removal() == ApplicationRecord.Removal.RESET).map(ApplicationRecord::removedAt)
                .findFirst().orElseThrow();
        page = console.ownSession();
    }

    @AfterAll
    void stop() {
        console.close();
    }

    @Test
    void the_organizations_page_shows_every_kind_with_its_badge_what_each_has_seeded_and_no_seed_action_on_production() {
        page.navigate("/console/organizations");

        assertThat(page.locator(".who")).hasText(ConsoleFixture.STAFF_NAME);

        assertThat(page.locator(".org-card .org-card-title")).hasText(new String[] {
                "Encore Ticketing", "Encore Ticketing (demo)", "Encore Ticketing QA", "Harbor Hall Sandbox", "Northwind Events (demo)"});
        BADGES.forEach((slug, badge) -> assertThat(card(page, slug).locator(".badge")).hasText(badge));
        long seeded = console.desk.organizations().stream().mapToLong(StaffDesk.OrganizationSummary::rows).sum();
        assertThat(page.locator(".subtitle")).hasText("5 organizations · 4 you can seed · " + Formats.count(seeded) + " rows seeded");

        Locator production = card(page, PRODUCTION);
        assertThat(production).containsText("Protected: never seeded, no seed actions.");
        assertThat(production.locator(".chips, .stats, form, button")).hasCount(0);
        assertThat(production.locator("a")).hasCount(1);

        Locator demo = card(page, DEMO);
        assertThat(demoRows).as("the engine's count is what the ledger holds").isEqualTo(console.ledgerRows(DEMO)).isPositive();
        assertThat(demo.locator(".chip")).hasText(new String[] {TICKETING + " " + version(TICKETING) + " · default"});
        assertThat(stat(demo, "Rows seeded")).hasText(Formats.count(demoRows));
        assertThat(stat(demo, "Last reset")).hasText(Formats.when(demoResetAt));

        assertThat(card(page, AGENCY_DEMO).locator(".chip")).containsText(new String[] {AGENCY});
        assertThat(card(page, QA).locator(".chip")).hasText(new String[] {TICKETING + " " + version(TICKETING) + " · minimal"});
        assertThat(stat(card(page, QA), "Last reset")).hasText("Never");
        Locator sandbox = card(page, SANDBOX);
        assertThat(sandbox).containsText("No packs applied yet");
        assertThat(stat(sandbox, "Rows seeded")).hasText("0");

        ConsoleFixture.screenshot(page, readmeImage("console-organizations.png"));
    }

    @Test
    void the_plan_preview_of_ticketing_demo_for_the_empty_sandbox_matches_the_engines_plan_and_writes_nothing() {
        PlanResult expected = console.seedReset.plan(PackRequest.of(TICKETING, SANDBOX));
        page.navigate("/console/organizations/" + SANDBOX);
        page.getByLabel("Pack", new Page.GetByLabelOptions().setExact(true)).selectOption(TICKETING);
        page.getByLabel("Mode").selectOption("default");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview plan")).click();
        page.waitForURL("**/console/organizations/" + SANDBOX + "/plan?*");

        assertThat(page.locator("h1 .badge")).hasText("Sandbox");
        assertThat(page.locator("[data-plan-hash]")).hasText(expected.planHash());
        assertThat(page.locator("table.counts tfoot td.num")).hasText(Formats.count(expected.totalRows()));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply to " + SANDBOX))).isDisabled();
        // The first table's sample rows open, so the picture shows what the rows look like.
        Locator sample = page.locator("details.sample").first();
        sample.locator("summary").click();
        assertThat(sample.locator("tbody tr").first()).isVisible();

        ConsoleFixture.screenshot(page, readmeImage("console-plan-preview.png"));
        assertThat(console.applications(SANDBOX)).isZero();
        assertThat(console.ledgerRows(SANDBOX)).isZero();
    }

    @Test
    void the_demos_page_shows_the_rows_the_engine_seeded_the_last_reset_and_who_applied_it() {
        page.navigate("/console/organizations/" + DEMO);

        assertThat(page.locator("h1 .badge")).hasText("Demo");
        assertThat(stat(page.locator(".stat-cards"), "Rows seeded")).hasText(Formats.count(demoRows));
        assertThat(stat(page.locator(".stat-cards"), "Packs applied")).hasText("1");
        assertThat(stat(page.locator(".stat-cards"), "Last reset")).hasText(Formats.when(demoResetAt));
        Locator applied = page.locator("section[aria-labelledby=applied-title] tbody tr");
        assertThat(applied).hasCount(1);
        assertThat(applied).containsText(TICKETING);
        assertThat(applied).containsText("default");
        assertThat(applied).containsText("staff:" + ConsoleFixture.STAFF_NAME);
        assertThat(applied.locator("td.num").last()).hasText(Formats.count(demoRows));

        console.screenshot(page, "readme-organization");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, String> badges() {
        Map<String, String> badges = new LinkedHashMap<>();
        badges.put(PRODUCTION, "Production");
        badges.put(DEMO, "Demo");
        badges.put(QA, "QA");
        badges.put(SANDBOX, "Sandbox");
        badges.put(AGENCY_DEMO, "Demo");
        return badges;
    }

    private String version(String pack) {
        return console.desk.packs().stream().filter(descriptor -> descriptor.id().equals(pack)).findFirst().orElseThrow().version();
    }

    /** The organization's card on the organizations page, found by its slug. */
    private static Locator card(Page page, String slug) {
        return page.locator(".org-card").filter(new Locator.FilterOptions().setHas(
                page.locator("code").getByText(slug, new Locator.GetByTextOptions().setExact(true))));
    }

    /** The value of the statistic labelled {@code label} within {@code scope}. */
    private static Locator stat(Locator scope, String label) {
        return scope.locator("div").filter(new Locator.FilterOptions().setHas(
                scope.page().locator("dt").getByText(label, new Locator.GetByTextOptions().setExact(true)))).locator("dd");
    }

    /**
     * Where a README image is written: docs/images of the repository (looked for upwards from the working
     * directory: Maven runs the tests in seedreset-server/, an IDE may run them at the root) when
     * {@code -Dreadme.screenshots=true}, else target/console-screenshots/.
     */
    private static Path readmeImage(String name) {
        if (!Boolean.getBoolean("readme.screenshots")) {
            return Path.of("target", "console-screenshots", "readme-" + name);
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path images = directory.resolve("docs").resolve("images");
            if (Files.isDirectory(images) && Files.isRegularFile(directory.resolve("README.md"))) {
                return images.resolve(name);
            }
        }
        throw new AssertionError("no docs/images beside a README.md above " + Path.of("").toAbsolutePath() + ": the README's screenshots have nowhere to go");
    }
}
