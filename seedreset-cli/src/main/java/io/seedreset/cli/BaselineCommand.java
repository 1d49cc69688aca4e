package io.seedreset.cli;

import io.seedreset.api.SnapshotInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Show or set what 'reset' returns an organization to: its packs (applied again, the default) or a snapshot"
                + " of it (restored, usually faster).",
                "Without --snapshot or --packs, shows the baseline."})
final class BaselineCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Option(names = "--org", required = true, paramLabel = "<slug>", description = "organization slug")
    String organization;

    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--snapshot", paramLabel = "<name>", description = "reset restores this snapshot of the organization")
        String snapshot;

        @Option(names = "--packs", description = "reset re-applies the organization's packs (clears a snapshot baseline)")
        boolean packs;
    }

    @Mixin
    Confirmation confirmation;

    @Override
    public Integer call() {
        Optional<SnapshotInfo> baseline = choice == null ? root.seedReset().baseline(organization)
                : root.seedReset().setBaseline(organization, confirmation.obtain("Setting the baseline of", organization),
                        choice.packs ? null : choice.snapshot);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("organization", organization);
        shown.put("baseline", baseline.map(s -> (Object) Map.of("snapshot", s.name(), "takenAt", s.takenAt().toString(), "rows", s.rows()))
                .orElse("packs"));
        if (!root.printedJson(shown)) {
            root.printer().line(baseline.map(s -> "'%s' resets to snapshot '" + s.name() + "' (taken " + s.takenAt() + ", " + s.rows() + " rows).")
                    .orElse("'%s' resets to what was applied to it: its packs, applied again (or the snapshot it was last restored from)."),
                    organization);
        }
        return ExitCodes.OK;
    }
}
