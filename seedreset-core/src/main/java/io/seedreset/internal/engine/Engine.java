package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.HistoryResult;
import io.seedreset.api.InitResult;
import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.Progress;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.ResetResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.TeardownResult;
import io.seedreset.api.ValidationResult;
import io.seedreset.internal.audit.AuditLog;
import io.seedreset.internal.audit.AuditLog.Outcome;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.ledger.Removal;
import io.seedreset.internal.organization.Organizations;
import io.seedreset.internal.safety.ProductionBoundary;
import io.seedreset.internal.schema.SchemaMigrator;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.internal.sink.CopySink;
import io.seedreset.internal.sink.RecordingSink;
import io.seedreset.internal.sink.TenantQueries;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.PackFailure;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import io.seedreset.pack.TenantReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The operations. Each mutating one follows the same path: resolve and check the input
 * (nothing written), record the attempt, then one transaction that locks the organization,
 * passes the production boundary and does the work; the attempt's outcome is recorded last.
 */
public final class Engine {

    private static final int HISTORY_LIMIT = 200;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Engine.class);

    private final DataSource dataSource;
    private final PackRegistry packs;
    private final String actor;
    private final Duration busyTimeout;
    private final Clock clock;
    private final Progress progress;
    private final List<String> migrationLocations;
    private final AuditLog audit;

    public Engine(DataSource dataSource, PackRegistry packs, String actor, Duration busyTimeout, Clock clock,
                  Progress progress, List<String> migrationLocations) {
        this.dataSource = dataSource;
        this.packs = packs;
        this.actor = actor;
        this.busyTimeout = busyTimeout;
        this.clock = clock;
        this.progress = progress;
        this.migrationLocations = List.copyOf(migrationLocations);
        this.audit = new AuditLog(dataSource);
    }

    public InitResult init() {
        // Reach the database first, so a wrong URL or password reads as such, not as a migration failure.
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        return SchemaMigrator.migrate(dataSource, migrationLocations);
    }

    public List<PackDescriptor> packs() {
        return packs.all().stream().map(SeedPack::descriptor).toList();
    }

    public Organization createOrganization(String slug, String name, OrganizationKind kind) {
        return withConnection(true, connection -> Organizations.create(connection, slug, name, kind));
    }

    public List<Organization> organizations() {
        return withConnection(false, Organizations::list);
    }

    public PlanResult plan(PackRequest request) {
        ResolvedPack requested = ResolvedPack.resolve(packs, request, clock);
        Organization organization = withConnection(false, c -> Organizations.require(c, request.organization()));
        if (organization.production()) {
            // Previewing seeds for production is the first step towards writing them: refused and audited.
            attempt("plan", request.organization(), requested.descriptor(), () -> {
                ProductionBoundary.refuseProduction(organization);
                return null;
            });
        }
        return withConnection(false, connection -> {
            TenantSchema schema = TenantSchema.load(connection);
            List<ApplicationRecord> active = Applications.active(connection, organization.id());
            Map<String, Long> requiredSeeds = requiredSeeds(active, organization, requested.descriptor());
            PackDescriptor descriptor = requested.descriptor();
            List<ApplicationRecord> applied = active.stream().filter(a -> a.packId().equals(descriptor.id())).toList();
            ResolvedPack onAnchor = onRequiredAnchor(requested, active);
            // What apply does with these arguments: nothing when an application already matches them (its anchor
            // too, as apply compares it only when one is given), so the plan is that application's.
            ApplicationRecord same = applied.stream().filter(a -> onAnchor.sameAs(a.packVersion(), a.mode(), a.parameters(),
                    a.seed(), a.anchor())).findFirst().orElse(null);
            ResolvedPack resolved = same == null ? onAnchor : onAnchor.withAnchor(same.anchor());
            RecordingSink sink = new RecordingSink(resolved.descriptor().id(), schema, organization.id(), resolved.pack().totals());
            PackContext context = resolved.context(requiredSeeds, (sql, parameters) -> {
                try {
                    return TenantQueries.query(connection, organization.id(), sql, parameters);
                } catch (SQLException e) {
                    throw TenantQueries.failed(resolved.descriptor().id(), e);
                }
            });
            generate(resolved, context, sink);
            if (same != null && !same.planHash().equals(sink.hash())) {
                // A scenario planned again reads the rows it has already changed, so it previews other rows than
                // it wrote: show what the application holds instead.
                return new PlanResult(descriptor.id(), descriptor.version(), descriptor.modules(), organization.slug(),
                        resolved.mode(), resolved.parameters(), resolved.seed(), resolved.anchor(), same.counts(), Map.of(),
                        Map.of(), Map.of(), resolved.pack().personas(context), same.planHash(), same.id(), List.of());
            }
            return new PlanResult(descriptor.id(), descriptor.version(), descriptor.modules(), organization.slug(),
                    resolved.mode(), resolved.parameters(), resolved.seed(), resolved.anchor(), sink.counts(),
                    sink.updates(), sink.samples(), sink.totals(), resolved.pack().personas(context), sink.hash(),
                    same == null ? null : same.id(), same == null ? applied.stream().map(ApplicationRecord::id).toList() : List.of());
        });
    }

    public ApplyResult apply(ApplyRequest request) {
        ResolvedPack requested = ResolvedPack.resolve(packs, request.pack(), clock);
        requireOrganization(request.pack().organization());
        return attempt("apply", request.pack().organization(), requested.descriptor(), () -> inTransaction(connection -> {
            TenantSchema schema = TenantSchema.load(connection);
            UUID applicationId = UUID.randomUUID();
            Organization organization = ProductionBoundary.enter(connection, request.pack().organization(),
                    request.confirmation(), "applying to", busyTimeout, schema, applicationId.toString());
            List<ApplicationRecord> active = Applications.active(connection, organization.id());
            Map<String, Long> requiredSeeds = requiredSeeds(active, organization, requested.descriptor());
            ResolvedPack resolved = onRequiredAnchor(requested, active);
            List<UUID> replaced = new ArrayList<>();
            for (ApplicationRecord existing : active) {
                if (!existing.packId().equals(resolved.descriptor().id())) {
                    continue;
                }
                if (resolved.sameAs(existing.packVersion(), existing.mode(), existing.parameters(), existing.seed(), existing.anchor())) {
                    if (request.planHash() != null && !request.planHash().equals(existing.planHash())) {
                        throw SeedResetException.conflict("pack '" + existing.packId() + "' is already applied to '" + organization.slug()
                                + "' with plan hash " + existing.planHash() + ", not the reviewed " + request.planHash()
                                + ": plan again with the application's --seed and --anchor, or add --replace");
                    }
                    return unchanged(resolved, existing, requiredSeeds);
                }
                if (!request.replace()) {
                    throw SeedResetException.conflict("pack '" + existing.packId() + "' " + existing.packVersion()
                            + " is already applied to '" + organization.slug() + "' with another version, mode, parameters, seed or anchor (application "
                            + existing.id() + "): add --replace to tear it down and apply this one");
                }
                replaced.add(existing.id());
            }
            if (!replaced.isEmpty()) {
                refuseRemovingRequired(active, replaced);
                Removal.seededRows(connection, schema, organization.id(), replaced, progress);
                Applications.markRemoved(connection, replaced, actor, "replace");
            }
            ApplyResult result = write(connection, schema, organization, resolved, requiredSeeds, applicationId,
                    request.planHash(), replaced);
            return new Attempt<>(result, Outcome.SUCCEEDED, result.applicationId(), summary(result));
        }));
    }

    public TeardownResult teardown(TeardownRequest request) {
        requireOrganization(request.organization());
        return attempt("teardown", request.organization(), null, () -> inTransaction(connection -> {
            long started = System.nanoTime();
            TenantSchema schema = TenantSchema.load(connection);
            Organization organization = ProductionBoundary.enter(connection, request.organization(),
                    request.confirmation(), "tearing down", busyTimeout, schema, "teardown-" + UUID.randomUUID());
            List<ApplicationRecord> active = Applications.active(connection, organization.id());
            List<UUID> targets = new ArrayList<>();
            for (ApplicationRecord record : active) {
                if (request.application() == null || record.id().equals(request.application())) {
                    targets.add(record.id());
                }
            }
            if (request.application() != null && targets.isEmpty()) {
                throw SeedResetException.badInput("organization '" + organization.slug() + "' has no active application "
                        + request.application() + ": see 'seedreset history --org " + organization.slug() + "'");
            }
            refuseRemovingRequired(active, targets);
            progress.start("teardown " + organization.slug());
            Removal.Removed removed;
            try {
                removed = targets.isEmpty() ? Removal.Removed.NOTHING
                        : Removal.seededRows(connection, schema, organization.id(), targets, progress);
            } finally {
                progress.finish();
            }
            Applications.markRemoved(connection, targets, actor, "teardown");
            TeardownResult result = new TeardownResult(organization.slug(), targets, removed.deleted(), removed.restored(),
                    Duration.ofNanos(System.nanoTime() - started));
            return new Attempt<>(result, targets.isEmpty() ? Outcome.UNCHANGED : Outcome.SUCCEEDED,
                    targets.size() == 1 ? targets.get(0) : null,
                    "removed " + result.totalRows() + " rows of " + targets.size() + " application(s)"
                            + (result.restored().isEmpty() ? "" : ", restored " + result.restored().values().stream()
                            .mapToLong(Long::longValue).sum() + " changed rows"));
        }));
    }

    public ResetResult reset(ResetRequest request) {
        requireOrganization(request.organization());
        return attempt("reset", request.organization(), null, () -> inTransaction(connection -> {
            long started = System.nanoTime();
            TenantSchema schema = TenantSchema.load(connection);
            Organization organization = ProductionBoundary.enter(connection, request.organization(),
                    request.confirmation(), "resetting", busyTimeout, schema, "reset-" + UUID.randomUUID());
            List<ApplicationRecord> previous = Applications.active(connection, organization.id());
            List<ResolvedPack> again = new ArrayList<>();
            for (ApplicationRecord record : previous) {
                Map<String, String> settings = new LinkedHashMap<>();
                record.parameters().forEach((k, v) -> settings.put(k, String.valueOf(v)));
                PackRequest packRequest = new PackRequest(record.packId(), organization.slug(), record.mode(), record.seed(),
                        request.anchor(), settings);
                again.add(ResolvedPack.resolve(packs, packRequest, clock));
            }
            progress.start("reset " + organization.slug());
            Map<String, Long> deleted;
            try {
                deleted = Removal.everyRow(connection, schema, organization.id(), progress);
            } finally {
                progress.finish();
            }
            Applications.markRemoved(connection, previous.stream().map(ApplicationRecord::id).toList(), actor, "reset");
            List<ApplyResult> reapplied = new ArrayList<>();
            Map<String, Long> seeds = new HashMap<>();
            for (ResolvedPack resolved : again) {
                UUID applicationId = UUID.randomUUID();
                ProductionBoundary.enterSeedContext(connection, applicationId.toString());
                Map<String, Long> requiredSeeds = new HashMap<>();
                for (String required : resolved.descriptor().requires()) {
                    Long seed = seeds.get(required);
                    if (seed == null) {
                        throw SeedResetException.conflict("pack '" + resolved.descriptor().id() + "' requires pack '" + required
                                + "', which '" + organization.slug() + "' does not have applied before it: reset cannot replay it; "
                                + "tear it down, or apply '" + required + "' and then it again");
                    }
                    requiredSeeds.put(required, seed);
                }
                reapplied.add(write(connection, schema, organization, resolved, requiredSeeds, applicationId, null, List.of()));
                seeds.put(resolved.descriptor().id(), resolved.seed());
            }
            ResetResult result = new ResetResult(organization.slug(), deleted, reapplied, Duration.ofNanos(System.nanoTime() - started));
            return new Attempt<>(result, Outcome.SUCCEEDED, null, "deleted " + result.deletedRows() + " rows, re-applied "
                    + reapplied.size() + " pack(s)");
        }));
    }

    public HistoryResult history(String organization) {
        return withConnection(false, connection -> {
            if (organization != null) {
                Organizations.require(connection, organization);
            }
            return new HistoryResult(Applications.list(connection, organization, HISTORY_LIMIT),
                    AuditLog.list(connection, organization, HISTORY_LIMIT));
        });
    }

    /**
     * Runs the validation rules of every pack applied to the organization and reports each.
     * Reads only. Production organizations are refused like every seed operation: no pack is
     * ever applied there, so "all rules hold" would be misleading.
     */
    public ValidationResult validate(String organization) {
        return withConnection(false, connection -> {
            Organization found = Organizations.require(connection, organization);
            ProductionBoundary.refuseProduction(found);
            List<ValidationResult.Rule> rules = new ArrayList<>();
            for (ApplicationRecord record : Applications.active(connection, found.id())) {
                SeedPack pack = packs.find(record.packId()).orElse(null);
                if (pack == null) {
                    rules.add(new ValidationResult.Rule(record.packId(), "pack-installed", List.of("pack '" + record.packId()
                            + "' (application " + record.id() + ") is not installed here, so its rules could not run")));
                    continue;
                }
                rules.addAll(Validation.report(connection, List.of(pack), found.id()));
            }
            return new ValidationResult(found.slug(), rules);
        });
    }

    /** Writes one application in the caller's transaction: the rows, the ledger, the validation, the record. */
    private ApplyResult write(Connection connection, TenantSchema schema, Organization organization, ResolvedPack resolved,
                              Map<String, Long> requiredSeeds, UUID applicationId, String expectedPlanHash,
                              List<UUID> replaced) throws SQLException {
        long started = System.nanoTime();
        PackDescriptor descriptor = resolved.descriptor();
        Applications.insert(connection, applicationId, organization.id(), descriptor.id(), descriptor.version(),
                resolved.mode(), resolved.parameters(), resolved.seed(), resolved.anchor(), actor, clock.instant());
        try (CopySink sink = new CopySink(descriptor.id(), schema, organization.id(), applicationId,
                resolved.pack().totals(), connection, progress)) {
            PackContext context = resolved.context(requiredSeeds, sink::query);
            progress.start("apply " + descriptor.id());
            try {
                generate(resolved, context, sink);
                sink.finish();
            } catch (CopySink.CopyFailed e) {
                throw e.getCause();
            } finally {
                progress.finish();
            }
            if (expectedPlanHash != null && !expectedPlanHash.equals(sink.hash())) {
                throw SeedResetException.conflict("pack '" + descriptor.id() + "' would write other rows than the reviewed plan (plan hash "
                        + expectedPlanHash + ", now " + sink.hash() + "): run plan again and review it; nothing was applied");
            }
            // The rules of the packs this one builds on must still hold after it changed their rows.
            List<SeedPack> validated = new ArrayList<>();
            validated.add(resolved.pack());
            descriptor.requires().forEach(id -> validated.add(packs.require(id)));
            Validation.refreshStatistics(connection, sink.counts());
            Validation.require(connection, validated, organization.id(), descriptor.id());
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            Applications.complete(connection, applicationId, sink.counts(), sink.hash(), duration.toMillis());
            return new ApplyResult(replaced.isEmpty() ? ApplyResult.Status.APPLIED : ApplyResult.Status.REPLACED, applicationId,
                    descriptor.id(), descriptor.version(), organization.slug(), resolved.mode(), resolved.parameters(),
                    resolved.seed(), resolved.anchor(), sink.counts(), sink.updates(), resolved.pack().personas(context),
                    sink.hash(), duration, replaced);
        }
    }

    private Attempt<ApplyResult> unchanged(ResolvedPack resolved, ApplicationRecord existing, Map<String, Long> requiredSeeds) {
        ApplyResult result = new ApplyResult(ApplyResult.Status.UNCHANGED, existing.id(), existing.packId(),
                existing.packVersion(), existing.organization(), existing.mode(), resolved.parameters(), existing.seed(),
                existing.anchor(), existing.counts(), Map.of(),
                resolved.pack().personas(resolved.context(requiredSeeds, TenantReader.NONE)),
                existing.planHash(), Duration.ZERO, List.of());
        return new Attempt<>(result, Outcome.UNCHANGED, existing.id(), "already applied as application " + existing.id());
    }

    /** Runs the pack; a pack that says it cannot generate here fails with its own words. */
    private static void generate(ResolvedPack resolved, PackContext context, RowSink sink) {
        try {
            resolved.pack().generate(context, sink);
        } catch (PackFailure e) {
            throw SeedResetException.failure("pack '" + resolved.descriptor().id() + "': " + e.getMessage());
        } catch (SeedResetException | CopySink.CopyFailed e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug in the pack, not in the engine: say whose, and what it threw.
            throw SeedResetException.failure("pack '" + resolved.descriptor().id() + "' failed while generating: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * A scenario given no anchor shares the anchor of the pack it builds on, so that its "now"
     * is the now of the data it changes (a cancellation after the orders it refunds).
     */
    private static ResolvedPack onRequiredAnchor(ResolvedPack resolved, List<ApplicationRecord> active) {
        if (resolved.anchorGiven() || resolved.descriptor().requires().isEmpty()) {
            return resolved;
        }
        String required = resolved.descriptor().requires().get(0);
        return active.stream().filter(a -> a.packId().equals(required)).findFirst()
                .map(a -> resolved.withAnchor(a.anchor()))
                .orElse(resolved);
    }

    /** The seed each pack this one requires was applied with; refuses when one is not applied. */
    private static Map<String, Long> requiredSeeds(List<ApplicationRecord> active, Organization organization,
                                                   PackDescriptor descriptor) {
        Map<String, Long> seeds = new HashMap<>();
        for (String required : descriptor.requires()) {
            ApplicationRecord application = active.stream().filter(a -> a.packId().equals(required)).findFirst()
                    .orElseThrow(() -> SeedResetException.conflict("pack '" + descriptor.id() + "' requires pack '" + required
                            + "', which is not applied to '" + organization.slug() + "': apply '" + required + "' first"));
            seeds.put(required, application.seed());
        }
        return seeds;
    }

    /** Refuses to remove an application that others, staying applied, build on; names them all. */
    private void refuseRemovingRequired(List<ApplicationRecord> active, List<UUID> removing) {
        for (ApplicationRecord removed : active) {
            if (!removing.contains(removed.id())) {
                continue;
            }
            List<ApplicationRecord> dependents = active.stream()
                    .filter(staying -> !removing.contains(staying.id()))
                    .filter(staying -> packs.find(staying.packId()).map(p -> p.descriptor().requires().contains(removed.packId()))
                            .orElse(false))
                    .toList();
            if (!dependents.isEmpty()) {
                String names = dependents.stream().map(d -> "'" + d.packId() + "' (application " + d.id() + ")")
                        .collect(java.util.stream.Collectors.joining(" and "));
                String packIds = dependents.stream().map(d -> "'" + d.packId() + "'").collect(java.util.stream.Collectors.joining(" and "));
                throw SeedResetException.conflict("pack '" + removed.packId() + "' (application " + removed.id()
                        + ") is required by pack" + (dependents.size() == 1 ? " " : "s ") + names
                        + (dependents.size() == 1 ? ", which stays applied" : ", which stay applied") + ": tear down "
                        + packIds + " first, or the whole organization");
            }
        }
    }

    private static String summary(ApplyResult result) {
        long changed = result.updates().values().stream().mapToLong(Long::longValue).sum();
        return "wrote " + result.totalRows() + " rows in " + result.counts().size() + " table(s)"
                + (changed == 0 ? "" : ", changed " + changed + " rows");
    }

    private void requireOrganization(String slug) {
        withConnection(false, connection -> Organizations.require(connection, slug));
    }

    /** What an audited piece of work produced, and how to record it. */
    private record Attempt<T>(T value, Outcome outcome, UUID applicationId, String message) {
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Records the attempt before the work and its outcome after, each in its own transaction. */
    private <T> T attempt(String operation, String organization, PackDescriptor pack, Work<Attempt<T>> work) {
        long entry;
        try {
            entry = audit.start(actor, operation, organization, pack == null ? null : pack.id(),
                    pack == null ? null : pack.version());
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        Attempt<T> attempt;
        try {
            attempt = work.run();
        } catch (SeedResetException e) {
            record(entry, outcomeOf(e), null, e.getMessage());
            throw e;
        } catch (SQLException e) {
            SeedResetException translated = DatabaseErrors.translate(e);
            record(entry, outcomeOf(translated), null, translated.getMessage());
            throw translated;
        } catch (RuntimeException e) {
            record(entry, Outcome.FAILED, null, String.valueOf(e.getMessage()));
            throw e;
        }
        record(entry, attempt.outcome(), attempt.applicationId(), attempt.message());
        return attempt.value();
    }

    private static Outcome outcomeOf(SeedResetException e) {
        return switch (e.kind()) {
            case REFUSED -> Outcome.REFUSED;
            case CONFLICT -> Outcome.CONFLICT;
            default -> Outcome.FAILED;
        };
    }

    /**
     * Records an attempt's outcome. If that fails, the work itself has already committed or
     * rolled back, so its result stands; the entry stays 'started', which history never reads
     * as a success.
     */
    private void record(long entry, Outcome outcome, UUID applicationId, String message) {
        try {
            audit.finish(entry, outcome, applicationId, message);
        } catch (SQLException e) {
            LOG.warn("could not record the outcome of audit entry {} ({}): {}", entry, outcome, e.getMessage());
        }
    }

    private <T> T inTransaction(TransactionWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /**
     * Runs work on its own connection: writes in autocommit, reads inside a read-only transaction
     * that is rolled back, so that a pack's query or validation rule can never change a row.
     */
    private <T> T withConnection(boolean write, TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            SchemaMigrator.requireInitialised(connection, migrationLocations);
            if (write) {
                connection.setAutoCommit(true);
                connection.setReadOnly(false);
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }
}
