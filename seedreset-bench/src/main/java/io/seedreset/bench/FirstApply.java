package io.seedreset.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.SeedReset;
import io.seedreset.api.TeardownRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first apply in a fresh JVM, as {@code ./bench small} measures it: a child process that
 * connects to the benchmark's server through a pool, runs init (as an application does when it
 * starts), times {@code SeedReset.apply} of one pack into an existing organization and tears
 * the application down again, untimed. It prints one line: {@code RESULT nanos cpuNanos rows planHash}, where
 * {@code cpuNanos} is the CPU time the whole JVM (JIT compilers included) spent during the apply.
 */
public final class FirstApply {

    private static final String RESULT = "RESULT";

    private FirstApply() {
    }

    /** What the child measured. */
    record Result(long nanos, long cpuNanos, long rows, String planHash) {
    }

    /** Arguments: JDBC URL, pack, organization, seed, anchor. */
    public static void main(String[] args) {
        try (HikariDataSource pool = SmallBenchmark.pool(args[0])) {
            SeedReset seedReset = SeedReset.configure().dataSource(pool).actor("small-bench").load();
            seedReset.init();
            ApplyRequest apply = SmallBenchmark.request(args[1], args[2], Long.parseLong(args[3]), args[4]);
            long cpuStarted = SmallBenchmark.processCpuNanos();
            long started = System.nanoTime();
            ApplyResult applied = seedReset.apply(apply);
            long nanos = System.nanoTime() - started;
            long cpuNanos = SmallBenchmark.processCpuNanos() - cpuStarted;
            if (applied.status() != ApplyResult.Status.APPLIED) {
                throw new IllegalStateException("apply of " + applied.packId() + " was " + applied.status() + ", expected APPLIED");
            }
            seedReset.teardown(TeardownRequest.of(args[2]).confirm(args[2]));
            System.out.println(RESULT + " " + nanos + " " + cpuNanos + " " + applied.totalRows() + " " + applied.planHash());
        }
    }

    /** Runs the child with this JVM's java and classpath, and these JVM options, and returns what it measured. */
    static Result inFreshJvm(List<String> jvmOptions, String jdbcUrl, String pack, String organization, long seed, String anchor)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                FirstApply.class.getName(), jdbcUrl, pack, organization, Long.toString(seed), anchor));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Result result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(RESULT + " ")) {
                    String[] fields = line.split(" ");
                    result = new Result(Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]), fields[4]);
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || result == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the fresh JVM applying " + pack + " failed (exit "
                    + (process.isAlive() ? "none" : process.exitValue()) + "); its errors are above");
        }
        return result;
    }
}
