package io.seedreset.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The whole benchmark once, on the smallest organization: every method restores exactly (or the run fails) and is reported. */
class JunitBenchmarkTest {

    @Test
    void measuresTheExtensionsRestoreAgainstCleanInsertAndTruncateAndReapply() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
            exitCode = new CommandLine(new JunitBenchmark()).execute("--mode", "minimal", "--rounds", "1", "--warmup", "0");
        } finally {
            System.setOut(stdout);
        }
        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(text).isZero();
        assertThat(text)
                .contains("fsync=on, synchronous_commit=on")
                .containsPattern("organization: ticketing-demo \\(minimal\\), [0-9,]+ rows in \\d+ tenant tables")
                .containsPattern("\\(e\\) extension: the rows the test changed put back \\(change log\\) +[0-9.]+ ms .* 1\\.0x +[0-9.]+ ms")
                .containsPattern("\\(f\\) the extension's fallback: reset to the applied-state snapshot +[0-9.]+ ms .* [0-9.]+x")
                .containsPattern("\\(a\\) Database Rider-style clean-insert \\(batched, one transaction\\) +[0-9.]+ ms .* [0-9.]+x")
                .containsPattern("\\(b\\) TRUNCATE every tenant table \\+ re-apply the packs +[0-9.]+ ms .* [0-9.]+x");
    }
}
