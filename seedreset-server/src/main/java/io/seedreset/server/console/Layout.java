package io.seedreset.server.console;

import io.seedreset.platform.identity.ApiTokens;
import io.seedreset.server.admin.StaffDesk;
import java.util.List;
import java.util.Optional;

/**
 * The frame of every console page (head, header, navigation, notices) and the pieces pages share:
 * badges, cards, empty states, an organization's header and tabs, the typed-slug confirmation.
 */
final class Layout {

    /** The console's top-level sections. */
    enum Section { ORGANIZATIONS, PACKS, NONE }

    /** An organization's pages; the demo ones only for an organization that is not production. */
    enum Tab {
        OVERVIEW("Overview", ""), SNAPSHOTS("Snapshots", "/snapshots"), SCHEDULES("Schedules", "/schedules"), EVOLVE("Evolve", "/evolve"), HISTORY("History", "/history"), MAIL("Mailbox", "/mail"), LOGINS("Logins", "/logins"),
        MODULES("Modules", "/modules"), USAGE("Usage", "/usage"), FEEDBACK("Feedback", "/feedback");

        final String label;
        final String path;

        Tab(String label, String path) {
            this.label = label;
            this.path = path;
        }

        boolean forProduction() {
            return this == OVERVIEW || this == HISTORY;
        }
    }

    static final String PRODUCT = "Seed & Reset";
    private static final Html LOGO = Html.of("""
            <svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">\
            <rect width="32" height="32" rx="8" class="logo-tile"/>\
            <path d="M16 25V14" class="logo-stem"/>\
            <path d="M16 15c0-4.5 3-7 8-7 0 4.5-3 7-8 7z" class="logo-leaf"/>\
            <path d="M16 18c0-3.6-2.4-5.6-6.4-5.6 0 3.6 2.4 5.6 6.4 5.6z" class="logo-leaf"/>\
            </svg>""");

    private Layout() {
    }

    /** A page of the signed-in console. */
    static String page(String title, Viewer viewer, Section section, Optional<Notice> notice, Html content) {
        Html header = Html.of("""
                <header class="topbar">
                  <div class="topbar-inner">
                    <a class="brand" href="/console/organizations">{}<span class="brand-name">{}</span><span class="brand-tag">Staff console</span></a>
                    <nav class="mainnav" aria-label="Console">
                      <a href="/console/organizations"{}>Organizations</a>
                      <a href="/console/packs"{}>Pack catalog</a>
                    </nav>
                    <form class="signout" method="post" action="/console/sign-out">
                      {}<span class="who" title="Signed in as {}">{}</span>
                      <button type="submit" class="button button-quiet">Sign out</button>
                    </form>
                  </div>
                </header>""", LOGO, PRODUCT, current(section == Section.ORGANIZATIONS), current(section == Section.PACKS), viewer.csrfField(),
                viewer.name(), viewer.name());
        return document(title, "app", Html.of("{}<main id=\"main\" class=\"main\" tabindex=\"-1\">{}{}</main>{}", header,
                notice.map(Layout::notice).orElse(Html.EMPTY), content, footer()));
    }

    /** A page outside the session (sign-in): the brand and the content, centred. */
    static String standalone(String title, Html content) {
        return document(title, "standalone", Html.of("""
                <main id="main" class="standalone-main" tabindex="-1">
                  <div class="standalone-brand">{}<span class="brand-name">{}</span></div>
                  {}
                </main>{}""", LOGO, PRODUCT, content, footer()));
    }

