package io.seedreset.api;

/**
 * A page of history: at most {@code limit} applications and {@code limit} audit entries, newest
 * first, of one organization (or of all when {@code organization} is null), older than the
 * application numbered {@code beforeApplication} and the entry numbered {@code beforeEntry}
 * when they are given. {@link HistoryResult#next()} is the request for the page after.
 */
public record HistoryRequest(String organization, int limit, Long beforeApplication, Long beforeEntry) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public HistoryRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "a history page holds 1 to " + MAX_LIMIT + " entries, not " + limit);
        }
    }

    public static HistoryRequest of(String organization) {
        return new HistoryRequest(organization, DEFAULT_LIMIT, null, null);
    }

    public HistoryRequest limit(int newLimit) {
        return new HistoryRequest(organization, newLimit, beforeApplication, beforeEntry);
    }

    /** Only audit entries older than this one (their ids are in {@link AuditEntry#id()}). */
    public HistoryRequest beforeEntry(long entry) {
        return new HistoryRequest(organization, limit, beforeApplication, entry);
    }
}
