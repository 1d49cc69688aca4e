package io.seedreset.bench;

import java.util.ArrayList;
import java.util.List;

/** Durations of one operation over the rounds; the report uses the median, which one disturbed round does not move. */
final class Samples {

    private final List<Long> nanos = new ArrayList<>();

    void add(long duration) {
        nanos.add(duration);
    }

    long median() {
        if (nanos.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    double medianSeconds() {
        return median() / 1e9;
    }

    double medianMillis() {
        return median() / 1e6;
    }

    double minMillis() {
        return nanos.stream().mapToLong(Long::longValue).min().orElseThrow() / 1e6;
    }

    double maxMillis() {
        return nanos.stream().mapToLong(Long::longValue).max().orElseThrow() / 1e6;
    }
}
