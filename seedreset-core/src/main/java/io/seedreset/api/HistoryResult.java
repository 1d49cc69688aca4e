package io.seedreset.api;

import java.util.List;

/** Applications and audit entries, newest first. */
public record HistoryResult(List<ApplicationRecord> applications, List<AuditEntry> audit) {

    public HistoryResult {
        applications = List.copyOf(applications);
        audit = List.copyOf(audit);
    }
}
