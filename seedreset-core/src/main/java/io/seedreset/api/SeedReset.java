package io.seedreset.api;

import io.seedreset.internal.engine.Caller;
import io.seedreset.internal.engine.Engine;
import io.seedreset.internal.engine.PackRegistry;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Persona;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Seed &amp; Reset, the Java API: {@code SeedReset.configure().dataSource(ds).load()}, then one
 * method per operation, each returning a result object or throwing {@link SeedResetException}.
 * The CLI and the server are thin shells over these methods, so every front end inherits the
 * production boundary, which lives in the operations themselves.
 */
public final class SeedReset {

    /** The earliest anchor a pack takes: its dates, years either side of it, must fit PostgreSQL and four-digit ISO-8601 years. */
    public static final LocalDate EARLIEST_ANCHOR = LocalDate.of(1900, 1, 1);
    /** The latest anchor a pack takes (the whole day). */
    public static final LocalDate LATEST_ANCHOR = LocalDate.of(2200, 12, 31);

    private final Engine engine;
    private final Caller caller;

    SeedReset(SeedResetConfiguration configuration) {
        this(new Engine(configuration.dataSource, new PackRegistry(configuration.packs, configuration.discoverPacks),
                configuration.busyTimeout, configuration.clock, configuration.migrationLocations, configuration.backupsKept,
                configuration.tenancy),
                new Caller(configuration.actor, configuration.progress));
    }

    private SeedReset(Engine engine, Caller caller) {
        this.engine = engine;
        this.caller = caller;
    }

