package io.seedreset.internal.engine;

import io.seedreset.api.ActivityRequest;
import io.seedreset.api.ActivityResult;
import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.HistoryResult;
import io.seedreset.api.ImportRequest;
import io.seedreset.api.ImportResult;
import io.seedreset.api.InitResult;
import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.ResetResult;
import io.seedreset.api.RestoreRequest;
import io.seedreset.api.RestoreResult;
import io.seedreset.api.SnapshotInfo;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.TeardownResult;
import io.seedreset.api.ValidationResult;
import io.seedreset.internal.audit.AuditLog;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.organization.Organizations;
import io.seedreset.internal.safety.ApplicationRole;
import io.seedreset.internal.safety.Guards;
import io.seedreset.internal.schema.SchemaMigrator;
import io.seedreset.internal.schema.TenancySettings;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Persona;
import io.seedreset.pack.SeedPack;
import io.seedreset.pack.TenantReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The operations behind the Java API, one class each ({@link PlanOperation}, {@link ApplyOperation},
 * {@link TeardownOperation}, {@link ResetOperation}, {@link ValidateOperation}); every one that writes
 * to an organization goes through the {@link MutationGate}. This class wires them and keeps the
 * ones that are a few lines: init, organizations, packs, history.
 */
public final class Engine {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Engine.class);

    private final PackRegistry packs;
    private final List<String> migrationLocations;
    private final Connections connections;
    private final AuditLog audit;
    private final PlanOperation plan;
    private final ApplyOperation apply;
    private final TeardownOperation teardown;
    private final ResetOperation reset;
    private final SnapshotOperation snapshots;
    private final ValidateOperation validate;
    private final ImportOperation imports;
    private final ActivityOperation activity;
    private final TimetravelOperation timetravel;
    private final MutationGate gate;
    private final Clock clock;
    private final io.seedreset.api.Tenancy tenancy;

    /** @param tenancy what init stores as this database's tenancy; null keeps what is stored (the default on a new database) */
    public Engine(DataSource dataSource, PackRegistry packs, Duration busyTimeout, Clock clock, List<String> migrationLocations,
                  int backupsKept, io.seedreset.api.Tenancy tenancy) {
        this.packs = packs;
        this.tenancy = tenancy;
        this.migrationLocations = List.copyOf(migrationLocations);
        this.connections = new Connections(dataSource, migrationLocations);
        this.audit = new AuditLog(dataSource);
        this.gate = new MutationGate(connections, audit, busyTimeout);
        ApplicationWriter writer = new ApplicationWriter(packs, clock);
        this.plan = new PlanOperation(packs, clock, connections, gate);
        this.apply = new ApplyOperation(packs, clock, gate, writer);
        this.teardown = new TeardownOperation(packs, gate);
        this.snapshots = new SnapshotOperation(connections, gate, clock, backupsKept, this::personas);
        this.reset = new ResetOperation(packs, clock, gate, writer, snapshots);
        this.validate = new ValidateOperation(packs, connections, gate);
        this.imports = new ImportOperation(gate, clock);
        this.activity = new ActivityOperation(packs, clock, gate, writer);
        this.timetravel = new TimetravelOperation(clock, gate, activity);
        this.clock = clock;
    }

    public InitResult init(Caller caller) {
        // Reach the database first, so a wrong URL or password reads as such, not as a migration failure.
        try (Connection connection = connections.dataSource().getConnection()) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        refuseDefaultsOnItsOwnSchema();
        // An application's tenants table already there is checked before anything is migrated, so a refused init leaves
        // the database as it was; one the given migrations create is checked once they ran.
        if (tenancy != null) {
            try (Connection connection = connections.dataSource().getConnection()) {
                if (TenancySettings.tenantsTableExists(connection, tenancy)) {
                    TenancySettings.requireTenantsTable(connection, tenancy);
                }
            } catch (SQLException e) {
                throw DatabaseErrors.translate(e);
            }
        }
        SchemaMigrator.Migrated migrated = SchemaMigrator.migrate(connections.dataSource(), migrationLocations);
        List<String> found;
        List<String> guarded;
        try (Connection connection = connections.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            if (tenancy != null) {
                TenancySettings.write(connection, tenancy);
            }
            TenantSchema schema = TenantSchema.load(connection);
            TenancySettings.requireTenantsTable(connection, schema.tenancy());
            found = Guards.install(connection, schema);
            connection.commit();
            guarded = schema.tables().stream().map(TenantSchema.Table::name).toList();
        } catch (SQLException e) {
            throw new SeedResetException(Reason.SCHEMA_MIGRATION_FAILED, "installing the guards failed: " + e.getMessage(), java.util.Map.of(), e);
        }
        // After a migration the guards are new or upgraded; otherwise anything init had to put
        // back was dropped, disabled or altered since, and who ran init must hear of it.
        List<String> repairs = migrated.applied() == 0 ? found : List.of();
        if (!repairs.isEmpty()) {
            LOG.warn("init repaired the guards: {}", String.join("; ", repairs));
            try {
                audit.record(caller.actor(), AuditOperation.INIT, AuditOutcome.SUCCEEDED, "repaired the guards: " + String.join("; ", repairs));
            } catch (SQLException e) {
                throw DatabaseErrors.translate(e);
            }
        }
        return new InitResult(migrated.applied(), migrated.schemaVersion(), guarded, repairs);
    }

    /**
     * Refuses to migrate, with the reference platform's migrations and no tenancy, a database that keeps its tenants its
     * own way: that would add the reference platform's schemas to the application's database.
     */
    private void refuseDefaultsOnItsOwnSchema() {
        if (tenancy != null || !migrationLocations.equals(io.seedreset.api.SeedResetConfiguration.DEFAULT_MIGRATION_LOCATIONS)) {
            return;
        }
        try (Connection connection = connections.dataSource().getConnection()) {
            io.seedreset.api.Tenancy stored = TenancySettings.read(connection);
            if (!stored.equals(io.seedreset.api.Tenancy.DEFAULT)) {
                throw new SeedResetException(Reason.INVALID_CONFIGURATION, "this database keeps its tenants its own way ("
                        + TenancySettings.describe(stored) + "): init needs the same settings (migrations) as before, not the reference platform's",
                        java.util.Map.of(SeedResetException.SETTINGS, String.join(",", migrationLocations)));
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /** Grants the application's role exactly what it needs ({@link ApplicationRole}); run by the schema's owner after init. */
    public void grantApplicationRole(String role) {
        if (role == null || role.isBlank()) {
            throw new SeedResetException(Reason.INVALID_VALUE, "the application role's name is empty");
        }
        connections.withConnection(true, connection -> {
            connection.setAutoCommit(false);
            try {
                ApplicationRole.grant(connection, TenantSchema.load(connection), role);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            return null;
        });
    }

    public List<PackDescriptor> packs() {
        return packs.all().stream().map(SeedPack::descriptor).toList();
    }

    public Organization createOrganization(String slug, String name, OrganizationKind kind) {
        return connections.withConnection(true, connection -> Organizations.create(connection, slug, name, kind));
    }

    public List<Organization> organizations() {
        return connections.withConnection(false, Organizations::list);
    }

    public Void requireInitialised() {
        return connections.withConnection(false, connection -> null);
    }

    public PlanResult plan(PackRequest request, Caller caller) {
        return plan.run(request, caller);
    }

    public ApplyResult apply(ApplyRequest request, Caller caller) {
        if (!request.backup()) {
            return apply.run(request, caller);
        }
        String backup = snapshots.backup(request.pack().organization(), request.confirmation(), "apply", caller).map(SnapshotInfo::name).orElse(null);
        return apply.run(request, caller).withBackup(backup);
    }

    public SnapshotInfo createSnapshot(String organization, String name, Caller caller) {
        return snapshots.create(organization, name, caller);
    }

    public List<SnapshotInfo> snapshots(String organization) {
        return snapshots.list(organization);
    }

    public void exportSnapshot(String organization, String name, java.io.OutputStream out) {
        snapshots.export(organization, name, out);
    }

    public SnapshotInfo deleteSnapshot(String organization, String name, String confirmation, Caller caller) {
        return snapshots.delete(organization, name, confirmation, caller);
    }

    public RestoreResult restore(RestoreRequest request, Caller caller) {
        return snapshots.restore(request, caller);
    }

    public io.seedreset.api.RemovalPreview previewRestore(RestoreRequest request, Caller caller) {
        return snapshots.preview(request, caller);
    }

    public Optional<SnapshotInfo> setBaseline(String organization, String confirmation, String snapshot, Caller caller) {
        return snapshots.setBaseline(organization, confirmation, snapshot, caller);
    }

    public Optional<SnapshotInfo> baseline(String organization) {
        return snapshots.baseline(organization);
    }

    public ImportResult importRows(ImportRequest request, Caller caller) {
        return imports.run(request, caller);
    }

    public TeardownResult teardown(TeardownRequest request, Caller caller) {
        return teardown.run(request, caller);
    }

    public ResetResult reset(ResetRequest request, Caller caller) {
        return reset.run(request, caller);
    }

    public io.seedreset.api.RemovalPreview previewTeardown(TeardownRequest request, Caller caller) {
        return teardown.preview(request, caller);
    }

    public io.seedreset.api.RemovalPreview previewReset(ResetRequest request, Caller caller) {
        return reset.preview(request, caller);
    }

    public ActivityResult activity(ActivityRequest request, Caller caller) {
        return activity.run(request, caller);
    }

    public io.seedreset.api.TimetravelResult timetravel(io.seedreset.api.TimetravelRequest request, Caller caller) {
        return timetravel.run(request, caller);
    }

    public io.seedreset.api.TimetravelResult previewTimetravel(io.seedreset.api.TimetravelRequest request, Caller caller) {
        return timetravel.preview(request, caller);
    }

    public ValidationResult validate(String organization, Caller caller) {
        return validate.run(organization, caller);
    }

    public Void refuse(AuditOperation operation, String organization, SeedResetException refusal, Caller caller) {
        gate.refused(operation, organization, caller, refusal);
        return null;
    }

    public Void refuseIfProduction(AuditOperation operation, String organization, Caller caller) {
        Organization found = connections.withConnection(false, c -> Organizations.require(c, organization));
        gate.refuseProduction(operation, found, null, caller);
        return null;
    }

    /**
     * The logins the organization's active applications created, in the order they were applied, as
     * apply printed them: each pack's personas for the mode, parameters, seed and anchor it was
     * applied with. Reads only; a pack that is not installed here has none.
     */
    public List<Persona> personas(String organization) {
        return connections.withConnection(false, connection -> {
            Organization found = Organizations.require(connection, organization);
            List<Persona> personas = new ArrayList<>();
            Map<String, Long> applied = new LinkedHashMap<>();
            for (ApplicationRecord record : Applications.active(connection, found.id())) {
                if (record.source() == ApplicationRecord.Source.SNAPSHOT) {
                    // A restored snapshot's logins are those its packs had created when it was taken.
                    personas.addAll(io.seedreset.internal.snapshot.StoredSnapshots.personas(connection,
                            java.util.UUID.fromString(String.valueOf(record.parameters().get("snapshotId")))));
                    continue;
                }
                // A pack applied in parts has its logins once.
                if (record.source() == ApplicationRecord.Source.PACK && packs.find(record.packId()).isPresent()
                        && !applied.containsKey(record.packId())) {
                    Map<String, String> settings = new LinkedHashMap<>();
                    record.parameters().forEach((k, v) -> settings.put(k, String.valueOf(v)));
                    ResolvedPack resolved = ResolvedPack.resolve(packs, new PackRequest(record.packId(), found.slug(), record.mode(),
                            record.seed(), record.anchor(), settings, List.of()), clock);
                    Map<String, Long> requiredSeeds = Scenarios.requiredSeeds(applied, found, resolved.descriptor());
                    personas.addAll(resolved.pack().personas(resolved.context(requiredSeeds, TenantReader.NONE)));
                }
                applied.putIfAbsent(record.packId(), record.seed());
            }
            return personas;
        });
    }

    public HistoryResult history(HistoryRequest request) {
        return connections.withConnection(false, connection -> {
            if (request.organization() != null) {
                Organizations.require(connection, request.organization());
            }
            // One more than asked tells whether older entries exist.
            List<ApplicationRecord> applications = Applications.list(connection, request.organization(),
                    request.beforeApplication(), request.limit() + 1);
            List<AuditEntry> audit = AuditLog.list(connection, request.organization(), request.beforeEntry(), request.limit() + 1);
            List<ApplicationRecord> shownApplications = applications.subList(0, Math.min(applications.size(), request.limit()));
            List<AuditEntry> shownAudit = audit.subList(0, Math.min(audit.size(), request.limit()));
            // The next page goes on where each list stopped; a list that was not cut has nothing older (0).
            HistoryRequest next = applications.size() > request.limit() || audit.size() > request.limit()
                    ? new HistoryRequest(request.organization(), request.limit(),
                            applications.size() > request.limit() ? shownApplications.get(shownApplications.size() - 1).sequence() : 0L,
                            audit.size() > request.limit() ? shownAudit.get(shownAudit.size() - 1).id() : 0L)
                    : null;
            return new HistoryResult(shownApplications, shownAudit, next);
        });
    }

    /** The organization with this slug, if there is one. */
    public Optional<Organization> organization(String slug) {
        return connections.withConnection(false, connection -> Organizations.find(connection, slug, false));
    }
}
