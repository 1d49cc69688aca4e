package io.seedreset.api;

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
 * @param replaced the applications that {@code --replace} tore down
 */
public record ApplyResult(Status status, UUID applicationId, String packId, String packVersion, String organization,
                          String mode, Map<String, Object> parameters, long seed, Instant anchor,
                          Map<String, Long> counts, String planHash, Duration duration, List<UUID> replaced) {

    public enum Status { APPLIED, REPLACED, UNCHANGED }

    public ApplyResult {
        parameters = Map.copyOf(parameters);
        replaced = List.copyOf(replaced);
    }

    public long totalRows() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
