package io.seedreset.server.console;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;
import io.seedreset.api.ActivityResult;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.ImportResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.RemovalPreview;
import io.seedreset.api.ResetResult;
import io.seedreset.api.RestoreResult;
import io.seedreset.api.SnapshotInfo;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.TeardownResult;
import io.seedreset.api.TimetravelResult;
import io.seedreset.api.ValidationResult;
import io.seedreset.api.HistoryRequest;
import io.seedreset.platform.identity.ApiTokens;
import io.seedreset.platform.mail.Mailbox;
import io.seedreset.platform.modules.ModuleFlags;
import io.seedreset.platform.staff.Staff;
import io.seedreset.server.HttpStatuses;
import io.seedreset.server.admin.AdminApi;
import io.seedreset.server.admin.StaffDesk;
import io.seedreset.server.admin.StaffDesk.OrganizationSummary;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The staff console: server-rendered pages under {@code /console} for sales engineers and customer
 * success, served by the same process as the platform API. Staff sign in with their staff token and get a
 * session cookie (HttpOnly, SameSite=Strict, eight hours); every form posts the session's CSRF token.
 *
 * <p>Every action goes through {@link StaffDesk}, so the console does exactly what the admin API does,
 * recorded in the audit as the staff member: the demos feature's block on production organizations, one
 * mutation per organization at a time, the engine's typed confirmation. The console adds only what a
 * browser needs: it shows no seed action for a production organization at all, keeps the apply, reset and
 * teardown buttons disabled until the slug is typed (console.js; the engine checks again), and follows a
 * running mutation's progress ({@code GET .../running}, JSON). A refusal is a page with its one-line
 * message and the status {@link HttpStatuses} gives its reason, never a stack trace.
 */
public final class StaffConsole implements Consumer<Javalin> {

