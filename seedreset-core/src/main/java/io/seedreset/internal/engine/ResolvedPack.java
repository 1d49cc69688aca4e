package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A pack request with every default filled in and every value checked: the pack, mode, typed
 * parameters, seed and anchor that together fix every generated row, and the modules whose rows
 * are written.
 *
 * @param selectedModules the modules the request is limited to, in the pack's order; empty for the whole pack
 *                        (also when every module was named)
 */
public record ResolvedPack(SeedPack pack, String organization, String mode, Map<String, Object> parameters, long seed,
                           Instant anchor, boolean anchorGiven, List<String> selectedModules) {

    public ResolvedPack {
        selectedModules = List.copyOf(selectedModules);
    }

    public PackDescriptor descriptor() {
        return pack.descriptor();
    }

    /** The modules whose rows this request writes: the selected ones, or all of the pack's. */
    public List<String> coveredModules() {
        return selectedModules.isEmpty() ? descriptor().modules() : selectedModules;
    }

    /** The modules an application of this pack wrote: those it was limited to, or all of the pack's. */
    public List<String> coveredModules(ApplicationRecord application) {
        return application.selectedModules().isEmpty() ? descriptor().modules() : application.selectedModules();
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
        return new ResolvedPack(pack, organization, mode, parameters, seed, defaultAnchor, anchorGiven, selectedModules);
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
        return new ResolvedPack(pack, request.organization(), mode.name(), parameters, seed, anchor, request.anchor() != null,
                selectedModules(descriptor, request.modules()));
    }

    /**
     * The modules asked for, each one of the pack's, in the pack's order; none when every module was asked
     * for, so that naming them all is the whole pack.
     */
    private static List<String> selectedModules(PackDescriptor descriptor, List<String> requested) {
        for (String module : requested) {
            if (!descriptor.modules().contains(module)) {
                throw new SeedResetException(Reason.UNKNOWN_MODULE, "pack '" + descriptor.id() + "' has no module '" + module
                        + "': its modules are " + String.join(", ", descriptor.modules()),
                        Map.of(SeedResetException.PACK, descriptor.id(), SeedResetException.MODULE, module));
            }
        }
        List<String> selected = descriptor.modules().stream().filter(requested::contains).toList();
        return selected.size() == descriptor.modules().size() ? List.of() : selected;
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
