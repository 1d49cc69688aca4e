package io.seedreset.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.platform.staff.Staff;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The console's seed actions in headless Chromium, each checked against the database: create a demo
 * organization, preview a plan, apply it only once the slug is typed (and never on a forged confirmation),
 * reset, tear down; a production organization shows no seed action at all; a form without the session's
 * CSRF token is refused; a second mutation of a busy organization says so. Each test works on an
 * organization of its own. Screenshots of each page go to target/console-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSeedActionsTest {

    private static final String PACK = "ticketing-demo";
    private static final String MODE = "minimal";
    private static final Page.GetByRoleOptions RESET_NOW = new Page.GetByRoleOptions().setName("Reset now");

    private ConsoleFixture console;

    @BeforeAll
    void start() {
        console = new ConsoleFixture();
    }

    @AfterAll
    void stop() {
        console.close();
    }

    @Test
    void a_demo_organization_is_created_from_the_organizations_page_and_a_taken_slug_is_refused_with_the_form_kept() {
        Page page = console.signedIn("/console/organizations");
        page.getByLabel("Name").fill("Northwind Events (demo)");
        page.getByLabel("Slug").fill("northwind-demo");
        page.getByLabel("Kind").selectOption("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create organization")).click();

        page.waitForURL("**/console/organizations/northwind-demo");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Created Northwind Events (demo)");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Northwind Events (demo)");
        assertThat(page.locator("h1 .badge")).hasText("Demo");
        assertThat(console.tenant.rows("SELECT kind, is_production FROM platform.organizations WHERE slug = 'northwind-demo'"))
                .containsExactly(Map.of("kind", "demo", "is_production", false));
        assertThat(console.desk.history("northwind-demo", 10, null, null).audit()).isEmpty();

        page.navigate("/console/organizations");
        page.getByLabel("Name").fill("Northwind again");
        page.getByLabel("Slug").fill("northwind-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create organization")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The organization was not created");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("northwind-demo");
        assertThat(page.getByLabel("Name")).hasValue("Northwind again");
        assertThat(console.tenant.queryForLong("SELECT count(*) FROM platform.organizations WHERE slug = 'northwind-demo'")).isEqualTo(1);
        page.context().close();
    }

    @Test
    void a_plan_preview_shows_counts_per_table_samples_totals_and_the_plan_hash_and_writes_nothing() {
        String slug = "preview-demo";
        console.seedReset.createOrganization(slug, "Preview Tickets (demo)", OrganizationKind.DEMO);
        PlanResult expected = console.seedReset.plan(PackRequest.of(PACK, slug).mode(MODE));

        Page page = planPage(slug);

        assertThat(page).hasTitle("Plan " + PACK + " · Preview Tickets (demo) · Seed & Reset staff console");
        assertThat(page.locator("[data-plan-hash]")).hasText(expected.planHash());
        Locator counts = page.locator("table.counts");
        expected.counts().forEach((table, rows) ->
                assertThat(counts.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(table)).first().locator("td.num"))
                        .hasText(Formats.count(rows)));
        assertThat(counts.locator("tfoot td.num")).hasText(Formats.count(expected.totalRows()));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Totals"))).isVisible();
        Locator sample = page.locator("details.sample").first();
        sample.locator("summary").click();
        assertThat(sample.locator("tbody tr").first()).isVisible();
        console.screenshot(page, "plan-preview");

        assertThat(console.applications(slug)).isZero();
        assertThat(console.ticketingRows(slug)).isZero();
        page.context().close();
    }

    @Test
    void a_wrong_slug_keeps_apply_disabled_and_a_forged_wrong_confirmation_writes_nothing() throws Exception {
        String slug = "careful-demo";
        console.seedReset.createOrganization(slug, "Careful Tickets (demo)", OrganizationKind.DEMO);
        Page page = planPage(slug);
        Locator apply = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply to " + slug));
        Locator confirm = page.getByLabel("Type " + slug + " to confirm");

        assertThat(apply).isDisabled();
        for (String wrong : List.of("careful", "careful-dem", "Careful-Demo", slug + " ", "other-demo")) {
            confirm.fill(wrong);
            assertThat(apply).isDisabled();
        }
        confirm.fill(slug);
        assertThat(apply).isEnabled();

        // The server checks again: the same form, forged with a wrong confirmation, is refused and writes nothing.
        Map<String, String> form = formFields(page.locator("form[action$='/apply']"));
        form.put("confirm", "other-demo");
        HttpResponse<String> forged = console.postForm("/console/organizations/" + slug + "/apply", sessionCookie(page), form);

        assertThat(forged.statusCode()).isEqualTo(409);
        assertThat(forged.body()).contains("That did not go through").contains("other-demo").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(console.applications(slug)).isZero();
        assertThat(console.ledgerRows(slug)).isZero();
        assertThat(console.ticketingRows(slug)).isZero();
        // ... and the refused attempt is in the audit.
        page.navigate("/console/organizations/" + slug + "/history");
        assertThat(page.locator("table.audit tbody tr").first()).containsText("Conflict");
        page.context().close();
    }

    @Test
    void the_right_slug_typed_with_the_keyboard_applies_the_plan_and_the_rows_and_the_history_show_it() {
        String slug = "keyboard-demo";
        console.seedReset.createOrganization(slug, "Keyboard Tickets (demo)", OrganizationKind.DEMO);
        Page page = planPage(slug);
        String planHash = page.locator("[data-plan-hash]").textContent();

        // Tab through the page to the confirmation, type the slug, Tab to the button, Enter.
        Locator confirm = page.getByLabel("Type " + slug + " to confirm");
        tabUntilFocused(page, confirm);
        page.keyboard().type(slug);
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply to " + slug))).isFocused();
        page.keyboard().press("Enter");

        page.waitForURL("**/console/organizations/" + slug);
        long rows = console.ledgerRows(slug);
        assertThat(rows).isPositive();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Applied " + PACK);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(Formats.count(rows) + " rows written");
        assertThat(page.locator(".stat").filter(new Locator.FilterOptions().setHasText("Rows seeded")).locator("dd")).hasText(Formats.count(rows));
        assertThat(page.locator("section[aria-labelledby=applied-title] tbody")).containsText(PACK);
        assertThat(console.tenant.strings("SELECT a.plan_hash FROM platform.seed_applications a JOIN platform.organizations o ON o.id = a.org_id"
                + " WHERE o.slug = ?", slug)).containsExactly(planHash);
        assertThat(console.tenant.strings("SELECT a.actor FROM platform.seed_applications a JOIN platform.organizations o ON o.id = a.org_id"
                + " WHERE o.slug = ?", slug)).containsExactly("staff:" + ConsoleFixture.STAFF_NAME);
        console.screenshot(page, "organization");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("History")).click();
        page.waitForURL("**/history");
        Locator latest = page.locator("table.audit tbody tr").first();
        assertThat(latest).containsText("apply " + PACK);
        assertThat(latest).containsText("staff:" + ConsoleFixture.STAFF_NAME);
        assertThat(latest).containsText("Succeeded");
        assertThat(page.locator("section").filter(new Locator.FilterOptions().setHasText("Applications")).locator("tbody tr").first())
                .containsText("Active");
        console.screenshot(page, "history");
        page.context().close();
    }

    @Test
    void reset_now_and_tear_down_are_confirmed_by_the_slug_and_do_what_they_say() {
        String slug = "reset-demo";
        console.demoWith(slug, "Reset Tickets (demo)", PACK, MODE);
        long rows = console.ledgerRows(slug);
        Page page = console.signedIn("/console/organizations/" + slug);
        assertThat(page.locator(".stat").filter(new Locator.FilterOptions().setHasText("Last reset")).locator("dd")).hasText("Never");

        Locator resetNow = page.getByRole(AriaRole.BUTTON, RESET_NOW);
        assertThat(resetNow).isDisabled();
        page.getByLabel("Type " + slug + " to confirm").first().fill(slug);
        resetNow.click();

        page.waitForURL("**/console/organizations/" + slug);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Reset " + slug);
        assertThat(page.locator(".stat").filter(new Locator.FilterOptions().setHasText("Last reset")).locator("dd")).not().hasText("Never");
        assertThat(console.tenant.rows("SELECT a.removal FROM platform.seed_applications a JOIN platform.organizations o ON o.id = a.org_id"
                + " WHERE o.slug = ? ORDER BY a.removal NULLS LAST", slug)).extracting(row -> row.get("removal"))
                .containsExactly("reset", null);
        assertThat(console.ledgerRows(slug)).isEqualTo(rows);

        Locator tearDown = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tear down"));
        assertThat(tearDown).isDisabled();
        page.locator("#teardown-confirm").fill(slug);
        tearDown.click();

        page.waitForURL("**/console/organizations/" + slug);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Tore down 1 application of " + slug);
        assertThat(console.ledgerRows(slug)).isZero();
        assertThat(console.ticketingRows(slug)).isZero();
        assertThat(page.getByText("Nothing applied yet")).isVisible();
        page.context().close();
    }

    @Test
    void a_production_organization_shows_no_seed_actions_and_a_forged_one_is_refused_audited_and_writes_nothing() throws Exception {
        Page page = console.signedIn("/console/organizations");
        Locator card = page.locator(".org-card").filter(new Locator.FilterOptions().setHasText(ConsoleFixture.PRODUCTION));
        assertThat(card.locator(".badge")).hasText("Production");
        assertThat(card).containsText("Protected");

        card.getByRole(AriaRole.LINK).click();
        page.waitForURL("**/console/organizations/" + ConsoleFixture.PRODUCTION);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Production organization: seed actions are off"))).isVisible();
        assertThat(page.locator("main form")).hasCount(0);
        assertThat(page.locator("main button")).hasCount(0);
        assertThat(page.locator("[data-confirm-slug], [data-progress-url]")).hasCount(0);
        assertThat(page.locator("main a[href*='/plan'], main a[href*='/mail'], main a[href*='/logins']")).hasCount(0);
        assertThat(page.locator(".tabs a")).hasText(new String[] {"Overview", "History"});
        console.screenshot(page, "production-organization");

        // Typed by hand, the demo pages and the plan are refused; a forged reset is refused by the boundary and audited.
        page.navigate("/console/organizations/" + ConsoleFixture.PRODUCTION + "/mail");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("is production");
        page.navigate("/console/organizations/" + ConsoleFixture.PRODUCTION + "/plan?pack=" + PACK);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText(ConsoleFixture.PRODUCTION);
        String csrf = page.locator("form.signout input[name=_csrf]").inputValue();
        HttpResponse<String> forged = console.postForm("/console/organizations/" + ConsoleFixture.PRODUCTION + "/reset", sessionCookie(page),
                Map.of("_csrf", csrf, "confirm", ConsoleFixture.PRODUCTION));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(console.applications(ConsoleFixture.PRODUCTION)).isZero();
        assertThat(console.ledgerRows(ConsoleFixture.PRODUCTION)).isZero();
        page.navigate("/console/organizations/" + ConsoleFixture.PRODUCTION + "/history");
        assertThat(page.locator("table.audit tbody tr").filter(new Locator.FilterOptions().setHasText("reset"))).containsText("Refused");
        assertThat(page.locator("table.audit tbody tr").filter(new Locator.FilterOptions().setHasText("plan"))).containsText("Refused");
        page.context().close();
    }

    @Test
    void a_form_posted_without_the_sessions_csrf_token_is_refused_and_writes_nothing() throws Exception {
        String slug = "csrf-demo";
        console.demoWith(slug, "CSRF Tickets (demo)", PACK, MODE);
        long rows = console.ledgerRows(slug);
        Page page = console.signedIn("/console/organizations/" + slug);
        String cookie = sessionCookie(page);
        Page other = console.ownSession();
        String othersToken = other.locator("form.signout input[name=_csrf]").inputValue();

        for (Map<String, String> form : List.of(Map.of("confirm", slug), Map.of("confirm", slug, "_csrf", ""),
                Map.of("confirm", slug, "_csrf", othersToken))) {
            HttpResponse<String> response = console.postForm("/console/organizations/" + slug + "/reset", cookie, form);
            assertThat(response.statusCode()).as(form.toString()).isEqualTo(403);
            assertThat(response.body()).contains("This form expired");
        }
        HttpResponse<String> create = console.postForm("/console/organizations", cookie, Map.of("name", "Forged", "slug", "forged-demo", "kind", "demo"));
        HttpResponse<String> signedOut = console.postForm("/console/organizations/" + slug + "/teardown", null, Map.of("confirm", slug));

        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(signedOut.statusCode()).isEqualTo(401);
        assertThat(console.tenant.queryForLong("SELECT count(*) FROM platform.organizations WHERE slug = 'forged-demo'")).isZero();
        assertThat(console.applications(slug)).isEqualTo(1);
        assertThat(console.ledgerRows(slug)).isEqualTo(rows);
        assertThat(console.desk.history(slug, 10, null, null).audit()).as("refused before the engine: nothing attempted").hasSize(1);
        page.context().close();
        other.context().close();
    }

    @Test
    void a_running_mutation_shows_its_progress_and_a_second_one_is_refused_as_busy() throws Exception {
        String slug = "busy-demo";
        console.demoWith(slug, "Busy Tickets (demo)", PACK, MODE);
        Staff.Member member = console.staff.authenticate(console.token).orElseThrow();
        Page page = console.signedIn("/console/organizations/" + slug);

        CompletableFuture<?> teardown;
        // Another session holds the organization's row: the teardown starts, and waits for it.
        try (Connection holder = console.tenant.dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM platform.organizations WHERE slug = ? FOR UPDATE")) {
                lock.setString(1, slug);
                lock.executeQuery().close();
            }
            teardown = CompletableFuture.runAsync(() -> console.desk.teardown(member, slug, slug, null));
            waitUntil(() -> console.desk.running(slug).isPresent(), "the teardown to start");

            page.navigate("/console/organizations/" + slug);
            assertThat(page.locator("[data-running-url]")).containsText("Teardown in progress");
            var state = page.request().get("/console/organizations/" + slug + "/running");
            assertThat(state.status()).isEqualTo(200);
            assertThat(state.text()).contains("\"running\":true").contains("\"operation\":\"teardown\"").contains(ConsoleFixture.STAFF_NAME);

            page.getByLabel("Type " + slug + " to confirm").first().fill(slug);
            page.getByRole(AriaRole.BUTTON, RESET_NOW).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("organization '" + slug + "' is busy");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("started a teardown");
            console.screenshot(page, "organization-busy");
            holder.rollback();
        }
        teardown.get(60, TimeUnit.SECONDS);
        assertThat(console.ledgerRows(slug)).as("the teardown went on; the reset never ran").isZero();
        assertThat(console.tenant.rows("SELECT a.removal FROM platform.seed_applications a JOIN platform.organizations o ON o.id = a.org_id"
                + " WHERE o.slug = ?", slug)).extracting(row -> row.get("removal")).containsExactly("teardown");
        var idle = page.request().get("/console/organizations/" + slug + "/running");
        assertThat(idle.text()).contains("\"running\":false");
        page.context().close();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void the_organizations_page_and_the_catalog_read_well_on_a_desktop_and_on_a_phone() {
        Page page = console.signedIn("/console/organizations");
        assertThat(page.locator(".org-card")).not().hasCount(0);
        console.screenshot(page, "organizations");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pack catalog")).click();
        page.waitForURL("**/console/packs");
        assertThat(page.locator("article.pack")).hasCount(console.desk.packs().size());
        console.screenshot(page, "pack-catalog");
        page.context().close();

        Page phone = console.newPage(390, 844);
        console.signIn(phone);
        assertThat(phone.locator(".org-card").first()).isVisible();
        assertThat((Object) phone.evaluate("document.documentElement.scrollWidth")).as("nothing wider than the phone").isEqualTo(390);
        console.screenshot(phone, "organizations-phone");
        phone.context().close();
    }

    // ------------------------------------------------------------------ helpers

    /** Signed in, on the organization's page, the plan of ticketing-demo (minimal) previewed from its form. */
    private Page planPage(String slug) {
        Page page = console.signedIn("/console/organizations/" + slug);
        page.getByLabel("Pack", new Page.GetByLabelOptions().setExact(true)).selectOption(PACK);
        page.getByLabel("Mode").selectOption(MODE);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview plan")).click();
        page.waitForURL("**/console/organizations/" + slug + "/plan?*");
        return page;
    }

    private static void tabUntilFocused(Page page, Locator target) {
        for (int presses = 0; presses < 80; presses++) {
            if ((Boolean) target.evaluate("element => element === document.activeElement")) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("80 presses of Tab never reached " + target);
    }

    private static Map<String, String> formFields(Locator form) {
        @SuppressWarnings("unchecked")
        Map<String, String> fields = (Map<String, String>) form.evaluate(
                "form => Object.fromEntries([...new FormData(form).entries()].map(([name, value]) => [name, String(value)]))");
        return new java.util.LinkedHashMap<>(fields);
    }

    private static String sessionCookie(Page page) {
        return page.context().cookies().stream().filter(cookie -> cookie.name.equals(StaffConsole.SESSION_COOKIE))
                .map(cookie -> cookie.name + "=" + cookie.value).findFirst().orElseThrow();
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 20 s for " + what);
            }
            Thread.onSpinWait();
        }
    }
}
