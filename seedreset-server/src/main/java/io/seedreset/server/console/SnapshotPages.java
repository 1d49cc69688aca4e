package io.seedreset.server.console;

import io.seedreset.api.RemovalPreview;
import io.seedreset.api.SnapshotInfo;
import io.seedreset.platform.schedule.ScheduleRun;
import io.seedreset.platform.schedule.Schedules;
import io.seedreset.server.admin.StaffDesk.OrganizationSummary;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An organization's snapshots (take, download, restore, delete), its baseline (what a reset returns it to), the
 * preview of a restore before it is confirmed, and its scheduled jobs. Only for organizations that are not
 * production: the pages are refused for those, and every form's action is refused again by the desk.
 */
final class SnapshotPages {

    private SnapshotPages() {
    }

    static String snapshots(Viewer viewer, OrganizationSummary organization, List<SnapshotInfo> snapshots, Optional<SnapshotInfo> baseline,
                            Optional<Notice> notice) {
        String slug = organization.slug();
        String path = Layout.organizationPath(slug);
        Html list = snapshots.isEmpty() ? Layout.emptyState("No snapshots yet",
                "Take one below before a call: restoring it brings back exactly this state, rows people created included.")
                : Html.of("""
                <div class="table-wrap"><table class="snapshots">
                  <caption class="visually-hidden">Snapshots of {}</caption>
                  <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Taken</th><th scope="col" class="num">Rows</th>
                  <th scope="col" class="num">Size</th><th scope="col">Baseline</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
                  <tbody>{}</tbody>
                </table></div>""", slug, snapshots.stream().map(snapshot -> Html.of("""
                <tr data-snapshot="{}"><td><strong>{}</strong></td><td>{}</td><td>{}<br><span class="muted">by {}</span></td><td class="num">{}</td>
                <td class="num">{}</td><td>{}</td>
                <td class="row-actions"><a href="{}/snapshots/{}/file" download>Download</a> <a href="{}/snapshots/{}/restore">Restore</a></td></tr>""",
                snapshot.name(), snapshot.name(), snapshot.kind().equals("backup") ? Layout.pill("neutral", "Backup") : Layout.pill("good", "Manual"),
                Formats.time(snapshot.takenAt()), snapshot.takenBy(), Formats.count(snapshot.rows()), size(snapshot.bytes()),
                snapshot.baseline() ? Layout.pill("good", "Baseline") : Html.EMPTY, path, snapshot.name(), path, snapshot.name())));
        Html resetsTo = baseline.map(snapshot -> Html.of("<p data-baseline>Reset restores snapshot <strong>{}</strong> (taken {}).</p>",
                snapshot.name(), Formats.when(snapshot.takenAt())))
                .orElse(Html.of("<p data-baseline>Reset applies the organization's packs again.</p>"));
        return Layout.page("Snapshots · " + organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <div class="columns">
                  <div class="column-main">
                    <section class="card" aria-labelledby="snapshots-title">
                      <h2 id="snapshots-title">Snapshots</h2>
                      <p class="muted">The organization's whole state at a moment, kept in the database. A reset takes a backup first.</p>
                      {}
                    </section>
                  </div>
                  <div class="column-side">
                    <section class="card" aria-labelledby="take-title">
                      <h2 id="take-title">Take a snapshot</h2>
                      <form method="post" action="{}/snapshots" class="stack">
                        {}
                        <div class="field">
                          <label for="snapshot-name">Name</label>
                          <input id="snapshot-name" name="name" type="text" required maxlength="63"
                                 autocomplete="off" autocapitalize="off" spellcheck="false" placeholder="before-call" aria-describedby="snapshot-name-hint">
                          <p class="hint" id="snapshot-name-hint">Lower-case letters, digits, '.', '_' and '-'.</p>
                        </div>
                        <div class="actions"><button type="submit" class="button button-primary">Take snapshot</button></div>
                      </form>
                    </section>
                    <section class="card" aria-labelledby="baseline-title">
                      <h2 id="baseline-title">Baseline</h2>
                      {}
                      {}
                    </section>
                    <section class="card card-danger" aria-labelledby="delete-title">
                      <h2 id="delete-title">Delete a snapshot</h2>
                      {}
                    </section>
                  </div>
                </div>""", Layout.organizationHeader(organization, Layout.Tab.SNAPSHOTS, notice), list, path, viewer.csrfField(), resetsTo,
                baselineForm(viewer, slug, snapshots, baseline), deleteForm(viewer, slug, snapshots)));
    }

    private static Html baselineForm(Viewer viewer, String slug, List<SnapshotInfo> snapshots, Optional<SnapshotInfo> baseline) {
        String current = baseline.map(SnapshotInfo::name).orElse("");
        Html choice = Html.of("""
                <div class="field">
                  <label for="baseline-snapshot">Reset returns to</label>
                  <select id="baseline-snapshot" name="snapshot">
                    <option value=""{}>Its packs, applied again</option>{}
                  </select>
                </div>""", Html.when(current.isEmpty(), Html.of(" selected")), snapshots.stream().map(snapshot -> Html.of(
                "<option value=\"{}\"{}>Snapshot {}</option>", snapshot.name(), Html.when(snapshot.name().equals(current), Html.of(" selected")),
                snapshot.name())));
        return Layout.seedActionForm(slug, Layout.organizationPath(slug) + "/baseline", "stack", viewer,
                Html.of("{}{}", choice, Layout.confirmField(slug, "baseline-confirm")), "Set baseline", "button-secondary", "Setting the baseline");
    }

    private static Html deleteForm(Viewer viewer, String slug, List<SnapshotInfo> snapshots) {
        if (snapshots.isEmpty()) {
            return Html.of("<p class=\"muted\">Nothing to delete.</p>");
        }
        Html which = Html.of("""
                <div class="field">
                  <label for="delete-snapshot">Snapshot</label>
                  <select id="delete-snapshot" name="name">{}</select>
                </div>""", snapshots.stream().map(snapshot -> Html.of("<option value=\"{}\">{}</option>", snapshot.name(), snapshot.name())));
        return Layout.seedActionForm(slug, Layout.organizationPath(slug) + "/snapshots/delete", "stack", viewer,
                Html.of("{}{}", which, Layout.confirmField(slug, "delete-confirm")), "Delete snapshot", "button-danger", "Deleting");
    }

    /** What restoring the snapshot would delete and write, per table, and the form that does it once the slug is typed. */
    static String restore(Viewer viewer, OrganizationSummary organization, SnapshotInfo snapshot, RemovalPreview preview) {
        String slug = organization.slug();
        TreeSet<String> tables = new TreeSet<>(preview.deleted().keySet());
        tables.addAll(preview.written().keySet());
        Html counts = Html.of("""
                <div class="table-wrap"><table class="counts restore-preview">
                  <caption class="visually-hidden">Rows per table the restore would delete and write</caption>
                  <thead><tr><th scope="col">Table</th><th scope="col" class="num">Deleted</th><th scope="col" class="num">of which people created</th>
                  <th scope="col" class="num">Written</th></tr></thead>
                  <tbody>{}</tbody>
                  <tfoot><tr><th scope="row">Total</th><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr></tfoot>
                </table></div>""", tables.stream().map(table -> Html.of(
                "<tr><td><code>{}</code></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>", table,
                Formats.count(preview.deleted().getOrDefault(table, 0L)), Formats.count(preview.unseeded().getOrDefault(table, 0L)),
                Formats.count(preview.written().getOrDefault(table, 0L)))),
                Formats.count(preview.deletedRows()), Formats.count(preview.unseededRows()), Formats.count(preview.writtenRows()));
        return Layout.page("Restore " + snapshot.name() + " · " + organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <p class="back"><a href="{}/snapshots">← Back to the snapshots</a></p>
                <section class="card" aria-labelledby="restore-title">
                  <h2 id="restore-title">Restore snapshot {}</h2>
                  <p class="muted">Taken {} by {}. Restoring deletes every row of {} (rows people created too) and writes the snapshot's,
                  in one transaction. Nothing has been written yet: this is the preview.</p>
                  <p data-restore-summary>Deletes {}, of which {} people created; writes {}.</p>
                  {}
                </section>
                <section class="card card-danger" aria-labelledby="restore-confirm-title">
                  <h2 id="restore-confirm-title">Restore now</h2>
                  {}
                </section>""", Layout.organizationHeader(organization, Layout.Tab.SNAPSHOTS), Layout.organizationPath(slug), snapshot.name(),
                Formats.when(snapshot.takenAt()), snapshot.takenBy(), organization.name(), OrganizationPages.rows(preview.deletedRows()),
                Formats.count(preview.unseededRows()), OrganizationPages.rows(preview.writtenRows()), counts,
                Layout.seedActionForm(slug, Layout.organizationPath(slug) + "/snapshots/" + snapshot.name() + "/restore", "stack", viewer,
                        Layout.confirmField(slug, "restore-confirm"), "Restore " + snapshot.name(), "button-danger", "Restoring")));
    }

    /** The organization's scheduled jobs: when each runs next and how its last attempt went, and the forms that change them. */
    static String schedules(Viewer viewer, OrganizationSummary organization, List<Schedules.Entry> schedules, List<String> jobs,
                            Optional<Notice> notice) {
        String slug = organization.slug();
        String path = Layout.organizationPath(slug);
        Html list = schedules.isEmpty() ? Layout.emptyState("Nothing scheduled", "Schedule a nightly reset below, and every demo starts the day fresh.")
                : Html.of("""
                <div class="table-wrap"><table class="schedules">
                  <caption class="visually-hidden">Scheduled jobs of {}</caption>
                  <thead><tr><th scope="col">Job</th><th scope="col">When</th><th scope="col">Next run</th><th scope="col">Last result</th>
                  <th scope="col">Set</th></tr></thead>
                  <tbody>{}</tbody>
                </table></div>""", slug, schedules.stream().map(entry -> Html.of("""
                <tr data-job="{}"><td><strong>{}</strong></td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}<br><span class="muted">by {}</span></td></tr>""",
                entry.job(), entry.job(), entry.timing(), entry.running() ? Layout.pill("busy", "Running") : Formats.time(entry.nextRun()),
                lastRun(entry.lastRun()), Formats.time(entry.setAt()), entry.setBy())));
        return Layout.page("Schedules · " + organization.name(), viewer, Layout.Section.ORGANIZATIONS, Optional.empty(), Html.of("""
                {}
                <div class="columns">
                  <div class="column-main">
                    <section class="card" aria-labelledby="schedules-title">
                      <h2 id="schedules-title">Scheduled jobs</h2>
                      <p class="muted">A running server runs each job when it falls due; a scheduled reset takes its backup first.</p>
                      {}
                    </section>
                  </div>
                  <div class="column-side">
                    <section class="card" aria-labelledby="schedule-set-title">
                      <h2 id="schedule-set-title">Schedule a job</h2>
                      {}
                    </section>
                    {}
                  </div>
                </div>""", Layout.organizationHeader(organization, Layout.Tab.SCHEDULES, notice), list,
                Layout.seedActionForm(slug, path + "/schedules", "stack", viewer, Html.of("""
                        {}
                        <div class="field">
                          <label for="schedule-at">When <span class="optional">optional</span></label>
                          <input id="schedule-at" name="at" type="text" autocomplete="off" spellcheck="false" placeholder="nightly 03:00"
                                 aria-describedby="schedule-at-hint">
                          <p class="hint" id="schedule-at-hint">nightly HH:MM, weekly DAY HH:MM, monthly D HH:MM, every N(m|h|d); empty is the job's own.</p>
                        </div>
                        <div class="field">
                          <label for="schedule-zone">Time zone <span class="optional">optional</span></label>
                          <input id="schedule-zone" name="zone" type="text" autocomplete="off" spellcheck="false" placeholder="UTC">
                        </div>
                        {}""", select("schedule-job", jobs), Layout.confirmField(slug, "schedule-confirm")), "Schedule", "button-primary", "Scheduling"),
                schedules.isEmpty() ? Html.EMPTY : Html.of("""
                        <section class="card" aria-labelledby="schedule-run-title">
                          <h2 id="schedule-run-title">Run now</h2>
                          <p class="muted">Makes the job due now: the server runs it within seconds, as a scheduled run.</p>
                          {}
                        </section>
                        <section class="card card-danger" aria-labelledby="schedule-clear-title">
                          <h2 id="schedule-clear-title">Clear a schedule</h2>
                          {}
                        </section>""", changeForm(viewer, slug, schedules, "run-now", "Run now", "button-secondary", "Starting"),
                        changeForm(viewer, slug, schedules, "clear", "Clear schedule", "button-danger", "Clearing"))));
    }

    /** A form that runs or clears one of the organization's schedules, confirmed by the typed slug. */
    private static Html changeForm(Viewer viewer, String slug, List<Schedules.Entry> schedules, String action, String button, String buttonClass,
                                   String progressLabel) {
        return Layout.seedActionForm(slug, Layout.organizationPath(slug) + "/schedules/" + action, "stack", viewer,
                Html.of("{}{}", select("schedule-" + action + "-job", schedules.stream().map(Schedules.Entry::job).toList()),
                        Layout.confirmField(slug, "schedule-" + action + "-confirm")), button, buttonClass, progressLabel);
    }

    private static Html select(String id, List<String> jobs) {
        return Html.of("""
                <div class="field">
                  <label for="{}">Job</label>
                  <select id="{}" name="job">{}</select>
                </div>""", id, id, jobs.stream().map(job -> Html.of("<option value=\"{}\">{}</option>", job, job)));
    }

    private static Html lastRun(ScheduleRun run) {
        if (run == null) {
            return Html.of("<span class=\"muted\">Not run yet</span>");
        }
        boolean succeeded = ScheduleRun.SUCCEEDED.equals(run.outcome());
        return Html.of("{} {}<br><span class=\"muted\">{}</span>", Layout.pill(succeeded ? "good" : "bad", succeeded ? "Succeeded" : "Failed"),
                Formats.time(run.finishedAt() != null ? run.finishedAt() : run.startedAt()), run.message() == null ? "" : run.message());
    }

    /** "812 B", "14.2 KB", "3.1 MB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ENGLISH, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ENGLISH, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
