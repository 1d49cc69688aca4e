package io.seedreset.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One attempt, from {@code platform.seed_audit}.
 *
 * @param outcome started (and never finished: the process died), succeeded, unchanged, refused or failed
 */
public record AuditEntry(long id, Instant startedAt, Instant finishedAt, String actor, String operation,
                         String organization, String packId, String packVersion, UUID applicationId,
                         String outcome, String message) {
}
