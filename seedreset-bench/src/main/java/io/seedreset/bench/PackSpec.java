package io.seedreset.bench;

import io.seedreset.api.PackRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pack as the benchmark applies it: its id, mode (null: the pack's first) and parameter settings. */
record PackSpec(String id, String mode, Map<String, String> settings) {

    PackSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a pack needs an id");
        }
        settings = Map.copyOf(settings);
    }

    /** {@code ID[:MODE][,key=value...]}, for instance {@code ticketing-demo:full,events=3}. */
    static PackSpec parse(String text) {
        String[] parts = text.split(",", -1);
        int colon = parts[0].indexOf(':');
        String id = colon < 0 ? parts[0] : parts[0].substring(0, colon);
        String mode = colon < 0 ? null : parts[0].substring(colon + 1);
        return new PackSpec(id.trim(), mode, settings(List.of(parts).subList(1, parts.length)));
    }

    /** {@code key=value} texts as the pack's parameters take them. */
    static Map<String, String> settings(List<String> keyValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String keyValue : keyValues) {
            int equals = keyValue.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("a pack setting is key=value, not '" + keyValue + "'");
            }
            settings.put(keyValue.substring(0, equals).trim(), keyValue.substring(equals + 1));
        }
        return settings;
    }

    PackRequest request(String organization, long seed, Instant anchor) {
        PackRequest request = PackRequest.of(id, organization).mode(mode).seed(seed).anchor(anchor);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            request = request.set(setting.getKey(), setting.getValue());
        }
        return request;
    }
}
