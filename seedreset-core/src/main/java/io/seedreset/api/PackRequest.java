package io.seedreset.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which pack to run where, and with what: the part of a request that plan and apply share.
 * Null mode, seed or anchor mean the defaults (the pack's first mode, a seed derived from the
 * organization and pack, the start of the current UTC day). Settings are raw {@code key=value}
 * texts, parsed by the pack's typed parameters.
 *
 * @param modules the modules of the pack to seed (schemas among its descriptor's modules), the rows of its
 *                other modules left out; empty for the whole pack. Rows of the modules left out that these
 *                reference must have been applied before, by the same pack with the same arguments.
 */
public record PackRequest(String packId, String organization, String mode, Long seed, Instant anchor,
                          Map<String, String> settings, List<String> modules) {

    public PackRequest {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(organization, "organization");
        settings = Sorted.byKey(settings);
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    public static PackRequest of(String packId, String organization) {
        return new PackRequest(packId, organization, null, null, null, Map.of(), List.of());
    }

    /** Seeds only these modules of the pack; none given means the whole pack. */
    public PackRequest modules(List<String> newModules) {
        return new PackRequest(packId, organization, mode, seed, anchor, settings, newModules);
    }

    public PackRequest modules(String... newModules) {
        return modules(List.of(newModules));
    }

    public PackRequest mode(String newMode) {
        return new PackRequest(packId, organization, newMode, seed, anchor, settings, modules);
    }

    public PackRequest seed(Long newSeed) {
        return new PackRequest(packId, organization, mode, newSeed, anchor, settings, modules);
    }

    public PackRequest anchor(Instant newAnchor) {
        return new PackRequest(packId, organization, mode, seed, newAnchor, settings, modules);
    }

    public PackRequest set(String key, String value) {
        Map<String, String> next = new LinkedHashMap<>(settings);
        next.put(key, value);
        return new PackRequest(packId, organization, mode, seed, anchor, next, modules);
    }
}
