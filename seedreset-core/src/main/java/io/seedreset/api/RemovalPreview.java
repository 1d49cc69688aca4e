package io.seedreset.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a teardown or a reset would do, without doing it ({@link SeedReset#previewTeardown},
 * {@link SeedReset#previewReset}, the CLI's {@code --dry-run}). The preview runs the operation's own
 * code in a transaction that is rolled back, so it cannot disagree with the real thing; tenant rows
 * and the ledger are left as they were. The attempt is audited (every attempt is), as the operation
 * with outcome {@code unchanged} and a message starting with {@code dry run:}.
 *
 * @param operation    {@code teardown} or {@code reset}
 * @param applications the applications the operation would remove (all active ones for a reset)
 * @param deleted      rows that would be deleted, per table: the ledger's rows for a teardown; every
 *                     row of the organization for a reset, rows people created included. For a teardown
 *                     that would be refused, the ledger's rows of the applications, per table
 * @param restored     rows a scenario updated that would be put back as they were, per table (teardown)
 * @param written      rows the re-applied packs would write, per table (reset)
 * @param updated      rows the re-applied scenarios would update, per table (reset)
 * @param unseeded     rows people created (not in the ledger), per table: a reset deletes them, a
 *                     teardown leaves them, and refuses when one references a seeded row
 * @param refusal      the message the real operation would refuse with, or null when it would run
 */
public record RemovalPreview(String operation, String organization, List<UUID> applications,
                             Map<String, Long> deleted, Map<String, Long> restored, Map<String, Long> written,
                             Map<String, Long> updated, Map<String, Long> unseeded, String refusal) {

    public RemovalPreview {
        applications = List.copyOf(applications);
        deleted = Sorted.byKey(deleted);
        restored = Sorted.byKey(restored);
        written = Sorted.byKey(written);
        updated = Sorted.byKey(updated);
        unseeded = Sorted.byKey(unseeded);
    }

    public boolean refused() {
        return refusal != null;
    }

    public long deletedRows() {
        return sum(deleted);
    }

    public long restoredRows() {
        return sum(restored);
    }

    public long writtenRows() {
        return sum(written);
    }

    public long unseededRows() {
        return sum(unseeded);
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
