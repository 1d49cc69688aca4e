package io.seedreset.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The load benchmark's findings against the targets of the issue that asked for it. */
final class LoadReport {

    /** (a) delivers at least this share of (b)'s rows per second. */
    static final double MIN_SHARE_OF_COPY = 0.70;
    /** (a) loads at least this many times as many rows per second as (c). */
    static final double MIN_FACTOR_OVER_MULTI_ROW = 1.5;
    /** ... and as (d). */
    static final double MIN_FACTOR_OVER_SINGLE_ROW = 20;
    static final double MAX_SCENARIO_TEARDOWN_MS = 1_000;
    /** Reset takes less than this many times a teardown of the organization plus applying its packs again. */
    static final double MAX_RESET_FACTOR = 2;

    /** What was measured, on what. */
    record Setup(ServerInfo server, String measuredPack, List<String> basePacks, long seed, Instant anchor, int rounds,
                 int warmups, Map<String, Long> rowsPerTable, Map<String, Long> updatesPerTable) {

        long rows() {
            return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One way of loading: the rows it loaded in each round and how long that took. */
    record Method(String label, long rows, Samples samples) {

        double rowsPerSecond() {
            return rows / samples.medianSeconds();
        }
    }

    /**
     * Teardown and reset. Reset wipes the organization and applies every pack again in one
     * transaction, so it is compared with doing that by hand: a teardown of the organization,
     * then applying the base packs and the measured pack.
     */
    record Lifecycle(Samples scenarioTeardown, Samples reset, Samples organizationTeardown, Samples baseApply,
                     Samples measuredApply) {

        double byHandMillis() {
            return organizationTeardown.medianMillis() + baseApply.medianMillis() + measuredApply.medianMillis();
        }
    }

    private final Setup setup;
    private final Method engine;
    private final List<Method> rawLoads;
    private final Lifecycle lifecycle;

    /** {@code rawLoads}: (b), (c) and (d), in that order. */
    LoadReport(Setup setup, Method engine, List<Method> rawLoads, Lifecycle lifecycle) {
        if (rawLoads.size() != 3) {
            throw new IllegalArgumentException("the report compares apply with three raw loads, not " + rawLoads.size());
        }
        this.setup = setup;
        this.engine = engine;
        this.rawLoads = List.copyOf(rawLoads);
        this.lifecycle = lifecycle;
    }

    void print(PrintStream out) {
        out.println("Seed & Reset load benchmark");
        out.printf("  server    embedded PostgreSQL %s, fresh data directory: %s%n", setup.server().version(),
                setup.server().describeSettings());
        out.printf("  client    Java %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        out.printf("  measured  %s%n", setup.measuredPack());
        out.printf("  base      %s%n", setup.basePacks().isEmpty() ? "none" : String.join("; ", setup.basePacks()));
        out.printf("  seed %d, anchor %s; every figure is the median of %s, after %s of apply and teardown%n",
                setup.seed(), setup.anchor(), count(setup.rounds(), "round"), count(setup.warmups(), "warm-up round"));
        out.printf("  rows      %,d in %s: %s%n", setup.rows(), count(setup.rowsPerTable().size(), "table"),
                setup.rowsPerTable().entrySet().stream().map(e -> e.getKey() + " " + String.format("%,d", e.getValue()))
                        .collect(Collectors.joining(", ")));
        out.println();
        out.printf("%-62s %10s %9s %12s%n", "method", "rows", "seconds", "rows/s");
        printMethod(out, engine);
        rawLoads.forEach(method -> printMethod(out, method));
        out.println();
        out.println("(a) includes generation, the ledger (platform.seed_row_sets: the ids of every batch) and the packs' validation;");
        out.println("(b)-(d) write only the data rows, generated, rendered and exported beforehand, untimed.");
        long updates = setup.updatesPerTable().values().stream().mapToLong(Long::longValue).sum();
        if (updates > 0) {
            out.printf("(a) also changed %s of the base packs (%s), which (b)-(d) do not do.%n", count(updates, "existing row"),
                    setup.updatesPerTable());
        }
        Method singleRow = rawLoads.get(2);
        if (singleRow.rows() < setup.rows()) {
            out.printf("(d) loaded only the first %,d of the %,d rows, parents first (--per-row-limit); its rows/s come from those.%n",
                    singleRow.rows(), setup.rows());
        }
        out.println();
        out.printf("%-42s %12s   %-30s%n", "target", "measured", "target");
        double copyShare = engine.rowsPerSecond() / rawLoads.get(0).rowsPerSecond();
        printTarget(out, "(a) rows/s as a share of (b)'s", String.format("%.1f%%", 100 * copyShare),
                String.format(">= %.0f%%", 100 * MIN_SHARE_OF_COPY), copyShare >= MIN_SHARE_OF_COPY);
        double overMultiRow = engine.rowsPerSecond() / rawLoads.get(1).rowsPerSecond();
        printTarget(out, "(a) rows/s over (c)'s", String.format("%.2fx", overMultiRow),
                String.format(">= %.1fx", MIN_FACTOR_OVER_MULTI_ROW), overMultiRow >= MIN_FACTOR_OVER_MULTI_ROW);
        double overSingleRow = engine.rowsPerSecond() / singleRow.rowsPerSecond();
        printTarget(out, "(a) rows/s over (d)'s", String.format("%.1fx", overSingleRow),
                String.format(">= %.0fx", MIN_FACTOR_OVER_SINGLE_ROW), overSingleRow >= MIN_FACTOR_OVER_SINGLE_ROW);
        double teardown = lifecycle.scenarioTeardown().medianMillis();
        printTarget(out, "teardown of the scenario", String.format("%.0f ms", teardown),
                String.format("< %.0f ms", MAX_SCENARIO_TEARDOWN_MS), teardown < MAX_SCENARIO_TEARDOWN_MS);
        double reset = lifecycle.reset().medianMillis();
        double byHand = lifecycle.byHandMillis();
        printTarget(out, "reset (wipe + apply every pack again)", String.format("%.0f ms", reset),
                String.format("< %.0f x %.0f ms = %.0f ms", MAX_RESET_FACTOR, byHand, MAX_RESET_FACTOR * byHand),
                reset < MAX_RESET_FACTOR * byHand);
        out.printf("  teardown + apply, by hand: teardown of the organization %.0f ms + apply base %.0f ms + apply measured %.0f ms = %.0f ms%n",
                lifecycle.organizationTeardown().medianMillis(), lifecycle.baseApply().medianMillis(),
                lifecycle.measuredApply().medianMillis(), byHand);
        // The practical limit bounds what any loader into this schema can reach against (c) and (d).
        out.println();
        out.printf("ceiling: (b) rows/s over (c)'s %.2fx, over (d)'s %.1fx (what a loader as fast as raw COPY would reach)%n",
                rawLoads.get(0).rowsPerSecond() / rawLoads.get(1).rowsPerSecond(),
                rawLoads.get(0).rowsPerSecond() / singleRow.rowsPerSecond());
    }

    private static String count(long count, String noun) {
        return String.format("%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    private static void printMethod(PrintStream out, Method method) {
        out.printf("%-62s %,10d %9.3f %,12.0f%n", method.label(), method.rows(), method.samples().medianSeconds(),
                method.rowsPerSecond());
    }

    private static void printTarget(PrintStream out, String target, String measured, String wanted, boolean met) {
        out.printf("%-42s %12s   %-30s %s%n", target, measured, wanted, met ? "PASS" : "MISS");
    }
}
