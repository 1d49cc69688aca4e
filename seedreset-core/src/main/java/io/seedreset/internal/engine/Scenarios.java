package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.Organization;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.pack.PackDescriptor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What scenarios (packs that require others) ask of the operations: their required packs, anchors and dependents. */
final class Scenarios {

    private Scenarios() {
    }

    /** The seed each active application was applied with, by pack id, oldest first. */
    static Map<String, Long> seedsOf(List<ApplicationRecord> active) {
        Map<String, Long> seeds = new LinkedHashMap<>();
        active.forEach(application -> seeds.putIfAbsent(application.packId(), application.seed()));
        return seeds;
    }

    /**
     * The seed of each pack this one requires, from the packs applied before it; refuses when one
     * is not applied. Apply asks it of the organization's active applications, reset of the packs
     * it has replayed so far: one check, one message.
     */
    static Map<String, Long> requiredSeeds(Map<String, Long> applied, Organization organization, PackDescriptor descriptor) {
        Map<String, Long> seeds = new HashMap<>();
        for (String required : descriptor.requires()) {
            Long seed = applied.get(required);
            if (seed == null) {
                throw new SeedResetException(Reason.REQUIRED_PACK_MISSING, "pack '" + descriptor.id() + "' requires pack '" + required
                        + "', which is not applied to '" + organization.slug() + "': apply '" + required + "' first",
                        Map.of(SeedResetException.PACK, descriptor.id(), SeedResetException.REQUIRED_PACK, required,
                                SeedResetException.ORGANIZATION, organization.slug()));
            }
            seeds.put(required, seed);
        }
        return seeds;
    }

    /**
     * A scenario given no anchor shares the anchor of the pack it builds on, so that its "now"
     * is the now of the data it changes (a cancellation after the orders it refunds).
     */
    static ResolvedPack onRequiredAnchor(ResolvedPack resolved, List<ApplicationRecord> active) {
        if (resolved.anchorGiven() || resolved.descriptor().requires().isEmpty()) {
            return resolved;
        }
        String required = resolved.descriptor().requires().get(0);
        return active.stream().filter(a -> a.packId().equals(required)).findFirst()
                .map(a -> resolved.withAnchor(a.anchor()))
                .orElse(resolved);
    }

    /** Synthetic activity builds on the rows of the pack that posted it (its orders reference the pack's events). */
    private static boolean isActivityOf(ApplicationRecord staying, ApplicationRecord removed) {
        return staying.source() == ApplicationRecord.Source.ACTIVITY && removed.source() == ApplicationRecord.Source.PACK
                && staying.packId().equals(ActivityOperation.applicationPackId(removed.packId()));
    }

    /** Refuses to remove an application that others, staying applied, build on; names them all. */
    static void refuseRemovingRequired(PackRegistry packs, List<ApplicationRecord> active, List<UUID> removing) {
        for (ApplicationRecord removed : active) {
            if (!removing.contains(removed.id())) {
                continue;
            }
            List<ApplicationRecord> dependents = active.stream()
                    .filter(staying -> !removing.contains(staying.id()))
                    .filter(staying -> packs.find(staying.packId()).map(p -> p.descriptor().requires().contains(removed.packId()))
                            .orElse(false) || isActivityOf(staying, removed))
                    .toList();
            if (!dependents.isEmpty()) {
                String names = dependents.stream().map(d -> "'" + d.packId() + "' (application " + d.id() + ")")
                        .collect(Collectors.joining(" and "));
                String packIds = dependents.stream().map(d -> "'" + d.packId() + "'").collect(Collectors.joining(" and "));
                throw new SeedResetException(Reason.REQUIRED_BY_SCENARIO, "pack '" + removed.packId() + "' (application " + removed.id()
                        + ") is required by pack" + (dependents.size() == 1 ? " " : "s ") + names
                        + (dependents.size() == 1 ? ", which stays applied" : ", which stay applied") + ": tear down "
                        + packIds + " first, or the whole organization",
                        Map.of(SeedResetException.PACK, removed.packId(), SeedResetException.APPLICATION, removed.id().toString()));
            }
        }
    }
}
