package io.seedreset.bench;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.ResetResult;
import io.seedreset.api.SeedReset;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.TeardownResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * One run of the load benchmark on a fresh database: set-up, warm-up, then rounds that each
 * time (a) apply, reset against teardown + apply, and teardown of the measured application,
 * and then load the same rows the three raw ways. Every timed step starts from the same state:
 * the base packs applied and nothing of the measured pack's rows in the database.
 */
final class LoadRun {

    private static final String ORG = "load-bench";

    private final SeedReset seedReset;
    private final DataSource admin;
    private final DataSource loading;
    private final PhaseLog log;
    private final String measuredId;
    private final ApplyRequest measuredApply;
    private final List<ApplyRequest> baseApplies;
    private final Instant anchor;
    private final Long perRowLimit;
    private final List<RowLoader> loaders = List.of(new RawCopyLoader(), new MultiRowInsertLoader(), new SingleRowInsertLoader());

    private final Samples engineApply = new Samples();
    private final Samples scenarioTeardown = new Samples();
    private final Samples reset = new Samples();
    private final Samples organizationTeardown = new Samples();
    private final Samples baseApply = new Samples();
    private final Samples measuredApplyAgain = new Samples();
    private final List<Samples> rawLoadTimes = loaders.stream().map(loader -> new Samples()).toList();

    private Organization organization;
    private final List<String> baseDescriptions = new ArrayList<>();
    /** The first measured apply: every later one must write the same rows, and the raw loads load its rows. */
    private ApplyResult reference;
    private MeasuredRows measuredRows;
    /** Per loader, the rows it loads: all of them, or the first --per-row-limit for (d). */
    private List<List<TableRows>> selections;

    /**
     * @param admin   the engine's, the export's and the checks' connections
     * @param loading the raw loads' connections, with {@code stringtype=unspecified}
     */
    LoadRun(SeedReset seedReset, DataSource admin, DataSource loading, PhaseLog log, PackSpec measured, List<PackSpec> basePacks,
            long seed, Instant anchor, Long perRowLimit) {
        this.seedReset = seedReset;
        this.admin = admin;
        this.loading = loading;
        this.log = log;
        this.measuredId = measured.id();
        this.measuredApply = ApplyRequest.of(measured.request(ORG, seed, anchor)).confirm(ORG);
        this.baseApplies = basePacks.stream().map(p -> ApplyRequest.of(p.request(ORG, seed, anchor)).confirm(ORG)).toList();
        this.anchor = anchor;
        this.perRowLimit = perRowLimit;
    }

    /** Creates the schema and the demo organization and applies the base packs. */
    void setUp() {
        seedReset.init();
        organization = seedReset.createOrganization(ORG, "Load Benchmark", OrganizationKind.DEMO);
        for (ApplyRequest baseApply : baseApplies) {
            baseDescriptions.add(describe(requireApplied(seedReset.apply(baseApply), null)));
        }
        log.done("init, organization " + ORG + ", base packs applied: " + (baseDescriptions.isEmpty() ? "none" : baseDescriptions));
    }

    /** Applies and tears down the measured pack unmeasured, so the JIT has compiled the engine's paths. */
    void warmUp(int times) {
        for (int warmup = 0; warmup < times; warmup++) {
            ApplyResult applied = requireApplied(seedReset.apply(measuredApply), null);
            seedReset.teardown(TeardownRequest.of(ORG).application(applied.applicationId()).confirm(ORG));
        }
        log.done("warm-up: " + times + " x apply and teardown of " + measuredId);
    }

    void round(int round, int rounds) throws SQLException {
        String ofRounds = "round " + round + "/" + rounds;
        measureEngine(ofRounds);
        measureRawLoads(ofRounds);
    }

