package io.seedreset.api.json;

import static io.seedreset.fixture.Fixture.DEMO;
import static io.seedreset.fixture.Fixture.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertAll;

import io.seedreset.api.ActivityRequest;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.HistoryResult;
import io.seedreset.api.ImportRequest;
import io.seedreset.api.ImportResult;
import io.seedreset.api.InitResult;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.TeardownResult;
import io.seedreset.api.ValidationResult;
import io.seedreset.fixture.AdjustmentScenarioPack;
import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.LedgerActivityPack;
import io.seedreset.fixture.LedgerPack;
import io.seedreset.testing.Golden;
import io.seedreset.testing.Golden.Normalisation;
import io.seedreset.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every result the API returns, written by {@link SeedResetJson} as every front end writes it, against
 * the files in {@code src/test/resources/golden/} ({@code -Dgolden.update=true} rewrites them). The
 * fixture's clock is fixed ({@link Fixture#NOW}, so anchors and {@code appliedAt} are too) and every
 * pack gets a fixed seed, so rows, plan hashes, sample values and derived ids repeat exactly; the
 * goldens hide only what no run can repeat ({@link #NORMALISED}).
 */
class ResultsGoldenTest {

    /**
     * Random (version 4) UUIDs, wherever they appear: application ids ({@code applicationId},
     * {@code appliedAs}, {@code replaced}, {@code replaces}, teardown's {@code applications}, history's
     * {@code id} of an application), and in audit messages. Instants the database assigns:
     * {@code createdAt}, {@code removedAt}, {@code startedAt}, {@code finishedAt}. Measured durations:
     * {@code durationMs}. Organization and row ids are derived (version 3) and stay, as do anchors and
     * {@code appliedAt} (the fixed clock's).
     */
    static final Normalisation NORMALISED = Normalisation.randomIds()
            .instants("createdAt", "removedAt", "startedAt", "finishedAt")
            .milliseconds("durationMs");

    private static final long SEED = 42;

    private final Fixture fixture = new Fixture(new LedgerPack(), new AdjustmentScenarioPack());

    private static void golden(String name, Object result) {
        Golden.assertMatches(name, SeedResetJson.writeIndented(result) + "\n", NORMALISED);
    }

    private static PackRequest ledger(long seed) {
        return PackRequest.of(LedgerPack.ID, DEMO).seed(seed);
    }

    private ApplyResult applyLedger() {
        return fixture.seedReset.apply(ApplyRequest.of(ledger(SEED)).confirm(DEMO));
    }

    private ApplyResult applyScenario() {
        return fixture.seedReset.apply(ApplyRequest.of(PackRequest.of(AdjustmentScenarioPack.ID, DEMO).seed(SEED)).confirm(DEMO));
    }

    @Test
    void plan() {
        golden("plan", fixture.seedReset.plan(ledger(SEED)));
    }

    @Test
    void plan_of_what_is_applied_and_of_what_would_replace_it() {
        ApplyResult applied = applyLedger();
        PlanResult same = fixture.seedReset.plan(ledger(SEED));
        PlanResult other = fixture.seedReset.plan(ledger(SEED + 1));
        assertThat(same.appliedAs()).isEqualTo(applied.applicationId());
        assertThat(other.replaces()).containsExactly(applied.applicationId());

        assertAll(() -> golden("plan-applied", same), () -> golden("plan-replacing", other));
    }

    @Test
    void apply() {
        ApplyResult applied = applyLedger();
        ApplyResult unchanged = applyLedger();
        assertAll(() -> golden("apply", applied), () -> golden("apply-unchanged", unchanged));
    }

    @Test
    void apply_of_a_scenario() {
        applyLedger();
        golden("apply-scenario", applyScenario());
    }

    @Test
    void apply_replacing() {
        applyLedger();
        golden("apply-replaced", fixture.seedReset.apply(ApplyRequest.of(ledger(SEED + 1)).confirm(DEMO).replace(true)));
    }

    @Test
    void teardown() {
        applyLedger();
        ApplyResult scenario = applyScenario();
        // The scenario alone, so that the rows it changed are put back ("restored").
        TeardownResult scenarioOnly = fixture.seedReset.teardown(
                TeardownRequest.of(DEMO).confirm(DEMO).application(scenario.applicationId()));
        TeardownResult organization = fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        assertAll(() -> golden("teardown", scenarioOnly), () -> golden("teardown-organization", organization));
    }

    @Test
    void previews_of_teardown_and_reset() {
        applyLedger();
        ApplyResult scenario = applyScenario();
        // No confirmation: a preview changes nothing.
        io.seedreset.api.RemovalPreview teardown = fixture.seedReset.previewTeardown(
                TeardownRequest.of(DEMO).application(scenario.applicationId()));
        io.seedreset.api.RemovalPreview reset = fixture.seedReset.previewReset(ResetRequest.of(DEMO));
        TeardownResult real = fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO).application(scenario.applicationId()));
        assertAll(() -> golden("teardown-preview", teardown), () -> golden("reset-preview", reset),
                () -> org.assertj.core.api.Assertions.assertThat(teardown.deleted()).isEqualTo(real.deleted()),
                () -> org.assertj.core.api.Assertions.assertThat(teardown.restored()).isEqualTo(real.restored()).isNotEmpty());
    }

    @Test
    void activity() {
        Fixture posting = new Fixture(new LedgerActivityPack());
        posting.seedReset.apply(ApplyRequest.of(ledger(SEED)).confirm(DEMO));
        golden("activity", posting.seedReset.activity(ActivityRequest.of(DEMO).days(2).confirm(DEMO)));
    }

    @Test
    void reset() {
        applyLedger();
        applyScenario();
        golden("reset", fixture.seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO)));
    }

    @Test
    void import_of_a_file_and_its_dry_run(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("accounts.csv"), "name,balance\nAcme,12.50\nGlobex,3\n");
        ImportResult dryRun = fixture.seedReset.importRows(ImportRequest.of(DEMO, "fixture.accounts", file).asDryRun());
        ImportResult imported = fixture.seedReset.importRows(ImportRequest.of(DEMO, "fixture.accounts", file).confirm(DEMO));
        assertAll(() -> golden("import-dry-run", dryRun), () -> golden("import", imported));
    }

    @Test
    void validation() {
        applyLedger();
        ValidationResult passed = fixture.seedReset.validate(DEMO);
        fixture.execute("UPDATE fixture.accounts SET balance = balance + 1 WHERE id = (SELECT id FROM fixture.accounts ORDER BY id LIMIT 1)");
        ValidationResult failed = fixture.seedReset.validate(DEMO);
        assertAll(() -> golden("validation", passed), () -> golden("validation-failed", failed));
    }

    @Test
    void history() {
        applyLedger();
        applyScenario();
        fixture.seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        assertThatThrownBy(() -> fixture.seedReset.apply(Fixture.applyTo(PRODUCTION))).isInstanceOf(SeedResetException.class);

        HistoryResult all = fixture.seedReset.history(HistoryRequest.of(null));
        HistoryResult page = fixture.seedReset.history(HistoryRequest.of(DEMO).limit(1));
        assertAll(() -> golden("history", all), () -> golden("history-page", page));
    }

    @Test
    void organizations() {
        golden("organizations", fixture.seedReset.organizations());
    }

    @Test
    void init() {
        InitResult fresh = Fixture.configure(TestDatabases.newDatabase()).load().init();
        fixture.execute("ALTER TABLE platform.seed_audit DISABLE TRIGGER seedreset_audit_history");
        InitResult repaired = fixture.seedReset.init();
        assertAll(() -> golden("init", fresh), () -> golden("init-repaired", repaired));
    }
}