    /** The form field every form carries its CSRF token in. */
    static final String CSRF_FIELD = "_csrf";
    static final String SESSION_COOKIE = "seedreset_console";
    /** The sign-in form's CSRF token, before there is a session to hold one (double-submit). */
    static final String SIGN_IN_COOKIE = "seedreset_console_signin";
    private static final int SIGN_IN_FORM_SECONDS = 3600;
    private static final int MAIL_PAGE = 200;
    private static final int FEEDBACK_PAGE = 200;
    private static final int DEFAULT_USAGE_DAYS = 14;
    private static final int PRODUCTION_ATTEMPTS = 5;
    /** Scripts, styles and requests from this server only; no frames, no plug-ins, no inline script or style. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StaffConsole.class);

    private final StaffDesk desk;
    private final Staff staff;
    private final Sessions sessions;

    public StaffConsole(StaffDesk desk, Staff staff, Clock clock) {
        this.desk = desk;
        this.staff = staff;
        this.sessions = new Sessions(clock);
    }

    @Override
    public void accept(Javalin app) {
        app.before("/console", StaffConsole::securityHeaders);
        app.before("/console/*", StaffConsole::securityHeaders);
        app.get("/console", ctx -> ctx.redirect(session(ctx).isPresent() ? "/console/organizations" : "/console/sign-in", io.javalin.http.HttpStatus.SEE_OTHER));
        app.get(Assets.PATH + "{name}", StaffConsole::asset);
        app.get("/console/sign-in", this::signInPage);
        app.post("/console/sign-in", this::signIn);
        app.post("/console/sign-out", form((ctx, session, viewer) -> {
            sessions.close(session);
            ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, "", 0));
            redirect(ctx, "/console/sign-in");
        }));

        app.get("/console/organizations", page((ctx, session, viewer) ->
                ctx.html(OrganizationPages.list(viewer, desk.organizations(), session.takeNotice(), OrganizationPages.CreateForm.EMPTY))));
        app.post("/console/organizations", form(this::createOrganization));
        app.get("/console/packs", page((ctx, session, viewer) -> ctx.html(CatalogPage.render(viewer, desk.packs(), desk.organizations()))));
        app.get("/console/plan", page((ctx, session, viewer) -> redirect(ctx, Layout.organizationPath(required(ctx.queryParam("organization"),
                "organization")) + "/plan?" + query(Map.of("pack", orEmpty(ctx.queryParam("pack")), "mode", orEmpty(ctx.queryParam("mode")))))));

        String organization = "/console/organizations/{slug}";
        app.get(organization, page(this::overview));
        app.get(organization + "/running", this::running);
        app.get(organization + "/plan", page(this::plan));
        app.post(organization + "/apply", form(this::apply));
        app.post(organization + "/reset", form(this::reset));
        app.post(organization + "/teardown", form(this::teardown));
        app.post(organization + "/validate", form(this::validate));
        app.get(organization + "/snapshots", page(this::snapshots));
        app.post(organization + "/snapshots", form(this::takeSnapshot));
        app.get(organization + "/snapshots/{name}/file", page(this::downloadSnapshot));
        app.get(organization + "/snapshots/{name}/restore", page(this::restorePreview));
        app.post(organization + "/snapshots/{name}/restore", form(this::restore));
        app.post(organization + "/snapshots/delete", form(this::deleteSnapshot));
        app.post(organization + "/baseline", form(this::setBaseline));
        app.get(organization + "/schedules", page(this::schedules));
        app.post(organization + "/schedules", form(this::setSchedule));
        app.post(organization + "/schedules/run-now", form(this::runScheduleNow));
        app.post(organization + "/schedules/clear", form(this::clearSchedule));
        app.get(organization + "/evolve", page((ctx, session, viewer) -> ctx.html(EvolvePages.evolve(viewer, demo(ctx), session.takeNotice()))));
        app.post(organization + "/activity", form(this::activity));
        app.post(organization + "/timetravel", form(this::timetravel));
        app.post(organization + "/imports", form(this::importRows));
        app.get(organization + "/history", page(this::history));
        app.get(organization + "/mail", page((ctx, session, viewer) ->
                ctx.html(DemoPages.mailbox(viewer, demo(ctx), desk.mail(slug(ctx), MAIL_PAGE)))));
        app.get(organization + "/mail/{id}", page(this::message));
        app.get(organization + "/logins", page((ctx, session, viewer) ->
                ctx.html(DemoPages.logins(viewer, demo(ctx), desk.logins(slug(ctx)), session.takeNotice()))));
        app.post(organization + "/tokens", form(this::reissueTokens));
        app.get(organization + "/modules", page((ctx, session, viewer) ->
                ctx.html(DemoPages.modules(viewer, demo(ctx), desk.modules(slug(ctx)), session.takeNotice()))));
        app.post(organization + "/modules", form(this::switchModules));
        app.get(organization + "/usage", page(this::usage));
        app.get(organization + "/feedback", page((ctx, session, viewer) ->
                ctx.html(DemoPages.feedback(viewer, demo(ctx), desk.feedback(slug(ctx), FEEDBACK_PAGE)))));
        // Last: any other path under /console is a page that does not exist (the routes above match first).
        app.get("/console/*", page((ctx, session, viewer) -> ctx.status(404).html(ErrorPage.render(viewer, "Page not found",
                "there is no console page at " + ctx.path(), "/console/organizations", "Back to organizations"))));
    }

    // ------------------------------------------------------------------ sign-in

    private void signInPage(Context ctx) {
        if (session(ctx).isPresent()) {
            redirect(ctx, safeNext(ctx.queryParam("next")));
            return;
        }
        signInForm(ctx, 200, null);
    }

    /** The sign-in form with a fresh CSRF token, set in a cookie of its own as well (there is no session yet). */
    private void signInForm(Context ctx, int status, String error) {
        String csrf = Sessions.randomId();
        ctx.res().addHeader("Set-Cookie", cookie(ctx, SIGN_IN_COOKIE, csrf, SIGN_IN_FORM_SECONDS));
        ctx.status(status).html(SignInPage.render(csrf, ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next"), error));
    }

    private void signIn(Context ctx) {
        if (!sameToken(ctx.cookie(SIGN_IN_COOKIE), ctx.formParam(CSRF_FIELD))) {
            signInForm(ctx, 403, "This sign-in form expired. Paste your token again.");
            return;
        }
        String token = orEmpty(ctx.formParam("token")).strip();
        Optional<Staff.Member> member;
        try {
            member = token.isEmpty() ? Optional.empty() : staff.authenticate(token);
        } catch (SeedResetException e) {
            signInForm(ctx, HttpStatuses.of(e.reason()), e.getMessage());
            return;
        }
        if (member.isEmpty()) {
            signInForm(ctx, 401, "That token was not recognised, or it was revoked. Ask an administrator for a staff token.");
            return;
        }
        Sessions.Session session = sessions.open(member.get(), token);
        ctx.res().addHeader("Set-Cookie", cookie(ctx, SIGN_IN_COOKIE, "", 0));
        ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, session.id, (int) Sessions.LIFETIME.toSeconds()));
        redirect(ctx, safeNext(ctx.formParam("next")));
    }

