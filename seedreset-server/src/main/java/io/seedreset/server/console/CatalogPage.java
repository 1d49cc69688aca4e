package io.seedreset.server.console;

import io.seedreset.pack.Mode;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import io.seedreset.server.admin.StaffDesk.OrganizationSummary;
import java.util.List;
import java.util.Optional;

/** The packs this server can apply: what each is, its modes and parameters, and a way to preview it on an organization. */
final class CatalogPage {

    private CatalogPage() {
    }

    static String render(Viewer viewer, List<PackDescriptor> packs, List<OrganizationSummary> organizations) {
        List<OrganizationSummary> seedable = organizations.stream().filter(organization -> !organization.production()).toList();
        Html cards = packs.isEmpty() ? Layout.emptyState("No packs installed", "This server found no seed packs on its class path.")
                : Html.of("{}", packs.stream().map(pack -> card(pack, seedable)));
        return Layout.page("Pack catalog", viewer, Layout.Section.PACKS, Optional.empty(), Html.of("""
                <div class="page-head">
                  <div>
                    <h1>Pack catalog</h1>
                    <p class="subtitle">{}: realistic data written as code, the same on every run of the same seed.</p>
                  </div>
                </div>
                <div class="pack-list">{}</div>""", Formats.count(packs.size(), "pack", "packs"), cards));
    }

    private static Html card(PackDescriptor pack, List<OrganizationSummary> seedable) {
        Html modes = Html.of("<ul class=\"modes\" role=\"list\">{}</ul>", pack.modes().stream().map(mode -> Html.of(
                "<li><strong>{}</strong>{} <span class=\"muted\">· {}</span></li>", mode.name(),
                Html.when(mode == pack.defaultMode() && !mode.name().equals("default"), Html.of(" <span class=\"pill pill-neutral\">default</span>")), mode.description())));
        Html parameters = pack.parameters().isEmpty() ? Html.EMPTY : Html.of("""
                <details class="sample"><summary>{}</summary>
                  <div class="table-wrap"><table class="compact">
                    <caption class="visually-hidden">Parameters of {}</caption>
                    <thead><tr><th scope="col">Parameter</th><th scope="col">Default</th><th scope="col">Accepts</th><th scope="col">What it sets</th></tr></thead>
                    <tbody>{}</tbody>
                  </table></div>
                </details>""", Formats.count(pack.parameters().size(), "parameter", "parameters"), pack.id(),
                pack.parameters().stream().map(parameter -> Html.of("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        parameter.name(), String.valueOf(parameter.defaultValue()), accepts(parameter), parameter.description())));
        Html preview = seedable.isEmpty() ? Html.of("<p class=\"muted\">Create a demo organization to preview this pack on it.</p>") : Html.of("""
                <form method="get" action="/console/plan" class="inline-form">
                  <input type="hidden" name="pack" value="{}">
                  <label for="preview-{}">Preview on</label>
                  <select id="preview-{}" name="organization">{}</select>
                  <label class="visually-hidden" for="preview-mode-{}">Mode</label>
                  <select id="preview-mode-{}" name="mode">{}</select>
                  <button type="submit" class="button button-secondary">Preview plan</button>
                </form>""", pack.id(), pack.id(), pack.id(),
                seedable.stream().map(organization -> Html.of("<option value=\"{}\">{} ({})</option>", organization.slug(), organization.name(),
                        organization.slug())), pack.id(), pack.id(),
                pack.modes().stream().map(Mode::name).map(mode -> Html.of("<option value=\"{}\">{}</option>", mode, mode)));
        return Html.of("""
                <article class="card pack" aria-labelledby="pack-{}">
                  <div class="pack-head">
                    <h2 id="pack-{}">{}</h2>
                    <p class="muted"><code>{}</code> · version {}</p>
                  </div>
                  <p>{}</p>
                  <div class="chips">{}</div>
                  {}
                  {}
                  {}
                  {}
                </article>""", pack.id(), pack.id(), pack.title(), pack.id(), pack.version(), pack.description(),
                pack.modules().stream().map(module -> Html.of("<span class=\"chip\">{}</span>", module)),
                pack.requires().isEmpty() ? Html.EMPTY : Html.of("<p class=\"callout\">A scenario: apply {} first.</p>", String.join(", ", pack.requires())),
                modes, parameters, preview);
    }

    private static String accepts(Parameter parameter) {
        return switch (parameter.type()) {
            case INTEGER -> parameter.min() + " to " + parameter.max();
            case BOOLEAN -> "true or false";
            case CHOICE -> String.join(", ", parameter.choices());
            case TEXT -> "text";
        };
    }
}
