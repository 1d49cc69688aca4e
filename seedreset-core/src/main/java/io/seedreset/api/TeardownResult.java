package io.seedreset.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a teardown removed: the applications, the rows deleted per table, and the rows put back
 * as they were before a scenario changed them, per table.
 */
public record TeardownResult(String organization, List<UUID> applications, Map<String, Long> deleted,
                             Map<String, Long> restored, Duration duration) {

    public TeardownResult {
        applications = List.copyOf(applications);
        deleted = Sorted.byKey(deleted);
        restored = Sorted.byKey(restored);
    }

    public long totalRows() {
        return deleted.values().stream().mapToLong(Long::longValue).sum();
    }
}
