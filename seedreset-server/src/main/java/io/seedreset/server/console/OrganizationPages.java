package io.seedreset.server.console;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.HistoryResult;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.server.admin.InProgress;
import io.seedreset.server.admin.StaffDesk.AppliedPack;
import io.seedreset.server.admin.StaffDesk.OrganizationSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The organizations list with its create form, an organization's overview with its seed actions, and its history. */
final class OrganizationPages {

    /** What the create form was sent with, to fill it again when it is refused, and why it was (else null). */
    record CreateForm(String name, String slug, String kind, String error) {
        static final CreateForm EMPTY = new CreateForm("", "", "demo", null);

        CreateForm refused(String why) {
            return new CreateForm(name, slug, kind, why);
        }
    }

    private OrganizationPages() {
    }

    static String list(Viewer viewer, List<OrganizationSummary> organizations, Optional<Notice> notice, CreateForm form) {
        long seedable = organizations.stream().filter(organization -> !organization.production()).count();
        long rows = organizations.stream().mapToLong(OrganizationSummary::rows).sum();
        Html cards = organizations.isEmpty()
                ? Layout.emptyState("No organizations yet", "Create a demo organization below, preview a pack on it, and it is ready for a prospect.")
                : Html.of("<ul class=\"org-grid\" role=\"list\">{}</ul>", organizations.stream().map(OrganizationPages::card));
        return Layout.page("Organizations", viewer, Layout.Section.ORGANIZATIONS, notice, Html.of("""
                <div class="page-head">
                  <div>
                    <h1>Organizations</h1>
                    <p class="subtitle">{} · {} you can seed · {} seeded</p>
                  </div>
                  <a class="button button-secondary" href="#new-organization">New demo organization</a>
                </div>
                {}
                <section class="card create-card" aria-labelledby="new-organization">
                  <h2 id="new-organization">New demo organization</h2>
                  <p class="muted">An empty tenant for a prospect, a QA run or a customer's sandbox. Production organizations are created by the platform, never here.</p>
                  {}
                  <form method="post" action="/console/organizations" class="form-grid">
                    {}
                    <div class="field">
                      <label for="org-name">Name</label>
                      <input id="org-name" name="name" type="text" required maxlength="200" value="{}" placeholder="Northwind Events (demo)">
                    </div>
                    <div class="field">
                      <label for="org-slug">Slug</label>
                      <input id="org-slug" name="slug" type="text" required maxlength="63" value="{}" placeholder="northwind-demo"
                             autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="org-slug-hint"{}>
                      <p class="hint" id="org-slug-hint">Lower-case letters, digits and dashes. Personas sign in with it.</p>
                    </div>
                    <div class="field">
                      <label for="org-kind">Kind</label>
                      <select id="org-kind" name="kind">{}</select>
                    </div>
                    <div class="actions"><button type="submit" class="button button-primary">Create organization</button></div>
                  </form>
                </section>""",
                Formats.count(organizations.size(), "organization", "organizations"), Formats.count(seedable),
                Formats.count(rows, "row", "rows"), cards,
                form.error() == null ? Html.EMPTY
                        : Html.of("<p class=\"form-error\" role=\"alert\" id=\"create-error\">The organization was not created: {}</p>", form.error()),
                viewer.csrfField(), form.name(), form.slug(),
                // Refused: the focus (and the view) goes to the form, next to the reason.
                Html.when(form.error() != null, Html.of(" autofocus aria-invalid=\"true\" aria-errormessage=\"create-error\"")),
                List.of("demo", "qa", "sandbox").stream().map(kind -> Html.of("<option value=\"{}\"{}>{}</option>", kind,
                        Html.when(kind.equals(form.kind()), Html.of(" selected")), switch (kind) {
                            case "demo" -> "Demo: for a sales demo";
                            case "qa" -> "QA: for testers";
                            default -> "Sandbox: for a customer's onboarding";
                        }))));
    }

