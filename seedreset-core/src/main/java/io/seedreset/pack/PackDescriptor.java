package io.seedreset.pack;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a pack is: its id, semantic version, modules covered, modes and typed parameters.
 *
 * @param modes the first mode is the default one
 * @param requires ids of the packs this one builds on (a scenario): they must be applied to the
 *                 organization first, and cannot be torn down while this one is applied
 */
public record PackDescriptor(
        String id,
        String version,
        String title,
        String description,
        List<String> modules,
        List<Mode> modes,
        List<Parameter> parameters,
        List<String> requires) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?");

    public PackDescriptor {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("pack id '" + id + "' must be lower-case letters, digits and dashes");
        }
        if (version == null || !SEMVER.matcher(version).matches()) {
            throw new IllegalArgumentException("pack '" + id + "' version '" + version + "' is not a semantic version (e.g. 1.2.0)");
        }
        modules = List.copyOf(modules);
        modes = List.copyOf(modes);
        parameters = List.copyOf(parameters);
        requires = List.copyOf(requires);
        if (requires.contains(id)) {
            throw new IllegalArgumentException("pack '" + id + "' requires itself");
        }
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("pack '" + id + "' declares no mode");
        }
        for (Mode mode : modes) {
            for (String name : mode.defaults().keySet()) {
                if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
                    throw new IllegalArgumentException("pack '" + id + "' mode '" + mode.name() + "' sets unknown parameter '" + name + "'");
                }
            }
        }
    }

    public Mode defaultMode() {
        return modes.get(0);
    }

    public Optional<Mode> mode(String name) {
        return modes.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
