package io.seedreset.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One row of {@code platform.seed_applications}.
 *
 * @param selectedModules the modules of its pack the application was limited to, in the pack's order; empty when it
 *                        applied the whole pack
 * @param removal  null while the application's rows are in place; otherwise how they were removed
 * @param sequence the order applications were made in, across the database (reset replays in it; history pages by it)
 * @param source   what wrote the rows: a pack (then {@code packId} names it), a snapshot restored
 *                 ({@code packId} is {@code snapshot:<name>}), an import or synthetic activity
 */
public record ApplicationRecord(UUID id, String organization, String packId, String packVersion, String mode,
                                List<String> selectedModules, Map<String, Object> parameters, long seed, Instant anchor, String actor,
                                Instant appliedAt, Map<String, Long> counts, String planHash, long durationMillis,
                                Instant removedAt, String removedBy, Removal removal, long sequence, Source source) {

    /** What wrote an application's rows; reset re-applies packs and restores snapshots, and drops the others. */
    public enum Source {
        PACK,
        SNAPSHOT,
        IMPORT,
        ACTIVITY;

        /** The source as the database stores it and JSON writes it: {@code pack}, {@code snapshot}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How an application's rows were removed. */
    public enum Removal {
        /** A teardown of the application, or of its organization. */
        TEARDOWN,
        /** A reset, which wiped the organization and applied its packs again (as new applications). */
        RESET,
        /** An apply with {@code --replace} of the same pack with other arguments. */
        REPLACE,
        /** A snapshot restored into the organization, which replaced everything in it. */
        RESTORE;

        /** The removal as the database stores it and JSON writes it: {@code teardown}, {@code reset}, {@code replace}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ApplicationRecord {
        // Sorted by name, as plan and apply list them (the database keeps JSON keys in its own order).
        parameters = Sorted.byKey(parameters);
        counts = Sorted.byKey(counts);
        selectedModules = List.copyOf(selectedModules);
    }

    public boolean active() {
        return removedAt == null;
    }
}
