package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.Organization;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.RemovalPreview;
import io.seedreset.api.ResetResult;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.ledger.Removal;
import io.seedreset.internal.snapshot.StoredSnapshots;
import io.seedreset.api.RestoreResult;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reset: every row of the organization goes, in every tenant table, and its packs are applied
 * again in the order they were applied, with their mode, parameters and seed, in one transaction.
 */
final class ResetOperation {

    private final PackRegistry packs;
    private final Clock clock;
    private final MutationGate gate;
    private final ApplicationWriter writer;

    private final SnapshotOperation snapshots;

    ResetOperation(PackRegistry packs, Clock clock, MutationGate gate, ApplicationWriter writer, SnapshotOperation snapshots) {
        this.snapshots = snapshots;
        this.packs = packs;
        this.clock = clock;
        this.gate = gate;
        this.writer = writer;
    }

    ResetResult run(ResetRequest request, Caller caller) {
        String backup = snapshots.backup(request.organization(), request.confirmation(), "reset", caller).map(io.seedreset.api.SnapshotInfo::name).orElse(null);
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.RESET, request.organization(), request.confirmation(),
                "resetting", null);
        return gate.enter(mutation, caller, inside -> {
            ResetResult result = reset(inside, request, caller).withBackup(backup);
            return new MutationGate.Attempt<>(result, AuditOutcome.SUCCEEDED, null, "deleted " + result.deletedRows() + " rows, re-applied "
                    + result.reapplied().size() + " pack(s)" + (result.restored().isEmpty() ? "" : ", restored "
                    + result.restored().stream().map(r -> "'" + r.source() + "'").collect(java.util.stream.Collectors.joining(", ")))
                    + (backup == null ? "" : "; backup '" + backup + "'"));
        });
    }

    /**
     * The reset's own code, in its own transaction behind the same gate (production refused with the
     * same message), rolled back before the gate commits: a preview that cannot disagree with the
     * reset. The packs are written inside that transaction and rolled back with it, because a
     * scenario reads the rows its base pack wrote. No typed confirmation: a preview changes nothing.
     */
    RemovalPreview preview(ResetRequest request, Caller caller) {
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.RESET, request.organization(), request.organization(),
                "resetting", null);
        return gate.enter(mutation, caller, inside -> {
            try {
                Organization organization = inside.organization();
                Map<String, Long> unseeded = Removal.unseededRows(inside.connection(), inside.schema(), organization.id());
                List<UUID> applications = Applications.active(inside.connection(), organization.id()).stream()
                        .map(ApplicationRecord::id).toList();
                ResetResult result = reset(inside, request, caller);
                Map<String, Long> written = new LinkedHashMap<>();
                Map<String, Long> updated = new LinkedHashMap<>();
                for (ApplyResult applied : result.reapplied()) {
                    applied.counts().forEach((table, count) -> written.merge(table, count, Long::sum));
                    applied.updates().forEach((table, count) -> updated.merge(table, count, Long::sum));
                }
                for (io.seedreset.api.RestoreResult restored : result.restored()) {
                    restored.restored().forEach((table, count) -> written.merge(table, count, Long::sum));
                }
                RemovalPreview preview = new RemovalPreview("reset", organization.slug(), applications, result.deleted(), Map.of(),
                        written, updated, unseeded, null);
                return new MutationGate.Attempt<>(preview, AuditOutcome.UNCHANGED, null, "dry run: would delete " + preview.deletedRows()
                        + " rows (" + preview.unseededRows() + " not seeded), write " + preview.writtenRows() + " rows of "
                        + result.reapplied().size() + " pack(s); nothing written");
            } finally {
                inside.connection().rollback();
            }
        });
    }

    /**
     * Returns the organization to its baseline: a snapshot when it has one, else what was deliberately
     * put there, in order: packs applied again, snapshots restored again. Rows imported or simulated
     * (synthetic activity) are not put back, nor anything people created.
     */
    private ResetResult reset(MutationGate.Inside inside, ResetRequest request, Caller caller) throws java.sql.SQLException {
        long started = System.nanoTime();
        Organization organization = inside.organization();
        Optional<StoredSnapshots.Stored> baseline = StoredSnapshots.baseline(inside.connection(), organization.id());
        List<ApplicationRecord> previous = Applications.active(inside.connection(), organization.id());
        // A restore empties the organization, so a snapshot's application is always the first active one; packs may follow it.
        Optional<UUID> snapshot = baseline.map(StoredSnapshots.Stored::id).or(() -> previous.stream().findFirst()
                .filter(first -> first.source() == ApplicationRecord.Source.SNAPSHOT).map(ResetOperation::snapshotId));
        List<ResolvedPack> packsAgain = new ArrayList<>();
        for (ApplicationRecord record : baseline.isPresent() ? List.<ApplicationRecord>of() : previous) {
            if (record.source() == ApplicationRecord.Source.PACK) {
                Map<String, String> settings = new LinkedHashMap<>();
                record.parameters().forEach((k, v) -> settings.put(k, String.valueOf(v)));
                // The same modules: a pack applied in parts comes back in the same parts, in the same order.
                packsAgain.add(ResolvedPack.resolve(packs, new PackRequest(record.packId(), organization.slug(), record.mode(), record.seed(),
                        request.anchor(), settings, record.selectedModules()), clock));
            }
        }
        if (snapshot.isPresent() && packsAgain.isEmpty()) {
            // Back to the snapshot the organization was restored from, nothing applied since: only what differs changes.
            Optional<RestoreResult> refreshed = snapshots.refresh(inside, snapshot.get(), previous);
            if (refreshed.isPresent()) {
                return new ResetResult(organization.slug(), refreshed.get().deleted(), List.of(), List.of(refreshed.get()),
                        Duration.ofNanos(System.nanoTime() - started), null);
            }
        }
        caller.progress().start("reset " + organization.slug());
        Map<String, Long> deleted;
        try {
            deleted = Removal.everyRow(inside.connection(), inside.schema(), organization.id(), caller.progress());
        } finally {
            caller.progress().finish();
        }
        Applications.markRemoved(inside.connection(), previous.stream().map(ApplicationRecord::id).toList(), caller.actor(),
                ApplicationRecord.Removal.RESET);
        List<RestoreResult> restored = new ArrayList<>();
        if (snapshot.isPresent()) {
            restored.add(snapshots.restoreAgain(inside, snapshot.get()));
        }
        List<ApplyResult> reapplied = new ArrayList<>();
        Map<String, Long> replayed = new LinkedHashMap<>();
        for (ResolvedPack resolved : packsAgain) {
            Map<String, Long> requiredSeeds = Scenarios.requiredSeeds(replayed, organization, resolved.descriptor());
            reapplied.add(writer.write(inside, resolved, requiredSeeds, null, List.of()));
            replayed.put(resolved.descriptor().id(), resolved.seed());
        }
        return new ResetResult(organization.slug(), deleted, reapplied, restored, Duration.ofNanos(System.nanoTime() - started), null);
    }

    private static UUID snapshotId(ApplicationRecord restore) {
        return UUID.fromString(String.valueOf(restore.parameters().get("snapshotId")));
    }
}
