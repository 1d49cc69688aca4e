package io.seedreset.bench;

import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.pack.PackDescriptor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Loads the rows of one pack four ways on the same fresh PostgreSQL and compares rows per
 * second: (a) the engine's apply, (b) a raw COPY of the same rows pre-rendered as CSV, (c)
 * INSERTs of 1,000 rows per statement in one transaction, (d) one INSERT per row with
 * autocommit. Also times teardown of the measured application and reset against teardown +
 * apply. The rows (b)-(d) load are exported from the database after an apply, so all four
 * write the very same rows into the very same schema, and each raw load is checked value for
 * value and removed again before the next.
 */
@Command(name = "bench load", sortOptions = false,
        description = "Compares the engine's apply with raw COPY and INSERT loads of the same rows, on a fresh embedded PostgreSQL.")
public final class LoadBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pack", paramLabel = "ID", defaultValue = "high-volume-sales",
            description = "the measured pack (default: ${DEFAULT-VALUE})")
    String pack;

    @Option(names = "--mode", paramLabel = "M", description = "the measured pack's mode (default: its first)")
    String mode;

    @Option(names = "--set", paramLabel = "key=value", description = "a parameter of the measured pack (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--base", paramLabel = "ID[:MODE][,key=value...]", defaultValue = "ticketing-demo",
            description = "a pack applied first and not measured (repeatable, in order; default: ${DEFAULT-VALUE})")
    List<String> bases;

    @Option(names = "--no-base", description = "apply no base pack")
    boolean noBase;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "measured rounds; figures are medians (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "unmeasured applies and teardowns of the measured pack first, for the JIT (default: ${DEFAULT-VALUE})")
    int warmups;

    @Option(names = "--per-row-limit", paramLabel = "N",
            description = "(d) loads only the first N rows, parents first, and computes rows/s from those (default: all rows)")
    Long perRowLimit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of every pack (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--anchor", paramLabel = "T", defaultValue = "2026-11-21T00:00:00Z",
            description = "anchor of every pack, ISO-8601 (default: ${DEFAULT-VALUE})")
    String anchor;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(Benchmark.commandLine(new LoadBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PackSpec measured = new PackSpec(pack, mode, settings(settings));
        if (noBase && spec.commandLine().getParseResult().hasMatchedOption("--base")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--base and --no-base exclude each other");
        }
        List<PackSpec> basePacks = noBase ? List.of() : bases.stream().map(this::baseSpec).toList();
        if (rounds < 1 || warmups < 0 || (perRowLimit != null && perRowLimit < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds and --per-row-limit must be at least 1, --warmup at least 0");
        }
        Instant anchorInstant;
        try {
            anchorInstant = SeedReset.parseAnchor(anchor);
        } catch (SeedResetException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PhaseLog log = new PhaseLog(System.err);
        // PostgreSQL's own defaults rather than zonky's test settings (it turns synchronous_commit off):
        // every method here pays for durable commits, as on a real server.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start()) {
            DataSource admin = postgres.getPostgresDatabase();
            // Lets PostgreSQL infer each column's type from strings, as it does for a seed script's untyped values.
            DataSource loading = postgres.getPostgresDatabase(Map.of("stringtype", "unspecified"));
            SeedReset seedReset = SeedReset.configure().dataSource(admin).actor("load-bench").load();
            requireInstalled(seedReset, measured, basePacks);
            ServerInfo server = ServerInfo.read(admin);
            log.done("started PostgreSQL " + server.version());

            LoadRun run = new LoadRun(seedReset, admin, loading, log, measured, basePacks, seed, anchorInstant, perRowLimit);
            run.setUp();
            run.warmUp(warmups);
            for (int round = 1; round <= rounds; round++) {
                run.round(round, rounds);
            }
            run.report(server, seed, rounds, warmups).print(System.out);
            return 0;
        }
    }

    private PackSpec baseSpec(String text) {
        try {
            return PackSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--base " + text + ": " + e.getMessage());
        }
    }

    private Map<String, String> settings(List<String> keyValues) {
        try {
            return PackSpec.settings(keyValues);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--set: " + e.getMessage());
        }
    }

    /** Fails before any measuring when a pack is not on the classpath, naming the ones that are. */
    private void requireInstalled(SeedReset seedReset, PackSpec measured, List<PackSpec> basePacks) {
        Set<String> installed = seedReset.packs().stream().map(PackDescriptor::id).collect(Collectors.toSet());
        for (PackSpec wanted : concat(basePacks, measured)) {
            if (!installed.contains(wanted.id())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "pack '" + wanted.id() + "' is not installed (installed: "
                        + String.join(", ", installed.stream().sorted().toList()) + "): choose packs with --pack and --base, or --no-base");
            }
        }
    }

    private static List<PackSpec> concat(List<PackSpec> basePacks, PackSpec measured) {
        List<PackSpec> all = new ArrayList<>(basePacks);
        all.add(measured);
        return all;
    }
}
