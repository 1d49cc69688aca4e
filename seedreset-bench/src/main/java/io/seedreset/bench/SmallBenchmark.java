package io.seedreset.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.TeardownRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The fixed cost of a small apply, timed around {@code SeedReset.apply}, on one fresh embedded
 * PostgreSQL: for {@code ticketing-demo} and {@code event-agency-starter} in their default modes,
 * the first apply in a fresh JVM after init (the median over several JVMs: classes loaded, code
 * interpreted and the server's caches filled for the first time), and the median of warm applies
 * in one JVM, teardown untimed in between. The engine works through a connection pool, as in an
 * application; the warm applies are also timed through a data source that opens a new
 * connection for every use, as the CLI's does, where each apply also pays fresh server processes.
 * Beside each wall-clock time it reports the CPU time the JVM spent meanwhile (JIT compilers
 * included, the server not), which a busy shared machine disturbs much less. Every apply of a
 * pack must write the same rows (the same plan hash) as its first.
 */
@Command(name = "bench small", sortOptions = false,
        description = "Times the first apply in a fresh JVM and warm applies of two small packs against " + SmallBenchmark.TARGET_MILLIS
                + " ms, on a fresh embedded PostgreSQL.")
public final class SmallBenchmark implements Callable<Integer> {

    /** What a small apply should cost, cold as well as warm. */
    static final long TARGET_MILLIS = 300;
    /** The JVM options the ./seedreset launcher gives every command (LauncherOptionsTest keeps the two alike). */
    static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");
    private static final int POOL_SIZE = 4;
    private static final int WARMUP = 3;
    private static final List<String> PACKS = List.of("ticketing-demo", "event-agency-starter");
    private static final long SEED = 1;
    private static final String ANCHOR = "2026-11-21T00:00:00Z";

    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "15",
            description = "warm applies of each pack, each way, after " + WARMUP + " unmeasured (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--fresh-jvms", paramLabel = "N", defaultValue = "5",
            description = "fresh JVMs per pack, each timing its first apply (default: ${DEFAULT-VALUE})")
    int freshJvms;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SmallBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || freshJvms < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds and --fresh-jvms must be at least 1");
        }
        return run(rounds, freshJvms, System.out, new PhaseLog(System.err)) ? 0 : 1;
    }

    /** Runs the benchmark and prints the report; true when every median meets the target. */
    static boolean run(int rounds, int freshJvms, PrintStream out, PhaseLog log) throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // PostgreSQL's own durability defaults, as in ./bench load: a commit costs what it costs on a real server.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
             HikariDataSource pool = pool(postgres.getJdbcUrl("postgres", "postgres"))) {
            ServerInfo server = ServerInfo.read(pool);
            SeedReset pooled = SeedReset.configure().dataSource(pool).actor("small-bench").load();
            SeedReset unpooled = SeedReset.configure().dataSource(postgres.getPostgresDatabase()).actor("small-bench").load();
            pooled.init();
            for (String pack : PACKS) {
                pooled.createOrganization(organization(pack), "Small apply: " + pack, OrganizationKind.DEMO);
            }
            log.done("started PostgreSQL " + server.version() + ", init, organizations");

            // Cold applies with the JVM's defaults and with the options of the ./seedreset launcher, taking turns
            // JVM by JVM so that both meet the same machine.
            List<Timed> cold = new ArrayList<>();
            List<Timed> coldLauncher = new ArrayList<>();
            List<FirstApply.Result> firsts = new ArrayList<>();
            for (String pack : PACKS) {
                Timed timed = new Timed();
                Timed launcher = new Timed();
                FirstApply.Result first = null;
                for (int jvm = 0; jvm < freshJvms; jvm++) {
                    for (List<String> options : List.of(List.<String>of(), LAUNCHER_JVM_OPTIONS)) {
                        FirstApply.Result result = FirstApply.inFreshJvm(options, postgres.getJdbcUrl("postgres", "postgres"), pack,
                                organization(pack), SEED, ANCHOR);
                        first = requireSameRows(pack, result.planHash(), first == null ? result : first);
                        Timed into = options.isEmpty() ? timed : launcher;
                        into.wall.add(result.nanos());
                        into.cpu.add(result.cpuNanos());
                    }
                }
                cold.add(timed);
                coldLauncher.add(launcher);
                firsts.add(first);
                log.done(freshJvms + " + " + freshJvms + " fresh JVMs: first apply of " + pack);
            }

            List<Timed> warm = new ArrayList<>();
            List<Timed> warmUnpooled = new ArrayList<>();
            for (int pack = 0; pack < PACKS.size(); pack++) {
                ApplyRequest apply = request(PACKS.get(pack), organization(PACKS.get(pack)), SEED, ANCHOR);
                applies(pooled, apply, firsts.get(pack), WARMUP);
                warm.add(applies(pooled, apply, firsts.get(pack), rounds));
                warmUnpooled.add(applies(unpooled, apply, firsts.get(pack), rounds));
                log.done(WARMUP + " + 2 x " + rounds + " applies of " + PACKS.get(pack) + " in this JVM");
            }

            out.printf("Seed & Reset small-apply benchmark: embedded PostgreSQL %s (%s)%n", server.version(), server.describeSettings());
            out.printf("%d cores, load average %.1f before and %.1f after; seed %d, anchor %s; default modes%n",
                    Runtime.getRuntime().availableProcessors(), loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), SEED, ANCHOR);
            out.printf("cold: the first apply in a fresh JVM after init, median (min-max) of %d JVMs, with the JVM's default%n"
                    + "options and with the ./seedreset launcher's (%s), taking turns%n", freshJvms, String.join(" ", LAUNCHER_JVM_OPTIONS));
            out.printf("warm: median of %d applies in one JVM after %d, through a pool of %d connections, and through a new%n"
                    + "connection per use (as the CLI); JVM CPU: median CPU time of the JVM during the apply, JIT included%n",
                    rounds, WARMUP, POOL_SIZE);
            out.printf("%-30s", "");
            PACKS.forEach(pack -> out.printf(" %24s", pack));
            out.printf("%n%-30s", "rows");
            firsts.forEach(first -> out.printf(" %24d", first.rows()));
            row(out, "cold ms (min-max)", cold.stream().map(t -> t.wall).toList(), true);
            row(out, "  JVM CPU ms", cold.stream().map(t -> t.cpu).toList(), false);
            row(out, "cold ms, launcher (min-max)", coldLauncher.stream().map(t -> t.wall).toList(), true);
            row(out, "  JVM CPU ms", coldLauncher.stream().map(t -> t.cpu).toList(), false);
            row(out, "warm ms", warm.stream().map(t -> t.wall).toList(), false);
            row(out, "  JVM CPU ms", warm.stream().map(t -> t.cpu).toList(), false);
            row(out, "warm ms, new connections", warmUnpooled.stream().map(t -> t.wall).toList(), false);
            out.println();
            List<String> missed = new ArrayList<>();
            for (int pack = 0; pack < PACKS.size(); pack++) {
                if (coldLauncher.get(pack).wall.medianMillis() >= TARGET_MILLIS) {
                    missed.add(PACKS.get(pack) + " cold");
                }
                if (warm.get(pack).wall.medianMillis() >= TARGET_MILLIS) {
                    missed.add(PACKS.get(pack) + " warm");
                }
            }
            out.printf("target: median cold (as the launcher runs it) and warm (pooled) apply under %d ms: %s%n", TARGET_MILLIS,
                    missed.isEmpty() ? "PASS" : "MISS (" + String.join(", ", missed) + ")");
            return missed.isEmpty();
        }
    }

    /** Wall-clock and JVM CPU times of the same applies. */
    private static final class Timed {
        final Samples wall = new Samples();
        final Samples cpu = new Samples();
    }

    /** One line of the report: the median of each pack's samples, with their range when asked. */
    private static void row(PrintStream out, String label, List<Samples> perPack, boolean range) {
        out.printf("%n%-30s", label);
        for (Samples samples : perPack) {
            out.printf(" %24s", range ? String.format("%.1f (%.1f-%.1f)", samples.medianMillis(), samples.minMillis(), samples.maxMillis())
                    : String.format("%.1f", samples.medianMillis()));
        }
    }

    /** CPU time of this JVM's threads so far: the generation's and the JIT compilers', not the database server's. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static HikariDataSource pool(String jdbcUrl) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(jdbcUrl);
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setPoolName("small-bench");
        return pool;
    }

    static ApplyRequest request(String pack, String organization, long seed, String anchor) {
        return ApplyRequest.of(PackRequest.of(pack, organization).seed(seed).anchor(Instant.parse(anchor))).confirm(organization);
    }

    private static String organization(String pack) {
        return "small-" + pack;
    }

    /** Applies {@code times} times, tearing down (untimed) after each, and fails unless each wrote the first apply's rows. */
    private static Timed applies(SeedReset seedReset, ApplyRequest apply, FirstApply.Result first, int times) {
        String org = apply.pack().organization();
        Timed timed = new Timed();
        for (int round = 0; round < times; round++) {
            long cpuStarted = processCpuNanos();
            long started = System.nanoTime();
            ApplyResult applied = seedReset.apply(apply);
            timed.wall.add(System.nanoTime() - started);
            timed.cpu.add(processCpuNanos() - cpuStarted);
            if (applied.status() != ApplyResult.Status.APPLIED) {
                throw new IllegalStateException("apply of " + applied.packId() + " was " + applied.status() + ", expected APPLIED");
            }
            requireSameRows(applied.packId(), applied.planHash(), first);
            seedReset.teardown(TeardownRequest.of(org).confirm(org));
        }
        return timed;
    }

    private static FirstApply.Result requireSameRows(String pack, String planHash, FirstApply.Result first) {
        if (!planHash.equals(first.planHash())) {
            throw new IllegalStateException("an apply of " + pack + " wrote rows of plan hash " + planHash + ", but the first "
                    + first.planHash() + ": the same seed and anchor must give the same rows");
        }
        return first;
    }
}
