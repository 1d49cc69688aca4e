package io.seedreset.server.admin;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.api.ActivityResult;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.HistoryResult;
import io.seedreset.api.ImportResult;
import io.seedreset.api.Organization;
import io.seedreset.api.PlanResult;
import io.seedreset.api.RemovalPreview;
import io.seedreset.api.RestoreResult;
import io.seedreset.api.SnapshotInfo;
import io.seedreset.api.TeardownResult;
import io.seedreset.api.TimetravelResult;
import io.seedreset.api.ValidationResult;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.platform.feedback.FeedbackBox;
import io.seedreset.platform.identity.ApiTokens;
import io.seedreset.platform.mail.Mailbox;
import io.seedreset.platform.modules.ModuleFlags;
import io.seedreset.platform.schedule.Schedules;
import io.seedreset.platform.staff.Staff;
import io.seedreset.platform.usage.UsageReport;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ApiException;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.QueryParams;
import io.seedreset.server.RequestAttributes;
import io.seedreset.server.RequestBodies;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The admin API, {@code /api/admin/v1}: what staff do to organizations ({@link StaffDesk}) over HTTP, for
 * scripts and the console's own use. Every route needs a staff token ({@code seedreset staff create});
 * without one, or with a persona's, 401. Results are the engine's JSON (the CLI's {@code --json}); failures
 * an {@link ErrorBody} with the reason's status: bad input 400 (an unknown name 404), refused by the
 * production boundary 403, a conflict 409 (a wrong confirmation, a busy organization; a missing one 428),
 * a broken validation rule 422, a failure 500.
 */
public final class AdminApi implements Consumer<Javalin> {

    static final String PREFIX = "/api/admin/v1";
    /** The request attribute holding the signed-in {@link Staff.Member}. */
    static final String STAFF = "seedreset.staff";
    /** Set, to the refusal's message, on a request that must be refused as unauthenticated once the rate limiter has counted it. */
    private static final String REFUSED = "seedreset.staff.unauthenticated";

    private static final String ORGANIZATIONS = PREFIX + "/organizations";
    private static final String ORGANIZATION = ORGANIZATIONS + "/{slug}";
    private static final String SNAPSHOT = ORGANIZATION + "/snapshots/{name}";
    private static final String TAG = "admin";
    private static final String NAME = "The snapshot's name";
    private static final String ZIP = "application/zip";
    /** The largest snapshot file a restore receives; a bigger one is refused as it arrives (413), nothing written. */
    static final long MAX_SNAPSHOT_FILE_BYTES = 2L << 30;
    private static final String RESTORE_400 = "No snapshot named, an empty file or a bad filename; invalid_snapshot: a file that is not a"
            + " snapshot, truncated, altered, or of another schema version (nothing written)" + RequestBodies.MALFORMED;
    private static final String SLUG = "The organization's slug";
    private static final String TIMETRAVEL_400 = "No months, 0 months, or a clock that would run outside 0 to 12 months ahead"
            + RequestBodies.MALFORMED;
    private static final String UNAUTHENTICATED = "No staff token, or one unknown or revoked (a persona's token is never a staff token)";
    private static final String PRODUCTION = "A production organization: seed packs never run there (audited)";
    private static final String CONFLICT = "The confirmation is not the slug, or the organization is busy, or its state is in the way";

    private final StaffDesk desk;
    private final Staff staff;

    public AdminApi(StaffDesk desk, Staff staff) {
        this.desk = desk;
        this.staff = staff;
    }

    /** {@code POST /organizations}' body. Without a kind, production (fail closed), as the CLI. */
    record NewOrganization(String slug, String name, String kind) {
    }

    /** {@code POST .../plan}'s body: the pack, and optionally its mode, seed, anchor, settings and the modules to seed. */
    record PlanBody(String pack, String mode, Long seed, String anchor, Map<String, String> set, List<String> modules) {
        StaffDesk.PackCall call() {
            return new StaffDesk.PackCall(pack, mode, seed, anchor, set, modules);
        }
    }

    /** {@code POST .../apply}'s body: a plan's, the typed slug, and optionally replace and the reviewed plan's hash. */
    record ApplyBody(String pack, String mode, Long seed, String anchor, Map<String, String> set, List<String> modules, String confirm,
                     Boolean replace, String planHash) {
    }

    /** {@code POST .../teardown}'s body: the typed slug, and one application's id (default: all of them). */
    record TeardownBody(String confirm, UUID application) {
    }

    /** {@code POST .../reset}'s body: the typed slug, and optionally the anchor to apply again at. */
    record ResetBody(String confirm, String anchor) {
    }

    /** {@code POST .../modules}' body: the modules to switch on and off. */
    record ModulesBody(List<String> enable, List<String> disable) {
    }

    /** {@code POST .../schedules}' body: the job, when (default: the job's own) and in which zone (default UTC), the typed slug. */
    record ScheduleBody(String job, String at, String zone, String confirm) {
    }

    /** {@code POST .../schedules/{job}/clear} and {@code .../run-now}'s body: the typed slug. */
    record ConfirmBody(String confirm) {
    }

    /** {@code POST .../teardown/dry-run}'s body: one application's id (default: all of them). */
    record TeardownPreviewBody(UUID application) {
    }

    /** {@code POST .../reset/dry-run}'s body: optionally the anchor to apply again at. */
    record ResetPreviewBody(String anchor) {
    }

    /** {@code POST .../activity}'s body: how many days up to the organization's today (default 1: today), the typed slug. */
    record ActivityBody(Integer days, String confirm) {
    }

    /** {@code POST .../timetravel}'s body: the months to move the organization's clock (negative: back), the typed slug. */
    record TimetravelBody(Integer months, String confirm) {
    }

    /** {@code POST .../timetravel/dry-run}'s body: the months. */
    record TimetravelPreviewBody(Integer months) {
    }

    /** {@code POST .../snapshots}' body: the new snapshot's name. */
    record SnapshotBody(String name) {
    }

    /** {@code POST .../restore}'s JSON body: a stored snapshot's name, whose organization's it is (default: this one's), the typed slug. */
    record RestoreBody(String name, String of, String confirm) {
    }

    /** {@code POST .../baseline}'s body: the snapshot reset returns the organization to, or null for its packs; the typed slug. */
    record BaselineBody(String snapshot, String confirm) {
    }

    /** {@code GET .../operation}: the mutation running on the organization on this server, or null. */
    record Operation(InProgress.Snapshot running) {
    }

    @Override
    public void accept(Javalin app) {
        // As the platform API's sign-in: who calls is known before the rate limiter (a beforeMatched handler) runs, so that
        // it counts per staff member; a request without a valid staff token is refused after it, so that bad tokens are limited too.
        app.before(PREFIX + "/*", this::authenticate);
        app.beforeMatched(PREFIX + "/*", ctx -> {
            String refused = ctx.attribute(REFUSED);
            if (refused != null) {
                throw new ApiException(401, "unauthenticated", refused, Map.of("WWW-Authenticate", "Bearer"));
            }
        });
        app.get(ORGANIZATIONS, this::organizations);
        app.post(ORGANIZATIONS, this::createOrganization);
        app.get(PREFIX + "/packs", this::packs);
        app.get(ORGANIZATION, this::organization);
        app.post(ORGANIZATION + "/plan", this::plan);
        app.post(ORGANIZATION + "/apply", this::apply);
        app.post(ORGANIZATION + "/teardown", this::teardown);
        app.post(ORGANIZATION + "/reset", this::reset);
        app.post(ORGANIZATION + "/teardown/dry-run", this::previewTeardown);
        app.post(ORGANIZATION + "/reset/dry-run", this::previewReset);
        app.get(ORGANIZATION + "/snapshots", this::snapshots);
        app.post(ORGANIZATION + "/snapshots", this::createSnapshot);
        app.get(SNAPSHOT + "/file", this::downloadSnapshot);
        app.post(SNAPSHOT + "/delete", this::deleteSnapshot);
        app.post(ORGANIZATION + "/restore", this::restore);
        app.post(ORGANIZATION + "/restore/dry-run", this::previewRestore);
        app.get(ORGANIZATION + "/baseline", this::baseline);
        app.post(ORGANIZATION + "/baseline", this::setBaseline);
        app.post(ORGANIZATION + "/imports", this::importRows);
        app.post(ORGANIZATION + "/activity", this::activity);
        app.post(ORGANIZATION + "/timetravel", this::timetravel);
        app.post(ORGANIZATION + "/timetravel/dry-run", this::previewTimetravel);
        app.post(ORGANIZATION + "/validate", this::validate);
        app.get(ORGANIZATION + "/operation", this::operation);
        app.get(ORGANIZATION + "/history", this::history);
        app.get(ORGANIZATION + "/mail", this::mail);
        app.get(ORGANIZATION + "/mail/{id}", this::message);
        app.get(ORGANIZATION + "/usage", this::usage);
        app.get(ORGANIZATION + "/feedback", this::feedback);
        app.get(ORGANIZATION + "/modules", this::modules);
        app.post(ORGANIZATION + "/modules", this::switchModules);
        app.get(ORGANIZATION + "/personas", this::personas);
        app.post(ORGANIZATION + "/tokens", this::reissueTokens);
        app.get(PREFIX + "/schedules", this::allSchedules);
        app.get(ORGANIZATION + "/schedules", this::schedules);
        app.post(ORGANIZATION + "/schedules", this::setSchedule);
        app.post(ORGANIZATION + "/schedules/{job}/clear", this::clearSchedule);
        app.post(ORGANIZATION + "/schedules/{job}/run-now", this::runScheduleNow);
    }

    @OpenApi(path = ORGANIZATIONS, methods = HttpMethod.GET, operationId = "adminOrganizations", tags = TAG,
            summary = "Every organization, with its kind, the packs applied, rows seeded and last reset",
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = StaffDesk.OrganizationSummary[].class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void organizations(Context ctx) {
        ctx.json(desk.organizations());
    }

    @OpenApi(path = ORGANIZATIONS, methods = HttpMethod.POST, operationId = "adminCreateOrganization", tags = TAG,
            summary = "Create an organization (without a kind: production, fail closed)",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = NewOrganization.class)),
            responses = {
                    @OpenApiResponse(status = "201", content = @OpenApiContent(from = Organization.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "400", description = "A malformed slug, name or kind", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "An organization with this slug exists", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void createOrganization(Context ctx) {
        NewOrganization body = RequestBodies.read(ctx, NewOrganization.class);
        ctx.status(201).json(desk.createOrganization(staff(ctx), body.slug(), body.name(), body.kind()));
    }

    @OpenApi(path = PREFIX + "/packs", methods = HttpMethod.GET, operationId = "adminPacks", tags = TAG,
            summary = "The pack catalog: versions, modules, modes and parameters",
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PackDescriptor[].class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void packs(Context ctx) {
        ctx.json(desk.packs());
    }

    @OpenApi(path = ORGANIZATION, methods = HttpMethod.GET, operationId = "adminOrganization", tags = TAG,
            summary = "One organization, as the list shows it",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = StaffDesk.OrganizationSummary.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void organization(Context ctx) {
        ctx.json(desk.organization(slug(ctx)));
    }

    @OpenApi(path = ORGANIZATION + "/plan", methods = HttpMethod.POST, operationId = "adminPlan", tags = TAG,
            summary = "Preview an apply: counts per table, samples, totals, plan hash; writes nothing",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = PlanBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PlanResult.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void plan(Context ctx) {
        ctx.json(desk.plan(staff(ctx), slug(ctx), RequestBodies.read(ctx, PlanBody.class).call()));
    }

    @OpenApi(path = ORGANIZATION + "/apply", methods = HttpMethod.POST, operationId = "adminApply", tags = TAG,
            summary = "Apply a pack, confirmed by the typed slug; returns the result and the personas' API tokens (shown once)",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ApplyBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = StaffDesk.Applied.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in \"confirm\"", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = CONFLICT, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void apply(Context ctx) {
        ApplyBody body = RequestBodies.read(ctx, ApplyBody.class);
        ctx.json(desk.apply(staff(ctx), slug(ctx), new StaffDesk.PackCall(body.pack(), body.mode(), body.seed(), body.anchor(), body.set(),
                        body.modules()),
                body.confirm(), Boolean.TRUE.equals(body.replace()), body.planHash()));
    }

    @OpenApi(path = ORGANIZATION + "/teardown", methods = HttpMethod.POST, operationId = "adminTeardown", tags = TAG,
            summary = "Delete exactly the rows of one application, or of all, confirmed by the typed slug",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = TeardownBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = TeardownResult.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in \"confirm\"", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = CONFLICT, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void teardown(Context ctx) {
        TeardownBody body = RequestBodies.read(ctx, TeardownBody.class);
        ctx.json(desk.teardown(staff(ctx), slug(ctx), body.confirm(), body.application()));
    }

    @OpenApi(path = ORGANIZATION + "/reset", methods = HttpMethod.POST, operationId = "adminReset", tags = TAG,
            summary = "Wipe the organization and apply its packs again, confirmed by the typed slug; new persona API tokens (shown once)",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ResetBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = StaffDesk.Reset.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in \"confirm\"", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = CONFLICT, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void reset(Context ctx) {
        ResetBody body = RequestBodies.read(ctx, ResetBody.class);
        ctx.json(desk.reset(staff(ctx), slug(ctx), body.confirm(), body.anchor()));
    }

    @OpenApi(path = ORGANIZATION + "/teardown/dry-run", methods = HttpMethod.POST, operationId = "adminTeardownDryRun", tags = TAG,
            summary = "Preview a teardown: rows it would delete and put back per table, rows people created, and the refusal it would meet;"
                    + " writes nothing, needs no confirmation (audited as a dry run)",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = TeardownPreviewBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = RemovalPreview.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug, or no such application", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "The organization is busy", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void previewTeardown(Context ctx) {
        TeardownPreviewBody body = optionalBody(ctx, TeardownPreviewBody.class, new TeardownPreviewBody(null));
        ctx.json(desk.previewTeardown(staff(ctx), slug(ctx), body.application()));
    }

    @OpenApi(path = ORGANIZATION + "/reset/dry-run", methods = HttpMethod.POST, operationId = "adminResetDryRun", tags = TAG,
            summary = "Preview a reset: every row it would delete per table (rows people created apart) and the rows it would write again;"
                    + " writes nothing, needs no confirmation (audited as a dry run)",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ResetPreviewBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = RemovalPreview.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "The organization is busy", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void previewReset(Context ctx) {
        ResetPreviewBody body = optionalBody(ctx, ResetPreviewBody.class, new ResetPreviewBody(null));
        ctx.json(desk.previewReset(staff(ctx), slug(ctx), body.anchor()));
    }

    @OpenApi(path = ORGANIZATION + "/snapshots", methods = HttpMethod.GET, operationId = "adminSnapshots", tags = TAG,
            summary = "The organization's snapshots, newest first: name, kind (manual or backup), when and by whom taken, rows per table,"
                    + " size, whether it is a baseline",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = SnapshotInfo[].class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void snapshots(Context ctx) {
        ctx.json(desk.snapshots(slug(ctx)));
    }

    @OpenApi(path = ORGANIZATION + "/snapshots", methods = HttpMethod.POST, operationId = "adminCreateSnapshot", tags = TAG,
            summary = "Take a snapshot of the organization's whole state (rows people created included), kept in the database",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = SnapshotBody.class)),
            responses = {
                    @OpenApiResponse(status = "201", content = @OpenApiContent(from = SnapshotInfo.class)),
                    @OpenApiResponse(status = "400", description = "A name that is not 1-63 lowercase letters, digits, '.', '_' or '-'"
                            + RequestBodies.MALFORMED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "The organization has a snapshot of this name, or is busy",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void createSnapshot(Context ctx) {
        ctx.status(201).json(desk.createSnapshot(staff(ctx), slug(ctx), RequestBodies.read(ctx, SnapshotBody.class).name()));
    }

    @OpenApi(path = SNAPSHOT + "/file", methods = HttpMethod.GET, operationId = "adminDownloadSnapshot", tags = TAG,
            summary = "The stored snapshot as its portable file (a zip), streamed as an attachment: restore it here or in another installation"
                    + " of the same schema version",
            pathParams = {@OpenApiParam(name = "slug", required = true, description = SLUG), @OpenApiParam(name = "name", required = true, description = NAME)},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = ZIP, type = "string", format = "binary")),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug, or no snapshot this name", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void downloadSnapshot(Context ctx) throws IOException {
        String slug = slug(ctx);
        String name = ctx.pathParam("name");
        desk.snapshot(slug, name);
        attachment(ctx, slug, name);
        try (OutputStream out = ctx.outputStream()) {
            desk.exportSnapshot(slug, name, out);
        }
    }

    @OpenApi(path = SNAPSHOT + "/delete", methods = HttpMethod.POST, operationId = "adminDeleteSnapshot", tags = TAG,
            summary = "Delete a stored snapshot, confirmed by the typed slug (refused while it is a baseline or restored in an organization)",
            pathParams = {@OpenApiParam(name = "slug", required = true, description = SLUG), @OpenApiParam(name = "name", required = true, description = NAME)},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ConfirmBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = SnapshotInfo.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug, or no snapshot this name", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in \"confirm\"", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "The confirmation is not the slug, the snapshot is a baseline or restored, or the"
                            + " organization is busy", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void deleteSnapshot(Context ctx) {
        ctx.json(desk.deleteSnapshot(staff(ctx), slug(ctx), ctx.pathParam("name"), RequestBodies.read(ctx, ConfirmBody.class).confirm()));
    }

    @OpenApi(path = ORGANIZATION + "/restore", methods = HttpMethod.POST, operationId = "adminRestore", tags = TAG,
            summary = "Make the organization exactly a snapshot's state, confirmed by the typed slug: a stored snapshot (JSON body), or a"
                    + " snapshot file sent as the body (Content-Type: application/zip or application/octet-stream, the slug in ?confirm=). Everything in it is deleted"
                    + " first, rows people created too; one transaction: a damaged file writes nothing (400 invalid_snapshot)",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            queryParams = {@OpenApiParam(name = "confirm", description = "With a file: the typed slug"),
                    @OpenApiParam(name = "filename", description = "With a file: its name, as the ledger records the source (default snapshot.zip)")},
            requestBody = @OpenApiRequestBody(required = true, content = {@OpenApiContent(from = RestoreBody.class),
                    @OpenApiContent(mimeType = ZIP, type = "string", format = "binary"),
                    @OpenApiContent(mimeType = "application/octet-stream", type = "string", format = "binary")}),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = RestoreResult.class)),
                    @OpenApiResponse(status = "400", description = RESTORE_400, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug, or no snapshot this name", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "413", description = "A snapshot file over 2 GiB", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in \"confirm\"", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = CONFLICT, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void restore(Context ctx) {
        if (isJson(ctx)) {
            RestoreBody body = RequestBodies.read(ctx, RestoreBody.class);
            ctx.json(desk.restore(staff(ctx), slug(ctx), StaffDesk.RestoreSource.stored(body.name(), body.of()), body.confirm()));
        } else {
            ctx.json(desk.restore(staff(ctx), slug(ctx), received(ctx), ctx.queryParam("confirm")));
        }
    }

    @OpenApi(path = ORGANIZATION + "/restore/dry-run", methods = HttpMethod.POST, operationId = "adminRestoreDryRun", tags = TAG,
            summary = "Preview a restore, of a stored snapshot (JSON body) or a file (the body, application/zip or application/octet-stream): rows it would delete and"
                    + " write per table, and the rows people created it would delete; writes nothing, needs no confirmation (audited as a dry run)",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            queryParams = @OpenApiParam(name = "filename", description = "With a file: its name (default snapshot.zip)"),
            requestBody = @OpenApiRequestBody(required = true, content = {@OpenApiContent(from = RestoreBody.class),
                    @OpenApiContent(mimeType = ZIP, type = "string", format = "binary"),
                    @OpenApiContent(mimeType = "application/octet-stream", type = "string", format = "binary")}),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = RemovalPreview.class)),
                    @OpenApiResponse(status = "400", description = RESTORE_400, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug, or no snapshot this name", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "413", description = "A snapshot file over 2 GiB", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "The organization is busy", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void previewRestore(Context ctx) {
        if (isJson(ctx)) {
            RestoreBody body = RequestBodies.read(ctx, RestoreBody.class);
            ctx.json(desk.previewRestore(staff(ctx), slug(ctx), StaffDesk.RestoreSource.stored(body.name(), body.of())));
        } else {
            ctx.json(desk.previewRestore(staff(ctx), slug(ctx), received(ctx)));
        }
    }

    @OpenApi(path = ORGANIZATION + "/baseline", methods = HttpMethod.GET, operationId = "adminBaseline", tags = TAG,
            summary = "What the organization's reset returns it to: a snapshot of it, or (null) its packs, applied again",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = StaffDesk.Baseline.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void baseline(Context ctx) {
        ctx.json(desk.baseline(slug(ctx)));
    }

    @OpenApi(path = ORGANIZATION + "/baseline", methods = HttpMethod.POST, operationId = "adminSetBaseline", tags = TAG,
            summary = "Set what the organization's reset returns it to: one of its snapshots, or (\"snapshot\": null) its packs; confirmed by"
                    + " the typed slug",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = BaselineBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = StaffDesk.Baseline.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug, or no snapshot this name", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in \"confirm\"", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "The confirmation is not the slug, or the organization is busy",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void setBaseline(Context ctx) {
        BaselineBody body = RequestBodies.read(ctx, BaselineBody.class);
        ctx.json(desk.setBaseline(staff(ctx), slug(ctx), body.snapshot(), body.confirm()));
    }

    @OpenApi(path = ORGANIZATION + "/activity", methods = HttpMethod.POST, operationId = "adminActivity", tags = TAG,
            summary = "Post synthetic activity (as seedreset activity): each pack that posts activity adds the transactions of each of the"
                    + " last days up to the organization's today; a day already posted is not posted again. Confirmed by the typed slug",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ActivityBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ActivityResult.class)),
                    @OpenApiResponse(status = "400", description = "days outside 1 to 92" + RequestBodies.MALFORMED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in \"confirm\"", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = CONFLICT, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void activity(Context ctx) {
        ActivityBody body = RequestBodies.read(ctx, ActivityBody.class);
        ctx.json(desk.activity(staff(ctx), slug(ctx), body.days(), body.confirm()));
    }

    @OpenApi(path = ORGANIZATION + "/timetravel", methods = HttpMethod.POST, operationId = "adminTimetravel", tags = TAG,
            summary = "Move the organization's clock whole months ahead (the days skipped get their activity) or back (negative: that activity"
                    + " torn down, the rows exactly as before); the clock runs 0 to 12 months ahead. Confirmed by the typed slug",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = TimetravelBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = TimetravelResult.class)),
                    @OpenApiResponse(status = "400", description = TIMETRAVEL_400, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in \"confirm\"", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = CONFLICT, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void timetravel(Context ctx) {
        TimetravelBody body = RequestBodies.read(ctx, TimetravelBody.class);
        ctx.json(desk.timetravel(staff(ctx), slug(ctx), body.months(), body.confirm()));
    }

    @OpenApi(path = ORGANIZATION + "/timetravel/dry-run", methods = HttpMethod.POST, operationId = "adminTimetravelDryRun", tags = TAG,
            summary = "Preview a time travel: the activity it would post or tear down; writes nothing, needs no confirmation (audited as a dry run)",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = TimetravelPreviewBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = TimetravelResult.class)),
                    @OpenApiResponse(status = "400", description = TIMETRAVEL_400, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void previewTimetravel(Context ctx) {
        ctx.json(desk.previewTimetravel(staff(ctx), slug(ctx), RequestBodies.read(ctx, TimetravelPreviewBody.class).months()));
    }

    @OpenApi(path = ORGANIZATION + "/imports", methods = HttpMethod.POST, operationId = "adminImport", tags = TAG,
            summary = "Load a CSV or JSON file's rows (the body) into one tenant table, checked first, all or nothing, recorded in the ledger",
            description = "The body is the file itself, up to 512 MiB: CSV (a header line, then one row per record) or JSON (an array of"
                    + " objects), UTF-8, as `seedreset import` reads it. A bad file answers 400 invalid_import naming the line and column"
                    + " (details: value, line, column, table), and nothing is written.",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            queryParams = {@OpenApiParam(name = "table", required = true, description = "The tenant table, schema.table (suppliers.vendors)"),
                    @OpenApiParam(name = "name", required = true, description = "The file's name, ending in .csv or .json: its format, and"
                            + " the name errors give it"),
                    @OpenApiParam(name = "confirm", description = "The organization's slug, typed to confirm (not needed for a dry run)"),
                    @OpenApiParam(name = "dryRun", type = Boolean.class, description = "Check everything, then roll back: nothing is written")},
            requestBody = @OpenApiRequestBody(required = true, content = {@OpenApiContent(type = "text/csv", from = String.class),
                    @OpenApiContent(type = "application/json", from = String.class)}),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ImportResult.class)),
                    @OpenApiResponse(status = "400", description = "invalid_import: the file cannot be loaded as it is", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in ?confirm=", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = CONFLICT, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void importRows(Context ctx) {
        ctx.json(desk.importRows(staff(ctx), slug(ctx), ctx.queryParam("table"), ctx.queryParam("name"), ctx.bodyInputStream(),
                ctx.queryParam("confirm"), "true".equals(ctx.queryParam("dryRun"))));
    }

    @OpenApi(path = ORGANIZATION + "/validate", methods = HttpMethod.POST, operationId = "adminValidate", tags = TAG,
            summary = "Run the validation rules of every pack applied; reads only",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ValidationResult.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void validate(Context ctx) {
        ctx.json(desk.validate(staff(ctx), slug(ctx)));
    }

    @OpenApi(path = ORGANIZATION + "/operation", methods = HttpMethod.GET, operationId = "adminOperation", tags = TAG,
            summary = "The mutation running on the organization on this server, and how far it got (null when none)",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Operation.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void operation(Context ctx) {
        ctx.json(new Operation(desk.running(slug(ctx)).orElse(null)));
    }

    @OpenApi(path = ORGANIZATION + "/history", methods = HttpMethod.GET, operationId = "adminHistory", tags = TAG,
            summary = "Applications and the audit, refused attempts included, newest first",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            queryParams = {@OpenApiParam(name = "limit", type = Integer.class, description = "Entries per page, 1-1000 (default 50)"),
                    @OpenApiParam(name = "beforeApplication", type = Long.class, description = "The application to page back from (nextPage's beforeApplication)"),
                    @OpenApiParam(name = "beforeEntry", type = Long.class, description = "The audit entry to page back from (nextPage's beforeEntry)")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = HistoryResult.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void history(Context ctx) {
        // The next page is nextPage's two positions, each list's own: the applications' and the audit's.
        ctx.json(desk.history(slug(ctx), QueryParams.integer(ctx, "limit", HistoryRequest.DEFAULT_LIMIT),
                QueryParams.wholeNumber(ctx, "beforeApplication"), QueryParams.wholeNumber(ctx, "beforeEntry")));
    }

    @OpenApi(path = ORGANIZATION + "/mail", methods = HttpMethod.GET, operationId = "adminMail", tags = TAG,
            summary = "The organization's mailbox, newest first: captured (demo) or sent (production)",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            queryParams = {@OpenApiParam(name = "limit", type = Integer.class, description = "Messages, 1-1000 (default 50)")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Mailbox.Entry[].class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void mail(Context ctx) {
        ctx.json(desk.mail(slug(ctx), QueryParams.integer(ctx, "limit", 50)));
    }

    @OpenApi(path = ORGANIZATION + "/mail/{id}", methods = HttpMethod.GET, operationId = "adminMailMessage", tags = TAG,
            summary = "One message, with its body",
            pathParams = {@OpenApiParam(name = "slug", required = true, description = SLUG), @OpenApiParam(name = "id", required = true, description = "The message's id")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Mailbox.Message.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No such organization, or no such message in it", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void message(Context ctx) {
        ctx.json(desk.message(slug(ctx), pathId(ctx)).orElseThrow(() -> ApiException.notFound("message", ctx.pathParam("id"))));
    }

    @OpenApi(path = ORGANIZATION + "/usage", methods = HttpMethod.GET, operationId = "adminUsage", tags = TAG,
            summary = "Requests by module, route, persona and day (UTC) over the last days",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            queryParams = {@OpenApiParam(name = "days", type = Integer.class, description = "Days back, today included, 1-366 (default 30)")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = UsageReport.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void usage(Context ctx) {
        ctx.json(desk.usage(slug(ctx), QueryParams.integer(ctx, "days", 30)));
    }

    @OpenApi(path = ORGANIZATION + "/feedback", methods = HttpMethod.GET, operationId = "adminFeedback", tags = TAG,
            summary = "What the organization's people said through POST /api/v1/feedback, newest first",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            queryParams = {@OpenApiParam(name = "limit", type = Integer.class, description = "Messages, 1-1000 (default 50)")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = FeedbackBox.Entry[].class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void feedback(Context ctx) {
        ctx.json(desk.feedback(slug(ctx), QueryParams.integer(ctx, "limit", 50)));
    }

    @OpenApi(path = ORGANIZATION + "/modules", methods = HttpMethod.GET, operationId = "adminModules", tags = TAG,
            summary = "Each platform API module: on or off for the organization, and why",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ModuleFlags.State[].class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void modules(Context ctx) {
        ctx.json(desk.modules(slug(ctx)));
    }

    @OpenApi(path = ORGANIZATION + "/modules", methods = HttpMethod.POST, operationId = "adminSwitchModules", tags = TAG,
            summary = "Switch modules on or off for the organization; this server serves the change at once",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ModulesBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ModuleFlags.State[].class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void switchModules(Context ctx) {
        ctx.json(desk.switchModules(slug(ctx), changes(RequestBodies.read(ctx, ModulesBody.class))));
    }

    @OpenApi(path = ORGANIZATION + "/personas", methods = HttpMethod.GET, operationId = "adminPersonas", tags = TAG,
            summary = "The demo logins of the packs applied: email, role and published password",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = StaffDesk.Login[].class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void personas(Context ctx) {
        ctx.json(desk.logins(slug(ctx)));
    }

    @OpenApi(path = ORGANIZATION + "/tokens", methods = HttpMethod.POST, operationId = "adminReissueTokens", tags = TAG,
            summary = "Revoke the personas' API tokens and issue new ones, shown once",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ApiTokens.Issued[].class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "400", description = "The organization has no personas", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "A mutation of the organization is running", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void reissueTokens(Context ctx) {
        ctx.json(desk.reissueTokens(staff(ctx), slug(ctx)));
    }

    @OpenApi(path = PREFIX + "/schedules", methods = HttpMethod.GET, operationId = "adminAllSchedules", tags = TAG,
            summary = "Every organization's scheduled jobs: timing, next run, last attempt",
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Schedules.Entry[].class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void allSchedules(Context ctx) {
        ctx.json(desk.schedules(null));
    }

    @OpenApi(path = ORGANIZATION + "/schedules", methods = HttpMethod.GET, operationId = "adminSchedules", tags = TAG,
            summary = "The organization's scheduled jobs: timing, next run, last attempt",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Schedules.Entry[].class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void schedules(Context ctx) {
        ctx.json(desk.schedules(slug(ctx)));
    }

    @OpenApi(path = ORGANIZATION + "/schedules", methods = HttpMethod.POST, operationId = "adminSetSchedule", tags = TAG,
            summary = "Schedule a job (reset, rotate-credentials, activity) for the organization, confirmed by the typed slug; replaces its schedule of that job",
            pathParams = @OpenApiParam(name = "slug", required = true, description = SLUG),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ScheduleBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Schedules.Entry.class)),
                    @OpenApiResponse(status = "400", description = "An unknown job or time zone, or a timing that is not one",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in \"confirm\"", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "The confirmation is not the slug, or the job is running", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void setSchedule(Context ctx) {
        ScheduleBody body = RequestBodies.read(ctx, ScheduleBody.class);
        ctx.json(desk.setSchedule(staff(ctx), slug(ctx), body.job(), body.at(), body.zone(), body.confirm()));
    }

    @OpenApi(path = ORGANIZATION + "/schedules/{job}/clear", methods = HttpMethod.POST, operationId = "adminClearSchedule", tags = TAG,
            summary = "Remove the organization's schedule of the job, confirmed by the typed slug; returns its schedules left",
            pathParams = {@OpenApiParam(name = "slug", required = true, description = SLUG),
                    @OpenApiParam(name = "job", required = true, description = "The job: reset, rotate-credentials or activity")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ConfirmBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Schedules.Entry[].class)),
                    @OpenApiResponse(status = "400", description = "An unknown job, or no schedule of it", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in \"confirm\"", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "The confirmation is not the slug, or the job is running", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void clearSchedule(Context ctx) {
        ctx.json(desk.clearSchedule(staff(ctx), slug(ctx), ctx.pathParam("job"), RequestBodies.read(ctx, ConfirmBody.class).confirm()));
    }

    @OpenApi(path = ORGANIZATION + "/schedules/{job}/run-now", methods = HttpMethod.POST, operationId = "adminRunScheduleNow", tags = TAG,
            summary = "Make the organization's scheduled job due now: a server's scheduler runs it within 10 s, as a scheduled run",
            pathParams = {@OpenApiParam(name = "slug", required = true, description = SLUG),
                    @OpenApiParam(name = "job", required = true, description = "The job: reset, rotate-credentials or activity")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ConfirmBody.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Schedules.Entry.class)),
                    @OpenApiResponse(status = "400", description = "An unknown job, or no schedule of it", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", description = UNAUTHENTICATED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = "No organization has this slug", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = PRODUCTION, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "428", description = "No confirmation: type the slug in \"confirm\"", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", description = "The confirmation is not the slug, or the job is running", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void runScheduleNow(Context ctx) {
        ctx.json(desk.runScheduleNow(staff(ctx), slug(ctx), ctx.pathParam("job"), RequestBodies.read(ctx, ConfirmBody.class).confirm()));
    }

    /** A body the route may go without: empty is every field left out. */
    private static <T> T optionalBody(Context ctx, Class<T> type, T empty) {
        return ctx.body().isBlank() ? empty : RequestBodies.read(ctx, type);
    }

    /**
     * A restore's body is the snapshot file itself when it says so ({@code application/zip}, or the generic
     * {@code application/octet-stream}); anything else is read as JSON naming a stored snapshot, as every other route
     * reads its body, so that JSON sent without its type (curl's {@code -d}) is still understood.
     */
    private static boolean isJson(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        return !(type.startsWith(ZIP) || type.startsWith("application/octet-stream"));
    }

    /**
     * The request's body as a snapshot file, read only when the desk asks for it (after the production boundary and the
     * busy check): streamed to disk, never held in memory, refused past {@link #MAX_SNAPSHOT_FILE_BYTES}.
     */
    private static StaffDesk.RestoreSource received(Context ctx) {
        return StaffDesk.RestoreSource.file(ctx.queryParam("filename"), file -> {
            long declared = ctx.req().getContentLengthLong();
            if (declared > MAX_SNAPSHOT_FILE_BYTES) {
                throw tooLarge();
            }
            try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    total += read;
                    if (total > MAX_SNAPSHOT_FILE_BYTES) {
                        throw tooLarge();
                    }
                    out.write(buffer, 0, read);
                }
                if (total == 0) {
                    throw new ApiException(400, "invalid_value", "send the snapshot file as the body (Content-Type: application/zip),"
                            + " or name a stored snapshot in a JSON body");
                }
            }
        });
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "request_too_large", "the snapshot file is larger than " + MAX_SNAPSHOT_FILE_BYTES + " bytes (2 GiB)");
    }

    /**
     * Answers with a snapshot's file: a zip named after the organization and the snapshot (both plain ASCII: a slug, a
     * snapshot name), never sniffed. For the console's download too.
     */
    public static void attachment(Context ctx, String slug, String name) {
        ctx.contentType(ZIP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "attachment; filename=\"" + (slug + "-" + name).replaceAll("[^A-Za-z0-9._-]", "_") + ".zip\"");
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Staff.Member member = token == null ? null : staff.authenticate(token).orElse(null);
        if (member == null) {
            ctx.attribute(REFUSED, token == null
                    ? "send a staff token: 'Authorization: Bearer <token>' ('seedreset staff create <name>' prints one)"
                    : "the staff token is unknown or revoked");
            return;
        }
        ctx.attribute(STAFF, member);
        ctx.attribute(RequestAttributes.RATE_LIMIT_KEY, "staff:" + member.id());
        ctx.attribute(RequestAttributes.PERSONA, member.actor());
    }

    private static Staff.Member staff(Context ctx) {
        return ctx.attribute(STAFF);
    }

    private static String slug(Context ctx) {
        return ctx.pathParam("slug");
    }

    private static UUID pathId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("message", ctx.pathParam("id"));
        }
    }

    private static Map<String, Boolean> changes(ModulesBody body) {
        Map<String, Boolean> changes = new LinkedHashMap<>();
        for (String module : body.enable() == null ? List.<String>of() : body.enable()) {
            changes.put(module, true);
        }
        for (String module : body.disable() == null ? List.<String>of() : body.disable()) {
            if (Boolean.TRUE.equals(changes.put(module, false))) {
                throw new ApiException(400, "bad_parameter", "module '" + module + "' is both enabled and disabled: switch it one way");
            }
        }
        if (changes.isEmpty()) {
            throw new ApiException(400, "bad_parameter", "name the modules to switch: \"enable\" and/or \"disable\", lists of module names");
        }
        return changes;
    }
}
