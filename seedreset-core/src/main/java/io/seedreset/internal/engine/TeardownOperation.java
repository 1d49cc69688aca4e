package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.Organization;
import io.seedreset.api.RemovalPreview;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.TeardownResult;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.ledger.Removal;
import java.sql.SQLException;
import java.util.Map;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Teardown: exactly the ledger's rows of one application, or of all of an organization's, after putting back the rows they changed. */
final class TeardownOperation {

    private final PackRegistry packs;
    private final MutationGate gate;

    TeardownOperation(PackRegistry packs, MutationGate gate) {
        this.packs = packs;
        this.gate = gate;
    }

    TeardownResult run(TeardownRequest request, Caller caller) {
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.TEARDOWN, request.organization(), request.confirmation(),
                "tearing down", null);
        return gate.enter(mutation, caller, inside -> {
            TeardownResult result = tearDown(inside, request, caller);
            List<UUID> targets = result.applications();
            return new MutationGate.Attempt<>(result, targets.isEmpty() ? AuditOutcome.UNCHANGED : AuditOutcome.SUCCEEDED,
                    targets.size() == 1 ? targets.get(0) : null,
                    "removed " + result.totalRows() + " rows of " + targets.size() + " application(s)"
                            + (result.restored().isEmpty() ? "" : ", restored " + result.restored().values().stream()
                            .mapToLong(Long::longValue).sum() + " changed rows"));
        });
    }

    /**
     * The teardown's own code, in its own transaction behind the same gate (production refused with the
     * same message), rolled back before the gate commits: a preview that cannot disagree with the
     * teardown. No typed confirmation: a preview changes nothing.
     */
    RemovalPreview preview(TeardownRequest request, Caller caller) {
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.TEARDOWN, request.organization(), request.organization(),
                "tearing down", null);
        return gate.enter(mutation, caller, inside -> {
            try {
                Organization organization = inside.organization();
                Map<String, Long> unseeded = Removal.unseededRows(inside.connection(), inside.schema(), organization.id());
                RemovalPreview preview;
                try {
                    TeardownResult result = tearDown(inside, request, caller);
                    preview = new RemovalPreview("teardown", organization.slug(), result.applications(), result.deleted(),
                            result.restored(), Map.of(), Map.of(), unseeded, null);
                } catch (SeedResetException e) {
                    if (e.reason() != Reason.ROWS_CHANGED && e.reason() != Reason.REQUIRED_BY_SCENARIO) {
                        throw e;
                    }
                    inside.connection().rollback();
                    List<UUID> targets = targets(inside, request);
                    preview = new RemovalPreview("teardown", organization.slug(), targets,
                            Removal.ledgerRows(inside.connection(), organization.id(), targets), Map.of(), Map.of(), Map.of(),
                            unseeded, e.getMessage());
                }
                return new MutationGate.Attempt<>(preview, AuditOutcome.UNCHANGED, null, "dry run: " + (preview.refused()
                        ? "would be refused" : "would remove " + preview.deletedRows() + " rows of " + preview.applications().size()
                        + " application(s), restore " + preview.restoredRows() + " changed rows") + "; nothing written");
            } finally {
                inside.connection().rollback();
            }
        });
    }

    private List<UUID> targets(MutationGate.Inside inside, TeardownRequest request) throws SQLException {
        List<UUID> targets = new ArrayList<>();
        for (ApplicationRecord record : Applications.active(inside.connection(), inside.organization().id())) {
            if (request.application() == null || record.id().equals(request.application())) {
                targets.add(record.id());
            }
        }
        return targets;
    }

    private TeardownResult tearDown(MutationGate.Inside inside, TeardownRequest request, Caller caller) throws SQLException {
        long started = System.nanoTime();
        Organization organization = inside.organization();
        List<ApplicationRecord> active = Applications.active(inside.connection(), organization.id());
        List<UUID> targets = targets(inside, request);
        if (request.application() != null && targets.isEmpty()) {
            throw new SeedResetException(Reason.UNKNOWN_APPLICATION, "organization '" + organization.slug() + "' has no active application "
                    + request.application(), Map.of(SeedResetException.ORGANIZATION, organization.slug(),
                            SeedResetException.APPLICATION, request.application().toString()));
        }
        Scenarios.refuseRemovingRequired(packs, active, targets);
        caller.progress().start("teardown " + organization.slug());
        Removal.Removed removed;
        try {
            removed = targets.isEmpty() ? Removal.Removed.NOTHING
                    : Removal.seededRows(inside.connection(), inside.schema(), organization.id(), targets, caller.progress());
        } finally {
            caller.progress().finish();
        }
        Applications.markRemoved(inside.connection(), targets, caller.actor(), ApplicationRecord.Removal.TEARDOWN);
        return new TeardownResult(organization.slug(), targets, removed.deleted(), removed.restored(),
                Duration.ofNanos(System.nanoTime() - started));
    }
}
