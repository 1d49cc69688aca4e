package io.seedreset.api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What synthetic activity posted: one run per pack of the organization that posts activity, in the
 * order the packs were applied.
 *
 * @param from the first day asked (UTC)
 * @param to   the last day asked: the organization's today (the engine's clock, moved by its time travel)
 */
public record ActivityResult(String organization, LocalDate from, LocalDate to, List<Run> runs, Duration duration) {

    public ActivityResult {
        runs = List.copyOf(runs);
    }

    /**
     * One pack's activity.
     *
     * @param status        {@code POSTED}, or {@code UNCHANGED} when every day asked already had its activity
     * @param applicationId the application that holds the rows; null when nothing was posted
     * @param days          the days posted (the days asked less those an active application already covers)
     * @param counts        rows written per table
     * @param updates       existing rows changed per table (tickets sold, tickets scanned in, invoices paid)
     */
    public record Run(String packId, Status status, UUID applicationId, List<LocalDate> days, Map<String, Long> counts,
                      Map<String, Long> updates) {

        public Run {
            days = List.copyOf(days);
            counts = Sorted.byKey(counts);
            updates = Sorted.byKey(updates);
        }

        public long totalRows() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        public long changedRows() {
            return updates.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public enum Status {
        POSTED,
        UNCHANGED
    }

    public long totalRows() {
        return runs.stream().mapToLong(Run::totalRows).sum();
    }

    public long changedRows() {
        return runs.stream().mapToLong(Run::changedRows).sum();
    }
}
