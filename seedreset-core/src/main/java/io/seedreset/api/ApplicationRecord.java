package io.seedreset.api;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One row of {@code platform.seed_applications}.
 *
 * @param removal null while the application's rows are in place; otherwise teardown, reset or replace
 */
public record ApplicationRecord(UUID id, String organization, String packId, String packVersion, String mode,
                                Map<String, Object> parameters, long seed, Instant anchor, String actor,
                                Instant appliedAt, Map<String, Long> counts, String planHash, long durationMillis,
                                Instant removedAt, String removedBy, String removal) {

    public ApplicationRecord {
        // Sorted by name, as plan and apply list them (the database keeps JSON keys in its own order).
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public boolean active() {
        return removedAt == null;
    }
}
