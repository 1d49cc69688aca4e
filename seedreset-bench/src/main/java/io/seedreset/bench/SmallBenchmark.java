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
import javax.sql.DataSource;

/**
 * The fixed cost of a small apply, timed around {@code SeedReset.apply} in one fresh JVM on a
 * fresh embedded PostgreSQL: after init, the first apply of {@code ticketing-demo} (default mode),
 * then the first of {@code event-agency-starter} (cold: classes loaded, code interpreted, server
 * caches filled for the first time), then the median of warm applies of each (teardown untimed in
 * between). The engine works through a connection pool, as in an application; the warm applies
 * are also timed through a data source that opens a new connection for every use, as the CLI's
 * does, where each apply also pays new server processes with empty caches.
 */
public final class SmallBenchmark {

    /** What a small apply should cost, cold as well as warm. */
    static final long TARGET_MILLIS = 300;
    private static final int DEFAULT_ROUNDS = 15;
    private static final int POOL_SIZE = 4;
    private static final List<String> PACKS = List.of("ticketing-demo", "event-agency-starter");
    private static final Instant ANCHOR = Instant.parse("2026-11-21T00:00:00Z");

    private SmallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 || (args.length == 1 && !args[0].matches("[1-9][0-9]{0,5}"))) {
            System.err.println("usage: ./bench small [ROUNDS]   the cold first and the warm median (of ROUNDS, default "
                    + DEFAULT_ROUNDS + ") apply of ticketing-demo and event-agency-starter, against " + TARGET_MILLIS + " ms");
            System.exit(args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")) ? 0 : 2);
        }
        run(args.length == 1 ? Integer.parseInt(args[0]) : DEFAULT_ROUNDS, System.out, new PhaseLog(System.err));
    }

    static void run(int rounds, PrintStream out, PhaseLog log) throws Exception {
        // PostgreSQL's own durability defaults, as in ./bench load: a commit costs what it costs on a real server.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
             HikariDataSource pool = pool(postgres.getPostgresDatabase())) {
            ServerInfo server = ServerInfo.read(pool);
            SeedReset pooled = SeedReset.configure().dataSource(pool).actor("small-bench").load();
            SeedReset unpooled = SeedReset.configure().dataSource(postgres.getPostgresDatabase()).actor("small-bench").load();
            pooled.init();
            List<ApplyRequest> applies = new ArrayList<>();
            for (String pack : PACKS) {
                String org = "small-" + pack;
                pooled.createOrganization(org, "Small apply: " + pack, OrganizationKind.DEMO);
                applies.add(ApplyRequest.of(PackRequest.of(pack, org).seed(1L).anchor(ANCHOR)).confirm(org));
            }
            log.done("started PostgreSQL " + server.version() + ", init, organizations");

            List<ApplyResult> firsts = new ArrayList<>();
            List<Long> colds = new ArrayList<>();
            for (ApplyRequest apply : applies) {
                long started = System.nanoTime();
                ApplyResult first = pooled.apply(apply);
                colds.add(System.nanoTime() - started);
                firsts.add(requireApplied(first, null));
            }
            log.done("first applies");

            List<Samples> warm = new ArrayList<>();
            List<Samples> warmUnpooled = new ArrayList<>();
            for (int pack = 0; pack < applies.size(); pack++) {
                warm.add(warmApplies(pooled, applies.get(pack), firsts.get(pack), rounds));
                warmUnpooled.add(warmApplies(unpooled, applies.get(pack), firsts.get(pack), rounds));
                log.done(2 * rounds + " warm applies of " + applies.get(pack).pack().packId());
            }

            out.printf("Seed & Reset small-apply benchmark: embedded PostgreSQL %s (%s)%n", server.version(), server.describeSettings());
            out.printf("%d cores, load average %.1f at the end; seed 1, anchor %s%n", Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), ANCHOR);
            out.printf("cold = the first apply in this JVM, after init; warm = median of %d applies; through a pool of %d connections,%n"
                    + "and warm through a new connection per use (as the CLI)%n", rounds, POOL_SIZE);
            out.printf("%-34s %6s %9s %9s %18s%n", "pack", "rows", "cold ms", "warm ms", "new connections ms");
            boolean met = true;
            for (int pack = 0; pack < applies.size(); pack++) {
                ApplyResult first = firsts.get(pack);
                double cold = colds.get(pack) / 1e6;
                double warmMedian = warm.get(pack).medianMillis();
                out.printf("%-34s %6d %9.1f %9.1f %18.1f%n", first.packId() + " (" + first.mode() + ")", first.totalRows(), cold,
                        warmMedian, warmUnpooled.get(pack).medianMillis());
                met &= cold < TARGET_MILLIS && warmMedian < TARGET_MILLIS;
            }
            out.printf("target: every apply under %d ms, cold and warm (pooled): %s%n", TARGET_MILLIS, met ? "PASS" : "MISS");
        }
    }

    private static HikariDataSource pool(DataSource server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(server);
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setPoolName("small-bench");
        return pool;
    }

    /** Tears the application down (untimed) and applies it again, {@code rounds} times. */
    private static Samples warmApplies(SeedReset seedReset, ApplyRequest apply, ApplyResult first, int rounds) {
        String org = apply.pack().organization();
        Samples samples = new Samples();
        for (int round = 0; round < rounds; round++) {
            seedReset.teardown(TeardownRequest.of(org).confirm(org));
            long started = System.nanoTime();
            ApplyResult again = seedReset.apply(apply);
            samples.add(System.nanoTime() - started);
            requireApplied(again, first);
        }
        return samples;
    }

    /** Fails unless the apply wrote rows, and, given the first apply, the very same rows (same plan hash). */
    private static ApplyResult requireApplied(ApplyResult applied, ApplyResult first) {
        if (applied.status() != ApplyResult.Status.APPLIED) {
            throw new IllegalStateException("apply of " + applied.packId() + " was " + applied.status() + ", expected APPLIED");
        }
        if (first != null && !applied.planHash().equals(first.planHash())) {
            throw new IllegalStateException("apply of " + applied.packId() + " wrote rows of plan hash " + applied.planHash()
                    + ", but the first apply " + first.planHash() + ": the same seed and anchor must give the same rows");
        }
        return applied;
    }
}
