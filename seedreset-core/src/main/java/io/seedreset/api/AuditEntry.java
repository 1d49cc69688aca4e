package io.seedreset.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One attempt, from {@code platform.seed_audit}.
 *
 * @param finishedAt null while the outcome is {@link AuditOutcome#STARTED}
 * @param outcome    started (and never finished: the process died), succeeded, unchanged, refused, conflict or failed
 */
public record AuditEntry(long id, Instant startedAt, Instant finishedAt, String actor, AuditOperation operation,
                         String organization, String packId, String packVersion, UUID applicationId,
                         AuditOutcome outcome, String message) {
}
