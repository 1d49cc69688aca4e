package io.seedreset.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console's Snapshots and Schedules tabs in headless Chromium, each step checked against the database:
 * take a snapshot, download it, restore it after its preview once the slug is typed (a wrong one, typed or
 * forged, writes nothing); make it the baseline a reset returns to, the reset naming its backup; schedule a
 * nightly reset. A production organization has neither tab, and a forged form is refused and audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSnapshotsTest {

    private static final String PACK = "ticketing-demo";
    private static final String MODE = "minimal";
    private static final String CHANGED = "Changed by a prospect";

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
    void a_snapshot_is_taken_downloaded_and_restored_after_its_preview_once_the_slug_is_typed() throws Exception {
        String slug = "snap-demo";
        console.demoWith(slug, "Snap Tickets (demo)", PACK, MODE);
        Page page = console.signedIn("/console/organizations/" + slug);
        page.locator(".tabs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Snapshots")).click();
        page.waitForURL("**/" + slug + "/snapshots");
        assertThat(page.getByText("No snapshots yet")).isVisible();

        page.getByLabel("Name").fill("before-call");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take snapshot")).click();
        page.waitForURL("**/" + slug + "/snapshots");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Took snapshot before-call");
        Locator row = page.locator("tr[data-snapshot=before-call]");
        assertThat(row).containsText("Manual");
        assertThat(row).containsText("staff:" + ConsoleFixture.STAFF_NAME);
        long rows = console.seedReset.snapshots(slug).get(0).rows();
        assertThat(row.locator("td.num").first()).hasText(Formats.count(rows));

        Download download = page.waitForDownload(() -> row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Download")).click());
        assertThat(download.suggestedFilename()).isEqualTo(slug + "-before-call.zip");
        assertThat(Arrays.copyOf(Files.readAllBytes(download.path()), 2)).as("a zip").isEqualTo(new byte[] {'P', 'K'});

        // A prospect changes the demo; the restore's preview says what it would do and writes nothing.
        console.tenant.execute("UPDATE ticketing.events SET name = ? WHERE org_id = (SELECT id FROM platform.organizations WHERE slug = ?)", CHANGED, slug);
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Restore")).click();
        page.waitForURL("**/snapshots/before-call/restore");
        assertThat(page.locator("[data-restore-summary]")).containsText("writes " + Formats.count(rows) + " rows");
        assertThat(page.locator("table.restore-preview tfoot td.num").last()).hasText(Formats.count(rows));
        assertThat(eventNames(slug)).allMatch(CHANGED::equals);
        console.screenshot(page, "snapshot-restore-preview");

        Locator restore = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore before-call"));
        Locator confirm = page.getByLabel("Type " + slug + " to confirm");
        assertThat(restore).isDisabled();
        confirm.fill("snap");
        assertThat(restore).isDisabled();

        // The server checks again: forged with a wrong slug, the restore is refused and writes nothing.
        String csrf = page.locator("form.signout input[name=_csrf]").inputValue();
        HttpResponse<String> forged = console.postForm("/console/organizations/" + slug + "/snapshots/before-call/restore", sessionCookie(page),
                Map.of("_csrf", csrf, "confirm", "snap"));
        assertThat(forged.statusCode()).isEqualTo(409);
        assertThat(forged.body()).contains("That did not go through");
        assertThat(eventNames(slug)).allMatch(CHANGED::equals);

        confirm.fill(slug);
        restore.click();
        page.waitForURL("**/" + slug + "/snapshots");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Restored before-call into " + slug);
        assertThat(eventNames(slug)).isNotEmpty().noneMatch(CHANGED::equals);
        page.context().close();
    }

    @Test
    void a_snapshot_set_as_baseline_is_what_reset_now_restores_and_the_reset_names_its_backup() {
        String slug = "base-demo";
        console.demoWith(slug, "Baseline Tickets (demo)", PACK, MODE);
        console.seedReset.createSnapshot(slug, "golden");
        Page page = console.signedIn("/console/organizations/" + slug + "/snapshots");
        assertThat(page.locator("[data-baseline]")).containsText("applies the organization's packs again");

        page.getByLabel("Reset returns to").selectOption("golden");
        page.locator("#baseline-confirm").fill(slug);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set baseline")).click();
        page.waitForURL("**/" + slug + "/snapshots");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Reset restores snapshot golden");
        assertThat(page.locator("[data-baseline]")).containsText("golden");
        assertThat(page.locator("tr[data-snapshot=golden]")).containsText("Baseline");
        assertThat(console.seedReset.baseline(slug)).hasValueSatisfying(baseline -> assertThat(baseline.name()).isEqualTo("golden"));

        console.tenant.execute("UPDATE ticketing.events SET name = ? WHERE org_id = (SELECT id FROM platform.organizations WHERE slug = ?)", CHANGED, slug);
        page.navigate("/console/organizations/" + slug);
        assertThat(page.locator("section[aria-labelledby=reset-title]")).containsText("restores its baseline, snapshot golden");
        page.getByLabel("Type " + slug + " to confirm").first().fill(slug);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset now")).click();
        page.waitForURL("**/console/organizations/" + slug);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 snapshot restored (golden)");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Backup taken first: backup-");
        assertThat(eventNames(slug)).isNotEmpty().noneMatch(CHANGED::equals);
        console.screenshot(page, "reset-to-baseline");

        page.navigate("/console/organizations/" + slug + "/snapshots");
        assertThat(page.locator("tr[data-snapshot^=backup-]")).containsText("Backup");
        console.screenshot(page, "snapshots");
        page.getByLabel("Reset returns to").selectOption("");
        page.locator("#baseline-confirm").fill(slug);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set baseline")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Reset applies the packs of " + slug + " again");
        assertThat(console.seedReset.baseline(slug)).isEmpty();

        // Schedules: a nightly reset, shown with its next run and no result yet.
        page.locator(".tabs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Schedules")).click();
        page.waitForURL("**/" + slug + "/schedules");
        page.locator("#schedule-job").selectOption("reset");
        page.getByLabel("When").fill("nightly 03:00");
        page.locator("#schedule-confirm").fill(slug);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule").setExact(true)).click();
        page.waitForURL("**/" + slug + "/schedules");
        Locator reset = page.locator("tr[data-job=reset]");
        assertThat(reset).containsText("nightly 03:00");
        assertThat(reset).containsText("Not run yet");
        assertThat(reset.locator("time").first()).isVisible();
        console.screenshot(page, "schedules");
        page.context().close();
    }

    @Test
    void a_production_organization_has_no_snapshot_pages_and_a_forged_snapshot_form_is_refused_and_audited() throws Exception {
        String production = ConsoleFixture.PRODUCTION;
        Page page = console.signedIn("/console/organizations/" + production + "/snapshots");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("is production");
        assertThat(page.locator(".tabs a")).hasCount(0);

        String csrf = page.locator("form.signout input[name=_csrf]").inputValue();
        String cookie = sessionCookie(page);
        String path = "/console/organizations/" + production;
        for (Map.Entry<String, Map<String, String>> forged : Map.of(
                path + "/snapshots", Map.of("_csrf", csrf, "name", "exfiltrate"),
                path + "/baseline", Map.of("_csrf", csrf, "snapshot", "exfiltrate", "confirm", production),
                path + "/snapshots/exfiltrate/restore", Map.of("_csrf", csrf, "confirm", production)).entrySet()) {
            HttpResponse<String> response = console.postForm(forged.getKey(), cookie, forged.getValue());
            assertThat(response.statusCode()).as(forged.getKey()).isEqualTo(403);
            assertThat(response.body()).contains("production organization");
        }
        assertThat(console.tenant.queryForLong("SELECT count(*) FROM platform.snapshots s JOIN platform.organizations o ON o.id = s.org_id"
                + " WHERE o.slug = ?", production)).isZero();
        assertThat(console.applications(production)).isZero();
        assertThat(console.tenant.strings("SELECT operation || ' ' || outcome FROM platform.seed_audit WHERE org_slug = ? ORDER BY id", production))
                .contains("snapshot refused", "baseline refused", "restore refused");
        page.context().close();
    }

    private java.util.List<String> eventNames(String slug) {
        return console.tenant.strings("SELECT e.name FROM ticketing.events e JOIN platform.organizations o ON o.id = e.org_id WHERE o.slug = ?", slug);
    }

    private static String sessionCookie(Page page) {
        return page.context().cookies().stream().filter(cookie -> cookie.name.equals(StaffConsole.SESSION_COOKIE))
                .map(cookie -> cookie.name + "=" + cookie.value).findFirst().orElseThrow();
    }
}
