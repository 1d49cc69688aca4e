package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.Organization;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.organization.Organizations;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.internal.sink.RecordingSink;
import io.seedreset.internal.sink.TenantQueries;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Plan: the pack's code run against a recording sink in a read-only transaction, so the plan cannot disagree with the apply. */
final class PlanOperation {

    private final PackRegistry packs;
    private final Clock clock;
    private final Connections connections;
    private final MutationGate gate;

    PlanOperation(PackRegistry packs, Clock clock, Connections connections, MutationGate gate) {
        this.packs = packs;
        this.clock = clock;
        this.connections = connections;
        this.gate = gate;
    }

    PlanResult run(PackRequest request, Caller caller) {
        ResolvedPack requested = ResolvedPack.resolve(packs, request, clock);
        Organization organization = connections.withConnection(false, c -> Organizations.require(c, request.organization()));
        // Previewing seeds for production is the first step towards writing them: refused and audited.
        gate.refuseProduction(AuditOperation.PLAN, organization, requested.descriptor(), caller);
        return connections.withConnection(false, connection -> {
            TenantSchema schema = TenantSchema.load(connection);
            List<ApplicationRecord> active = Applications.active(connection, organization.id());
            Map<String, Long> requiredSeeds = Scenarios.requiredSeeds(Scenarios.seedsOf(active), organization, requested.descriptor());
            PackDescriptor descriptor = requested.descriptor();
            PackParts parts = PackParts.of(Scenarios.onRequiredAnchor(requested, active), active);
            ResolvedPack onAnchor = parts.resolved();
            // What apply does with these arguments: nothing when an application already matches them (its anchor
            // too, as apply compares it only when one is given), so the plan is that application's.
            ApplicationRecord same = parts.same();
            List<ApplicationRecord> applied = parts.inTheWay();
            if (same == null && !applied.isEmpty()) {
                // Applying this plan replaces those applications: refused now, as apply would refuse it, when a
                // scenario that stays applied builds on them, so that the plan never prints an apply that cannot work.
                Scenarios.refuseRemovingRequired(packs, active, applied.stream().map(ApplicationRecord::id).toList());
            }
            if (same == null) {
                // Refused as apply refuses it: a part whose rows would reference modules not applied yet.
                parts.requireReferencedModules(schema, organization);
            }
            ResolvedPack resolved = same == null ? onAnchor : onAnchor.withAnchor(same.anchor());
            RecordingSink sink = new RecordingSink(resolved.descriptor().id(), schema, organization.tenantKey(), resolved.pack().totals(),
                    resolved.selectedModules());
            PackContext context = resolved.context(requiredSeeds, (sql, parameters) -> {
                try {
                    return TenantQueries.query(connection, schema.tenantLiteral(organization.tenantKey()), sql, parameters);
                } catch (SQLException e) {
                    throw TenantQueries.failed(resolved.descriptor().id(), e);
                }
            });
            ApplicationWriter.watchPersonas(resolved, context, sink);
            ApplicationWriter.generate(resolved, context, sink);
            if (same != null && !same.planHash().equals(sink.hash())) {
                // A scenario planned again reads the rows it has already changed, so it previews other rows than
                // it wrote: show what the application holds instead.
                return new PlanResult(descriptor.id(), descriptor.version(), descriptor.modules(), resolved.selectedModules(),
                        organization.slug(), resolved.mode(), resolved.parameters(), resolved.seed(), resolved.anchor(), same.counts(),
                        Map.of(), Map.of(), Map.of(), ApplicationWriter.personas(resolved, context, sink), same.planHash(), same.id(), List.of());
            }
            return new PlanResult(descriptor.id(), descriptor.version(), descriptor.modules(), resolved.selectedModules(),
                    organization.slug(), resolved.mode(), resolved.parameters(), resolved.seed(), resolved.anchor(), sink.counts(),
                    sink.updates(), sink.samples(), sink.totals(), ApplicationWriter.personas(resolved, context, sink), sink.hash(),
                    same == null ? null : same.id(), same == null ? applied.stream().map(ApplicationRecord::id).toList() : List.of());
        });
    }
}
