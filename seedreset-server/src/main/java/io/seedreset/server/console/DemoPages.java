package io.seedreset.server.console;

import io.seedreset.platform.feedback.FeedbackBox;
import io.seedreset.platform.mail.Mailbox;
import io.seedreset.platform.modules.ModuleFlags;
import io.seedreset.platform.usage.UsageReport;
import io.seedreset.server.admin.StaffDesk.Login;
import io.seedreset.server.admin.StaffDesk.OrganizationSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The demo side of an organization that is not production: its captured mailbox, the persona logins a
 * prospect is handed (and their API tokens reissued), its module flags, what prospects used, and what they
 * said.
 */
final class DemoPages {

    /** The usage windows the page offers, in days. */
    static final List<Integer> USAGE_WINDOWS = List.of(7, 14, 30, 90);

    private DemoPages() {
    }

    static String mailbox(Viewer viewer, OrganizationSummary organization, List<Mailbox.Entry> mail) {
        String path = Layout.organizationPath(organization.slug());
        Html list = mail.isEmpty() ? Layout.emptyState("The mailbox is empty",
                "Order confirmations, password resets and invitations the demo sends are captured here instead of reaching anyone.")
                : Html.of("""
                <div class="table-wrap"><table class="mail">
                  <caption class="visually-hidden">Captured mail of {}</caption>
                  <thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Kind</th><th scope="col">Status</th></tr></thead>
                  <tbody>{}</tbody>
                </table></div>""", organization.slug(), mail.stream().map(entry -> Html.of(
                "<tr><td>{}</td><td>{}</td><td><a href=\"{}/mail/{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
                Formats.time(entry.createdAt()), entry.recipient(), path, entry.id(), entry.subject(), kind(entry.kind()), mailStatus(entry.status()))));
        return Layout.page("Mailbox · " + organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <section class="card" aria-labelledby="mail-title">
                  <h2 id="mail-title">Demo mailbox</h2>
                  <p class="muted">Mail a demo organization sends is captured, never delivered: read it here as the prospect would.</p>
                  {}
                </section>""", Layout.organizationHeader(organization, Layout.Tab.MAIL), list));
    }

    static String message(Viewer viewer, OrganizationSummary organization, Mailbox.Message message) {
        Mailbox.Entry entry = message.entry();
        return Layout.page(entry.subject() + " · Mailbox", viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <p class="back"><a href="{}/mail">← Back to the mailbox</a></p>
                <article class="card message" aria-labelledby="message-subject">
                  <h2 id="message-subject">{}</h2>
                  <dl class="message-head">
                    <div><dt>To</dt><dd>{}</dd></div>
                    <div><dt>Received</dt><dd>{}</dd></div>
                    <div><dt>Kind</dt><dd>{}</dd></div>
                    <div><dt>Status</dt><dd>{}</dd></div>
                  </dl>
                  <div class="message-body">{}</div>
                </article>""", Layout.organizationHeader(organization, Layout.Tab.MAIL), Layout.organizationPath(organization.slug()),
                entry.subject(), entry.recipient(), Formats.time(entry.createdAt()), kind(entry.kind()), mailStatus(entry.status()), message.body()));
    }

    private static String kind(String kind) {
        return kind == null ? "" : OrganizationPages.capitalised(kind.replace('_', ' '));
    }

    private static Html mailStatus(String status) {
        return switch (status) {
            case "captured" -> Layout.pill("neutral", "Captured");
            case "sent" -> Layout.pill("good", "Sent");
            case "failed" -> Layout.pill("bad", "Failed");
            default -> Layout.pill("warn", OrganizationPages.capitalised(status));
        };
    }

    static String logins(Viewer viewer, OrganizationSummary organization, List<Login> logins, Optional<Notice> notice) {
        String path = Layout.organizationPath(organization.slug());
        Html content = logins.isEmpty() ? Layout.emptyState("No logins yet",
                "Logins come with the packs: apply one that creates personas (ticketing-demo does) and they are listed here.")
                : Html.of("""
                <p class="muted">Hand these to a prospect: they sign in to the demo with the organization <code>{}</code>, an email and its password.</p>
                <div class="table-wrap"><table>
                  <caption class="visually-hidden">Persona logins of {}</caption>
                  <thead><tr><th scope="col">Persona</th><th scope="col">Role</th><th scope="col">Email</th><th scope="col">Password</th></tr></thead>
                  <tbody>{}</tbody>
                </table></div>
                <form method="post" action="{}/tokens" class="inline-form">
                  {}
                  <button type="submit" class="button button-secondary">Issue new API tokens</button>
                  <span class="hint">Revokes the personas' current API tokens and shows new ones once.</span>
                </form>""", organization.slug(), organization.slug(), logins.stream().map(login -> Html.of(
                "<tr><td>{}<br><span class=\"muted\">{}</span></td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
                login.name(), login.description(), Formats.role(login.role()), login.email(), login.password())), path, viewer.csrfField());
        return Layout.page("Logins · " + organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <section class="card" aria-labelledby="logins-title">
                  <h2 id="logins-title">Persona logins</h2>
                  {}
                </section>""", Layout.organizationHeader(organization, Layout.Tab.LOGINS, notice), content));
    }

    static String modules(Viewer viewer, OrganizationSummary organization, List<ModuleFlags.State> modules, Optional<Notice> notice) {
        String path = Layout.organizationPath(organization.slug());
        return Layout.page("Modules · " + organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <section class="card" aria-labelledby="modules-title">
                  <h2 id="modules-title">Modules</h2>
                  <p class="muted">What the demo shows a prospect. A module in beta is off until you switch it on here.</p>
                  <form method="post" action="{}/modules">
                    {}
                    <fieldset class="switches">
                      <legend class="visually-hidden">Modules switched on for {}</legend>
                      {}
                    </fieldset>
                    <div class="actions"><button type="submit" class="button button-primary">Save modules</button></div>
                  </form>
                </section>""", Layout.organizationHeader(organization, Layout.Tab.MODULES, notice), path, viewer.csrfField(), organization.name(),
                modules.stream().map(module -> Html.of("""
                        <div class="switch">
                          <input id="module-{}" name="module" type="checkbox" value="{}"{}>
                          <label for="module-{}"><span class="switch-name">{}</span> {}<span class="muted switch-note">{}</span></label>
                        </div>""", module.module(), module.module(), Html.when(module.enabled(), Html.of(" checked")), module.module(),
                        module.module(), Html.when(module.unstable(), Layout.pill("warn", "Beta")),
                        module.switched() ? "switched " + (module.enabled() ? "on" : "off") + " for this organization" : "the default"))));
    }

    static String feedback(Viewer viewer, OrganizationSummary organization, List<FeedbackBox.Entry> feedback) {
        Html list = feedback.isEmpty() ? Layout.emptyState("No feedback yet",
                "When a prospect uses the demo's feedback button, what they wrote lands here, with the page they were on.")
                : Html.of("<ol class=\"feedback\" role=\"list\">{}</ol>", feedback.stream().map(entry -> Html.of("""
                <li class="feedback-item">
                  <blockquote>{}</blockquote>
                  <p class="muted">{} · {}{} · {}</p>
                </li>""", entry.message(), entry.persona() == null ? "Anonymous" : entry.persona(), Formats.time(entry.createdAt()),
                entry.page() == null || entry.page().isBlank() ? Html.EMPTY : Html.of(" · on <code>{}</code>", entry.page()),
                feedbackStatus(entry.status()))));
        return Layout.page("Feedback · " + organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <section class="card" aria-labelledby="feedback-title">
                  <h2 id="feedback-title">Feedback received</h2>
                  {}
                </section>""", Layout.organizationHeader(organization, Layout.Tab.FEEDBACK), list));
    }

    private static Html feedbackStatus(String status) {
        return switch (status) {
            case "sent" -> Layout.pill("good", "Forwarded");
            case "failed" -> Layout.pill("bad", "Not forwarded");
            default -> Layout.pill("neutral", OrganizationPages.capitalised(status));
        };
    }

    static String usage(Viewer viewer, OrganizationSummary organization, UsageReport report, int days) {
        List<LocalDate> window = new ArrayList<>();
        for (LocalDate day = report.from(); !day.isAfter(report.to()); day = day.plusDays(1)) {
            window.add(day);
        }
        Map<String, Long> byModule = sums(report.rows(), UsageReport.Row::module);
        List<String> modules = byModule.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
        Map<LocalDate, Map<String, Long>> perDay = new TreeMap<>();
        for (UsageReport.Row row : report.rows()) {
            perDay.computeIfAbsent(row.day(), day -> new LinkedHashMap<>()).merge(row.module(), row.count(), Long::sum);
        }
        Map<String, Long> byRoute = sums(report.rows(), row -> row.module() + " " + row.route());
        Map<String, Long> byPersona = sums(report.rows(), row -> row.persona() == null ? "anonymous" : row.persona());
        Html picker = Html.of("""
                <form method="get" class="inline-form" aria-label="Usage window">
                  <label for="usage-days">Show the last</label>
                  <select id="usage-days" name="days">{}</select>
                  <button type="submit" class="button button-secondary">Show</button>
                </form>""", USAGE_WINDOWS.stream().map(choice -> Html.of("<option value=\"{}\"{}>{} days</option>", choice,
                Html.when(choice == days, Html.of(" selected")), choice)));
        Html content;
        if (report.rows().isEmpty()) {
            content = Layout.emptyState("No requests in the last " + days + " days",
                    "When a prospect signs in and clicks through the demo, the modules and routes they use show up here, day by day.");
        } else {
            content = Html.of("""
                    <dl class="stat-cards">
                      <div class="stat"><dt>Requests</dt><dd>{}</dd></div>
                      <div class="stat"><dt>Active days</dt><dd>{}</dd></div>
                      <div class="stat"><dt>Modules used</dt><dd>{}</dd></div>
                      <div class="stat"><dt>People</dt><dd>{}</dd></div>
                    </dl>
                    <section class="card" aria-labelledby="per-day-title">
                      <h2 id="per-day-title">Requests per day, by module</h2>
                      <div class="chart-wrap">{}</div>
                      <ul class="legend" role="list">{}</ul>
                      <details class="sample"><summary>Show as a table</summary>
                        <div class="table-wrap"><table class="compact">
                          <caption class="visually-hidden">Requests per day</caption>
                          <thead><tr><th scope="col">Day</th>{}<th scope="col" class="num">Total</th></tr></thead>
                          <tbody>{}</tbody>
                        </table></div>
                      </details>
                    </section>
                    <div class="columns columns-even">
                      <section class="card" aria-labelledby="modules-used-title">
                        <h2 id="modules-used-title">Modules</h2>
                        {}
                      </section>
                      <section class="card" aria-labelledby="people-title">
                        <h2 id="people-title">Who used it</h2>
                        {}
                      </section>
                    </div>
                    <section class="card" aria-labelledby="routes-title">
                      <h2 id="routes-title">Routes</h2>
                      {}
                    </section>""", Formats.count(report.total()), Formats.count(perDay.size()), Formats.count(modules.size()),
                    Formats.count(byPersona.size()),
                    Charts.perDay("usage-per-day", "Requests per day in the last " + days + " days, stacked by module", window, modules, perDay),
                    java.util.stream.IntStream.range(0, modules.size()).mapToObj(i -> Html.of("<li>{} {}</li>", Charts.swatch(i), modules.get(i))),
                    modules.stream().map(module -> Html.of("<th scope=\"col\" class=\"num\">{}</th>", module)),
                    perDay.entrySet().stream().map(day -> Html.of("<tr><th scope=\"row\">{}</th>{}<td class=\"num\">{}</td></tr>", day.getKey(),
                            modules.stream().map(module -> Html.of("<td class=\"num\">{}</td>", Formats.count(day.getValue().getOrDefault(module, 0L)))),
                            Formats.count(day.getValue().values().stream().mapToLong(Long::longValue).sum()))),
                    ranking("Module", byModule, 20), ranking("Person", byPersona, 20), ranking("Route", byRoute, 25));
        }
        return Layout.page("Usage · " + organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <div class="section-head">
                  <p class="muted">What prospects used from {} to {} (UTC), counted per request.</p>
                  {}
                </div>
                {}""", Layout.organizationHeader(organization, Layout.Tab.USAGE), report.from(), report.to(), picker, content));
    }

    private static Map<String, Long> sums(List<UsageReport.Row> rows, java.util.function.Function<UsageReport.Row, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.summingLong(UsageReport.Row::count)));
    }

    /** The largest counts first, each with its bar. */
    private static Html ranking(String what, Map<String, Long> counts, int limit) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Map.Entry<String, Long>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).toList();
        return Html.of("""
                <div class="table-wrap"><table class="ranking">
                  <caption class="visually-hidden">Requests by {}</caption>
                  <thead><tr><th scope="col">{}</th><th scope="col" class="bar-col"><span class="visually-hidden">Share</span></th><th scope="col" class="num">Requests</th></tr></thead>
                  <tbody>{}</tbody>
                </table></div>{}""", what.toLowerCase(java.util.Locale.ROOT), what,
                top.stream().map(entry -> Html.of("<tr><td><code>{}</code></td><td class=\"bar-col\">{}</td><td class=\"num\">{}</td></tr>",
                        entry.getKey(), Charts.bar(entry.getValue(), max), Formats.count(entry.getValue()))),
                Html.when(counts.size() > limit, Html.of("<p class=\"muted\">And {} more.</p>", Formats.count(counts.size() - limit))));
    }
}
