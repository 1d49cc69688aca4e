package io.seedreset.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Maps in results, sorted by key and unmodifiable, so that a result reads and serialises the same every time. */
final class Sorted {

    private Sorted() {
    }

    static <V> Map<String, V> byKey(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
