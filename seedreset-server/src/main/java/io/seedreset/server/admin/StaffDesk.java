package io.seedreset.server.admin;

import io.seedreset.api.ActivityRequest;
import io.seedreset.api.ActivityResult;
import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.HistoryResult;
import io.seedreset.api.ImportRequest;
import io.seedreset.api.ImportResult;
import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.RemovalPreview;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.ResetResult;
import io.seedreset.api.RestoreRequest;
import io.seedreset.api.RestoreResult;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.SnapshotInfo;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.TeardownResult;
import io.seedreset.api.TimetravelRequest;
import io.seedreset.api.TimetravelResult;
import io.seedreset.api.ValidationResult;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Persona;
import io.seedreset.platform.feedback.FeedbackBox;
import io.seedreset.platform.identity.ApiTokens;
import io.seedreset.platform.mail.Mailbox;
import io.seedreset.platform.modules.ModuleFlags;
import io.seedreset.platform.schedule.JobCatalogue;
import io.seedreset.platform.schedule.Schedules;
import io.seedreset.platform.staff.Staff;
import io.seedreset.platform.usage.UsageReport;
import io.seedreset.server.PlatformApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Everything staff do to organizations, done once for the admin API and the console: the engine's
 * operations as the CLI runs them, recorded in the audit as the staff member ({@code staff:<name>}),
 * and the platform's demo side (mailbox, usage, feedback, module flags, persona tokens, scheduled jobs).
 *
 * <p>The demos feature is off for production organizations: every seed action on one is refused here,
 * before the operation starts, with the boundary's own refusal, audited
 * ({@link SeedReset#refuseIfProduction}); the operation would refuse it again. A mutation of an
 * organization this server is already mutating is refused at once as busy ({@link InProgress}).
 * Failures are {@link SeedResetException}s, whose reasons the front ends map to statuses.
 */
public final class StaffDesk {

    /** The most mail, feedback or history entries one read returns. */
    public static final int MAX_LIMIT = 1000;
    /** The longest usage window, in days. */
    public static final int MAX_USAGE_DAYS = 366;
    /** A received snapshot file's name, which the ledger and the audit name the restored source by: plain, so that it reads the same everywhere. */
    private static final Pattern FILENAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final SeedReset seedReset;
    private final DataSource dataSource;
    private final Clock clock;
    private final PlatformApi platform;
    private final InProgress inProgress = new InProgress();
    private final JobCatalogue jobs;
    private final Schedules schedules;

    public StaffDesk(SeedReset seedReset, DataSource dataSource, Clock clock, PlatformApi platform) {
        this.seedReset = seedReset;
        this.dataSource = dataSource;
        this.clock = clock;
        this.platform = platform;
        this.jobs = JobCatalogue.standard(platform.uploads());
        this.schedules = new Schedules(seedReset, dataSource, clock, jobs);
    }

    /**
     * An organization as the console lists it: what it is, what is applied to it, what runs on it now, and its clock
     * (the months it runs ahead of the real one, time travel's, and so its today).
     */
    public record OrganizationSummary(String slug, String name, String kind, boolean production, Instant createdAt,
                                      List<AppliedPack> packs, long rows, Instant lastReset, InProgress.Snapshot running,
                                      int clockMonths, LocalDate today) {
    }

    /** A pack applied to an organization, and the rows it seeded. */
    public record AppliedPack(UUID application, String pack, String version, String mode, long seed, Instant anchor, Instant appliedAt,
                              String appliedBy, long rows) {
    }

    /**
     * How plan and apply run a pack: mode, seed, anchor ({@code 2026-11-21} or an instant), settings and the modules to
     * seed (none: the whole pack), each optional.
     */
    public record PackCall(String pack, String mode, Long seed, String anchor, Map<String, String> set, List<String> modules) {

        /** The whole pack, as the console runs it. */
        public PackCall(String pack, String mode, Long seed, String anchor, Map<String, String> set) {
            this(pack, mode, seed, anchor, set, List.of());
        }
    }

    /** An apply's result and the API tokens it issued for the personas it created (shown once). */
    public record Applied(ApplyResult result, List<ApiTokens.Issued> apiTokens) {
    }

    /** A reset's result and the API tokens issued for the personas it brought back (shown once). */
    public record Reset(ResetResult result, List<ApiTokens.Issued> apiTokens) {
    }

    /** The snapshot an organization's reset returns it to, or null: its packs, applied again. */
    public record Baseline(String organization, SnapshotInfo snapshot) {
    }

    /**
     * Where a restore's rows come from: a stored snapshot ({@code name}, of the organization or of {@code of}),
     * or a snapshot file a front end received, which {@link #receive} writes to the file it is given.
     */
    public record RestoreSource(String name, String of, String filename, Receiver receive) {

        public static RestoreSource stored(String name, String of) {
            return new RestoreSource(name, of, null, null);
        }

        public static RestoreSource file(String filename, Receiver receive) {
            return new RestoreSource(null, null, filename, receive);
        }
    }

    /** Writes a file the caller sent (a snapshot, an import's rows) to {@code file}. */
    @FunctionalInterface
    public interface Receiver {
        void writeTo(Path file) throws IOException;
    }

    /** A persona of the packs applied: the login a prospect is handed. */
    public record Login(String email, String name, String role, String description, String password) {
    }

    public List<OrganizationSummary> organizations() {
        List<OrganizationSummary> summaries = new ArrayList<>();
        for (Organization organization : seedReset.organizations()) {
            summaries.add(summary(organization));
        }
        return summaries;
    }

    public OrganizationSummary organization(String slug) {
        return summary(find(slug));
    }

    public Organization createOrganization(Staff.Member staff, String slug, String name, String kind) {
        return seedReset.as(staff.actor()).createOrganization(slug, name, kind(kind));
    }

    public List<PackDescriptor> packs() {
        return seedReset.packs();
    }

    public PlanResult plan(Staff.Member staff, String slug, PackCall call) {
        SeedReset acting = seedReset.as(staff.actor());
        acting.refuseIfProduction(AuditOperation.PLAN, slug);
        return acting.plan(packRequest(slug, call));
    }

    public Applied apply(Staff.Member staff, String slug, PackCall call, String confirm, boolean replace, String planHash) {
        return mutate(staff, slug, AuditOperation.APPLY, acting -> {
            ApplyRequest request = ApplyRequest.of(packRequest(slug, call)).confirm(confirm).replace(replace);
            ApplyResult result = acting.apply(planHash == null || planHash.isBlank() ? request : request.planHash(planHash));
            List<ApiTokens.Issued> tokens = result.status() == ApplyResult.Status.UNCHANGED ? List.of()
                    : issueTokens(slug, result.personas().stream().map(Persona::email).toList());
            return new Applied(result, tokens);
        });
    }

    public TeardownResult teardown(Staff.Member staff, String slug, String confirm, UUID application) {
        return mutate(staff, slug, AuditOperation.TEARDOWN, acting -> acting.teardown(TeardownRequest.of(slug).confirm(confirm).application(application)));
    }

    public Reset reset(Staff.Member staff, String slug, String confirm, String anchor) {
        return mutate(staff, slug, AuditOperation.RESET, acting -> {
            ResetRequest request = ResetRequest.of(slug).confirm(confirm);
            ResetResult result = acting.reset(anchor == null || anchor.isBlank() ? request : request.anchor(SeedReset.parseAnchor(anchor)));
            // The reset deleted every token of the organization: the personas it brought back (its packs', or its
            // snapshot's) get new ones.
            return new Reset(result, issueTokens(slug, seedReset.personas(slug).stream().map(Persona::email).toList()));
        });
    }

    /** What the teardown would delete and put back, and whether it would refuse; writes nothing (audited as a dry run). */
    public RemovalPreview previewTeardown(Staff.Member staff, String slug, UUID application) {
        return seedReset.as(staff.actor()).previewTeardown(TeardownRequest.of(slug).application(application));
    }

    /** What the reset would delete and write again; writes nothing (audited as a dry run). */
    public RemovalPreview previewReset(Staff.Member staff, String slug, String anchor) {
        ResetRequest request = ResetRequest.of(slug);
        return seedReset.as(staff.actor()).previewReset(anchor == null || anchor.isBlank() ? request : request.anchor(SeedReset.parseAnchor(anchor)));
    }

    /**
     * Posts the synthetic activity of the last {@code days} days up to the organization's today (null: today's),
     * as {@code seedreset activity}, confirmed by the typed slug; refused on production (audited).
     */
    public ActivityResult activity(Staff.Member staff, String slug, Integer days, String confirm) {
        return mutate(staff, slug, AuditOperation.ACTIVITY, acting -> {
            ActivityRequest request = ActivityRequest.of(slug).confirm(confirm);
            return acting.activity(days == null ? request : request.days(days));
        });
    }

    /**
     * Moves the organization's clock {@code months} ahead (the days skipped get their activity) or back (negative:
     * that activity torn down), as {@code seedreset timetravel}, confirmed by the typed slug; refused on production (audited).
     */
    public TimetravelResult timetravel(Staff.Member staff, String slug, Integer months, String confirm) {
        return mutate(staff, slug, AuditOperation.TIMETRAVEL, acting -> acting.timetravel(TimetravelRequest.of(slug, requireMonths(months))
                .confirm(confirm)));
    }

    /** What the time travel would post or tear down; writes nothing (audited as a dry run). */
    public TimetravelResult previewTimetravel(Staff.Member staff, String slug, Integer months) {
        return seedReset.as(staff.actor()).previewTimetravel(TimetravelRequest.of(slug, requireMonths(months)));
    }

    private static int requireMonths(Integer months) {
        if (months == null) {
            throw new SeedResetException(Reason.INVALID_VALUE, "name the months: \"months\" is required (ahead, or negative: back)", Map.of());
        }
        return months;
    }

    /** The organization's snapshots, newest first. */
    public List<SnapshotInfo> snapshots(String slug) {
        return seedReset.snapshots(find(slug).slug());
    }

    /** The organization's snapshot of this name (an unknown one is refused as such). */
    public SnapshotInfo snapshot(String slug, String name) {
        return snapshots(slug).stream().filter(snapshot -> snapshot.name().equals(name)).findFirst()
                .orElseThrow(() -> new SeedResetException(Reason.UNKNOWN_SNAPSHOT, "organization '" + slug + "' has no snapshot named '" + name + "'",
                        Map.of(SeedResetException.ORGANIZATION, slug, SeedResetException.SNAPSHOT, String.valueOf(name))));
    }

    /** Takes a snapshot of the organization, kept in the database under {@code name}; refused on production (audited). */
    public SnapshotInfo createSnapshot(Staff.Member staff, String slug, String name) {
        return mutate(staff, slug, AuditOperation.SNAPSHOT, acting -> acting.createSnapshot(slug, name));
    }

    /**
     * Writes the stored snapshot to {@code out} as its portable file. The snapshot is looked up first, so that an
     * unknown one is refused before a byte of the answer is written.
     */
    public void exportSnapshot(String slug, String name, OutputStream out) {
        snapshot(slug, name);
        seedReset.exportSnapshot(slug, name, out);
    }

    public SnapshotInfo deleteSnapshot(Staff.Member staff, String slug, String name, String confirm) {
        return mutate(staff, slug, AuditOperation.SNAPSHOT_DELETE, acting -> acting.deleteSnapshot(slug, name, confirm));
    }

    /**
     * Makes the organization exactly the snapshot's state, confirmed by the typed slug. A file is received only
     * once the organization is known not to be production and not busy here, and deleted after, restored or not.
     */
    public RestoreResult restore(Staff.Member staff, String slug, RestoreSource source, String confirm) {
        return mutate(staff, slug, AuditOperation.RESTORE, acting -> withRequest(slug, source, request -> acting.restore(request.confirm(confirm))));
    }

    /** What the restore would delete and write; writes nothing (audited as a dry run). */
    public RemovalPreview previewRestore(Staff.Member staff, String slug, RestoreSource source) {
        SeedReset acting = seedReset.as(staff.actor());
        if (source.receive() != null) {
            // Nothing is received for a production organization: the dry run would refuse it anyway.
            acting.refuseIfProduction(AuditOperation.RESTORE, slug);
        }
        return withRequest(slug, source, acting::previewRestore);
    }

    public Baseline baseline(String slug) {
        String found = find(slug).slug();
        return new Baseline(found, seedReset.baseline(found).orElse(null));
    }

    /** Makes the snapshot the organization's baseline, or (null) its packs again, confirmed by the typed slug. */
    public Baseline setBaseline(Staff.Member staff, String slug, String snapshot, String confirm) {
        return mutate(staff, slug, AuditOperation.BASELINE, acting -> new Baseline(slug, acting.setBaseline(slug, confirm,
                snapshot == null || snapshot.isBlank() ? null : snapshot).orElse(null)));
    }

    /** The largest file an import takes over HTTP: a body is spooled to a temporary file, never held in memory, but not without end. */
    public static final long MAX_IMPORT_BYTES = 512L * 1024 * 1024;
    /** A file's name as an import names it in its messages: a plain name ending in .csv or .json. */
    private static final Pattern IMPORT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * Imports a file's rows into one table of the organization, as {@code seedreset import}: the demos feature's
     * block on production and this server's one-at-a-time come first, then the body is spooled to a temporary
     * file (the engine reads a file twice when it must name a bad record's line) and deleted after.
     *
     * @param name the file's name, which says its format ({@code .csv} or {@code .json}) and names it in messages
     */
    public ImportResult importRows(Staff.Member staff, String slug, String table, String name, InputStream body, String confirm,
                                   boolean dryRun) {
        // Production is refused before anything of the request is looked at, as every seed action is.
        return mutate(staff, slug, AuditOperation.IMPORT, acting -> {
            if (table == null || table.isBlank()) {
                throw new SeedResetException(Reason.INVALID_VALUE, "name the table: \"table\" is required (schema.table)");
            }
            if (name == null || !IMPORT_NAME.matcher(name).matches()) {
                throw new SeedResetException(Reason.INVALID_VALUE, "name the file: \"name\" is a plain file name ending in .csv or .json",
                        Map.of(SeedResetException.VALUE, String.valueOf(name)));
            }
            try {
                return receivedFile("seedreset-import-", name, file -> spool(body, file, name), file -> {
                    ImportRequest request = ImportRequest.of(slug, table, file);
                    return acting.importRows(dryRun ? request.asDryRun() : request.confirm(confirm));
                });
            } catch (IOException e) {
                throw new SeedResetException(Reason.INVALID_IMPORT, name + " could not be received: " + e.getMessage() + "; nothing was imported",
                        Map.of(SeedResetException.VALUE, name), e);
            }
        });
    }

    private static void spool(InputStream body, Path file, String name) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
                if (total > MAX_IMPORT_BYTES) {
                    throw new SeedResetException(Reason.INVALID_IMPORT, name + " is larger than " + MAX_IMPORT_BYTES / (1024 * 1024)
                            + " MiB, the most an import over HTTP takes; nothing was imported", Map.of(SeedResetException.VALUE, name));
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /**
     * A received file (an import's, a snapshot's) in a temporary directory of its own for the length of the call, which
     * reads it by path, deleted with the directory after (best effort: a temporary directory, named as such).
     */
    private static <T> T receivedFile(String prefix, String name, Receiver receive, Function<Path, T> use) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        try {
            Path file = directory.resolve(name);
            receive.writeTo(file);
            return use.apply(file);
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(directory);
            } catch (IOException ignored) {
                // the system's to clean; the call's answer stands
            }
        }
    }

    public ValidationResult validate(Staff.Member staff, String slug) {
        return seedReset.as(staff.actor()).validate(slug);
    }

    /** The mutation running on the organization on this server, if one is. */
    public Optional<InProgress.Snapshot> running(String slug) {
        return inProgress.of(find(slug).slug());
    }

    /**
     * A page of the organization's applications and audit, newest first: the first without positions, the next
     * from the previous page's {@link HistoryResult#next()} (each list pages on from where it stopped).
     */
    public HistoryResult history(String slug, int limit, Long beforeApplication, Long beforeEntry) {
        return seedReset.history(new HistoryRequest(slug, limit, beforeApplication, beforeEntry));
    }

    public List<Mailbox.Entry> mail(String slug, int limit) {
        Organization organization = find(slug);
        return platform("reading the mailbox of '" + slug + "'", () -> Mailbox.list(dataSource, organization.id(), checkedLimit(limit)));
    }

    public Optional<Mailbox.Message> message(String slug, UUID id) {
        Organization organization = find(slug);
        return platform("reading a message of '" + slug + "'", () -> Mailbox.read(dataSource, organization.id(), id));
    }

    /** Requests by module, route, persona and day over the last {@code days} days (UTC), today included. */
    public UsageReport usage(String slug, int days) {
        if (days < 1 || days > MAX_USAGE_DAYS) {
            throw new SeedResetException(Reason.INVALID_VALUE, "days " + days + ": a usage window is 1 to " + MAX_USAGE_DAYS + " days",
                    Map.of(SeedResetException.VALUE, Integer.toString(days)));
        }
        Organization organization = find(slug);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return platform("reading the usage of '" + slug + "'",
                () -> UsageReport.read(dataSource, organization.id(), organization.slug(), today.minusDays(days - 1L), today));
    }

    public List<FeedbackBox.Entry> feedback(String slug, int limit) {
        Organization organization = find(slug);
        return platform("reading the feedback of '" + slug + "'", () -> new FeedbackBox(dataSource).list(organization.id(), checkedLimit(limit)));
    }

    public List<ModuleFlags.State> modules(String slug) {
        Organization organization = find(slug);
        return platform("reading the modules of '" + slug + "'", () -> platform.moduleStates(organization));
    }

    /**
     * Switches modules on ({@code true}) or off for the organization; this server serves the change at
     * once. An unknown module is refused naming the modules there are.
     */
    public List<ModuleFlags.State> switchModules(String slug, Map<String, Boolean> changes) {
        Organization organization = find(slug);
        List<String> names = platform.modules().stream().map(module -> module.name()).toList();
        for (String name : changes.keySet()) {
            if (!names.contains(name)) {
                throw new SeedResetException(Reason.INVALID_VALUE, "unknown module '" + name + "': the modules are " + String.join(", ", names),
                        Map.of(SeedResetException.VALUE, String.valueOf(name)));
            }
        }
        return platform("switching the modules of '" + slug + "'", () -> {
            platform.switchModules(organization, changes);
            return platform.moduleStates(organization);
        });
    }

    /** The personas of the packs applied to the organization, with their published demo passwords. */
    public List<Login> logins(String slug) {
        return seedReset.personas(slug).stream()
                .map(persona -> new Login(persona.email(), persona.name(), persona.role(), persona.description(), persona.password())).toList();
    }

    /**
     * Revokes the API tokens of the organization's personas and issues new ones (shown once). Only packs
     * create personas, and no pack runs on a production organization, so it has none to issue for. A mutation
     * of the organization, one at a time with the others: during an apply, a teardown or a reset the personas
     * are about to change, and the tokens issued would die with the application they were issued under (or be
     * revoked by the reset's own reissue) a moment after being shown.
     */
    public List<ApiTokens.Issued> reissueTokens(Staff.Member staff, String slug) {
        String found = find(slug).slug();
        try (InProgress.Running running = inProgress.begin(found, "token reissue", staff.name(), clock.instant())) {
            List<String> emails = seedReset.personas(found).stream().map(Persona::email).toList();
            if (emails.isEmpty()) {
                throw new SeedResetException(Reason.INVALID_VALUE, "organization '" + found + "' has no personas (no pack that creates"
                        + " logins is applied to it)", Map.of(SeedResetException.ORGANIZATION, found));
            }
            return issueTokens(found, emails);
        }
    }

    /** The scheduled jobs: every organization's, or this one's (an unknown slug is refused). */
    public List<Schedules.Entry> schedules(String slug) {
        return schedules.list(slug);
    }

    /** The jobs an organization can be given a schedule of, by name. */
    public List<String> jobs() {
        return jobs.jobs().stream().filter(job -> job.perOrganization()).map(job -> job.name()).toList();
    }

    /**
     * Schedules a job for the organization, as {@code seedreset schedule set} does: refused on a production
     * organization (audited, nothing stored), confirmed by the typed slug; set by {@code staff:<name>}.
     */
    public Schedules.Entry setSchedule(Staff.Member staff, String slug, String job, String at, String zone, String confirm) {
        return schedules.set(staff.actor(), slug, job, at, zone, confirm);
    }

    /** Removes the organization's schedule of the job; returns its schedules left. */
    public List<Schedules.Entry> clearSchedule(Staff.Member staff, String slug, String job, String confirm) {
        schedules.clear(staff.actor(), slug, job, confirm);
        return schedules.list(slug);
    }

    /** Makes the organization's scheduled job due now, for a server's scheduler to run (refused on production, audited). */
    public Schedules.Entry runScheduleNow(Staff.Member staff, String slug, String job, String confirm) {
        return schedules.runNow(staff.actor(), slug, job, confirm);
    }

    @FunctionalInterface
    private interface Mutation<T> {
        T run(SeedReset acting);
    }

    /** A seed action: the demos feature's block on production, then this server's one-at-a-time, then the operation, reporting its progress. */
    private <T> T mutate(Staff.Member staff, String slug, AuditOperation operation, Mutation<T> mutation) {
        SeedReset acting = seedReset.as(staff.actor());
        acting.refuseIfProduction(operation, slug);
        InProgress.Running running;
        try {
            running = inProgress.begin(slug, operation.label(), staff.name(), clock.instant());
        } catch (SeedResetException busy) {
            // Turned away here rather than by the engine's lock: audited all the same, as a conflict.
            acting.refuse(operation, slug, busy);
            throw busy;
        }
        try (running) {
            return mutation.run(acting.reportingTo(running));
        }
    }

    /** The engine's request for the source; a received file lives in a directory of its own for the call's length. */
    private static <T> T withRequest(String slug, RestoreSource source, Function<RestoreRequest, T> call) {
        if (source.receive() == null) {
            if (source.name() == null || source.name().isBlank()) {
                throw new SeedResetException(Reason.INVALID_VALUE, "name the snapshot: \"name\" is required (or send the snapshot file as the body)",
                        Map.of());
            }
            return call.apply(RestoreRequest.snapshot(slug, source.name()).of(source.of() == null || source.of().isBlank() ? null : source.of()));
        }
        String filename = source.filename() == null || source.filename().isBlank() ? "snapshot.zip" : source.filename();
        if (!FILENAME.matcher(filename).matches()) {
            throw new SeedResetException(Reason.INVALID_VALUE, "filename '" + filename + "' is not 1-100 letters, digits, '.', '_' or '-'",
                    Map.of(SeedResetException.VALUE, filename));
        }
        try {
            return receivedFile("seedreset-restore-", filename, source.receive(), file -> call.apply(RestoreRequest.file(slug, file)));
        } catch (IOException e) {
            // The client went away mid-upload, or the disk is full: a failure, not the file's fault.
            throw new SeedResetException(Reason.FILE_ERROR, "receiving the snapshot file failed: " + e.getMessage(),
                    Map.of(SeedResetException.VALUE, filename), e);
        }
    }

    private OrganizationSummary summary(Organization organization) {
        HistoryResult history = seedReset.history(HistoryRequest.of(organization.slug()).limit(HistoryRequest.MAX_LIMIT));
        List<AppliedPack> packs = new ArrayList<>();
        Instant lastReset = null;
        for (ApplicationRecord record : history.applications()) {
            if (record.active()) {
                packs.add(new AppliedPack(record.id(), record.packId(), record.packVersion(), record.mode(), record.seed(), record.anchor(),
                        record.appliedAt(), record.actor(), record.counts().values().stream().mapToLong(Long::longValue).sum()));
            } else if (record.removal() == ApplicationRecord.Removal.RESET && (lastReset == null || record.removedAt().isAfter(lastReset))) {
                lastReset = record.removedAt();
            }
        }
        packs.sort(Comparator.comparing(AppliedPack::appliedAt));
        return new OrganizationSummary(organization.slug(), organization.name(), organization.kind().label(),
                organization.production(), organization.createdAt(), packs, packs.stream().mapToLong(AppliedPack::rows).sum(), lastReset,
                inProgress.of(organization.slug()).orElse(null), organization.clockMonths(), organization.today(clock));
    }

    private Organization find(String slug) {
        return seedReset.requireOrganization(slug);
    }

    private PackRequest packRequest(String slug, PackCall call) {
        if (call == null || call.pack() == null || call.pack().isBlank()) {
            throw new SeedResetException(Reason.INVALID_VALUE, "name the pack: \"pack\" is required", Map.of());
        }
        PackRequest request = PackRequest.of(call.pack(), slug).mode(call.mode()).seed(call.seed())
                .modules(call.modules() == null ? List.of() : call.modules());
        if (call.anchor() != null && !call.anchor().isBlank()) {
            request = request.anchor(SeedReset.parseAnchor(call.anchor()));
        }
        for (Map.Entry<String, String> setting : (call.set() == null ? Map.<String, String>of() : new LinkedHashMap<>(call.set())).entrySet()) {
            request = request.set(setting.getKey(), setting.getValue());
        }
        return request;
    }

    private static OrganizationKind kind(String kind) {
        // As the CLI: an organization is production unless said otherwise (fail closed), and a kind is spelled as the CLI spells it.
        return kind == null ? OrganizationKind.PRODUCTION : OrganizationKind.parse(kind);
    }

    private static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new SeedResetException(Reason.INVALID_VALUE, "limit " + limit + ": a page holds 1 to " + MAX_LIMIT + " entries",
                    Map.of(SeedResetException.VALUE, Integer.toString(limit)));
        }
        return limit;
    }

    private List<ApiTokens.Issued> issueTokens(String slug, List<String> emails) {
        return emails.isEmpty() ? List.of() : platform("issuing API tokens in '" + slug + "'", () -> new ApiTokens(dataSource, clock).reissue(slug, emails));
    }

    @FunctionalInterface
    private interface PlatformRead<T> {
        T run() throws SQLException;
    }

    private static <T> T platform(String what, PlatformRead<T> read) {
        try {
            return read.run();
        } catch (SQLException e) {
            throw new SeedResetException(Reason.DATABASE_ERROR, what + " failed: " + e.getMessage(),
                    Map.of(SeedResetException.SQL_STATE, String.valueOf(e.getSQLState())), e);
        }
    }
}
