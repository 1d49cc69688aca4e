package io.seedreset.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The whole benchmark once, on a small organization: every figure and target is reported. */
class SnapshotBenchmarkTest {

    @Test
    void measuresRestoreAgainstRawCopyAndBothResetsWithAnOrganizationLive() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
            exitCode = new CommandLine(new SnapshotBenchmark()).execute("--base", "event-agency-starter", "--pack", WalkInDealsScenarioPack.ID,
                    "--set", "deals=300", "--rounds", "1");
        } finally {
            System.setOut(stdout);
        }
        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(text).isZero();
        assertThat(text)
                .contains("fsync=on, synchronous_commit=on")
                .containsPattern("organization  volume-demo: event-agency-starter \\+ bench-walk-ins, [0-9,]+ rows in \\d+ tables")
                .containsPattern("\\(a\\) raw COPY of the same rows .* ms +\\d+ rows/s")
                .containsPattern("\\(b\\) snapshot restore .* ms +\\d+ rows/s")
                .containsPattern("restore rows/s against raw COPY +[0-9.]+% +target >= 70% +(PASS|MISS)")
                .containsPattern("\\(d\\) reset to the snapshot baseline, loaded whole \\(first\\) +\\d+ ms")
                .containsPattern("\\(c\\) / \\(e\\) +[0-9.]+x +target >= 1.5x +(PASS|MISS)")
                .containsPattern("live organization during the resets \\(c\\) packs +[0-9,]+ requests")
                .containsPattern("live organization during the resets \\(e\\) snapshot, what differs +[0-9,]+ requests");
    }
}
