package io.seedreset.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The small-apply benchmark, once with one fresh JVM per pack and one warm round: both packs reported, and the verdict. */
class SmallBenchmarkTest {

    @Test
    void reports_the_cold_and_warm_apply_of_both_packs_and_the_target() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        SmallBenchmark.run(1, 1, new PrintStream(report, true, StandardCharsets.UTF_8),
                new PhaseLog(new PrintStream(progress, true, StandardCharsets.UTF_8)));

        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("fsync=on, synchronous_commit=on")
                .contains("median (min-max) of 1 JVMs")
                .contains("warm: median of 1 applies")
                .containsPattern(" +ticketing-demo +event-agency-starter\\n")
                .containsPattern("rows +561 +75\\n")
                .containsPattern("cold ms \\(min-max\\) +\\d+\\.\\d \\(\\d+\\.\\d-\\d+\\.\\d\\) +\\d+\\.\\d \\(\\d+\\.\\d-\\d+\\.\\d\\)\\n")
                .containsPattern("cold ms, launcher \\(min-max\\) +\\d+\\.\\d \\(\\d+\\.\\d-\\d+\\.\\d\\) +\\d+\\.\\d \\(\\d+\\.\\d-\\d+\\.\\d\\)\\n")
                .contains("the ./seedreset launcher's (-XX:TieredStopAtLevel=1)")
                .containsPattern("warm ms +\\d+\\.\\d +\\d+\\.\\d\\n")
                .containsPattern("warm ms, new connections +\\d+\\.\\d +\\d+\\.\\d\\n")
                .containsPattern("target: median cold \\(as the launcher runs it\\) and warm \\(pooled\\) apply under 300 ms: (PASS|MISS)");
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("1 fresh JVMs: first apply of ticketing-demo")
                .contains("1 fresh JVMs: first apply of event-agency-starter")
                .contains("applies of ticketing-demo in this JVM");
    }
}
