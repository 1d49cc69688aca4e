package io.seedreset.pack;

import java.util.Map;
import java.util.TreeMap;

/**
 * A named size or flavour of a pack (minimal, default, full): parameter values that
 * override the parameters' own defaults.
 */
public record Mode(String name, String description, Map<String, Object> defaults) {

    public Mode {
        defaults = Map.copyOf(new TreeMap<>(defaults));
    }

    public static Mode of(String name, String description, Map<String, Object> defaults) {
        return new Mode(name, description, defaults);
    }
}
