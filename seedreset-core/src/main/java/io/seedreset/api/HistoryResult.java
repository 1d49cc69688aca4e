package io.seedreset.api;

import java.util.List;
import java.util.Optional;

/**
 * Applications and audit entries, newest first.
 *
 * @param nextPage the request for older entries, or null when this page holds the oldest
 */
public record HistoryResult(List<ApplicationRecord> applications, List<AuditEntry> audit, HistoryRequest nextPage) {

    public HistoryResult {
        applications = List.copyOf(applications);
        audit = List.copyOf(audit);
    }

    /** The request for the page after this one, if older entries exist. */
    public Optional<HistoryRequest> next() {
        return Optional.ofNullable(nextPage);
    }
}
