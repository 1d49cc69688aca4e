package io.seedreset.api;

import io.seedreset.internal.engine.Engine;
import io.seedreset.internal.engine.PackRegistry;
import io.seedreset.pack.PackDescriptor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

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

    SeedReset(SeedResetConfiguration configuration) {
        this.engine = new Engine(configuration.dataSource,
                new PackRegistry(configuration.packs, configuration.discoverPacks), configuration.actor,
                configuration.busyTimeout, configuration.clock, configuration.progress, configuration.migrationLocations);
    }

    public static SeedResetConfiguration configure() {
        return new SeedResetConfiguration();
    }

    /** Creates or upgrades the schema and installs the guard triggers. */
    public InitResult init() {
        return engine.init();
    }

    public List<PackDescriptor> packs() {
        return engine.packs();
    }

    /** Creates an organization; only demo, qa and sandbox organizations can be seeded. */
    public Organization createOrganization(String slug, String name, OrganizationKind kind) {
        return engine.createOrganization(slug, name, kind);
    }

    public List<Organization> organizations() {
        return engine.organizations();
    }

    /** Previews an apply: counts, samples, totals and plan hash. Writes nothing. */
    public PlanResult plan(PackRequest request) {
        return engine.plan(request);
    }

    public ApplyResult apply(ApplyRequest request) {
        return engine.apply(request);
    }

    public TeardownResult teardown(TeardownRequest request) {
        return engine.teardown(request);
    }

    public ResetResult reset(ResetRequest request) {
        return engine.reset(request);
    }

    /** Applications and audit entries, newest first; all organizations when {@code organization} is null. */
    public HistoryResult history(String organization) {
        return engine.history(organization);
    }

    /** Runs the validation rules of every pack applied to the organization; reads only. */
    public ValidationResult validate(String organization) {
        return engine.validate(organization);
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
                    throw SeedResetException.badInput("anchor '" + text
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
            throw SeedResetException.badInput("anchor " + given + " is out of range: use a date from " + EARLIEST_ANCHOR
                    + " to " + LATEST_ANCHOR);
        }
        return anchor;
    }
}
