package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.Organization;
import io.seedreset.api.RemovalPreview;
import io.seedreset.api.RestoreRequest;
import io.seedreset.api.RestoreResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.SnapshotInfo;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.ledger.Removal;
import io.seedreset.internal.organization.Organizations;
import io.seedreset.internal.schema.SchemaMigrator;
import io.seedreset.internal.snapshot.Manifest;
import io.seedreset.internal.snapshot.SnapshotFile;
import io.seedreset.internal.snapshot.SnapshotLoad;
import io.seedreset.internal.snapshot.SnapshotRefresh;
import io.seedreset.internal.snapshot.StoredSnapshots;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Snapshots and restores. Taking one reads every tenant table of the organization at one snapshot of
 * the database (REPEATABLE READ) behind the gate: production is refused (its rows never leave it
 * through Seed &amp; Reset) and the organization's lock keeps seed operations out meanwhile. A restore
 * empties the organization like a reset, loads the snapshot's rows with COPY and records them in the
 * ledger as one application of source {@code snapshot}, all in one transaction: a bad file, a
 * mismatched checksum or a killed process leaves the organization as it was.
 */
final class SnapshotOperation {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Connections connections;
    private final MutationGate gate;
    private final Clock clock;
    private final int backupsKept;

    /** The logins an organization's applications created: a snapshot keeps them, so that its restores know them. */
    private final java.util.function.Function<String, List<io.seedreset.pack.Persona>> personas;

    SnapshotOperation(Connections connections, MutationGate gate, Clock clock, int backupsKept,
                      java.util.function.Function<String, List<io.seedreset.pack.Persona>> personas) {
        this.personas = personas;
        this.connections = connections;
        this.gate = gate;
        this.clock = clock;
        this.backupsKept = backupsKept;
    }

