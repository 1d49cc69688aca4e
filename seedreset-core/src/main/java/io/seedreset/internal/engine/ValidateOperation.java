package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.Organization;
import io.seedreset.api.ValidationResult;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.organization.Organizations;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.pack.SeedPack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validate: the rules of every pack applied to the organization, each reported. Reads only.
 * Production organizations are refused and audited like every seed operation: no pack is ever
 * applied there, so "all rules hold" would be misleading.
 */
final class ValidateOperation {

    private final PackRegistry packs;
    private final Connections connections;
    private final MutationGate gate;

    ValidateOperation(PackRegistry packs, Connections connections, MutationGate gate) {
        this.packs = packs;
        this.connections = connections;
        this.gate = gate;
    }

    ValidationResult run(String organization, Caller caller) {
        Organization found = connections.withConnection(false, c -> Organizations.require(c, organization));
        gate.refuseProduction(AuditOperation.VALIDATE, found, null, caller);
        return connections.withConnection(false, connection -> {
            List<ValidationResult.Rule> rules = new ArrayList<>();
            Set<String> validated = new HashSet<>();
            for (ApplicationRecord record : Applications.active(connection, found.id())) {
                if (record.source() != ApplicationRecord.Source.PACK) {
                    // A snapshot, an import or synthetic activity has no rules of its own; the packs' rules hold what they cover.
                    continue;
                }
                if (!validated.add(record.packId())) {
                    // A pack applied in parts: its rules cover every part at once.
                    continue;
                }
                SeedPack pack = packs.find(record.packId()).orElse(null);
                if (pack == null) {
                    rules.add(new ValidationResult.Rule(record.packId(), "pack-installed", List.of("pack '" + record.packId()
                            + "' (application " + record.id() + ") is not installed here, so its rules could not run")));
                    continue;
                }
                rules.addAll(Validation.report(connection, List.of(pack), TenantSchema.load(connection).tenantLiteral(found.tenantKey())));
            }
            return new ValidationResult(found.slug(), rules);
        });
    }
}
