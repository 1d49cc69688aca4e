package io.seedreset.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One row of {@code platform.seed_applications}.
 *
 * @param removal  null while the application's rows are in place; otherwise teardown, reset or replace
 * @param sequence the order applications were made in, across the database (reset replays in it; history pages by it)
 */
public record ApplicationRecord(UUID id, String organization, String packId, String packVersion, String mode,
                                Map<String, Object> parameters, long seed, Instant anchor, String actor,
                                Instant appliedAt, Map<String, Long> counts, String planHash, long durationMillis,
                                Instant removedAt, String removedBy, String removal, long sequence) {

    public ApplicationRecord {
        // Sorted by name, as plan and apply list them (the database keeps JSON keys in its own order).
        parameters = Sorted.byKey(parameters);
        counts = Sorted.byKey(counts);
    }

    public boolean active() {
        return removedAt == null;
    }
}