    /** Where to go after signing in: a console page the request named, else the organizations. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/console/") || next.startsWith("/console/sign-") || next.contains("\\") || next.contains("//")
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/console/organizations";
        }
        return next;
    }

    // ------------------------------------------------------------------ organizations

    private void createOrganization(Context ctx, Sessions.Session session, Viewer viewer) {
        OrganizationPages.CreateForm form = new OrganizationPages.CreateForm(orEmpty(ctx.formParam("name")).strip(),
                orEmpty(ctx.formParam("slug")).strip(), orEmpty(ctx.formParam("kind")).strip(), null);
        try {
            if (form.kind().isEmpty() || OrganizationKind.parse(form.kind().toLowerCase(Locale.ROOT)).isProduction()) {
                throw new SeedResetException(Reason.INVALID_VALUE, "the console creates demo, qa and sandbox organizations;"
                        + " production organizations come from the platform itself", Map.of(SeedResetException.VALUE, form.kind()));
            }
            var created = desk.createOrganization(session.member(), form.slug(), form.name(), form.kind());
            session.notice(Notice.success("Created " + created.name(), List.of("Next: preview a pack on it, then apply it.")));
            redirect(ctx, Layout.organizationPath(created.slug()));
        } catch (SeedResetException e) {
            // The form again, filled as it was sent, with the reason above it.
            ctx.status(HttpStatuses.of(e.reason())).html(OrganizationPages.list(viewer, desk.organizations(), Optional.empty(),
                    form.refused(e.getMessage())));
        }
    }

    private void overview(Context ctx, Sessions.Session session, Viewer viewer) {
        OrganizationSummary organization = desk.organization(slug(ctx));
        // A production organization's page shows what was attempted on it instead of seed actions.
        var recent = organization.production() ? desk.history(organization.slug(), PRODUCTION_ATTEMPTS, null, null) : null;
        String baseline = organization.production() ? null
                : Optional.ofNullable(desk.baseline(organization.slug()).snapshot()).map(SnapshotInfo::name).orElse(null);
        ctx.html(OrganizationPages.overview(viewer, organization, desk.packs(), session.takeNotice(), recent, baseline));
    }

    private void plan(Context ctx, Sessions.Session session, Viewer viewer) {
        OrganizationSummary organization = desk.organization(slug(ctx));
        PlanPage.Asked asked = new PlanPage.Asked(ctx.queryParam("pack"), blankToNull(ctx.queryParam("mode")), seed(ctx.queryParam("seed")),
                blankToNull(ctx.queryParam("anchor")), blankToNull(ctx.queryParam("set")));
        var plan = desk.plan(session.member(), organization.slug(), call(asked));
        ctx.html(PlanPage.render(viewer, organization, plan, asked));
    }

    private void apply(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        PlanPage.Asked asked = new PlanPage.Asked(ctx.formParam("pack"), blankToNull(ctx.formParam("mode")), seed(ctx.formParam("seed")),
                blankToNull(ctx.formParam("anchor")), blankToNull(ctx.formParam("set")));
        StaffDesk.Applied applied = desk.apply(session.member(), slug, call(asked), ctx.formParam("confirm"),
                "true".equals(ctx.formParam("replace")), ctx.formParam("planHash"));
        ApplyResult result = applied.result();
        String title = switch (result.status()) {
            case APPLIED -> "Applied " + result.packId() + " " + result.packVersion() + " to " + slug;
            case REPLACED -> "Replaced " + result.packId() + " on " + slug + " with " + result.packVersion();
            case UNCHANGED -> result.packId() + " " + result.packVersion() + " was already applied to " + slug;
        };
        List<String> details = result.status() == ApplyResult.Status.UNCHANGED ? List.of("Nothing was written: the same plan is in place.")
                : List.of(OrganizationPages.rows(result.totalRows()) + " written in " + Formats.duration(result.duration()) + ".",
                "Mode " + result.mode() + ", seed " + result.seed() + ", anchored at " + Formats.when(result.anchor()) + ".");
        session.notice(Notice.success(title, details, applied.apiTokens()));
        redirect(ctx, Layout.organizationPath(slug));
    }

    private void reset(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        StaffDesk.Reset reset = desk.reset(session.member(), slug, ctx.formParam("confirm"), null);
        ResetResult result = reset.result();
        long written = result.reapplied().stream().mapToLong(ApplyResult::totalRows).sum()
                + result.restored().stream().mapToLong(RestoreResult::restoredRows).sum();
        List<String> putBack = new ArrayList<>();
        if (!result.reapplied().isEmpty()) {
            putBack.add(Formats.count(result.reapplied().size(), "pack", "packs") + " applied again");
        }
        if (!result.restored().isEmpty()) {
            putBack.add(Formats.count(result.restored().size(), "snapshot", "snapshots") + " restored ("
                    + String.join(", ", result.restored().stream().map(RestoreResult::source).toList()) + ")");
        }
        List<String> details = new ArrayList<>();
        details.add(OrganizationPages.rows(result.deletedRows()) + " deleted; " + (putBack.isEmpty() ? "nothing to put back" : String.join(" and ", putBack))
                + ": " + OrganizationPages.rows(written) + " written in " + Formats.duration(result.duration()) + ".");
        if (result.backup() != null) {
            // What the reset wiped is not lost: the backup it took first restores it, from the Snapshots tab.
            details.add("Backup taken first: " + result.backup() + " (under Snapshots, to restore what was there).");
        }
        session.notice(Notice.success("Reset " + slug, details, reset.apiTokens()));
        redirect(ctx, Layout.organizationPath(slug));
    }

    // ------------------------------------------------------------------ snapshots, baseline and schedules

    private void snapshots(Context ctx, Sessions.Session session, Viewer viewer) {
        OrganizationSummary organization = demo(ctx);
        ctx.html(SnapshotPages.snapshots(viewer, organization, desk.snapshots(organization.slug()),
                Optional.ofNullable(desk.baseline(organization.slug()).snapshot()), session.takeNotice()));
    }

    private void takeSnapshot(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        SnapshotInfo taken = desk.createSnapshot(session.member(), slug, orEmpty(ctx.formParam("name")).strip());
        session.notice(Notice.success("Took snapshot " + taken.name(), List.of(OrganizationPages.rows(taken.rows()) + ", "
                + SnapshotPages.size(taken.bytes()) + " compressed.")));
        redirect(ctx, Layout.organizationPath(slug) + "/snapshots");
    }

    private void downloadSnapshot(Context ctx, Sessions.Session session, Viewer viewer) throws java.io.IOException {
        OrganizationSummary organization = demo(ctx);
        String name = ctx.pathParam("name");
        desk.snapshot(organization.slug(), name);
        AdminApi.attachment(ctx, organization.slug(), name);
        try (java.io.OutputStream out = ctx.outputStream()) {
            desk.exportSnapshot(organization.slug(), name, out);
        }
    }

    private void restorePreview(Context ctx, Sessions.Session session, Viewer viewer) {
        OrganizationSummary organization = demo(ctx);
        SnapshotInfo snapshot = desk.snapshot(organization.slug(), ctx.pathParam("name"));
        RemovalPreview preview = desk.previewRestore(session.member(), organization.slug(), StaffDesk.RestoreSource.stored(snapshot.name(), null));
        ctx.html(SnapshotPages.restore(viewer, organization, snapshot, preview));
    }

    private void restore(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        RestoreResult result = desk.restore(session.member(), slug, StaffDesk.RestoreSource.stored(ctx.pathParam("name"), null),
                ctx.formParam("confirm"));
        session.notice(Notice.success("Restored " + result.source() + " into " + slug, List.of(OrganizationPages.rows(result.deletedRows())
                + " deleted, " + OrganizationPages.rows(result.restoredRows()) + " written in " + Formats.duration(result.duration()) + ".")));
        redirect(ctx, Layout.organizationPath(slug) + "/snapshots");
    }

    private void deleteSnapshot(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        SnapshotInfo deleted = desk.deleteSnapshot(session.member(), slug, required(ctx.formParam("name"), "snapshot"), ctx.formParam("confirm"));
        session.notice(Notice.success("Deleted snapshot " + deleted.name(), List.of()));
        redirect(ctx, Layout.organizationPath(slug) + "/snapshots");
    }

    private void setBaseline(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        StaffDesk.Baseline baseline = desk.setBaseline(session.member(), slug, blankToNull(ctx.formParam("snapshot")), ctx.formParam("confirm"));
        session.notice(Notice.success(baseline.snapshot() == null ? "Reset applies the packs of " + slug + " again"
                : "Reset restores snapshot " + baseline.snapshot().name(), List.of()));
        redirect(ctx, Layout.organizationPath(slug) + "/snapshots");
    }

    private void schedules(Context ctx, Sessions.Session session, Viewer viewer) {
        OrganizationSummary organization = demo(ctx);
        ctx.html(SnapshotPages.schedules(viewer, organization, desk.schedules(organization.slug()), desk.jobs(), session.takeNotice()));
    }

    private void setSchedule(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        var entry = desk.setSchedule(session.member(), slug, ctx.formParam("job"), blankToNull(ctx.formParam("at")), blankToNull(ctx.formParam("zone")),
                ctx.formParam("confirm"));
        session.notice(Notice.success("Scheduled " + entry.job() + " of " + slug, List.of(entry.timing() + "; next run "
                + Formats.when(entry.nextRun()) + ".")));
        redirect(ctx, Layout.organizationPath(slug) + "/schedules");
    }

    private void runScheduleNow(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        var entry = desk.runScheduleNow(session.member(), slug, ctx.formParam("job"), ctx.formParam("confirm"));
        session.notice(Notice.success(entry.job() + " of " + slug + " is due now", List.of("A running server starts it within seconds.")));
        redirect(ctx, Layout.organizationPath(slug) + "/schedules");
    }

    private void clearSchedule(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        String job = ctx.formParam("job");
        desk.clearSchedule(session.member(), slug, job, ctx.formParam("confirm"));
        session.notice(Notice.success("Cleared the " + job + " schedule of " + slug, List.of()));
        redirect(ctx, Layout.organizationPath(slug) + "/schedules");
    }

    private void activity(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        ActivityResult result = desk.activity(session.member(), slug, null, ctx.formParam("confirm"));
        session.notice(Notice.success(result.totalRows() == 0 && result.changedRows() == 0 ? "Today's activity of " + slug + " was already posted"
                : "Posted the activity of " + result.to() + " in " + slug, result.runs().stream().map(run -> run.packId() + ": "
                + Formats.count(run.totalRows(), "row", "rows") + " written, " + Formats.count(run.changedRows(), "row", "rows") + " changed").toList()));
        redirect(ctx, Layout.organizationPath(slug) + "/evolve");
    }

    /** Months ahead, or back with direction=back: the form asks how far and which way, rather than for a signed number. */
    private void timetravel(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        String asked = orEmpty(ctx.formParam("months")).strip();
        int months;
        try {
            months = Integer.parseInt(asked);
        } catch (NumberFormatException e) {
            throw new SeedResetException(Reason.INVALID_VALUE, "months '" + asked + "' is not a number of months", Map.of(SeedResetException.VALUE, asked));
        }
        TimetravelResult result = desk.timetravel(session.member(), slug, "back".equals(ctx.formParam("direction")) ? -months : months,
                ctx.formParam("confirm"));
        List<String> details = new ArrayList<>();
        details.add("Its today is now " + result.today() + ".");
        result.posted().forEach(run -> details.add(run.packId() + ": " + Formats.count(run.totalRows(), "row", "rows") + " of activity posted"));
        if (!result.removed().isEmpty()) {
            details.add(Formats.count(result.removed().size(), "activity application", "activity applications") + " torn down");
        }
        session.notice(Notice.success("Moved the clock of " + slug + " from " + result.fromMonths() + " to " + result.toMonths()
                + " month(s) ahead", details));
        redirect(ctx, Layout.organizationPath(slug) + "/evolve");
    }

