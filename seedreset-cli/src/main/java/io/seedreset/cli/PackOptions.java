package io.seedreset.cli;

import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What plan and apply share: which pack, where, and with what mode, seed, anchor, settings and modules. */
final class PackOptions {

    @Parameters(index = "0", paramLabel = "<pack>", description = "pack id (see 'seedreset packs')")
    String pack;

    @Option(names = "--org", required = true, paramLabel = "<slug>", description = "organization slug")
    String organization;

    @Option(names = "--mode", paramLabel = "M", description = "pack mode (default: the pack's first mode)")
    String mode;

    @Option(names = "--seed", paramLabel = "N", description = "seed (default: derived from organization and pack)")
    Long seed;

    @Option(names = "--anchor", paramLabel = "T", description = "what 'now' means to the pack, ISO-8601 (default: start of today, UTC)")
    String anchor;

    @Option(names = "--set", paramLabel = "key=value", description = "set a pack parameter (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--modules", split = ",", paramLabel = "M", description = "seed only these modules of the pack "
            + "(see 'seedreset packs'), reusing the rows of its other modules applied before with the same arguments "
            + "(default: every module)")
    List<String> modules = new ArrayList<>();

    /**
     * The request as given: mode defaults, then {@code SEED_<PARAMETER>} environment variables
     * for the pack's declared parameters (SEED_USERS for users), then {@code --set}, each
     * overriding the one before. The arguments are checked before the database is opened.
     */
    PackRequest request(SeedresetCommand root) {
        Instant parsedAnchor = anchor == null ? null : SeedReset.parseAnchor(anchor);
        Map<String, String> given = givenSettings();
        SeedReset seedReset = root.seedReset();
        if (modules.stream().anyMatch(String::isBlank)) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "--modules expects module names separated by commas, got '"
                    + String.join(",", modules) + "'");
        }
        PackRequest request = PackRequest.of(pack, organization).mode(mode).seed(seed).anchor(parsedAnchor).modules(modules);
        PackDescriptor descriptor = seedReset.packs().stream().filter(d -> d.id().equals(pack)).findFirst().orElse(null);
        if (descriptor != null) {
            for (Parameter parameter : descriptor.parameters()) {
                String variable = "SEED_" + parameter.name().toUpperCase(Locale.ROOT);
                String value = root.environment.get(variable);
                if (value == null || value.isBlank()) {
                    // Set but empty is how CI templates say "not set".
                    continue;
                }
                try {
                    parameter.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "environment variable " + variable + "='" + value + "': parameter '"
                            + parameter.name() + "' of pack '" + pack + "' " + e.getMessage());
                }
                request = request.set(parameter.name(), value);
            }
        }
        for (Map.Entry<String, String> setting : given.entrySet()) {
            request = request.set(setting.getKey(), setting.getValue());
        }
        return request;
    }

    /** The {@code --set} options as key and value, each key given once. */
    private Map<String, String> givenSettings() {
        Map<String, String> given = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "--set expects key=value, got '" + setting + "'");
            }
            String key = setting.substring(0, equals).trim();
            String value = setting.substring(equals + 1);
            String earlier = given.putIfAbsent(key, value);
            if (earlier != null) {
                throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "--set " + key + " is given twice ('" + earlier + "' and '" + value
                        + "'): set each parameter once");
            }
        }
        return given;
    }
}
