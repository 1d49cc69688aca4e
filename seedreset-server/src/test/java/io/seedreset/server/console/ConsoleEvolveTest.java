package io.seedreset.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console's Evolve tab in headless Chromium, each step checked against the database: the page shows the
 * organization's clock; time travel a month ahead moves it and posts the days skipped, and a month back leaves
 * exactly the rows there were; a wrong slug, typed or forged, moves nothing; today's activity posts; a file chosen is
 * imported into a table, a bad one writing nothing. A production
 * organization has no Evolve tab, and its forged forms are refused and audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleEvolveTest {

    private static final String SLUG = "evolve-demo";

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
    void time_travel_a_month_ahead_then_back_leaves_the_rows_as_they_were_and_a_wrong_slug_is_refused() throws Exception {
        console.demoWith(SLUG, "Evolve Tickets (demo)", "ticketing-demo", "minimal");
        List<String> before = orders();
        Page page = console.signedIn("/console/organizations/" + SLUG);
        page.locator(".tabs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Evolve")).click();
        page.waitForURL("**/" + SLUG + "/evolve");
        assertThat(page.locator("[data-clock-months]")).containsText("runs on the real clock: its today is 2026-11-21");

        Locator travel = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Travel"));
        Locator confirm = page.getByLabel("Type " + SLUG + " to confirm").first();
        confirm.fill("evolve");
        assertThat(travel).isDisabled();

        // The server checks again: forged with a wrong slug, the time travel is refused and moves nothing.
        String csrf = page.locator("form.signout input[name=_csrf]").inputValue();
        HttpResponse<String> forged = console.postForm("/console/organizations/" + SLUG + "/timetravel", sessionCookie(page),
                Map.of("_csrf", csrf, "months", "1", "direction", "ahead", "confirm", "evolve"));
        assertThat(forged.statusCode()).isEqualTo(409);
        assertThat(forged.body()).contains("That did not go through");
        assertThat(console.seedReset.requireOrganization(SLUG).clockMonths()).isZero();
        assertThat(orders()).isEqualTo(before);

        confirm.fill(SLUG);
        travel.click();
        page.waitForURL("**/" + SLUG + "/evolve");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Moved the clock of " + SLUG + " from 0 to 1 month(s) ahead");
        assertThat(page.locator("[data-clock-months]")).containsText("runs 1 month ahead of the real clock: its today is 2026-12-21");
        assertThat(console.seedReset.requireOrganization(SLUG).clockMonths()).isEqualTo(1);
        assertThat(page.locator("[data-ahead]")).hasText("clock 1 month ahead, today 2026-12-21");
        assertThat(orders()).isNotEqualTo(before);
        console.screenshot(page, "evolve");

        page.getByLabel("Direction").selectOption("back");
        page.getByLabel("Type " + SLUG + " to confirm").first().fill(SLUG);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Travel")).click();
        page.waitForURL("**/" + SLUG + "/evolve");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("from 1 to 0 month(s) ahead");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 activity application torn down");
        assertThat(page.locator("[data-clock-months]")).containsText("runs on the real clock");
        assertThat(console.seedReset.requireOrganization(SLUG).clockMonths()).isZero();
        assertThat(page.locator("[data-ahead]")).hasCount(0);
        assertThat(orders()).isEqualTo(before);

        page.locator("#activity-confirm").fill(SLUG);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post today's activity")).click();
        page.waitForURL("**/" + SLUG + "/evolve");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Posted the activity of 2026-11-21 in " + SLUG);
        assertThat(orders()).isNotEqualTo(before);
        page.context().close();
    }

    @Test
    void a_file_chosen_is_imported_into_the_table_and_a_bad_one_writes_nothing() {
        String slug = "import-demo";
        console.demoWith(slug, "Import Tickets (demo)", "ticketing-demo", "minimal");
        Page page = console.signedIn("/console/organizations/" + slug + "/evolve");
        String header = "name,category,contact_name,email,phone,city,state,rating,created_at\n";

        page.getByLabel("Table").fill("suppliers.vendors");
        page.locator("#import-file").setInputFiles(new FilePayload("bad.csv", "text/csv",
                (header + "Bad,florals,B,b@x.example,2,Y,TX,11,2026-01-05\n").getBytes(StandardCharsets.UTF_8)));
        page.locator("#import-confirm").fill(slug);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("bad.csv, line 2, column rating: numeric field overflow; nothing was imported");
        assertThat(vendors(slug)).isZero();

        page.navigate("/console/organizations/" + slug + "/evolve");
        page.getByLabel("Table").fill("suppliers.vendors");
        page.locator("#import-file").setInputFiles(new FilePayload("vendors.csv", "text/csv", (header
                + "\"Bloom & Co, Florals\",florals,Ana Silva,ana@bloom.example,555-0100,Austin,TX,4.5,2026-01-05\n"
                + "Sound Works,audio_visual,Lee Park,lee@sound.example,555-0101,Dallas,TX,,2026-01-06\n").getBytes(StandardCharsets.UTF_8)));
        page.locator("#import-confirm").fill(slug);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        page.waitForURL("**/" + slug + "/evolve");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Imported 2 rows of vendors.csv into suppliers.vendors");
        assertThat(vendors(slug)).isEqualTo(2);
        page.context().close();
    }

    private long vendors(String slug) {
        return console.tenant.queryForLong("SELECT count(*) FROM suppliers.vendors v JOIN platform.organizations o ON o.id = v.org_id WHERE o.slug = ?",
                slug);
    }

    @Test
    void a_production_organization_has_no_evolve_tab_and_a_forged_time_travel_is_refused_and_audited() throws Exception {
        String production = ConsoleFixture.PRODUCTION;
        Page page = console.signedIn("/console/organizations/" + production + "/evolve");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("is production");

        String csrf = page.locator("form.signout input[name=_csrf]").inputValue();
        String path = "/console/organizations/" + production;
        HttpResponse<String> travel = console.postForm(path + "/timetravel", sessionCookie(page),
                Map.of("_csrf", csrf, "months", "1", "direction", "ahead", "confirm", production));
        HttpResponse<String> activity = console.postForm(path + "/activity", sessionCookie(page), Map.of("_csrf", csrf, "confirm", production));
        HttpResponse<String> imported = console.postForm(path + "/imports", sessionCookie(page),
                Map.of("_csrf", csrf, "table", "suppliers.vendors", "confirm", production));
        assertThat(travel.statusCode()).isEqualTo(403);
        assertThat(activity.statusCode()).isEqualTo(403);
        assertThat(imported.statusCode()).isEqualTo(403);
        assertThat(travel.body()).contains("production organization");
        assertThat(console.seedReset.requireOrganization(production).clockMonths()).isZero();
        assertThat(console.applications(production)).isZero();
        assertThat(console.tenant.strings("SELECT operation || ' ' || outcome FROM platform.seed_audit WHERE org_slug = ? ORDER BY id", production))
                .contains("timetravel refused", "activity refused", "import refused");
        page.navigate("/console/organizations/" + production);
        assertThat(page.locator(".tabs a", new Page.LocatorOptions().setHasText("Evolve"))).hasCount(0);
        page.context().close();
    }

    private List<String> orders() {
        return console.tenant.strings("SELECT t::text FROM ticketing.orders t JOIN platform.organizations o ON o.id = t.org_id WHERE o.slug = ?"
                + " ORDER BY t::text", SLUG);
    }

    private static String sessionCookie(Page page) {
        return page.context().cookies().stream().filter(cookie -> cookie.name.equals(StaffConsole.SESSION_COOKIE))
                .map(cookie -> cookie.name + "=" + cookie.value).findFirst().orElseThrow();
    }
}
