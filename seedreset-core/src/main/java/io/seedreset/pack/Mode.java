package io.seedreset.pack;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named size or flavour of a pack (minimal, default, full): parameter values that
 * override the parameters' own defaults.
 *
 * @param defaults parameter values by name, sorted by name
 */
public record Mode(String name, String description, Map<String, Object> defaults) {

    public Mode {
        // Sorted and kept sorted, so that 'packs' lists them in one order on every run: Map.copyOf
        // alone iterates in an order that changes from JVM to JVM. Map.copyOf still refuses nulls.
        defaults = Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(defaults)));
    }

    public static Mode of(String name, String description, Map<String, Object> defaults) {
        return new Mode(name, description, defaults);
    }
}
