package io.seedreset.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a restore did.
 *
 * @param source      the snapshot's name, or the file's name
 * @param application the application that records the restored rows in the ledger (teardown and reset work on them)
 * @param replaced    the applications whose rows the restore removed
 * @param deleted     rows deleted first, per table (everything the organization held, rows people created included)
 * @param restored    rows written, per table
 */
public record RestoreResult(String organization, String source, UUID application, List<UUID> replaced, Map<String, Long> deleted,
                            Map<String, Long> restored, Duration duration) {

    public RestoreResult {
        replaced = List.copyOf(replaced);
        deleted = Sorted.byKey(deleted);
        restored = Sorted.byKey(restored);
    }

    public long deletedRows() {
        return deleted.values().stream().mapToLong(Long::longValue).sum();
    }

    public long restoredRows() {
        return restored.values().stream().mapToLong(Long::longValue).sum();
    }
}
