package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.Organization;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.schema.TenantSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organization's active applications of one pack, seen from a request for some of its modules
 * (or all of them). A pack may be applied in parts, one application per set of modules, as long as
 * every part has the same version, mode, parameters and seed: the pack then generates the same rows
 * with the same ids each time, so a part's rows can reference the rows an earlier part wrote.
 *
 * @param resolved the request, on the anchor of the parts it builds beside when it was given none
 * @param same     the application that already holds exactly this request (arguments and modules), or null
 * @param beside   applications with the same arguments and none of the requested modules: they stay
 * @param inTheWay applications with other arguments, or with some of the requested modules: apply refuses
 *                 them unless asked to replace them
 */
record PackParts(ResolvedPack resolved, ApplicationRecord same, List<ApplicationRecord> beside, List<ApplicationRecord> inTheWay) {

    PackParts {
        beside = List.copyOf(beside);
        inTheWay = List.copyOf(inTheWay);
    }

    static PackParts of(ResolvedPack requested, List<ApplicationRecord> active) {
        ApplicationRecord same = null;
        List<ApplicationRecord> beside = new ArrayList<>();
        List<ApplicationRecord> inTheWay = new ArrayList<>();
        List<String> wanted = requested.coveredModules();
        for (ApplicationRecord existing : active) {
            if (!existing.packId().equals(requested.descriptor().id())) {
                continue;
            }
            boolean sameArguments = requested.sameAs(existing.packVersion(), existing.mode(), existing.parameters(), existing.seed(),
                    existing.anchor());
            List<String> theirs = requested.coveredModules(existing);
            if (sameArguments && theirs.equals(wanted)) {
                same = existing;
            } else if (sameArguments && Collections.disjoint(theirs, wanted)) {
                beside.add(existing);
            } else {
                inTheWay.add(existing);
            }
        }
        // The rows of this part reference the rows of the parts beside it, so they must tell the same "now"
        // (a deal opened before its event starts): without an anchor of its own, it takes theirs.
        ResolvedPack resolved = requested.anchorGiven() || beside.isEmpty() ? requested : requested.withAnchor(beside.get(0).anchor());
        return new PackParts(resolved, same, beside, inTheWay);
    }

    /** True when this application has the request's version, mode, parameters and seed (and anchor, when one was given). */
    boolean sameArguments(ApplicationRecord existing) {
        return resolved.sameAs(existing.packVersion(), existing.mode(), existing.parameters(), existing.seed(), existing.anchor());
    }

    /**
     * Refuses, before anything is written, a request limited to some modules whose tables reference tables of
     * the pack's other modules that no part beside it holds, naming each missing module and one reference to it.
     * The references are the foreign keys of the schema, so the answer is the same whatever rows the pack would
     * write; the database's own foreign keys still check each row.
     */
    void requireReferencedModules(TenantSchema schema, Organization organization) {
        List<String> selected = resolved.selectedModules();
        if (selected.isEmpty()) {
            return;
        }
        Set<String> inPlace = new HashSet<>();
        beside.forEach(part -> inPlace.addAll(resolved.coveredModules(part)));
        Map<String, String> missing = new LinkedHashMap<>();
        for (TenantSchema.ForeignKey key : schema.foreignKeys()) {
            String from = module(key.child());
            String to = module(key.parent());
            if (selected.contains(from) && !selected.contains(to) && resolved.descriptor().modules().contains(to) && !inPlace.contains(to)) {
                missing.putIfAbsent(to, key.child() + " references " + key.parent());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String packId = resolved.descriptor().id();
        String names = missing.keySet().stream().map(m -> "'" + m + "'").collect(Collectors.joining(" and "));
        throw new SeedResetException(Reason.REQUIRED_MODULE_MISSING, (missing.size() == 1 ? "module " : "modules ") + names
                + " of pack '" + packId + "' must be applied to '" + organization.slug() + "' first: " + String.join(", ", missing.values())
                + "; apply " + (missing.size() == 1 ? "it" : "them") + " with the same version, mode, parameters and seed",
                Map.of(SeedResetException.ORGANIZATION, organization.slug(), SeedResetException.PACK, packId,
                        SeedResetException.MODULE, String.join(",", missing.keySet())));
    }

    /** The module of a tenant table: its schema. */
    static String module(String table) {
        return table.substring(0, Math.max(table.indexOf('.'), 0));
    }
}