    private static Html card(OrganizationSummary organization) {
        Html body;
        if (organization.production()) {
            body = Html.of("""
                    <p class="card-protected"><svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false"><path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" class="icon"/></svg>
                    Protected: never seeded, no seed actions.</p>""");
        } else {
            body = Html.of("""
                    <div class="chips">{}</div>
                    <dl class="stats">
                      <div><dt>Rows seeded</dt><dd>{}</dd></div>
                      <div><dt>Last reset</dt><dd>{}</dd></div>
                    </dl>""",
                    organization.packs().isEmpty() ? Html.of("<span class=\"muted\">No packs applied yet</span>")
                            : Html.of("{}", organization.packs().stream().map(pack -> Html.of("<span class=\"chip\">{} <span class=\"chip-detail\">{} · {}</span></span>",
                            pack.pack(), pack.version(), pack.mode()))),
                    Formats.count(organization.rows()), organization.lastReset() == null ? "Never" : Formats.when(organization.lastReset()));
        }
        return Html.of("""
                <li class="card org-card{}">
                  <div class="org-card-head">
                    <h2 class="org-card-title"><a href="{}">{}</a></h2>
                    {}
                  </div>
                  <p class="muted"><code>{}</code></p>
                  {}{}
                </li>""", organization.production() ? " org-card-production" : "", Layout.organizationPath(organization.slug()),
                organization.name(), Layout.badge(organization.kind()), organization.slug(), body,
                organization.running() == null ? Html.EMPTY : Html.of("<p class=\"running-inline\">{} {} by {}</p>",
                        Layout.pill("busy", "Running"), organization.running().operation(), organization.running().staff()));
    }

    /**
     * An organization's overview: for a production one, what it is and the latest attempts on it
     * ({@code recent}); for another, its packs and every seed action, the reset saying what it returns to
     * ({@code baseline}: a snapshot's name, or null for the packs).
     */
    static String overview(Viewer viewer, OrganizationSummary organization, List<PackDescriptor> packs, Optional<Notice> notice,
                           HistoryResult recent, String baseline) {
        Html content = organization.production() ? production(organization, recent) : seedable(viewer, organization, packs, baseline);
        return Layout.page(organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(),
                Html.of("{}{}", Layout.organizationHeader(organization, Layout.Tab.OVERVIEW, notice), content));
    }

    /** A production organization: what it is, and no seed action at all. */
    private static Html production(OrganizationSummary organization, HistoryResult recent) {
        Html attempts = recent == null || recent.audit().isEmpty()
                ? Layout.emptyState("No attempts", "Nobody has tried a seed action on this organization.")
                : auditTable(organization.slug(), recent);
        return Html.of("""
                <section class="card protected" aria-labelledby="protected-title">
                  <h2 id="protected-title">Production organization: seed actions are off</h2>
                  <p>Seed &amp; Reset never plans, applies, resets or tears down a production organization, and the demos
                  feature is switched off for it. An attempt from any front end is refused and recorded in its history.</p>
                </section>
                <section class="card" aria-labelledby="attempts-title">
                  <h2 id="attempts-title">Latest attempts</h2>
                  {}
                  <p><a href="{}/history">The whole history</a></p>
                </section>""", attempts, Layout.organizationPath(organization.slug()));
    }

