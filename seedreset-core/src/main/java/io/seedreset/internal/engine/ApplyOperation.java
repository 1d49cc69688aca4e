package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.Organization;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.ledger.Removal;
import io.seedreset.internal.sink.RecordingSink;
import io.seedreset.internal.sink.TenantQueries;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Persona;
import io.seedreset.pack.TenantReader;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Apply: one pack to one organization in one transaction. The same pack, version, mode,
 * parameters and seed (and anchor, when one is given) again is a no-op; anything else already
 * applied needs {@code replace}, which tears it down first in the same transaction.
 */
final class ApplyOperation {

    private final PackRegistry packs;
    private final Clock clock;
    private final MutationGate gate;
    private final ApplicationWriter writer;

    ApplyOperation(PackRegistry packs, Clock clock, MutationGate gate, ApplicationWriter writer) {
        this.packs = packs;
        this.clock = clock;
        this.gate = gate;
        this.writer = writer;
    }

    ApplyResult run(ApplyRequest request, Caller caller) {
        ResolvedPack requested = ResolvedPack.resolve(packs, request.pack(), clock);
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.APPLY, request.pack().organization(), request.confirmation(),
                "applying to", requested.descriptor());
        return gate.enter(mutation, caller, inside -> {
            Organization organization = inside.organization();
            List<ApplicationRecord> active = Applications.active(inside.connection(), organization.id());
            Map<String, Long> requiredSeeds = Scenarios.requiredSeeds(Scenarios.seedsOf(active), organization, requested.descriptor());
            PackParts parts = PackParts.of(Scenarios.onRequiredAnchor(requested, active), active);
            ResolvedPack resolved = parts.resolved();
            ApplicationRecord existing = parts.same();
            if (existing != null) {
                if (request.planHash() != null && !request.planHash().equals(existing.planHash())) {
                    throw new SeedResetException(Reason.PLAN_CHANGED, "pack '" + existing.packId() + "' is already applied to '" + organization.slug()
                            + "' with plan hash " + existing.planHash() + ", not the reviewed " + request.planHash()
                            + ": plan again with the application's seed and anchor, or replace it",
                            Map.of(SeedResetException.ORGANIZATION, organization.slug(), SeedResetException.PACK, existing.packId(),
                                    SeedResetException.APPLICATION, existing.id().toString(),
                                    SeedResetException.PLAN_HASH, existing.planHash(), SeedResetException.REVIEWED_PLAN_HASH, request.planHash()));
                }
                return unchanged(inside, resolved.withAnchor(existing.anchor()), existing, requiredSeeds);
            }
            List<UUID> replaced = new ArrayList<>();
            for (ApplicationRecord inTheWay : parts.inTheWay()) {
                if (!request.replace()) {
                    throw alreadyApplied(parts, inTheWay, organization);
                }
                replaced.add(inTheWay.id());
            }
            parts.requireReferencedModules(inside.schema(), organization);
            if (!replaced.isEmpty()) {
                Scenarios.refuseRemovingRequired(packs, active, replaced);
                Removal.seededRows(inside.connection(), inside.schema(), organization.id(), replaced, caller.progress());
                Applications.markRemoved(inside.connection(), replaced, caller.actor(), ApplicationRecord.Removal.REPLACE);
            }
            ApplyResult result = writer.write(inside, resolved, requiredSeeds, request.planHash(), replaced);
            return new MutationGate.Attempt<>(result, AuditOutcome.SUCCEEDED, result.applicationId(), summary(result));
        });
    }

    /** The pack is applied with other arguments, or (applied in parts) some of the requested modules are. */
    private static SeedResetException alreadyApplied(PackParts parts, ApplicationRecord existing, Organization organization) {
        Map<String, String> details = Map.of(SeedResetException.ORGANIZATION, organization.slug(), SeedResetException.PACK, existing.packId(),
                SeedResetException.APPLICATION, existing.id().toString());
        if (!parts.sameArguments(existing)) {
            return new SeedResetException(Reason.ALREADY_APPLIED, "pack '" + existing.packId() + "' " + existing.packVersion()
                    + " is already applied to '" + organization.slug() + "' with another version, mode, parameters, seed or anchor (application "
                    + existing.id() + ")", details);
        }
        List<String> theirs = parts.resolved().coveredModules(existing);
        List<String> both = parts.resolved().coveredModules().stream().filter(theirs::contains).toList();
        return new SeedResetException(Reason.ALREADY_APPLIED, (both.size() == 1 ? "module '" : "modules '") + String.join("', '", both)
                + "' of pack '" + existing.packId() + "' " + (both.size() == 1 ? "is" : "are") + " already applied to '" + organization.slug()
                + "' (application " + existing.id() + ", modules " + String.join(", ", theirs) + ")", details);
    }

    private static MutationGate.Attempt<ApplyResult> unchanged(MutationGate.Inside inside, ResolvedPack resolved, ApplicationRecord existing,
                                                               Map<String, Long> requiredSeeds) {
        ApplyResult result = new ApplyResult(ApplyResult.Status.UNCHANGED, existing.id(), existing.packId(),
                existing.packVersion(), existing.organization(), existing.mode(), existing.selectedModules(), resolved.parameters(), existing.seed(),
                existing.anchor(), existing.counts(), Map.of(), personasOf(inside, resolved, requiredSeeds),
                existing.planHash(), Duration.ZERO, List.of(), null);
        return new MutationGate.Attempt<>(result, AuditOutcome.UNCHANGED, existing.id(), "already applied as application " + existing.id());
    }

    /**
     * The logins an application already in place created: the pack's, or, for a part, those whose rows the part
     * holds, which only running the pack again (writing nothing) tells, as apply and plan tell it.
     */
    private static List<Persona> personasOf(MutationGate.Inside inside, ResolvedPack resolved, Map<String, Long> requiredSeeds) {
        if (resolved.selectedModules().isEmpty()) {
            return resolved.pack().personas(resolved.context(requiredSeeds, TenantReader.NONE));
        }
        String organization = inside.organization().tenantKey();
        RecordingSink sink = new RecordingSink(resolved.descriptor().id(), inside.schema(), organization, resolved.pack().totals(),
                resolved.selectedModules());
        PackContext context = resolved.context(requiredSeeds, (sql, parameters) -> {
            try {
                return TenantQueries.query(inside.connection(), inside.schema().tenantLiteral(organization), sql, parameters);
            } catch (SQLException e) {
                throw TenantQueries.failed(resolved.descriptor().id(), e);
            }
        });
        ApplicationWriter.watchPersonas(resolved, context, sink);
        ApplicationWriter.generate(resolved, context, sink);
        return ApplicationWriter.personas(resolved, context, sink);
    }

    private static String summary(ApplyResult result) {
        long changed = result.updates().values().stream().mapToLong(Long::longValue).sum();
        return "wrote " + result.totalRows() + " rows in " + result.counts().size() + " table(s)"
                + (changed == 0 ? "" : ", changed " + changed + " rows");
    }
}
