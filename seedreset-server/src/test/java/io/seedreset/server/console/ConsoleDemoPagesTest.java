package io.seedreset.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.seedreset.api.OrganizationKind;
import io.seedreset.platform.identity.ApiTokens;
import io.seedreset.platform.modules.ModuleFlags;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo side of an organization in headless Chromium, fed through the platform API as a prospect
 * would: the mail an order sends is readable in the demo mailbox; persona logins are listed with their
 * passwords and their API tokens reissued; modules are switched; usage is drawn per day, module and route;
 * feedback is listed. One demo organization with ticketing-demo applied serves every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleDemoPagesTest {

    private static final String ORG = "encore-demo";
    private static final String CUSTOMER = "olivia.bennett@example.net";

    private ConsoleFixture console;
    private String orgId;

    @BeforeAll
    void start() {
        console = new ConsoleFixture();
        console.demoWith(ORG, "Encore Ticketing (demo)", "ticketing-demo", "minimal");
        orgId = console.tenant.strings("SELECT id::text FROM platform.organizations WHERE slug = ?", ORG).get(0);
    }

    @AfterAll
    void stop() {
        console.close();
    }

    @Test
    void the_mail_an_order_sends_through_the_platform_api_is_readable_in_the_demo_mailbox() throws Exception {
        String token = console.personaToken(ORG, CUSTOMER);
        String ticketType = console.tenant.strings("""
                SELECT t.id::text FROM ticketing.ticket_types t JOIN ticketing.events e ON e.id = t.event_id
                 WHERE t.org_id = ?::uuid AND t.quantity_available >= 2 AND e.status = 'ON_SALE' AND e.sales_start <= ? AND e.sales_end >= ?
                 ORDER BY t.quantity_available DESC, t.id LIMIT 1""", orgId, anchor(), anchor()).get(0);
        JsonNode order = console.apiPost(token, "/api/v1/ticketing/orders", Map.of("items", List.of(Map.of("ticketTypeId", ticketType, "quantity", 1))));
        String orderNumber = order.get("orderNumber").asText();

        Page page = console.signedIn("/console/organizations/" + ORG);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mailbox")).click();
        page.waitForURL("**/mail");
        Locator row = page.locator("table.mail tbody tr").filter(new Locator.FilterOptions().setHasText(CUSTOMER));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Captured");
        console.screenshot(page, "mailbox");

        row.getByRole(AriaRole.LINK).click();
        page.waitForURL("**/mail/*");
        assertThat(page.locator(".message-body")).containsText(orderNumber);
        assertThat(page.locator(".message-head")).containsText(CUSTOMER);
        assertThat(page).hasTitle(java.util.regex.Pattern.compile(".+ · Mailbox · Seed & Reset staff console"));
        console.screenshot(page, "mail-message");
        page.context().close();
    }

    @Test
    void persona_logins_are_listed_with_their_passwords_and_reissued_tokens_replace_the_old_ones() throws Exception {
        String old = console.desk.reissueTokens(console.staff.authenticate(console.token).orElseThrow(), ORG).stream().filter(issued -> issued.email().equals(CUSTOMER))
                .map(ApiTokens.Issued::token).findFirst().orElseThrow();
        assertThat(console.apiGet(old, "/api/v1/auth/me")).isEqualTo(200);

        Page page = console.signedIn("/console/organizations/" + ORG + "/logins");
        Locator login = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(CUSTOMER));
        assertThat(login).containsText(ConsoleFixture.TICKETING_PASSWORD);
        assertThat(login).containsText("Customer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue new API tokens")).click();

        page.waitForURL("**/logins");
        Locator issued = page.locator(".tokens tbody tr").filter(new Locator.FilterOptions().setHasText(CUSTOMER)).locator("code.secret");
        String fresh = issued.textContent();
        assertThat(fresh).startsWith("sra_");
        assertThat(console.apiGet(fresh, "/api/v1/auth/me")).isEqualTo(200);
        assertThat(console.apiGet(old, "/api/v1/auth/me")).isEqualTo(401);
        console.screenshot(page, "logins");
        page.context().close();
    }

    @Test
    void a_module_in_beta_is_switched_on_from_the_modules_page() {
        assertThat(state("dispatch").enabled()).isFalse();
        Page page = console.signedIn("/console/organizations/" + ORG + "/modules");
        Locator dispatch = page.getByLabel(java.util.regex.Pattern.compile("^dispatch"));
        assertThat(dispatch).not().isChecked();
        dispatch.check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save modules")).click();

        page.waitForURL("**/modules");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("dispatch switched on");
        assertThat(page.getByLabel(java.util.regex.Pattern.compile("^dispatch"))).isChecked();
        assertThat(state("dispatch")).isEqualTo(new ModuleFlags.State("dispatch", true, true, true));
        assertThat(state("ticketing").switched()).as("only the change is saved").isFalse();
        console.screenshot(page, "modules");
        page.context().close();
    }

    @Test
    void usage_shows_per_day_which_modules_and_routes_prospects_used() throws Exception {
        String token = console.personaToken(ORG, "ethan.park@example.org");
        assertThat(console.apiGet(token, "/api/v1/ticketing/events")).isEqualTo(200);
        assertThat(console.apiGet(token, "/api/v1/ticketing/events")).isEqualTo(200);
        assertThat(console.apiGet(token, "/api/v1/auth/me")).isEqualTo(200);
        console.platform.flushUsage();
        // Two earlier days, as the telemetry would have counted them then.
        LocalDate today = LocalDate.ofInstant(ConsoleFixture.ANCHOR, ZoneOffset.UTC);
        for (Object[] day : new Object[][] {{today.minusDays(3), "ticketing", "/api/v1/ticketing/orders", 7L},
                {today.minusDays(1), "events", "/api/v1/events", 4L}}) {
            console.tenant.execute("INSERT INTO operations.usage (organization_id, day, module, route, persona, count) VALUES (?::uuid, ?, ?, ?, ?, ?)",
                    orgId, Date.valueOf((LocalDate) day[0]), day[1], day[2], "maya.thompson@example.net", day[3]);
        }

        Page page = console.signedIn("/console/organizations/" + ORG + "/usage");
        Locator chart = page.locator("svg#usage-per-day");
        assertThat(chart).isVisible();
        // A bar on each of the three days, today's stacked by the modules used.
        for (LocalDate day : List.of(today.minusDays(3), today.minusDays(1), today)) {
            assertThat(chart.locator("rect[class^=series-] title").filter(new Locator.FilterOptions()
                    .setHasText(day.format(java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH)) + ":")).first()).isAttached();
        }
        assertThat(page.locator(".legend")).containsText("ticketing");
        assertThat(page.locator(".legend")).containsText("events");
        Locator perDay = page.locator("details.sample table tbody tr");
        assertThat(perDay).hasCount(3);
        assertThat(perDay.filter(new Locator.FilterOptions().setHasText(today.minusDays(3).toString()))).containsText("7");
        Locator routes = page.locator("section[aria-labelledby=routes-title] tbody");
        assertThat(routes).containsText("/api/v1/ticketing/events");
        assertThat(routes).containsText("/api/v1/ticketing/orders");
        assertThat(page.locator("section[aria-labelledby=people-title] tbody")).containsText("ethan.park@example.org");
        console.screenshot(page, "usage");

        page.getByLabel("Show the last").selectOption("7");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForURL("**/usage?days=7");
        assertThat(page.locator(".section-head")).containsText(today.minusDays(6).toString());
        page.context().close();
    }

    @Test
    void feedback_a_prospect_sends_is_listed_and_an_organization_without_any_says_so() throws Exception {
        console.seedReset.createOrganization("quiet-demo", "Quiet (demo)", OrganizationKind.DEMO);
        Page page = console.signedIn("/console/organizations/quiet-demo/mail");
        for (String tab : List.of("mail", "usage", "feedback", "logins")) {
            page.navigate("/console/organizations/quiet-demo/" + tab);
            assertThat(page.locator(".empty")).isVisible();
        }

        String token = console.personaToken(ORG, "maya.thompson@example.net");
        console.apiPost(token, "/api/v1/feedback", Map.of("message", "Loved the seat map. Can we see group discounts?", "page", "/events/summit-live"));
        page.navigate("/console/organizations/" + ORG + "/feedback");

        Locator item = page.locator(".feedback-item").filter(new Locator.FilterOptions().setHasText("Loved the seat map"));
        assertThat(item).containsText("maya.thompson@example.net");
        assertThat(item).containsText("/events/summit-live");
        console.screenshot(page, "feedback");
        page.context().close();
    }

    @Test
    void validating_reports_that_the_rules_hold() {
        Page page = console.signedIn("/console/organizations/" + ORG);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Validate")).click();
        page.waitForURL("**/console/organizations/" + ORG);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The data of " + ORG + " is valid");
        page.context().close();
    }

    private ModuleFlags.State state(String module) {
        return console.desk.modules(ORG).stream().filter(state -> state.module().equals(module)).findFirst().orElseThrow();
    }

    private static java.sql.Timestamp anchor() {
        return java.sql.Timestamp.from(ConsoleFixture.ANCHOR);
    }
}