    /**
     * The chosen file, as the admin API's import takes its body: the desk spools it and names it in its messages by its
     * file name. Without a file the desk is asked all the same, so that production is refused (and audited) first.
     */
    private void importRows(Context ctx, Sessions.Session session, Viewer viewer) throws IOException {
        String slug = slug(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        ImportResult result;
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.content()) {
            result = desk.importRows(session.member(), slug, ctx.formParam("table"), file == null ? null : file.filename(), content,
                    ctx.formParam("confirm"), false);
        }
        session.notice(Notice.success("Imported " + Formats.count(result.rows(), "row", "rows") + " of " + result.source() + " into "
                + result.table(), List.of("Application " + result.application() + ": a teardown removes them.")));
        redirect(ctx, Layout.organizationPath(slug) + "/evolve");
    }

    private void teardown(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        String application = blankToNull(ctx.formParam("application"));
        UUID id;
        try {
            id = application == null ? null : UUID.fromString(application);
        } catch (IllegalArgumentException e) {
            throw new SeedResetException(Reason.INVALID_VALUE, "application '" + application + "' is not an application's id",
                    Map.of(SeedResetException.VALUE, application));
        }
        TeardownResult result = desk.teardown(session.member(), slug, ctx.formParam("confirm"), id);
        long restored = result.restored().values().stream().mapToLong(Long::longValue).sum();
        session.notice(Notice.success("Tore down " + Formats.count(result.applications().size(), "application", "applications") + " of " + slug,
                List.of(OrganizationPages.rows(result.totalRows()) + " deleted" + (restored == 0 ? "" : ", " + OrganizationPages.rows(restored) + " put back")
                        + " in " + Formats.duration(result.duration()) + ".")));
        redirect(ctx, Layout.organizationPath(slug));
    }

