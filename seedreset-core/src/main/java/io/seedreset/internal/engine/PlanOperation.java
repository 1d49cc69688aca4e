package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
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
        gate.refuseProduction("plan", organization, requested.descriptor(), caller);
        return connections.withConnection(false, connection -> {
            TenantSchema schema = TenantSchema.load(connection);
            List<ApplicationRecord> active = Applications.active(connection, organization.id());
            Map<String, Long> requiredSeeds = Scenarios.requiredSeeds(Scenarios.seedsOf(active), organization, requested.descriptor());
            ResolvedPack resolved = Scenarios.onRequiredAnchor(requested, active);
            RecordingSink sink = new RecordingSink(resolved.descriptor().id(), schema, organization.id(), resolved.pack().totals());
            PackContext context = resolved.context(requiredSeeds, (sql, parameters) -> {
                try {
                    return TenantQueries.query(connection, organization.id(), sql, parameters);
                } catch (SQLException e) {
                    throw TenantQueries.failed(resolved.descriptor().id(), e);
                }
            });
            ApplicationWriter.generate(resolved, context, sink);
            PackDescriptor descriptor = resolved.descriptor();
            return new PlanResult(descriptor.id(), descriptor.version(), descriptor.modules(), organization.slug(),
                    resolved.mode(), resolved.parameters(), resolved.seed(), resolved.anchor(), sink.counts(),
                    sink.updates(), sink.samples(), sink.totals(), resolved.pack().personas(context), sink.hash());
        });
    }
}
