package io.seedreset.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A snapshot kept in the database: an organization's whole state (every tenant table, rows people
 * created included) at one moment ({@link SeedReset#createSnapshot}).
 *
 * @param organization  the organization it was taken of, which lists it and whose name it is unique in
 * @param kind          {@code manual} (someone asked for it) or {@code backup} (taken before an apply with
 *                      a backup or a reset, and rotated: the newest few per organization are kept)
 * @param schemaVersion the schema version it was taken under; it restores only under the same one
 * @param counts        rows per table (tables without rows left out)
 * @param bytes         the size of its compressed rows
 * @param baseline      some organization resets to it ({@link SeedReset#setBaseline}); it cannot be deleted
 */
public record SnapshotInfo(UUID id, String organization, String name, String kind, String schemaVersion, Instant takenAt,
                           String takenBy, Map<String, Long> counts, long bytes, boolean baseline) {

    public SnapshotInfo {
        Objects.requireNonNull(name, "name");
        counts = Sorted.byKey(counts);
    }

    public long rows() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
