package io.seedreset.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a reset wiped (rows per table, seeded or not) and what it put back: the packs it applied
 * again and the snapshots it restored again (the baseline, or snapshots restored before).
 *
 * @param restored the snapshots restored, in order
 * @param backup   the name of the snapshot taken first (kind {@code backup}), or null when backups are off
 */
public record ResetResult(String organization, Map<String, Long> deleted, List<ApplyResult> reapplied, List<RestoreResult> restored,
                          Duration duration, String backup) {

    public ResetResult {
        deleted = Sorted.byKey(deleted);
        reapplied = List.copyOf(reapplied);
        restored = List.copyOf(restored);
    }

    public ResetResult withBackup(String name) {
        return new ResetResult(organization, deleted, reapplied, restored, duration, name);
    }

    public long deletedRows() {
        return deleted.values().stream().mapToLong(Long::longValue).sum();
    }
}