    private static Html seedable(Viewer viewer, OrganizationSummary organization, List<PackDescriptor> packs, String baseline) {
        String slug = organization.slug();
        String path = Layout.organizationPath(slug);
        Html running = organization.running() == null ? Html.EMPTY : running(organization.slug(), organization.running());
        Html applied = organization.packs().isEmpty()
                ? Layout.emptyState("Nothing applied yet", "Preview a pack below: the plan shows every table and total before anything is written.")
                : Html.of("""
                <div class="table-wrap"><table>
                  <caption class="visually-hidden">Packs applied to {}</caption>
                  <thead><tr><th scope="col">Pack</th><th scope="col">Mode</th><th scope="col" class="num">Seed</th><th scope="col">Anchor</th>
                  <th scope="col">Applied</th><th scope="col" class="num">Rows</th></tr></thead>
                  <tbody>{}</tbody>
                </table></div>""", slug, organization.packs().stream().map(pack -> Html.of("""
                <tr><td><strong>{}</strong> <span class="muted">{}</span></td><td>{}</td><td class="num">{}</td><td>{}</td>
                <td>{}<br><span class="muted">by {}</span></td><td class="num">{}</td></tr>""",
                pack.pack(), pack.version(), pack.mode(), pack.seed(), Formats.day(pack.anchor()), Formats.time(pack.appliedAt()),
                pack.appliedBy(), Formats.count(pack.rows()))));
        return Html.of("""
                {}
                <dl class="stat-cards">
                  <div class="stat"><dt>Rows seeded</dt><dd>{}</dd></div>
                  <div class="stat"><dt>Packs applied</dt><dd>{}</dd></div>
                  <div class="stat"><dt>Last reset</dt><dd>{}</dd></div>
                </dl>
                <div class="columns">
                  <div class="column-main">
                    <section class="card" aria-labelledby="applied-title">
                      <h2 id="applied-title">Applied packs</h2>
                      {}
                    </section>
                    <section class="card" aria-labelledby="preview-title">
                      <h2 id="preview-title">Preview a pack</h2>
                      <p class="muted">A plan runs the pack without writing: rows per table, sample rows, totals and the plan's hash.</p>
                      {}
                    </section>
                  </div>
                  <div class="column-side">
                    <section class="card" aria-labelledby="reset-title">
                      <h2 id="reset-title">Reset now</h2>
                      <p class="muted">Deletes every row of {} and {}: what a prospect changed is gone (a backup is taken first).</p>
                      {}
                    </section>
                    <section class="card" aria-labelledby="validate-title">
                      <h2 id="validate-title">Check the data</h2>
                      <p class="muted">Runs every rule of the packs applied (totals add up, inventory balances) and reports what breaks.</p>
                      <form method="post" action="{}/validate">{}<button type="submit" class="button button-secondary">Validate</button></form>
                    </section>
                    <section class="card card-danger" aria-labelledby="teardown-title">
                      <h2 id="teardown-title">Tear down</h2>
                      <p class="muted">Removes exactly the rows Seed &amp; Reset wrote, and puts back rows a scenario changed.</p>
                      {}
                    </section>
                  </div>
                </div>""", running, Formats.count(organization.rows()), Formats.count(organization.packs().size()),
                organization.lastReset() == null ? "Never" : Formats.when(organization.lastReset()), applied,
                planForm(slug, packs, organization.packs()), organization.name(),
                baseline == null ? "applies its packs again, fresh" : "restores its baseline, snapshot " + baseline,
                Layout.seedActionForm(slug, path + "/reset", "stack", viewer, Layout.confirmField(slug, "reset-confirm"),
                        "Reset now", "button-primary", "Resetting"),
                path, viewer.csrfField(), teardownForm(viewer, organization));
    }

    /** A mutation running on the organization: the page follows it (console.js) and reloads when it ends. */
    private static Html running(String slug, InProgress.Snapshot running) {
        return Html.of("""
                <section class="card running" data-running-url="{}/running" role="status" aria-live="polite">
                  <h2>{} in progress</h2>
                  <p data-running-text>{} started it at {}: {}, {} so far. Other seed actions wait until it finishes.</p>
                </section>""", Layout.organizationPath(slug), capitalised(running.operation()), running.staff(), Formats.when(running.startedAt()),
                running.task(), Formats.count(running.rows(), "row", "rows"));
    }

