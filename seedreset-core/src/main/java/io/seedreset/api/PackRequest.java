package io.seedreset.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which pack to run where, and with what: the part of a request that plan and apply share.
 * Null mode, seed or anchor mean the defaults (the pack's first mode, a seed derived from the
 * organization and pack, the start of the current UTC day). Settings are raw {@code key=value}
 * texts, parsed by the pack's typed parameters.
 */
public record PackRequest(String packId, String organization, String mode, Long seed, Instant anchor,
                          Map<String, String> settings) {

    public PackRequest {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(organization, "organization");
        settings = Sorted.byKey(settings);
    }

    public static PackRequest of(String packId, String organization) {
        return new PackRequest(packId, organization, null, null, null, Map.of());
    }

    public PackRequest mode(String newMode) {
        return new PackRequest(packId, organization, newMode, seed, anchor, settings);
    }

    public PackRequest seed(Long newSeed) {
        return new PackRequest(packId, organization, mode, newSeed, anchor, settings);
    }

    public PackRequest anchor(Instant newAnchor) {
        return new PackRequest(packId, organization, mode, seed, newAnchor, settings);
    }

    public PackRequest set(String key, String value) {
        Map<String, String> next = new LinkedHashMap<>(settings);
        next.put(key, value);
        return new PackRequest(packId, organization, mode, seed, anchor, next);
    }
}
