package io.seedreset.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a reset wiped (rows per table, seeded or not) and the applications it made again. */
public record ResetResult(String organization, Map<String, Long> deleted, List<ApplyResult> reapplied,
                          Duration duration) {

    public ResetResult {
        deleted = Sorted.byKey(deleted);
        reapplied = List.copyOf(reapplied);
    }

    public long deletedRows() {
        return deleted.values().stream().mapToLong(Long::longValue).sum();
    }
}
