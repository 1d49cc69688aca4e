package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import io.seedreset.testing.Golden;
import io.seedreset.testing.Golden.Normalisation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What {@code --json} prints, byte for byte, against the files in {@code src/test/resources/golden/}
 * ({@code -Dgolden.update=true} rewrites them). Seed, anchor and actor are given, so the rows, the
 * plan hash and every derived id are the same on every run. The goldens hide only what no run can
 * repeat ({@link #NORMALISED}): random application ids, the instants the clock and the database
 * assign, and measured durations.
 */
class JsonGoldenTest {

    /**
     * Random (version 4) UUIDs, wherever they appear: applicationId, replaced, the ids of history's
     * applications and its audit entries' applicationId, messages; organization and row ids are derived
     * and stay. Instants the clock or the database assigns: createdAt, appliedAt, removedAt, startedAt,
     * finishedAt (anchors are given and stay). Measured durations: durationMs.
     */
    static final Normalisation NORMALISED = Normalisation.randomIds()
            .instants("createdAt", "appliedAt", "removedAt", "startedAt", "finishedAt")
            .milliseconds("durationMs");

    /** The API tokens apply and reset issue: random, so each is replaced by {@code <api-token>}, once its form is checked. */
    private static final Pattern API_TOKEN = Pattern.compile("\"sra_[0-9a-f]{32}_[A-Za-z0-9_-]{43}\"");

    private static final String ANCHOR = "2026-11-21T00:00:00Z";

    private final Cli.OnDatabase database = Cli.onFreshDatabase("--json", "--actor", "golden");
    private final List<Executable> goldens = new ArrayList<>();

    /** Runs one command, which must succeed and print nothing on stderr, and checks its stdout against a golden. */
    private void golden(String name, String... args) {
        Cli.Run run = database.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        goldens.add(() -> Golden.assertMatches(name, API_TOKEN.matcher(run.out()).replaceAll("\"<api-token>\""), NORMALISED));
    }

    @Test
    void every_command_prints_the_golden_json() {
        golden("init", "init");
        golden("org-create", "org", "create", "acme-demo", "--name", "Acme Demo", "--kind", "demo");
        golden("org-list", "org", "list");
        golden("plan", "plan", "event-agency-starter", "--org", "acme-demo", "--seed", "7", "--anchor", ANCHOR);
        golden("apply", "apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo", "--seed", "7",
                "--anchor", ANCHOR);
        golden("apply-unchanged", "apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo", "--seed", "7",
                "--anchor", ANCHOR);
        golden("tokens-issue", "tokens", "issue", "--org", "acme-demo");
        golden("validate", "validate", "--org", "acme-demo");
        golden("reset-dry-run", "reset", "--org", "acme-demo", "--dry-run", "--anchor", ANCHOR);
        golden("reset", "reset", "--org", "acme-demo", "--confirm", "acme-demo", "--anchor", ANCHOR);
        golden("teardown-dry-run", "teardown", "--org", "acme-demo", "--dry-run");
        golden("teardown", "teardown", "--org", "acme-demo", "--confirm", "acme-demo");
        golden("history", "history", "--org", "acme-demo");
        // Every golden is compared, so one run shows every difference.
        assertAll(goldens);
    }

    @Test
    void an_error_prints_the_golden_json_on_stderr() {
        assertThat(database.run("init").exitCode()).isZero();
        Cli.Run run = database.run("plan", "event-agency-starter", "--org", "acme");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).as(run.toString()).isEmpty();
        Golden.assertMatches("error", run.err(), NORMALISED);
    }
}
