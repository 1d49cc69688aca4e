package io.seedreset.api;

import io.seedreset.pack.Persona;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What apply would write, computed by the same pack code against a recording sink.
 *
 * @param modules  the pack's modules
 * @param selectedModules the modules the plan is limited to (rows of the others are left out), in the pack's order;
 *                        empty for the whole pack
 * @param counts   rows per table, sorted by table name
 * @param updates  existing rows per table the pack would change (scenarios); teardown restores them
 * @param samples  the first rows of each table (column to rendered value), at most three per table
 * @param totals   the pack's expected totals
 * @param planHash a digest of every row; {@code apply --plan-hash} refuses if it would write other rows
 * @param appliedAs the active application that already holds this plan, so that apply would change nothing
 *                  (its anchor and hash are the plan's; for a scenario, whose rows it has changed since, so are its
 *                  counts, and samples, totals and updates are empty); or null
 * @param replaces  active applications of this pack with another version, mode, parameters, seed or anchor,
 *                  which apply tears down only when asked to replace them
 */
public record PlanResult(String packId, String packVersion, List<String> modules, List<String> selectedModules, String organization, String mode,
                         Map<String, Object> parameters, long seed, Instant anchor, Map<String, Long> counts,
                         Map<String, Long> updates, Map<String, List<Map<String, String>>> samples,
                         Map<String, BigDecimal> totals, List<Persona> personas, String planHash, UUID appliedAs,
                         List<UUID> replaces) {

    public PlanResult {
        modules = List.copyOf(modules);
        selectedModules = List.copyOf(selectedModules);
        replaces = List.copyOf(replaces);
        // Sorted by name, so every front end lists them in one order.
        parameters = Sorted.byKey(parameters);
        counts = Sorted.byKey(counts);
        updates = Sorted.byKey(updates);
        samples = Sorted.byKey(samples);
        totals = Sorted.byKey(totals);
        personas = List.copyOf(personas);
    }

    public long totalRows() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
