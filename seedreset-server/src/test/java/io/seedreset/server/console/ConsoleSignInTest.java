package io.seedreset.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signing in to the console in headless Chromium: a staff token opens a session whose cookie script cannot
 * read and other sites cannot send; a wrong token, a persona's token, a revoked token and a sign-in form
 * without its CSRF token are refused; the form works from the keyboard alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSignInTest {

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
    void a_staff_token_signs_in_and_the_session_cookie_is_http_only_and_same_site_strict() {
        Page page = console.newPage();
        page.navigate("/console");
        page.waitForURL("**/console/sign-in");
        assertThat(page).hasTitle("Sign in · Seed & Reset staff console");
        console.screenshot(page, "sign-in");

        page.getByLabel("Staff token").fill(console.token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        page.waitForURL("**/console/organizations");
        assertThat(page).hasTitle("Organizations · Seed & Reset staff console");
        assertThat(page.locator(".who")).hasText(ConsoleFixture.STAFF_NAME);
        List<Cookie> cookies = page.context().cookies();
        Cookie session = cookies.stream().filter(cookie -> cookie.name.equals(StaffConsole.SESSION_COOKIE)).findFirst().orElseThrow();
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(SameSiteAttribute.STRICT);
        assertThat(session.path).isEqualTo("/console");
        assertThat(session.value).as("32 random bytes, URL-safe Base64").matches("[A-Za-z0-9_-]{43}");
        assertThat((Object) page.evaluate("document.cookie")).as("script cannot read it").isEqualTo("");
        page.context().close();
    }

    @Test
    void a_wrong_token_and_a_persona_shaped_token_are_refused_with_a_message_and_no_session() {
        Page page = console.newPage();
        page.navigate("/console/sign-in");
        String forged = console.token.substring(0, console.token.length() - 4) + "AAAA";
        for (String token : List.of(forged, "srs_" + console.token.substring(4), "not a token")) {
            page.getByLabel("Staff token").fill(token);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("That token was not recognised");
            assertThat(page.getByLabel("Staff token")).hasAttribute("aria-invalid", "true");
        }
        assertThat(page.context().cookies().stream().map(cookie -> cookie.name)).doesNotContain(StaffConsole.SESSION_COOKIE);
        page.navigate("/console/organizations");
        page.waitForURL("**/console/sign-in?next=%2Fconsole%2Forganizations");
        page.context().close();
    }

    @Test
    void the_sign_in_form_is_completed_with_the_keyboard_alone_and_leads_back_to_the_page_asked_for() {
        Page page = console.newPage();
        page.navigate("/console/packs");
        page.waitForURL("**/console/sign-in?next=*");
        // The token field has the focus on arrival; Enter sends the form.
        assertThat(page.getByLabel("Staff token")).isFocused();
        page.keyboard().type(console.token);
        page.keyboard().press("Enter");
        page.waitForURL("**/console/packs");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pack catalog"))).isVisible();

        // The first Tab reaches the skip link, which moves the focus to the content.
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"))).isFocused();
        page.context().close();
    }

    @Test
    void a_sign_in_form_posted_without_its_csrf_token_is_refused() throws Exception {
        HttpResponse<String> response = console.postForm("/console/sign-in", null, Map.of("token", console.token));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("This sign-in form expired");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith(StaffConsole.SESSION_COOKIE + "="));
    }

    @Test
    void signing_out_ends_the_session_and_a_revoked_token_ends_it_at_once() {
        Page page = console.ownSession();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/console/sign-in");
        page.navigate("/console/organizations");
        page.waitForURL("**/console/sign-in?next=*");
        page.context().close();

        var other = console.staff.create("Sam Okafor", "test");
        Page signedIn = console.newPage();
        signedIn.navigate("/console/sign-in");
        signedIn.getByLabel("Staff token").fill(other.token());
        signedIn.keyboard().press("Enter");
        signedIn.waitForURL("**/console/organizations");
        assertThat(signedIn.locator(".who")).hasText("Sam Okafor");

        console.staff.revoke("Sam Okafor");
        signedIn.navigate("/console/organizations");
        signedIn.waitForURL("**/console/sign-in?next=*");
        signedIn.context().close();
    }
}