    private static String document(String title, String bodyClass, Html body) {
        return Html.of("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="light">
                <title>{} · {} staff console</title>
                <link rel="icon" href="{}" type="image/svg+xml">
                <link rel="stylesheet" href="{}">
                <script src="{}" defer></script>
                </head>
                <body class="{}">
                <a class="skip" href="#main">Skip to content</a>
                {}
                </body>
                </html>
                """, title, PRODUCT, Assets.url("favicon.svg"), Assets.url("console.css"), Assets.url("console.js"), bodyClass, body).toString();
    }

    private static Html footer() {
        return Html.of("""
                <footer class="footer"><p>{} writes only to demo, QA and sandbox organizations. Production is never seeded.</p></footer>""",
                PRODUCT);
    }

    private static Html current(boolean current) {
        return Html.when(current, Html.of(" aria-current=\"page\""));
    }

    static Html notice(Notice notice) {
        boolean success = notice.tone() == Notice.Tone.SUCCESS;
        return Html.of("""
                <section class="notice {}" role="{}" aria-labelledby="notice-title">
                  <h2 id="notice-title" class="notice-title">{}</h2>
                  {}{}
                </section>""", success ? "notice-success" : "notice-error", success ? "status" : "alert", notice.title(),
                notice.details().isEmpty() ? Html.EMPTY
                        : Html.of("<ul class=\"notice-details\">{}</ul>", notice.details().stream().map(line -> Html.of("<li>{}</li>", line))),
                tokens(notice.tokens()));
    }

    private static Html tokens(List<ApiTokens.Issued> tokens) {
        if (tokens.isEmpty()) {
            return Html.EMPTY;
        }
        return Html.of("""
                <details class="tokens" open>
                  <summary><strong>{} new API tokens, shown this once.</strong> Copy them now: only their hashes are kept.</summary>
                  <div class="table-wrap"><table>
                    <caption class="visually-hidden">API tokens issued</caption>
                    <thead><tr><th scope="col">Persona</th><th scope="col">Role</th><th scope="col">API token</th></tr></thead>
                    <tbody>{}</tbody>
                  </table></div>
                </details>""", tokens.size(), tokens.stream().map(token -> Html.of(
                "<tr><td>{}<br><span class=\"muted\">{}</span></td><td>{}</td><td><code class=\"secret\">{}</code></td></tr>",
                token.name(), token.email(), Formats.role(token.role()), token.token())));
    }

    /** An organization's kind as a badge: production stands out, and says what it means. */
    static Html badge(String kind) {
        String label = switch (kind) {
            case "production" -> "Production";
            case "demo" -> "Demo";
            case "qa" -> "QA";
            case "sandbox" -> "Sandbox";
            default -> kind;
        };
        return Html.of("<span class=\"badge badge-{}\">{}</span>", kind, label);
    }

    /** A small status pill: neutral, good, warn or bad. */
    static Html pill(String tone, String label) {
        return Html.of("<span class=\"pill pill-{}\">{}</span>", tone, label);
    }

    static Html emptyState(String title, String text) {
        return Html.of("<div class=\"empty\"><p class=\"empty-title\">{}</p><p>{}</p></div>", title, text);
    }

    /** The breadcrumb, the name with its badge, and the tabs an organization of its kind has. */
    static Html organizationHeader(StaffDesk.OrganizationSummary organization, Tab active) {
        return organizationHeader(organization, active, Optional.empty());
    }

    /** The same, with the notice a form's action left, under the tabs: it is about this organization. */
    static Html organizationHeader(StaffDesk.OrganizationSummary organization, Tab active, Optional<Notice> notice) {
        Html tabs = Html.of("<nav class=\"tabs\" aria-label=\"{}\">{}</nav>", organization.name(),
                java.util.Arrays.stream(Tab.values()).filter(tab -> !organization.production() || tab.forProduction())
                        .map(tab -> Html.of("<a href=\"{}\"{}>{}</a>", organizationPath(organization.slug()) + tab.path, current(tab == active),
                                tab.label)));
        return Html.of("""
                <nav class="crumbs" aria-label="Breadcrumb"><a href="/console/organizations">Organizations</a><span aria-hidden="true">/</span><span>{}</span></nav>
                <div class="page-head">
                  <div>
                    <h1>{} {}</h1>
                    <p class="subtitle"><code>{}</code> · created {}{}</p>
                  </div>
                </div>
                {}{}""", organization.slug(), organization.name(), badge(organization.kind()), organization.slug(),
                Formats.day(organization.createdAt()), aheadNote(organization), tabs, notice.map(Layout::notice).orElse(Html.EMPTY));
    }

    /** While time travel has the organization's clock ahead, every page of it says so: its data is of another day than the real one. */
    private static Html aheadNote(StaffDesk.OrganizationSummary organization) {
        return Html.when(organization.clockMonths() > 0, Html.of(" · <span data-ahead>clock {} ahead, today {}</span>",
                Formats.count(organization.clockMonths(), "month", "months"), organization.today()));
    }

    static String organizationPath(String slug) {
        return "/console/organizations/" + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The typed confirmation of a seed action: the field the slug is typed into, and the button that stays
     * disabled until it matches (console.js). Without script the button is enabled and the server's check is
     * the only one; the server checks either way.
     */
    static Html confirmField(String slug, String id) {
        return Html.of("""
                <div class="field">
                  <label for="{}">Type <code>{}</code> to confirm</label>
                  <input id="{}" name="confirm" type="text" autocomplete="off" autocapitalize="off" spellcheck="false" required
                         aria-describedby="{}-hint" data-confirm-input>
                  <p class="hint" id="{}-hint">The button unlocks when the slug matches exactly.</p>
                </div>""", id, slug, id, id, id);
    }

    /** A form that changes an organization's rows: typed confirmation, progress while it runs. */
    static Html seedActionForm(String slug, String action, String formClass, Viewer viewer, Html fields, String button, String buttonClass,
                               String progressLabel) {
        return seedActionForm(slug, action, formClass, viewer, fields, button, buttonClass, progressLabel, false);
    }

    /** The same, sending a file the form chooses ({@code multipart/form-data}) when {@code upload}. */
    static Html seedActionForm(String slug, String action, String formClass, Viewer viewer, Html fields, String button, String buttonClass,
                               String progressLabel, boolean upload) {
        return Html.of("""
                <form method="post" action="{}"{} class="{}" data-confirm-slug="{}" data-progress-url="{}/running" data-progress-label="{}">
                  {}{}
                  <div class="actions"><button type="submit" class="button {}" data-confirm-button>{}</button></div>
                  <p class="progress" data-progress role="status" aria-live="polite" hidden></p>
                </form>""", action, Html.when(upload, Html.of(" enctype=\"multipart/form-data\"")), formClass, slug, organizationPath(slug),
                progressLabel, viewer.csrfField(), fields, buttonClass, button);
    }
}
