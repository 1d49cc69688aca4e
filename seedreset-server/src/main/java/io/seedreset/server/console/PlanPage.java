package io.seedreset.server.console;

import io.seedreset.api.PlanResult;
import io.seedreset.pack.Persona;
import io.seedreset.server.admin.StaffDesk.OrganizationSummary;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A plan preview: what apply would write (rows per table, sample rows, totals, personas, the plan's hash)
 * and the form that applies exactly this plan: the same pack, mode, seed, anchor and parameters, with the
 * plan's hash, so that the engine refuses if the pack would now write other rows.
 */
final class PlanPage {

    private PlanPage() {
    }

    /** What the plan was asked with; {@code settings} is the parameters' text as typed, one {@code name=value} a line. */
    record Asked(String pack, String mode, Long seed, String anchor, String settings) {
    }

    static String render(Viewer viewer, OrganizationSummary organization, PlanResult plan, Asked asked) {
        String slug = organization.slug();
        long largest = plan.counts().values().stream().mapToLong(Long::longValue).max().orElse(0);
        boolean updates = !plan.updates().isEmpty();
        Html counts = plan.counts().isEmpty() ? Layout.emptyState("No rows", "This pack writes no rows with these settings.") : Html.of("""
                <div class="table-wrap"><table class="counts">
                  <caption class="visually-hidden">Rows per table</caption>
                  <thead><tr><th scope="col">Table</th><th scope="col" class="bar-col"><span class="visually-hidden">Share</span></th><th scope="col" class="num">Rows</th>{}</tr></thead>
                  <tbody>{}</tbody>
                  <tfoot><tr><th scope="row">Total</th><td></td><td class="num">{}</td>{}</tr></tfoot>
                </table></div>""", Html.when(updates, Html.of("<th scope=\"col\" class=\"num\">Changed</th>")),
                plan.counts().entrySet().stream().map(count -> Html.of("<tr><td><code>{}</code></td><td class=\"bar-col\">{}</td><td class=\"num\">{}</td>{}</tr>",
                        count.getKey(), Charts.bar(count.getValue(), largest), Formats.count(count.getValue()),
                        Html.when(updates, Html.of("<td class=\"num\">{}</td>", Formats.count(plan.updates().getOrDefault(count.getKey(), 0L)))))),
                Formats.count(plan.totalRows()), Html.when(updates, Html.of("<td class=\"num\">{}</td>",
                        Formats.count(plan.updates().values().stream().mapToLong(Long::longValue).sum()))));
        Html totals = plan.totals().isEmpty() ? Html.EMPTY : Html.of("""
                <section class="card" aria-labelledby="totals-title">
                  <h2 id="totals-title">Totals</h2>
                  <dl class="facts">{}</dl>
                </section>""", plan.totals().entrySet().stream().map(total -> Html.of("<div><dt>{}</dt><dd class=\"num\">{}</dd></div>",
                total.getKey(), amount(total.getValue()))));
        Html samples = plan.samples().isEmpty() ? Html.EMPTY : Html.of("""
                <section class="card" aria-labelledby="samples-title">
                  <h2 id="samples-title">Sample rows</h2>
                  <p class="muted">The first rows of each table, as apply will write them.</p>
                  {}
                </section>""", plan.samples().entrySet().stream().map(PlanPage::sample));
        Html personas = plan.personas().isEmpty() ? Html.EMPTY : Html.of("""
                <section class="card" aria-labelledby="personas-title">
                  <h2 id="personas-title">Logins it creates</h2>
                  <details class="sample"><summary>{}</summary>
                    <div class="table-wrap"><table>
                      <caption class="visually-hidden">Personas</caption>
                      <thead><tr><th scope="col">Persona</th><th scope="col">Role</th><th scope="col">Email</th></tr></thead>
                      <tbody>{}</tbody>
                    </table></div>
                  </details>
                </section>""", Formats.count(plan.personas().size(), "persona", "personas") + ": " + plan.personas().stream()
                .map(persona -> Formats.role(persona.role())).distinct().collect(java.util.stream.Collectors.joining(", ")),
                plan.personas().stream().map(PlanPage::persona));
        return Layout.page("Plan " + plan.packId() + " · " + organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <div class="plan-head">
                  <h2 class="plan-title">Plan: {} <span class="muted">{} · {}</span></h2>
                  <p class="muted">Nothing has been written. This is what applying it to <code>{}</code> would do.</p>
                </div>
                <div class="columns">
                  <div class="column-main">
                    <section class="card" aria-labelledby="counts-title">
                      <h2 id="counts-title">Rows per table</h2>
                      {}
                    </section>
                    {}{}{}
                  </div>
                  <div class="column-side">
                    <section class="card" aria-labelledby="facts-title">
                      <h2 id="facts-title">This plan</h2>
                      <dl class="facts">
                        <div><dt>Rows</dt><dd class="num">{}</dd></div>
                        <div><dt>Tables</dt><dd class="num">{}</dd></div>
                        <div><dt>Mode</dt><dd>{}</dd></div>
                        <div><dt>Seed</dt><dd class="num">{}</dd></div>
                        <div><dt>Anchor</dt><dd>{}</dd></div>
                      </dl>
                      {}
                      <p class="hash-label">Plan hash</p>
                      <p><code class="hash" data-plan-hash>{}</code></p>
                    </section>
                    <section class="card card-apply" aria-labelledby="apply-title">
                      <h2 id="apply-title">Apply this plan</h2>
                      {}
                    </section>
                  </div>
                </div>""", Layout.organizationHeader(organization, Layout.Tab.OVERVIEW), plan.packId(), plan.packVersion(), plan.mode(), slug,
                counts, totals, samples, personas, Formats.count(plan.totalRows()), Formats.count(plan.counts().size()), plan.mode(), plan.seed(),
                Formats.when(plan.anchor()), parameters(plan.parameters()), plan.planHash(), applyForm(viewer, slug, plan, asked)));
    }

    private static Html parameters(Map<String, Object> parameters) {
        if (parameters.isEmpty()) {
            return Html.EMPTY;
        }
        return Html.of("<p class=\"hash-label\">Parameters</p><dl class=\"facts\">{}</dl>", parameters.entrySet().stream()
                .map(parameter -> Html.of("<div><dt><code>{}</code></dt><dd>{}</dd></div>", parameter.getKey(), String.valueOf(parameter.getValue()))));
    }

    private static Html applyForm(Viewer viewer, String slug, PlanResult plan, Asked asked) {
        List<Html> notes = new ArrayList<>();
        if (plan.appliedAs() != null) {
            notes.add(Html.of("<p class=\"callout\">This exact plan is already applied: applying it again changes nothing.</p>"));
        }
        Html replace = Html.EMPTY;
        if (!plan.replaces().isEmpty()) {
            notes.add(Html.of("<p class=\"callout callout-warn\">{} is already applied here with other settings. Apply replaces it only when you tick the box.</p>",
                    plan.packId()));
            replace = Html.of("""
                    <div class="field field-check">
                      <input id="apply-replace" name="replace" type="checkbox" value="true">
                      <label for="apply-replace">Replace the application in place (tear it down first)</label>
                    </div>""");
        }
        Html hidden = Html.of("""
                <input type="hidden" name="pack" value="{}">
                <input type="hidden" name="mode" value="{}">
                <input type="hidden" name="seed" value="{}">
                <input type="hidden" name="anchor" value="{}">
                <input type="hidden" name="set" value="{}">
                <input type="hidden" name="planHash" value="{}">""", plan.packId(), plan.mode(), plan.seed(), plan.anchor(),
                asked.settings() == null ? "" : asked.settings(), plan.planHash());
        return Html.of("{}<p class=\"muted\">Writes {} to {} in one transaction, and records each one so that teardown removes exactly them.</p>{}",
                notes, Formats.count(plan.totalRows(), "row", "rows"), slug,
                Layout.seedActionForm(slug, Layout.organizationPath(slug) + "/apply", "stack", viewer,
                        Html.of("{}{}{}", hidden, replace, Layout.confirmField(slug, "apply-confirm")), "Apply to " + slug, "button-primary",
                        "Applying"));
    }

    private static Html sample(Map.Entry<String, List<Map<String, String>>> table) {
        List<String> columns = table.getValue().isEmpty() ? List.of() : List.copyOf(table.getValue().get(0).keySet());
        return Html.of("""
                <details class="sample">
                  <summary><code>{}</code> <span class="muted">{}</span></summary>
                  <div class="table-wrap"><table class="compact">
                    <caption class="visually-hidden">Sample rows of {}</caption>
                    <thead><tr>{}</tr></thead>
                    <tbody>{}</tbody>
                  </table></div>
                </details>""", table.getKey(), Formats.count(table.getValue().size(), "sample", "samples"), table.getKey(),
                columns.stream().map(column -> Html.of("<th scope=\"col\">{}</th>", column)),
                table.getValue().stream().map(row -> Html.of("<tr>{}</tr>", columns.stream().map(column -> Html.of("<td>{}</td>", row.get(column))))));
    }

    private static Html persona(Persona persona) {
        return Html.of("<tr><td>{}<br><span class=\"muted\">{}</span></td><td>{}</td><td>{}</td></tr>", persona.name(), persona.description(),
                Formats.role(persona.role()), persona.email());
    }

    /** A total as money or a count reads: grouped, with its decimals. */
    static String amount(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(Math.max(0, Math.min(value.scale(), 10)));
        return format.format(value);
    }
}
