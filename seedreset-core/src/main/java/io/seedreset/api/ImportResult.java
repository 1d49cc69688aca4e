package io.seedreset.api;

import java.time.Duration;
import java.util.UUID;

/**
 * What an import did, or, for a dry run, would do.
 *
 * @param source      the file's name
 * @param application the application that records the imported rows in the ledger (teardown removes them,
 *                    reset drops them); null for a dry run
 * @param rows        the rows written (for a dry run: checked, then rolled back)
 * @param generatedIds whether the file had no {@code id} column, so that the ids were made from the
 *                    organization, the table, the file's name and each record's place in it
 */
public record ImportResult(String organization, String table, String source, UUID application, long rows, boolean generatedIds,
                           boolean dryRun, Duration duration) {
}