    private static Html planForm(String slug, List<PackDescriptor> packs, List<AppliedPack> applied) {
        if (packs.isEmpty()) {
            return Layout.emptyState("No packs installed", "This server found no seed packs on its class path.");
        }
        TreeSet<String> modes = new TreeSet<>();
        packs.forEach(pack -> pack.modes().stream().map(Mode::name).forEach(modes::add));
        String preselected = applied.isEmpty() ? packs.get(0).id() : null;
        return Html.of("""
                <form method="get" action="{}/plan" class="form-grid">
                  <div class="field field-wide">
                    <label for="plan-pack">Pack</label>
                    <select id="plan-pack" name="pack" required>{}{}</select>
                  </div>
                  <div class="field">
                    <label for="plan-mode">Mode</label>
                    <select id="plan-mode" name="mode" aria-describedby="plan-mode-hint"><option value="">The pack's default</option>{}</select>
                    <p class="hint" id="plan-mode-hint">Not every pack has every mode: the catalog lists them.</p>
                  </div>
                  <div class="field">
                    <label for="plan-seed">Seed <span class="optional">optional</span></label>
                    <input id="plan-seed" name="seed" type="number" inputmode="numeric" min="0" step="1" placeholder="1">
                  </div>
                  <div class="field">
                    <label for="plan-anchor">Anchor date <span class="optional">optional</span></label>
                    <input id="plan-anchor" name="anchor" type="date" aria-describedby="plan-anchor-hint">
                    <p class="hint" id="plan-anchor-hint">What "today" means to the data; empty is now.</p>
                  </div>
                  <div class="field field-wide">
                    <label for="plan-set">Parameters <span class="optional">optional</span></label>
                    <textarea id="plan-set" name="set" rows="2" placeholder="events=12" aria-describedby="plan-set-hint"></textarea>
                    <p class="hint" id="plan-set-hint">One <code>name=value</code> a line, as <code>--set</code> takes them.</p>
                  </div>
                  <div class="actions"><button type="submit" class="button button-primary">Preview plan</button></div>
                </form>""", Layout.organizationPath(slug),
                Html.when(preselected == null, Html.of("<option value=\"\" disabled selected>Choose a pack</option>")),
                packs.stream().map(pack -> Html.of("<option value=\"{}\"{}>{} · {} ({})</option>", pack.id(),
                        Html.when(pack.id().equals(preselected), Html.of(" selected")), pack.title(), pack.id(), pack.version())),
                modes.stream().map(mode -> Html.of("<option value=\"{}\">{}</option>", mode, mode)));
    }

    private static Html teardownForm(Viewer viewer, OrganizationSummary organization) {
        if (organization.packs().isEmpty()) {
            return Html.of("<p class=\"muted\">Nothing to tear down.</p>");
        }
        String slug = organization.slug();
        Html which = Html.of("""
                <div class="field">
                  <label for="teardown-application">What to remove</label>
                  <select id="teardown-application" name="application">
                    <option value="">Every pack applied</option>{}
                  </select>
                </div>""", organization.packs().stream().map(pack -> Html.of("<option value=\"{}\">{} {} ({} rows)</option>", pack.application(),
                pack.pack(), pack.version(), Formats.count(pack.rows()))));
        return Layout.seedActionForm(slug, Layout.organizationPath(slug) + "/teardown", "stack", viewer,
                Html.of("{}{}", which, Layout.confirmField(slug, "teardown-confirm")), "Tear down", "button-danger", "Tearing down");
    }

