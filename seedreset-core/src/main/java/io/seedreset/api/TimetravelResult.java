package io.seedreset.api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What time travel did.
 *
 * @param fromMonths the months the clock was ahead before
 * @param toMonths   the months it is ahead now
 * @param today      the organization's today now
 * @param posted     going ahead: the activity posted for the days skipped, per pack
 * @param removed    going back: the activity applications torn down (they held days after the new today)
 * @param deleted    going back: rows deleted, per table
 * @param restored   going back: rows the activity had changed, put back, per table
 */
public record TimetravelResult(String organization, int fromMonths, int toMonths, LocalDate today, List<ActivityResult.Run> posted,
                               List<UUID> removed, Map<String, Long> deleted, Map<String, Long> restored, Duration duration) {

    public TimetravelResult {
        posted = List.copyOf(posted);
        removed = List.copyOf(removed);
        deleted = Sorted.byKey(deleted);
        restored = Sorted.byKey(restored);
    }
}
