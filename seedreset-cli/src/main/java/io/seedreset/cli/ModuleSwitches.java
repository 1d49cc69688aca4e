package io.seedreset.cli;

import io.seedreset.platform.modules.ModuleFlags;
import io.seedreset.platform.uploads.UploadStore;
import io.seedreset.server.PlatformApi;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What {@code seedreset org modules} switches: the platform API's modules, as the server's own list
 * ({@link PlatformApi#modules()}) names them, so that the CLI and the server never disagree on which
 * modules exist or which are unstable.
 */
final class ModuleSwitches {

    /** How soon a running server follows a switch made here (its cache of each organization's switches). */
    static final int SERVED_WITHIN_SECONDS = 5;

    private ModuleSwitches() {
    }

    /** The API's modules, in the server's order (building the API, which serving would start, reads and writes nothing yet). */
    static List<ModuleFlags.Module> modules(DataSource dataSource, UploadStore uploads) {
        return new PlatformApi(dataSource, Clock.systemUTC(), uploads).modules().stream()
                .map(module -> new ModuleFlags.Module(module.name(), module.unstable()))
                .toList();
    }

    /**
     * The switches asked for, by module: an unknown module, or one both enabled and disabled, is refused
     * with {@code usage(message)} naming the modules there are.
     */
    static <E extends RuntimeException> Map<String, Boolean> changes(List<ModuleFlags.Module> modules, List<String> enable,
                                                                    List<String> disable, Function<String, E> usage) {
        List<String> names = modules.stream().map(ModuleFlags.Module::name).toList();
        Map<String, Boolean> changes = new LinkedHashMap<>();
        for (String name : enable) {
            changes.put(known(name, names, usage), true);
        }
        for (String name : disable) {
            if (Boolean.TRUE.equals(changes.put(known(name, names, usage), false))) {
                throw usage.apply("module '" + name + "' is given to both --enable and --disable: switch it one way");
            }
        }
        return changes;
    }

    private static <E extends RuntimeException> String known(String name, List<String> names, Function<String, E> usage) {
        if (!names.contains(name)) {
            throw usage.apply("unknown module '" + name + "': the modules are "
                    + (names.isEmpty() ? "none yet" : names.stream().collect(Collectors.joining(", "))));
        }
        return name;
    }
}
