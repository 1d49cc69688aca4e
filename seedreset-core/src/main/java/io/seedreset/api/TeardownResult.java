package io.seedreset.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a teardown removed: the applications and the rows deleted per table. */
public record TeardownResult(String organization, List<UUID> applications, Map<String, Long> deleted,
                             Duration duration) {

    public TeardownResult {
        applications = List.copyOf(applications);
    }

    public long totalRows() {
        return deleted.values().stream().mapToLong(Long::longValue).sum();
    }
}
