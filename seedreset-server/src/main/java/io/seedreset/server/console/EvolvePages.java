package io.seedreset.server.console;

import io.seedreset.api.Organization;
import io.seedreset.server.admin.StaffDesk.OrganizationSummary;
import java.util.Optional;

/**
 * How an organization moves on between calls: today's synthetic activity, a file's rows imported, and time travel (its
 * clock whole months ahead, the days skipped filled with activity, or back, that activity torn down). Only for organizations that are
 * not production: the page is refused for those, and both forms' actions are refused again by the desk.
 */
final class EvolvePages {

    private EvolvePages() {
    }

    static String evolve(Viewer viewer, OrganizationSummary organization, Optional<Notice> notice) {
        String slug = organization.slug();
        String path = Layout.organizationPath(slug);
        Html clock = organization.clockMonths() == 0
                ? Html.of("runs on the real clock: its today is <strong data-today>{}</strong>.", organization.today())
                : Html.of("runs <strong data-clock>{}</strong> ahead of the real clock: its today is <strong data-today>{}</strong>.",
                Formats.count(organization.clockMonths(), "month", "months"), organization.today());
        return Layout.page("Evolve · " + organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <div class="columns">
                  <div class="column-main">
                    <section class="card" aria-labelledby="clock-title">
                      <h2 id="clock-title">Its clock</h2>
                      <p data-clock-months="{}">{} {}</p>
                      <p class="muted">The platform's today for it, the activity posted and the orders placed follow this clock.</p>
                    </section>
                    <section class="card" aria-labelledby="timetravel-title">
                      <h2 id="timetravel-title">Time travel</h2>
                      <p class="muted">Ahead: the days skipped get their activity, as if the months had passed. Back: the activity of the
                      days given back is torn down, leaving exactly the rows there were. The clock runs 0 to {} months ahead.</p>
                      {}
                    </section>
                  </div>
                  <div class="column-side">
                    <section class="card" aria-labelledby="activity-title">
                      <h2 id="activity-title">Post today's activity</h2>
                      <p class="muted">Each pack that posts activity adds the day's transactions (orders, payments, scans) for its today;
                      a day already posted is not posted again.</p>
                      {}
                    </section>
                    <section class="card" aria-labelledby="import-title">
                      <h2 id="import-title">Import a file</h2>
                      <p class="muted">Loads a CSV (a header line, then a row per record) or JSON (an array of objects) file's rows into one
                      table, checked first, all or nothing; a teardown removes them as it removes seeded rows.</p>
                      {}
                    </section>
                  </div>
                </div>""", Layout.organizationHeader(organization, Layout.Tab.EVOLVE, notice), organization.clockMonths(), organization.name(),
                clock, Organization.MAX_CLOCK_MONTHS,
                Layout.seedActionForm(slug, path + "/timetravel", "stack", viewer, Html.of("""
                        <div class="field">
                          <label for="timetravel-direction">Direction</label>
                          <select id="timetravel-direction" name="direction"><option value="ahead">Ahead</option><option value="back">Back</option></select>
                        </div>
                        <div class="field">
                          <label for="timetravel-months">Months</label>
                          <input id="timetravel-months" name="months" type="number" min="1" max="{}" value="1" required>
                        </div>
                        {}""", Organization.MAX_CLOCK_MONTHS, Layout.confirmField(slug, "timetravel-confirm")), "Travel", "button-primary", "Travelling"),
                Layout.seedActionForm(slug, path + "/activity", "stack", viewer, Layout.confirmField(slug, "activity-confirm"),
                        "Post today's activity", "button-secondary", "Posting"),
                Layout.seedActionForm(slug, path + "/imports", "stack", viewer, Html.of("""
                        <div class="field">
                          <label for="import-table">Table</label>
                          <input id="import-table" name="table" type="text" autocomplete="off" spellcheck="false" required placeholder="suppliers.vendors"
                                 aria-describedby="import-table-hint">
                          <p class="hint" id="import-table-hint">schema.table, a table of the organization's.</p>
                        </div>
                        <div class="field">
                          <label for="import-file">File</label>
                          <input id="import-file" name="file" type="file" accept=".csv,.json" required>
                        </div>
                        {}""", Layout.confirmField(slug, "import-confirm")), "Import", "button-secondary", "Importing", true)));
    }
}