    /**
     * The same instance acting for another person: operations through the returned view are
     * recorded in the audit and the applications under {@code actor}. Views share everything else,
     * so a server makes one per request for the staff member who asked.
     */
    public SeedReset as(String actor) {
        if (actor == null || actor.isBlank() || actor.chars().anyMatch(Character::isISOControl)) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "an actor is a name without control characters, not empty");
        }
        return new SeedReset(engine, new Caller(actor.strip(), caller.progress()));
    }

    /** The same instance reporting the progress of long operations to {@code progress} (a terminal bar, a server's event stream). */
    public SeedReset reportingTo(Progress progress) {
        if (progress == null) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "progress is null: use Progress.NONE to report nothing");
        }
        return new SeedReset(engine, new Caller(caller.actor(), progress));
    }

    public static SeedResetConfiguration configure() {
        return new SeedResetConfiguration();
    }

    /** Creates or upgrades the schema and installs the guard triggers. */
    public InitResult init() {
        return call(() -> engine.init(caller));
    }

    /**
     * Grants the role the application runs as exactly the privileges it needs on the platform and
     * tenant tables, and revokes the rest on the platform's; refuses a superuser or the schema's
     * owner, which could switch the guards off. Run by the owner, after {@link #init}.
     */
    public void grantApplicationRole(String role) {
        call(() -> {
            engine.grantApplicationRole(role);
            return null;
        });
    }

    public List<PackDescriptor> packs() {
        return call(engine::packs);
    }

    /** Creates an organization; only demo, qa and sandbox organizations can be seeded. */
    public Organization createOrganization(String slug, String name, OrganizationKind kind) {
        return call(() -> engine.createOrganization(slug, name, kind));
    }

    public List<Organization> organizations() {
        return call(engine::organizations);
    }

    /**
     * Refuses, as every operation does, a database with no schema, or one older or newer than this code:
     * for front ends that go on to read and write the platform's own tables themselves.
     */
    public void requireInitialised() {
        call(engine::requireInitialised);
    }

    /** Previews an apply: counts, samples, totals and plan hash. Writes nothing. */
    public PlanResult plan(PackRequest request) {
        return call(() -> engine.plan(request, caller));
    }

    public ApplyResult apply(ApplyRequest request) {
        return call(() -> engine.apply(request, caller));
    }

    public TeardownResult teardown(TeardownRequest request) {
        return call(() -> engine.teardown(request, caller));
    }

    /**
     * Posts synthetic activity: each pack applied to the organization that posts activity adds the
     * transactions of each of the last {@code days} days up to today (UTC), recorded in the ledger as an
     * application of its own and validated by the pack's rules before commit. A day already posted is
     * not posted again. Refused on a production organization.
     */
    public ActivityResult activity(ActivityRequest request) {
        return call(() -> engine.activity(request, caller));
    }

    /**
     * Moves the organization's clock whole months ahead (the days skipped filled with synthetic activity)
     * or back (the activity of the days given back torn down, so ahead then back leaves its rows exactly as
     * they were); the platform's "today" for it follows. 0 to {@link Organization#MAX_CLOCK_MONTHS} months ahead.
     */
    public TimetravelResult timetravel(TimetravelRequest request) {
        return call(() -> engine.timetravel(request, caller));
    }

    /** What {@link #timetravel} would post or remove, without doing it (audited, nothing written; no confirmation). */
    public TimetravelResult previewTimetravel(TimetravelRequest request) {
        return call(() -> engine.previewTimetravel(request, caller));
    }

    public ResetResult reset(ResetRequest request) {
        return call(() -> engine.reset(request, caller));
    }

    /**
     * Takes a snapshot of the organization's whole state (every tenant table, rows people created
     * included) and keeps it in the database under {@code name}. Refused on a production organization.
     */
    public SnapshotInfo createSnapshot(String organization, String name) {
        return call(() -> engine.createSnapshot(organization, name, caller));
    }

    /** The organization's snapshots (every organization's when null), newest first. */
    public List<SnapshotInfo> snapshots(String organization) {
        return call(() -> engine.snapshots(organization));
    }

    /** Writes a stored snapshot to {@code out} as a portable file (a zip: manifest.json, then each table's gzipped COPY text). */
    public void exportSnapshot(String organization, String name, java.io.OutputStream out) {
        call(() -> {
            engine.exportSnapshot(organization, name, out);
            return null;
        });
    }

    /** Deletes a stored snapshot (needs the organization's slug as confirmation); refused while it is a baseline. */
    public SnapshotInfo deleteSnapshot(String organization, String name, String confirmation) {
        return call(() -> engine.deleteSnapshot(organization, name, confirmation, caller));
    }

    /**
     * Makes a non-production organization exactly a snapshot's state: everything in it is deleted, the
     * snapshot's rows are written and recorded in the ledger (teardown and reset work on them). One
     * transaction: a damaged file or a failure leaves the organization as it was.
     */
    public RestoreResult restore(RestoreRequest request) {
        return call(() -> engine.restore(request, caller));
    }

    /** What {@link #restore} would delete and write, without doing it (audited, nothing written). */
    public RemovalPreview previewRestore(RestoreRequest request) {
        return call(() -> engine.previewRestore(request, caller));
    }

    /**
     * Loads a CSV or JSON file's rows into one tenant table of a non-production organization (needs the
     * organization's slug as confirmation, but for a dry run), each checked against the table's columns,
     * types, keys and references first, all in one transaction and recorded in the ledger as one
     * application: teardown removes them, reset drops them. A bad file is
     * {@link SeedResetException.Reason#INVALID_IMPORT}, naming the file, line and column, and writes nothing.
     */
    public ImportResult importRows(ImportRequest request) {
        return call(() -> engine.importRows(request, caller));
    }

    /**
     * Makes {@code snapshot} the organization's baseline: {@link #reset} then returns it to that snapshot
     * instead of re-applying its packs. A null snapshot clears the baseline.
     */
    public Optional<SnapshotInfo> setBaseline(String organization, String confirmation, String snapshot) {
        return call(() -> engine.setBaseline(organization, confirmation, snapshot, caller));
    }

    /** The snapshot the organization's reset returns it to, if it has one (otherwise reset re-applies its packs). */
    public Optional<SnapshotInfo> baseline(String organization) {
        return call(() -> engine.baseline(organization));
    }

    /**
     * Previews a teardown: rows that would be deleted and restored per table, rows people created,
     * and the refusal the teardown would meet. Changes no tenant row and no ledger row; refused on a
     * production organization exactly as teardown is. The request's confirmation is not needed.
     */
    public RemovalPreview previewTeardown(TeardownRequest request) {
        return call(() -> engine.previewTeardown(request, caller));
    }

    /**
     * Previews a reset: every row that would be deleted per table (rows people created counted apart)
     * and the rows the re-applied packs would write. Changes no tenant row and no ledger row; refused
     * on a production organization exactly as reset is. The request's confirmation is not needed.
     */
    public RemovalPreview previewReset(ResetRequest request) {
        return call(() -> engine.previewReset(request, caller));
    }

    /**
     * A page of applications and audit entries, newest first: {@code history(HistoryRequest.of(slug))}
     * for the latest {@value HistoryRequest#DEFAULT_LIMIT} of each, {@code HistoryRequest.of(null)} for every organization.
     */
    public HistoryResult history(HistoryRequest request) {
        return call(() -> engine.history(request));
    }

    /** The organization with this slug, if there is one. */
    public java.util.Optional<Organization> organization(String slug) {
        return call(() -> engine.organization(slug));
    }

    /** The organization with this slug; {@link SeedResetException.Reason#UNKNOWN_ORGANIZATION} when there is none, as every operation answers. */
    public Organization requireOrganization(String slug) {
        return organization(slug).orElseThrow(() -> io.seedreset.internal.organization.Organizations.unknown(slug));
    }

    /**
     * The logins the packs applied to the organization created, in the order they were applied, as
     * apply printed them (their demo passwords included); reads only. A front end issues credentials
     * for them, such as API tokens.
     */
    public List<Persona> personas(String organization) {
        return call(() -> engine.personas(organization));
    }

    /**
     * Refuses a seed action on a production organization before a front end starts it, exactly as the
     * operation itself would: {@link SeedResetException.Reason#PRODUCTION_ORGANIZATION}, audited as a refused
     * {@code operation} by this API's actor ({@link SeedResetException.Reason#UNKNOWN_ORGANIZATION} for an
     * unknown slug). Returns for any other organization. A front end's own block, not the boundary: the
     * operation refuses a production organization again when it runs.
     */
    public void refuseIfProduction(AuditOperation operation, String organization) {
        call(() -> engine.refuseIfProduction(operation, organization, caller));
    }

    /**
     * Audits a refusal a front end made itself before starting an operation (a server already running a
     * mutation of the organization answers busy at once), as the operation audits its own refusals, with
     * this API's actor; then throws it. Every attempt is audited, those a front end turned away included.
     */
    public void refuse(AuditOperation operation, String organization, SeedResetException refusal) {
        call(() -> engine.refuse(operation, organization, refusal, caller));
    }

    /** Runs the validation rules of every pack applied to the organization; reads only. */
    public ValidationResult validate(String organization) {
        return call(() -> engine.validate(organization, caller));
    }

    /**
     * Runs an operation so that nothing but a {@link SeedResetException} leaves the API: a front
     * end maps every failure by its reason, and an exception nobody foresaw is reported as the
     * bug it is ({@link SeedResetException.Reason#INTERNAL_ERROR}), with its cause kept.
     */
    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (SeedResetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SeedResetException(SeedResetException.Reason.INTERNAL_ERROR, "unexpected " + e.getClass().getSimpleName()
                    + ": " + e.getMessage(), Map.of(), e);
        }
    }

    /**
     * Parses an anchor as every front end accepts it: an ISO-8601 instant ({@code 2026-11-21T09:00:00Z}),
     * a date-time with offset, or a date (the start of that day, UTC).
     */
    public static Instant parseAnchor(String text) {
        Instant anchor;
        try {
            anchor = Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                anchor = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    anchor = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "anchor '" + text
                            + "' is not an ISO-8601 instant or date: use e.g. 2026-11-21T09:00:00Z or 2026-11-21");
                }
            }
        }
        return requireAnchorInRange(anchor, "'" + text + "'");
    }

    /** Refuses an anchor outside {@link #EARLIEST_ANCHOR} .. {@link #LATEST_ANCHOR}, naming it as given. */
    public static Instant requireAnchorInRange(Instant anchor, String given) {
        if (anchor.isBefore(EARLIEST_ANCHOR.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !anchor.isBefore(LATEST_ANCHOR.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "anchor " + given + " is out of range: use a date from " + EARLIEST_ANCHOR
                    + " to " + LATEST_ANCHOR);
        }
        return anchor;
    }
}
