package io.seedreset.cli;

import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What plan and apply share: which pack, where, and with what mode, seed, anchor and settings. */
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

    PackRequest request() {
        PackRequest request = PackRequest.of(pack, organization).mode(mode).seed(seed)
                .anchor(anchor == null ? null : SeedReset.parseAnchor(anchor));
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw SeedResetException.badInput("--set expects key=value, got '" + setting + "'");
            }
            request = request.set(setting.substring(0, equals).trim(), setting.substring(equals + 1));
        }
        return request;
    }
}