    private void validate(Context ctx, Sessions.Session session, Viewer viewer) {
        String slug = slug(ctx);
        ValidationResult result = desk.validate(session.member(), slug);
        if (result.passed()) {
            session.notice(Notice.success("The data of " + slug + " is valid", List.of("Every one of "
                    + Formats.count(result.rules().size(), "rule", "rules") + " holds.")));
        } else {
            List<String> failed = new ArrayList<>();
            for (ValidationResult.Rule rule : result.failed()) {
                failed.add(rule.pack() + ": " + rule.name() + " (" + String.join("; ", rule.violations()) + ")");
            }
            session.notice(new Notice(Notice.Tone.ERROR, Formats.count(failed.size(), "rule", "rules") + " of " + result.rules().size()
                    + " broken in " + slug, failed, List.of()));
        }
        redirect(ctx, Layout.organizationPath(slug));
    }

    private void running(Context ctx) {
        if (session(ctx).isEmpty()) {
            ctx.status(401).json(Map.of("running", false, "error", "sign in to the console first"));
            return;
        }
        try {
            ctx.json(OrganizationPages.runningJson(desk.running(slug(ctx))));
        } catch (SeedResetException e) {
            ctx.status(HttpStatuses.of(e.reason())).json(Map.of("running", false, "error", e.getMessage()));
        }
    }