    static String history(Viewer viewer, OrganizationSummary organization, HistoryResult history, boolean olderPage) {
        Html audit = history.audit().isEmpty() ? Layout.emptyState("No attempts recorded", "Every plan refused, apply, reset and teardown lands here, who and when.")
                : auditTable(organization.slug(), history);
        Html applications = history.applications().isEmpty() ? Layout.emptyState("No applications", "No pack has been applied to this organization.")
                : Html.of("""
                <div class="table-wrap"><table>
                  <caption class="visually-hidden">Applications to {}</caption>
                  <thead><tr><th scope="col">Pack</th><th scope="col">Mode · seed</th><th scope="col">Applied</th><th scope="col" class="num">Rows</th>
                  <th scope="col">Status</th></tr></thead>
                  <tbody>{}</tbody>
                </table></div>""", organization.slug(), history.applications().stream().map(OrganizationPages::applicationRow));
        // Pages go by audit entry (0 when only the applications ran over the page, whose latest 50 are shown).
        Html older = history.next().flatMap(next -> Optional.ofNullable(next.beforeEntry())).filter(before -> before > 0)
                .map(before -> Html.of("<p class=\"pager\"><a class=\"button button-secondary\" href=\"{}/history?before={}\">Older entries</a></p>",
                        Layout.organizationPath(organization.slug()), before)).orElse(Html.EMPTY);
        return Layout.page("History · " + organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <section class="card" aria-labelledby="audit-title">
                  <h2 id="audit-title">Audit{}</h2>
                  <p class="muted">Every attempt, refused ones included, newest first.</p>
                  {}{}
                </section>
                <section class="card" aria-labelledby="applications-title">
                  <h2 id="applications-title">Applications</h2>
                  {}
                </section>""", Layout.organizationHeader(organization, Layout.Tab.HISTORY), olderPage ? ": older entries" : "", audit, older,
                applications));
    }

    private static Html auditTable(String slug, HistoryResult history) {
        return Html.of("""
                <div class="table-wrap"><table class="audit">
                  <caption class="visually-hidden">Audit of {}</caption>
                  <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Outcome</th><th scope="col">Message</th></tr></thead>
                  <tbody>{}</tbody>
                </table></div>""", slug, history.audit().stream().map(OrganizationPages::auditRow));
    }

    private static Html auditRow(AuditEntry entry) {
        String tone = switch (entry.outcome()) {
            case SUCCEEDED -> "good";
            case REFUSED, FAILED -> "bad";
            case CONFLICT -> "warn";
            case STARTED, UNCHANGED -> "neutral";
        };
        String what = entry.operation().label() + (entry.packId() == null ? "" : " " + entry.packId()
                + (entry.packVersion() == null ? "" : " " + entry.packVersion()));
        return Html.of("<tr class=\"outcome-{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"message\">{}</td></tr>",
                entry.outcome().label(), Formats.time(entry.startedAt()), entry.actor(), what,
                Layout.pill(tone, outcomeLabel(entry.outcome())), entry.message() == null ? "" : entry.message());
    }

    private static String outcomeLabel(AuditOutcome outcome) {
        return switch (outcome) {
            case STARTED -> "Started";
            case SUCCEEDED -> "Succeeded";
            case UNCHANGED -> "Unchanged";
            case REFUSED -> "Refused";
            case CONFLICT -> "Conflict";
            case FAILED -> "Failed";
        };
    }

    private static Html applicationRow(ApplicationRecord record) {
        Html status = record.active() ? Layout.pill("good", "Active")
                : Html.of("{}<br><span class=\"muted\">{} by {}</span>", Layout.pill("neutral", switch (record.removal()) {
                    case RESET -> "Reset";
                    case TEARDOWN -> "Torn down";
                    case REPLACE -> "Replaced";
                    case RESTORE -> "Replaced by a restore";
                }), Formats.when(record.removedAt()), record.removedBy());
        return Html.of("<tr><td><strong>{}</strong> <span class=\"muted\">{}</span></td><td>{} · {}</td><td>{}<br><span class=\"muted\">by {}</span></td>"
                        + "<td class=\"num\">{}</td><td>{}</td></tr>", record.packId(), record.packVersion(), record.mode(), record.seed(),
                Formats.time(record.appliedAt()), record.actor(), Formats.count(record.counts().values().stream().mapToLong(Long::longValue).sum()),
                status);
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The JSON the console polls while a mutation runs (console.js). */
    static Map<String, Object> runningJson(Optional<InProgress.Snapshot> running) {
        if (running.isEmpty()) {
            return Map.of("running", false);
        }
        InProgress.Snapshot snapshot = running.get();
        return Map.of("running", true, "operation", snapshot.operation(), "staff", snapshot.staff(), "startedAt", snapshot.startedAt().toString(),
                "task", snapshot.task(), "rows", snapshot.rows());
    }

    /** The one line a seed action's success says. */
    static String rows(long rows) {
        return Formats.count(rows, "row", "rows");
    }
}
