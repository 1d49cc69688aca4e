package io.seedreset.api;

import io.seedreset.pack.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The outcome of an apply.
 *
 * @param status   APPLIED, REPLACED (an older application of the pack was torn down first) or
 *                 UNCHANGED (the same pack, version, mode, parameters and seed were already applied)
 * @param selectedModules the modules of the pack this apply was limited to, in the pack's order; empty for the whole pack
 * @param updates  existing rows per table the pack changed (scenarios); teardown restores them
 * @param personas the logins the pack created, with their (published demo) passwords
 * @param replaced the applications that {@code --replace} tore down
 * @param backup   the name of the snapshot taken first when the request asked for one, else null
 */
public record ApplyResult(Status status, UUID applicationId, String packId, String packVersion, String organization,
                          String mode, List<String> selectedModules, Map<String, Object> parameters, long seed, Instant anchor,
                          Map<String, Long> counts, Map<String, Long> updates, List<Persona> personas,
                          String planHash, Duration duration, List<UUID> replaced, String backup) {

    public enum Status { APPLIED, REPLACED, UNCHANGED }

    public ApplyResult {
        // Sorted by name, so every front end lists them in one order.
        parameters = Sorted.byKey(parameters);
        selectedModules = List.copyOf(selectedModules);
        replaced = List.copyOf(replaced);
        counts = Sorted.byKey(counts);
        updates = Sorted.byKey(updates);
        personas = List.copyOf(personas);
    }

    public ApplyResult withBackup(String name) {
        return new ApplyResult(status, applicationId, packId, packVersion, organization, mode, selectedModules, parameters, seed, anchor,
                counts, updates, personas, planHash, duration, replaced, name);
    }

    public long totalRows() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
