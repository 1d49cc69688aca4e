package io.seedreset.internal.engine;

import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import io.seedreset.pack.SeedPack;
import io.seedreset.pack.TenantReader;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A pack request with every default filled in and every value checked: the pack, mode, typed
 * parameters, seed and anchor that together fix every generated row.
 */
public record ResolvedPack(SeedPack pack, String organization, String mode, Map<String, Object> parameters, long seed,
                           Instant anchor, boolean anchorGiven) {

    public PackDescriptor descriptor() {
        return pack.descriptor();
    }

    /**
     * @param requiredSeeds the seed of each required pack's application in the organization
     * @param reader        reads the organization's rows for the pack
     */
    public PackContext context(Map<String, Long> requiredSeeds, TenantReader reader) {
        return new PackContext(descriptor().id(), organization, seed, anchor, mode, parameters, requiredSeeds, reader);
    }

    /** The same request on another default anchor (one the caller did not give). */
    public ResolvedPack withAnchor(Instant defaultAnchor) {
        return new ResolvedPack(pack, organization, mode, parameters, seed, defaultAnchor, anchorGiven);
    }

    /**
     * True when these are the pack, version, mode, parameters and seed an earlier application
     * used, and its anchor too when one was asked for (a default anchor moves every day).
     */
    public boolean sameAs(String packVersion, String otherMode, Map<String, Object> otherParameters, long otherSeed,
                          Instant otherAnchor) {
        return descriptor().version().equals(packVersion) && mode.equals(otherMode) && seed == otherSeed
                && parameters.equals(normalise(descriptor(), otherParameters)) && (!anchorGiven || anchor.equals(otherAnchor));
    }

    public static ResolvedPack resolve(PackRegistry registry, PackRequest request, Clock clock) {
        SeedPack pack = registry.require(request.packId());
        PackDescriptor descriptor = pack.descriptor();
        Mode mode = request.mode() == null ? descriptor.defaultMode() : descriptor.mode(request.mode())
                .orElseThrow(() -> new SeedResetException(Reason.UNKNOWN_MODE, "pack '" + descriptor.id() + "' has no mode '" + request.mode()
                        + "': use one of " + descriptor.modes().stream().map(Mode::name).collect(Collectors.joining(", ")),
                        Map.of(SeedResetException.PACK, descriptor.id(), SeedResetException.MODE, request.mode())));
        Map<String, Object> parameters = new TreeMap<>();
        for (Parameter parameter : descriptor.parameters()) {
            parameters.put(parameter.name(), parameter.check(parameter.defaultValue()));
        }
        parameters.putAll(normalise(descriptor, mode.defaults()));
        request.settings().forEach((key, raw) -> {
            Parameter parameter = descriptor.parameter(key).orElseThrow(() -> new SeedResetException(Reason.INVALID_PARAMETER, "pack '"
                    + descriptor.id() + "' has no parameter '" + key + "': its parameters are "
                    + (descriptor.parameters().isEmpty() ? "none"
                    : descriptor.parameters().stream().map(Parameter::name).collect(Collectors.joining(", "))),
                    Map.of(SeedResetException.PACK, descriptor.id(), SeedResetException.PARAMETER, key)));
            try {
                parameters.put(key, parameter.parse(raw));
            } catch (IllegalArgumentException e) {
                throw new SeedResetException(Reason.INVALID_PARAMETER, "parameter '" + key + "' of pack '" + descriptor.id() + "' " + e.getMessage(),
                        Map.of(SeedResetException.PACK, descriptor.id(), SeedResetException.PARAMETER, key), e);
            }
        });
        long seed = request.seed() != null ? request.seed() : defaultSeed(request.organization(), descriptor.id());
        Instant anchor = request.anchor() != null ? SeedReset.requireAnchorInRange(request.anchor(), request.anchor().toString())
                : defaultAnchor(clock);
        return new ResolvedPack(pack, request.organization(), mode.name(), parameters, seed, anchor, request.anchor() != null);
    }

    /** The seed used when none is given: stable for an organization and pack, different between organizations. */
    static long defaultSeed(String organization, String packId) {
        return Integer.toUnsignedLong(("seed/" + organization + "/" + packId).hashCode()) % 1_000_000L;
    }

    /** The anchor used when none is given: the start of the current UTC day, so plan and apply agree all day. */
    public static Instant defaultAnchor(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.DAYS);
    }

    private static Map<String, Object> normalise(PackDescriptor descriptor, Map<String, Object> values) {
        Map<String, Object> result = new TreeMap<>();
        values.forEach((key, value) -> result.put(key, descriptor.parameter(key)
                .map(p -> p.check(value)).orElse(Objects.toString(value))));
        return result;
    }
}
