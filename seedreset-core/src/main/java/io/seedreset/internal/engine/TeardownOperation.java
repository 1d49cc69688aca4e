package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.Organization;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.TeardownResult;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.ledger.Removal;
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
            long started = System.nanoTime();
            Organization organization = inside.organization();
            List<ApplicationRecord> active = Applications.active(inside.connection(), organization.id());
            List<UUID> targets = new ArrayList<>();
            for (ApplicationRecord record : active) {
                if (request.application() == null || record.id().equals(request.application())) {
                    targets.add(record.id());
                }
            }
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
            TeardownResult result = new TeardownResult(organization.slug(), targets, removed.deleted(), removed.restored(),
                    Duration.ofNanos(System.nanoTime() - started));
            return new MutationGate.Attempt<>(result, targets.isEmpty() ? AuditOutcome.UNCHANGED : AuditOutcome.SUCCEEDED,
                    targets.size() == 1 ? targets.get(0) : null,
                    "removed " + result.totalRows() + " rows of " + targets.size() + " application(s)"
                            + (result.restored().isEmpty() ? "" : ", restored " + result.restored().values().stream()
                            .mapToLong(Long::longValue).sum() + " changed rows"));
        });
    }
}