    private void history(Context ctx, Sessions.Session session, Viewer viewer) {
        String before = ctx.queryParam("before");
        Long beforeEntry = null;
        if (before != null && !before.isBlank()) {
            try {
                beforeEntry = Long.parseLong(before);
            } catch (NumberFormatException e) {
                throw new SeedResetException(Reason.INVALID_VALUE, "before '" + before + "' is not an entry's number",
                        Map.of(SeedResetException.VALUE, before));
            }
        }
        OrganizationSummary organization = desk.organization(slug(ctx));
        ctx.html(OrganizationPages.history(viewer, organization, desk.history(organization.slug(), HistoryRequest.DEFAULT_LIMIT, null, beforeEntry),
                beforeEntry != null));
    }

    // ------------------------------------------------------------------ the demo side

    private void message(Context ctx, Sessions.Session session, Viewer viewer) {
        OrganizationSummary organization = demo(ctx);
        String id = ctx.pathParam("id");
        Optional<Mailbox.Message> message;
        try {
            message = desk.message(organization.slug(), UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            message = Optional.empty();
        }
        if (message.isEmpty()) {
            ctx.status(404).html(ErrorPage.render(viewer, "Message not found", "no message " + id + " in the mailbox of '" + organization.slug() + "'",
                    Layout.organizationPath(organization.slug()) + "/mail", "Back to the mailbox"));
            return;
        }
        ctx.html(DemoPages.message(viewer, organization, message.get()));
    }

    private void reissueTokens(Context ctx, Sessions.Session session, Viewer viewer) {
        OrganizationSummary organization = demo(ctx);
        List<ApiTokens.Issued> tokens = desk.reissueTokens(session.member(), organization.slug());
        session.notice(Notice.success("New API tokens for " + Formats.count(tokens.size(), "persona", "personas"),
                List.of("Their previous API tokens no longer work."), tokens));
        redirect(ctx, Layout.organizationPath(organization.slug()) + "/logins");
    }

    private void switchModules(Context ctx, Sessions.Session session, Viewer viewer) {
        OrganizationSummary organization = demo(ctx);
        List<String> on = ctx.formParams("module");
        Map<String, Boolean> changes = new LinkedHashMap<>();
        for (ModuleFlags.State state : desk.modules(organization.slug())) {
            boolean wanted = on.contains(state.module());
            if (wanted != state.enabled()) {
                changes.put(state.module(), wanted);
            }
        }
        if (changes.isEmpty()) {
            session.notice(Notice.success("No module changed", List.of()));
        } else {
            desk.switchModules(organization.slug(), changes);
            List<String> details = new ArrayList<>();
            changes.forEach((module, enabled) -> details.add(module + " switched " + (enabled ? "on" : "off")));
            session.notice(Notice.success("Modules saved for " + organization.slug(), details));
        }
        redirect(ctx, Layout.organizationPath(organization.slug()) + "/modules");
    }

    private void usage(Context ctx, Sessions.Session session, Viewer viewer) {
        OrganizationSummary organization = demo(ctx);
        int days = DEFAULT_USAGE_DAYS;
        String asked = ctx.queryParam("days");
        if (asked != null && !asked.isBlank()) {
            try {
                days = Integer.parseInt(asked.strip());
            } catch (NumberFormatException e) {
                throw new SeedResetException(Reason.INVALID_VALUE, "days '" + asked + "' is not a number of days", Map.of(SeedResetException.VALUE, asked));
            }
        }
        ctx.html(DemoPages.usage(viewer, organization, desk.usage(organization.slug(), days), days));
    }

    /** The organization of the path, refused when it is production: the demos feature is off for it. */
    private OrganizationSummary demo(Context ctx) {
        OrganizationSummary organization = desk.organization(slug(ctx));
        if (organization.production()) {
            throw new SeedResetException(Reason.PRODUCTION_ORGANIZATION, "organization '" + organization.slug()
                    + "' is production: the demos feature is off for it", Map.of(SeedResetException.ORGANIZATION, organization.slug()));
        }
        return organization;
    }

    // ------------------------------------------------------------------ sessions, forms and failures

    @FunctionalInterface
    private interface Action {
        void handle(Context ctx, Sessions.Session session, Viewer viewer) throws Exception;
    }

    /** A page: signed in, or off to sign in and back here after. */
    private Handler page(Action action) {
        return ctx -> {
            Optional<Sessions.Session> session = session(ctx);
            if (session.isEmpty()) {
                String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                redirect(ctx, "/console/sign-in?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
                return;
            }
            run(ctx, session.get(), action, "This page could not be shown");
        };
    }

    /**
     * A form's action: signed in, and the form's CSRF token is the session's, else refused before anything
     * is read or written. (SameSite=Strict already keeps the cookie off other sites' requests; the token
     * holds where a browser or a proxy does not honour it.)
     */
    private Handler form(Action action) {
        return ctx -> {
            Optional<Sessions.Session> session = session(ctx);
            if (session.isEmpty()) {
                ctx.status(401).html(ErrorPage.render(null, "Sign in again", "your console session ended, or this browser never had one:"
                        + " sign in and send the form again", "/console/sign-in", "Sign in"));
                return;
            }
            if (!session.get().csrfMatches(ctx.formParam(CSRF_FIELD))) {
                ctx.status(403).html(ErrorPage.render(viewer(session.get()), "This form expired", "the form's security token does not match"
                        + " your session, so nothing was done: reload the page and send it again", back(ctx), "Back"));
                return;
            }
            run(ctx, session.get(), action, "That did not go through");
        };
    }

    private void run(Context ctx, Sessions.Session session, Action action, String failureTitle) {
        Viewer viewer = viewer(session);
        try {
            action.handle(ctx, session, viewer);
        } catch (SeedResetException e) {
            ctx.status(HttpStatuses.of(e.reason())).html(ErrorPage.render(viewer, failureTitle, e.getMessage(), back(ctx), backLabel(ctx)));
        } catch (Exception e) {
            // A bug: its stack trace in the server's log, one line on the page.
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).html(ErrorPage.render(viewer, "Something went wrong on our side", "unexpected " + e.getClass().getSimpleName()
                    + ": the server's log has the details", back(ctx), backLabel(ctx)));
        }
    }

    /** The signed-in session of this request, if its cookie names a live one whose staff token still answers. */
    private Optional<Sessions.Session> session(Context ctx) {
        Optional<Sessions.Session> found = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (found.isEmpty()) {
            return found;
        }
        // Checked on every request: a revoked token ends its sessions now, not when they expire.
        Optional<Staff.Member> member = staff.authenticate(found.get().staffToken);
        if (member.isEmpty()) {
            sessions.close(found.get());
            return Optional.empty();
        }
        found.get().member(member.get());
        return found;
    }

    private static Viewer viewer(Sessions.Session session) {
        return new Viewer(session.member().name(), session.csrf);
    }

    /** Back to the organization a failed page or form was about, else to the organizations. */
    private static String back(Context ctx) {
        String slug = ctx.pathParamMap().get("slug");
        return slug == null ? "/console/organizations" : Layout.organizationPath(slug);
    }

    private static String backLabel(Context ctx) {
        return ctx.pathParamMap().containsKey("slug") ? "Back to " + ctx.pathParam("slug") : "Back to organizations";
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        // Pages show tokens, passwords and mail: no cache keeps them. Assets say otherwise for themselves.
        ctx.header("Cache-Control", "no-store");
    }

    private static void asset(Context ctx) {
        Assets.Asset asset = Assets.find(ctx.pathParam("name"));
        if (asset == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such asset");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(asset.contentType()).result(asset.content());
    }

    /**
     * A cookie of the console's: only for {@code /console}, never readable by script, never sent with a
     * request another site starts, and Secure when the request came over HTTPS (directly or through a proxy
     * that says so).
     */
    private static String cookie(Context ctx, String name, String value, int maxAgeSeconds) {
        boolean secure = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return name + "=" + value + "; Path=/console; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private static boolean sameToken(String expected, String presented) {
        return expected != null && presented != null && !expected.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static void redirect(Context ctx, String location) {
        // 303: after a form, the browser follows with a GET, and a reload does not send the form again.
        ctx.redirect(location, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String slug(Context ctx) {
        return ctx.pathParam("slug");
    }

    private static StaffDesk.PackCall call(PlanPage.Asked asked) {
        return new StaffDesk.PackCall(asked.pack(), asked.mode(), asked.seed(), asked.anchor(), settings(asked.settings()));
    }

    /** The parameters' text, one {@code name=value} a line, as {@code --set} takes them. */
    static Map<String, String> settings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (text == null) {
            return settings;
        }
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new SeedResetException(Reason.INVALID_PARAMETER, "parameter line '" + trimmed + "': write name=value",
                        Map.of(SeedResetException.VALUE, trimmed));
            }
            settings.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return settings;
    }

    private static Long seed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new SeedResetException(Reason.INVALID_VALUE, "seed '" + text + "' is not a whole number", Map.of(SeedResetException.VALUE, text));
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new SeedResetException(Reason.INVALID_VALUE, "choose the " + name, Map.of());
        }
        return value;
    }

    private static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        new java.util.TreeMap<>(parameters).forEach((name, value) -> {
            if (!value.isEmpty()) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