    SnapshotInfo create(String organization, String name, Caller caller) {
        requireName(name);
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.SNAPSHOT, organization, organization, "taking a snapshot of",
                null);
        // Read before the gate, on a connection of its own: the gate's transaction holds one already.
        List<io.seedreset.pack.Persona> logins = personas.apply(organization);
        return gate.enterInOneSnapshot(mutation, caller, inside -> {
            if (StoredSnapshots.find(inside.connection(), inside.organization().id(), name, false).isPresent()) {
                throw new SeedResetException(Reason.ALREADY_EXISTS, "organization '" + inside.organization().slug() + "' already has a snapshot named '"
                        + name + "'", Map.of(SeedResetException.ORGANIZATION, inside.organization().slug(), SeedResetException.VALUE, name));
            }
            SnapshotInfo info = info(capture(inside, name, "manual", logins));
            return new MutationGate.Attempt<>(info, AuditOutcome.SUCCEEDED, null, "snapshot '" + name + "': " + info.rows() + " rows, "
                    + info.bytes() + " bytes");
        });
    }

    /**
     * The backup an apply or a reset takes first: a snapshot of kind {@code backup}, in its own
     * transaction, then the oldest backups beyond the ones kept are deleted. Nothing when backups are
     * switched off (none kept), the organization is production or the confirmation is not its slug:
     * the operation itself then refuses and audits that, and bad input must leave nothing behind.
     */
    Optional<SnapshotInfo> backup(String organization, String confirmation, String before, Caller caller) {
        if (backupsKept == 0 || !organization.equals(confirmation)) {
            return Optional.empty();
        }
        Organization found = connections.withConnection(false, c -> Organizations.require(c, organization));
        if (found.production()) {
            return Optional.empty();
        }
        String time = "backup-" + BACKUP_TIME.format(clock.instant()) + "-" + before;
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.SNAPSHOT, organization, organization, "taking a snapshot of",
                null);
        List<io.seedreset.pack.Persona> logins = personas.apply(organization);
        return Optional.of(gate.enterInOneSnapshot(mutation, caller, inside -> {
            // Two backups in one millisecond (or under a fixed clock) get -2, -3, ...
            String name = time;
            for (int n = 2; StoredSnapshots.find(inside.connection(), inside.organization().id(), name, false).isPresent(); n++) {
                name = time + "-" + n;
            }
            SnapshotInfo info = info(capture(inside, name, "backup", logins));
            List<String> rotated = StoredSnapshots.rotate(inside.connection(), inside.organization().id(), backupsKept);
            return new MutationGate.Attempt<>(info, AuditOutcome.SUCCEEDED, null, "backup '" + name + "' before " + before + ": " + info.rows()
                    + " rows" + (rotated.isEmpty() ? "" : "; deleted older backups " + String.join(", ", rotated)));
        }));
    }

    private StoredSnapshots.Stored capture(MutationGate.Inside inside, String name, String kind, List<io.seedreset.pack.Persona> logins)
            throws SQLException {
        inside.caller().progress().start("snapshot " + inside.organization().slug());
        try {
            return StoredSnapshots.capture(inside.connection(), inside.schema(), inside.organization().id(), inside.organization().tenantKey(),
                    inside.organization().slug(), name,
                    kind, SchemaMigrator.version(inside.connection()), inside.caller().actor(), clock.instant(),
                    logins);
        } finally {
            inside.caller().progress().finish();
        }
    }

    List<SnapshotInfo> list(String organization) {
        return connections.withConnection(false, connection -> {
            UUID id = organization == null ? null : Organizations.require(connection, organization).id();
            return StoredSnapshots.list(connection, id).stream().map(SnapshotOperation::info).toList();
        });
    }

    /** Writes a stored snapshot as a portable file. Reads only; production organizations have no snapshots. */
    void export(String organization, String name, OutputStream out) {
        connections.withConnection(false, connection -> {
            Organization found = Organizations.require(connection, organization);
            StoredSnapshots.Stored stored = require(connection, found, name, false);
            try {
                SnapshotFile.write(stored.manifest(), table -> StoredSnapshots.table(connection, stored.id(), table.table()), out);
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new SeedResetException(Reason.FILE_ERROR, "writing snapshot '" + name + "' failed: " + e.getMessage(), Map.of(), e);
            }
            return null;
        });
    }

    /** Deletes a stored snapshot; refused while it is a baseline. Needs the organization's slug typed, as deleting a backup loses it. */
    SnapshotInfo delete(String organization, String name, String confirmation, Caller caller) {
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.SNAPSHOT_DELETE, organization, confirmation,
                "deleting a snapshot of", null);
        return gate.enter(mutation, caller, inside -> {
            StoredSnapshots.Stored stored = require(inside.connection(), inside.organization(), name, true);
            if (stored.baseline()) {
                throw new SeedResetException(Reason.SNAPSHOT_IN_USE, "snapshot '" + name + "' is a baseline: clear or change the baseline first",
                        Map.of(SeedResetException.ORGANIZATION, inside.organization().slug(), SeedResetException.SNAPSHOT, name));
            }
            if (StoredSnapshots.restoredByActiveApplication(inside.connection(), stored.id())) {
                throw new SeedResetException(Reason.SNAPSHOT_IN_USE, "snapshot '" + name + "' is restored in an organization, whose reset would"
                        + " restore it again: tear that down or reset it to something else first",
                        Map.of(SeedResetException.ORGANIZATION, inside.organization().slug(), SeedResetException.SNAPSHOT, name));
            }
            StoredSnapshots.delete(inside.connection(), stored.id());
            return new MutationGate.Attempt<>(info(stored), AuditOutcome.SUCCEEDED, null, "deleted snapshot '" + name + "'");
        });
    }

    RestoreResult restore(RestoreRequest request, Caller caller) {
        requireSource(request);
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.RESTORE, request.organization(), request.confirmation(),
                "restoring a snapshot into", null);
        return gate.enter(mutation, caller, inside -> {
            RestoreResult result = restore(inside, request);
            return new MutationGate.Attempt<>(result, AuditOutcome.SUCCEEDED, result.application(), "restored '" + result.source() + "': deleted "
                    + result.deletedRows() + " rows, wrote " + result.restoredRows());
        });
    }

    /** The restore's own code behind the same gate, rolled back: a preview that cannot disagree with the restore. */
    RemovalPreview preview(RestoreRequest request, Caller caller) {
        requireSource(request);
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.RESTORE, request.organization(), request.organization(),
                "restoring a snapshot into", null);
        return gate.enter(mutation, caller, inside -> {
            try {
                Map<String, Long> unseeded = Removal.unseededRows(inside.connection(), inside.schema(), inside.organization().id());
                RestoreResult result = restore(inside, request);
                RemovalPreview preview = new RemovalPreview("restore", inside.organization().slug(), result.replaced(), result.deleted(),
                        Map.of(), result.restored(), Map.of(), unseeded, null);
                return new MutationGate.Attempt<>(preview, AuditOutcome.UNCHANGED, null, "dry run: restoring '" + result.source()
                        + "' would delete " + preview.deletedRows() + " rows (" + preview.unseededRows() + " not seeded), write "
                        + preview.writtenRows() + " rows; nothing written");
            } finally {
                inside.connection().rollback();
            }
        });
    }

    /**
     * Empties the organization and loads the snapshot, in the gate's transaction. A file is first kept
     * as a snapshot of the organization (under the name in its manifest), so that a reset can restore
     * it again; restoring the same file twice reuses it.
     */
    RestoreResult restore(MutationGate.Inside inside, RestoreRequest request) throws SQLException {
        long started = System.nanoTime();
        Connection connection = inside.connection();
        Organization organization = inside.organization();
        String source = request.source();
        try {
            StoredSnapshots.Stored stored;
            if (request.file() != null) {
                try (InputStream in = open(request)) {
                    SnapshotFile.Reader reader = SnapshotFile.Reader.open(in, source);
                    Manifest manifest = reader.manifest();
                    requireName(manifest.name());
                    SnapshotLoad.requireRestorable(connection, inside.schema(), manifest, source);
                    Optional<StoredSnapshots.Stored> existing = StoredSnapshots.find(connection, organization.id(), manifest.name(), true);
                    if (existing.isPresent() && !existing.get().manifest().tables().equals(manifest.tables())) {
                        throw new SeedResetException(Reason.ALREADY_EXISTS, "organization '" + organization.slug() + "' already has another snapshot named '"
                                + manifest.name() + "' (the name in " + source + "): delete it first",
                                Map.of(SeedResetException.ORGANIZATION, organization.slug(), SeedResetException.VALUE, manifest.name()));
                    }
                    if (existing.isPresent()) {
                        // The same rows (the manifest's checksums), already kept; the file must still be whole.
                        reader.verifyAll();
                        stored = existing.get();
                    } else {
                        stored = StoredSnapshots.store(connection, organization.id(), organization.slug(), manifest, reader::next);
                        reader.finish();
                    }
                }
            } else {
                Organization owner = request.snapshotOrganization() == null ? organization
                        : Organizations.require(connection, request.snapshotOrganization());
                stored = require(connection, owner, request.snapshot(), true);
            }
            return load(inside, stored, source, started);
        } catch (SnapshotFile.Invalid e) {
            throw invalid(source, e.getMessage());
        } catch (IOException e) {
            throw invalid(source, source + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Returns the organization to the snapshot its only active application restored, changing only the
     * rows that differ ({@link SnapshotRefresh}); the application stays, as the ledger already records
     * exactly the snapshot's rows. Empty when the organization holds anything else (a pack or a scenario
     * applied since) or the database refuses the changes (rolled back): then the caller restores.
     */
    Optional<RestoreResult> refresh(MutationGate.Inside inside, UUID snapshotId, List<ApplicationRecord> active) throws SQLException {
        if (active.size() != 1 || active.get(0).source() != ApplicationRecord.Source.SNAPSHOT
                || !snapshotId.toString().equals(String.valueOf(active.get(0).parameters().get("snapshotId")))) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        Connection connection = inside.connection();
        Optional<StoredSnapshots.Stored> found = StoredSnapshots.find(connection, snapshotId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredSnapshots.Stored stored = found.get();
        java.sql.Savepoint before = connection.setSavepoint();
        try {
            SnapshotLoad.requireRestorable(connection, inside.schema(), stored.manifest(), stored.name());
            SnapshotRefresh.Refreshed refreshed = SnapshotRefresh.refresh(connection, inside.schema(), stored.manifest(),
                    table -> StoredSnapshots.table(connection, stored.id(), table.table()), inside.organization().id(),
                    inside.organization().tenantKey());
            connection.releaseSavepoint(before);
            return Optional.of(new RestoreResult(inside.organization().slug(), stored.name(), active.get(0).id(), List.of(),
                    refreshed.deleted(), refreshed.written(), Duration.ofNanos(System.nanoTime() - started)));
        } catch (SQLException | IOException e) {
            // A row people made stands in the way (a unique value, say), or the snapshot does not fit: restore the slow way.
            connection.rollback(before);
            return Optional.empty();
        }
    }

    /** Restores a stored snapshot again (a reset's baseline, or a snapshot an earlier restore loaded), in the gate's transaction. */
    RestoreResult restoreAgain(MutationGate.Inside inside, UUID snapshotId) throws SQLException {
        // Deleting a snapshot is refused while it is a baseline or an active application's, and both are locked here.
        StoredSnapshots.Stored stored = StoredSnapshots.find(inside.connection(), snapshotId).orElseThrow(() -> new SeedResetException(
                Reason.UNKNOWN_SNAPSHOT, "snapshot " + snapshotId + " no longer exists", Map.of(SeedResetException.SNAPSHOT, snapshotId.toString())));
        try {
            return load(inside, stored, stored.name(), System.nanoTime());
        } catch (SnapshotFile.Invalid e) {
            throw invalid(stored.name(), e.getMessage());
        } catch (IOException e) {
            throw invalid(stored.name(), "snapshot '" + stored.name() + "' cannot be read: " + e.getMessage());
        }
    }

    private RestoreResult load(MutationGate.Inside inside, StoredSnapshots.Stored stored, String source, long started)
            throws SQLException, IOException {
        Connection connection = inside.connection();
        Organization organization = inside.organization();
        Manifest manifest = stored.manifest();
        SnapshotLoad.requireRestorable(connection, inside.schema(), manifest, source);
        List<ApplicationRecord> previous = Applications.active(connection, organization.id());
        inside.caller().progress().start("restore " + organization.slug());
        try {
            Map<String, Long> deleted = Removal.everyRow(connection, inside.schema(), organization.id(), inside.caller().progress());
            Applications.markRemoved(connection, previous.stream().map(ApplicationRecord::id).toList(), inside.caller().actor(),
                    ApplicationRecord.Removal.RESTORE);
            UUID application = inside.newApplication();
            Applications.insert(connection, ApplicationRecord.Source.SNAPSHOT, application, organization.id(), "snapshot:" + stored.name(),
                    manifest.schemaVersion(), "snapshot", List.of(), Map.of("snapshot", stored.name(), "snapshotId", stored.id().toString(),
                            "takenFrom", manifest.takenFrom()), 0L, manifest.takenAt(), inside.caller().actor(), clock.instant());
            Map<String, Long> restored = SnapshotLoad.load(connection, inside.schema(), source, manifest,
                    table -> StoredSnapshots.table(connection, stored.id(), table.table()), organization.id(), organization.tenantKey(), application,
                    inside.caller().progress());
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            Applications.complete(connection, application, restored, "", duration.toMillis());
            return new RestoreResult(organization.slug(), source, application, previous.stream().map(ApplicationRecord::id).toList(), deleted,
                    restored, duration);
        } finally {
            inside.caller().progress().finish();
        }
    }

    private static InputStream open(RestoreRequest request) throws IOException {
        try {
            return Files.newInputStream(request.file());
        } catch (NoSuchFileException e) {
            throw new SeedResetException(Reason.INVALID_VALUE, "snapshot file " + request.file() + " does not exist",
                    Map.of(SeedResetException.VALUE, String.valueOf(request.file())));
        }
    }

    private static SeedResetException invalid(String source, String message) {
        return new SeedResetException(Reason.INVALID_SNAPSHOT, message + "; nothing was restored", Map.of(SeedResetException.VALUE, source));
    }

    /** Sets (or, with a null name, clears) the snapshot the organization's reset returns it to. */
    Optional<SnapshotInfo> setBaseline(String organization, String confirmation, String name, Caller caller) {
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.BASELINE, organization, confirmation,
                "setting the baseline of", null);
        return gate.enter(mutation, caller, inside -> {
            Connection connection = inside.connection();
            try (PreparedStatement clear = connection.prepareStatement("DELETE FROM platform.baselines WHERE org_id = ?")) {
                clear.setObject(1, inside.organization().id());
                clear.executeUpdate();
            }
            if (name == null) {
                return new MutationGate.Attempt<>(Optional.<SnapshotInfo>empty(), AuditOutcome.SUCCEEDED, null,
                        "baseline cleared: reset re-applies the packs");
            }
            StoredSnapshots.Stored stored = require(connection, inside.organization(), name, true);
            try (PreparedStatement set = connection.prepareStatement(
                    "INSERT INTO platform.baselines (org_id, snapshot_id, set_at, set_by) VALUES (?, ?, ?, ?)")) {
                set.setObject(1, inside.organization().id());
                set.setObject(2, stored.id());
                set.setTimestamp(3, Timestamp.from(clock.instant()));
                set.setString(4, inside.caller().actor());
                set.executeUpdate();
            }
            SnapshotInfo info = info(new StoredSnapshots.Stored(stored.id(), stored.organizationId(), stored.organization(), stored.name(),
                    stored.kind(), stored.manifest(), stored.bytes(), true));
            return new MutationGate.Attempt<>(Optional.of(info), AuditOutcome.SUCCEEDED, null, "baseline: snapshot '" + name + "'");
        });
    }

    /** The snapshot the organization resets to, if it has one. */
    Optional<SnapshotInfo> baseline(String organization) {
        return connections.withConnection(false, connection -> StoredSnapshots.baseline(connection,
                Organizations.require(connection, organization).id()).map(SnapshotOperation::info));
    }

    private static StoredSnapshots.Stored require(Connection connection, Organization organization, String name, boolean lock)
            throws SQLException {
        return StoredSnapshots.find(connection, organization.id(), name, lock).orElseThrow(() -> new SeedResetException(Reason.UNKNOWN_SNAPSHOT,
                "organization '" + organization.slug() + "' has no snapshot named '" + name + "'",
                Map.of(SeedResetException.ORGANIZATION, organization.slug(), SeedResetException.SNAPSHOT, String.valueOf(name))));
    }

    private static void requireSource(RestoreRequest request) {
        if ((request.file() == null) == (request.snapshot() == null)) {
            throw new SeedResetException(Reason.INVALID_VALUE, "a restore takes either a snapshot's name or a snapshot file");
        }
        if (request.snapshot() != null) {
            requireName(request.snapshot());
        }
    }

    static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SeedResetException(Reason.INVALID_VALUE, "snapshot name '" + name + "' is not 1-63 lowercase letters, digits, '.', '_' or '-'"
                    + " starting with a letter or digit", Map.of(SeedResetException.VALUE, String.valueOf(name)));
        }
    }

    static SnapshotInfo info(StoredSnapshots.Stored stored) {
        Manifest manifest = stored.manifest();
        return new SnapshotInfo(stored.id(), stored.organization(), stored.name(), stored.kind(), manifest.schemaVersion(), manifest.takenAt(),
                manifest.takenBy(), manifest.counts(), stored.bytes(), stored.baseline());
    }
}