    /** (a) apply, then reset against teardown + apply, then teardown of the measured application. */
    private void measureEngine(String ofRounds) throws SQLException {
        settle();
        long started = System.nanoTime();
        ApplyResult applied = seedReset.apply(measuredApply);
        engineApply.add(System.nanoTime() - started);
        requireApplied(applied, reference);
        if (reference == null) {
            reference = applied;
            List<ExportedTable> exported = export(applied);
            measuredRows = new MeasuredRows(admin, organization.id(), exported);
            List<TableRows> all = TableRows.all(exported);
            selections = List.of(all, all, perRowLimit == null ? all : TableRows.first(exported, perRowLimit));
            log.done(ofRounds + ": (a) apply of " + String.format("%,d", applied.totalRows()) + " rows, exported as CSV");
        } else {
            log.done(ofRounds + ": (a) apply");
        }

        settle();
        started = System.nanoTime();
        ResetResult wiped = seedReset.reset(ResetRequest.of(ORG).confirm(ORG).anchor(anchor));
        reset.add(System.nanoTime() - started);
        if (wiped.reapplied().size() != baseApplies.size() + 1) {
            throw new IllegalStateException("reset applied " + wiped.reapplied().size() + " packs again, expected " + (baseApplies.size() + 1));
        }
        requireApplied(wiped.reapplied().get(baseApplies.size()), reference);

        settle();
        started = System.nanoTime();
        seedReset.teardown(TeardownRequest.of(ORG).confirm(ORG));
        organizationTeardown.add(System.nanoTime() - started);
        settle();
        started = System.nanoTime();
        baseApplies.forEach(request -> requireApplied(seedReset.apply(request), null));
        baseApply.add(System.nanoTime() - started);
        settle();
        started = System.nanoTime();
        ApplyResult again = seedReset.apply(measuredApply);
        measuredApplyAgain.add(System.nanoTime() - started);
        requireApplied(again, reference);
        log.done(ofRounds + ": reset, then teardown of the organization and apply of every pack");

        settle();
        started = System.nanoTime();
        TeardownResult removed = seedReset.teardown(TeardownRequest.of(ORG).application(again.applicationId()).confirm(ORG));
        scenarioTeardown.add(System.nanoTime() - started);
        if (removed.totalRows() != reference.totalRows()) {
            throw new IllegalStateException("the teardown of " + measuredId + " removed " + removed.totalRows()
                    + " rows, but its apply wrote " + reference.totalRows());
        }
        log.done(ofRounds + ": teardown of " + measuredId);
    }

    /** (b), (c) and (d), each checked value for value and removed before the next. */
    private void measureRawLoads(String ofRounds) throws SQLException {
        measuredRows.requireAbsent("after the teardown of " + measuredId);
        for (int method = 0; method < loaders.size(); method++) {
            RowLoader loader = loaders.get(method);
            List<TableRows> selection = selections.get(method);
            settle();
            rawLoadTimes.get(method).add(loader.load(loading, selection));
            measuredRows.requireLoaded(loader.label(), selection);
            measuredRows.delete();
            measuredRows.requireAbsent("after removing the rows that " + loader.label() + " loaded");
            log.done(ofRounds + ": " + loader.label() + ", checked and removed");
        }
    }

    LoadReport report(ServerInfo server, long seed, int rounds, int warmups) {
        List<LoadReport.Method> methods = new ArrayList<>();
        for (int method = 0; method < loaders.size(); method++) {
            methods.add(new LoadReport.Method(loaders.get(method).label(), TableRows.total(selections.get(method)), rawLoadTimes.get(method)));
        }
        LoadReport.Setup setup = new LoadReport.Setup(server, describe(reference), baseDescriptions, seed, anchor, rounds, warmups,
                reference.counts(), reference.updates());
        return new LoadReport(setup, new LoadReport.Method("(a) engine apply", reference.totalRows(), engineApply), methods,
                new LoadReport.Lifecycle(scenarioTeardown, reset, organizationTeardown, baseApply, measuredApplyAgain));
    }

    /**
     * Vacuums, analyzes and checkpoints before every timed step, so that no step pays for the
     * dead rows or the dirty pages the one before it left, and each has fresh planner statistics.
     */
    private void settle() throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)");
            statement.execute("CHECKPOINT");
        }
    }

    private List<ExportedTable> export(ApplyResult applied) throws SQLException {
        try (Connection connection = admin.getConnection()) {
            List<ExportedTable> exported = RowExport.ofApplication(connection, applied.applicationId(),
                    List.copyOf(applied.counts().keySet()));
            for (ExportedTable table : exported) {
                long written = applied.counts().get(table.name());
                if (table.rows().size() != written) {
                    throw new IllegalStateException("the export of " + table.name() + " holds " + table.rows().size()
                            + " rows, but the apply wrote " + written);
                }
            }
            return exported;
        }
    }

    /** Fails unless the apply wrote new rows, and, given an earlier apply of the same pack, as many per table. */
    private static ApplyResult requireApplied(ApplyResult applied, ApplyResult earlier) {
        if (applied.status() != ApplyResult.Status.APPLIED) {
            throw new IllegalStateException("apply of " + applied.packId() + " was " + applied.status() + ", expected APPLIED");
        }
        if (earlier != null && !applied.counts().equals(earlier.counts())) {
            throw new IllegalStateException("apply of " + applied.packId() + " wrote " + applied.counts() + ", but before "
                    + earlier.counts() + ": the same seed and anchor must give the same rows");
        }
        return applied;
    }

    private static String describe(ApplyResult applied) {
        return applied.packId() + " " + applied.packVersion() + ", mode " + applied.mode()
                + (applied.parameters().isEmpty() ? "" : ", " + applied.parameters().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")))
                + ": " + String.format("%,d", applied.totalRows()) + " rows";
    }
}
