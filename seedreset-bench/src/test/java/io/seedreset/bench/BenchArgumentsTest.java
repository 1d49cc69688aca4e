package io.seedreset.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** './bench --help' and './bench load --help' explain themselves; bad numbers are usage errors, not stack traces. */
class BenchArgumentsTest {

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void bench_help_prints_the_usage_and_points_at_the_load_benchmark() {
        Run help = run(Benchmark.commandLine(new Benchmark()), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: bench [-hV] [--cli-jar=JAR] [ROUNDS]").contains("'./bench load --help'")
                .contains("'./bench junit --help'");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void bench_load_help_prints_the_usage() {
        Run help = run(Benchmark.commandLine(new LoadBenchmark()), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: bench load").contains("--per-row-limit");
    }

    @Test
    void bench_junit_help_prints_the_usage() {
        Run help = run(Benchmark.commandLine(new JunitBenchmark()), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: bench junit").contains("--mode").contains("--rounds").contains("--warmup");
    }

    @Test
    void rounds_that_are_not_a_whole_number_in_ascii_digits_are_a_usage_error() {
        for (String rounds : new String[] {"--hlep", "many", "٣"}) {
            Run run = run(Benchmark.commandLine(new Benchmark()), rounds);
            assertThat(run.exitCode()).as(rounds).isEqualTo(2);
            assertThat(run.err()).doesNotContain("Exception");
        }
        assertThat(run(Benchmark.commandLine(new LoadBenchmark()), "--rounds", "٣").exitCode()).isEqualTo(2);
        assertThat(run(Benchmark.commandLine(new Benchmark()), "0").err()).contains("ROUNDS must be at least 1, got 0");
        Run junit = run(Benchmark.commandLine(new JunitBenchmark()), "--rounds", "0");
        assertThat(junit.exitCode()).isEqualTo(2);
        assertThat(junit.err()).contains("--rounds must be at least 1 and --warmup at least 0, got 0 and 3").doesNotContain("Exception");
    }
}
