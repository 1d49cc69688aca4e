package io.seedreset.bench;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.TeardownRequest;
import io.seedreset.cli.AsciiNumbers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * One run on a fresh embedded PostgreSQL: plan, apply, teardown and reset of
 * event-agency-starter through the Java API, and the whole CLI process for
 * {@code seedreset --help}. Prints the median and range of each over several rounds.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "seedreset bench 0.1.0", sortOptions = false,
        description = {"Times plan, apply, teardown and reset of event-agency-starter, and the CLI process for 'seedreset --help',"
                + " on a fresh embedded PostgreSQL; prints the median, minimum and maximum of each.",
                "'./bench load --help' describes the load benchmark; './bench junit --help' the JUnit extension's after-each restore"
                        + " against clean-insert and TRUNCATE-and-reapply."})
public final class Benchmark implements Callable<Integer> {

    private static final String PACK = "event-agency-starter";
    private static final String ORG = "bench";
    private static final int WARMUP = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ROUNDS", defaultValue = "15",
            description = "measured rounds, after " + WARMUP + " warm-up rounds (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--cli-jar", paramLabel = "JAR", defaultValue = "seedreset-cli/target/seedreset.jar",
            description = "the CLI whose process is timed (default: ${DEFAULT-VALUE})")
    Path cliJar;

    public static void main(String[] args) {
        System.exit(commandLine(new Benchmark()).execute(args));
    }

    /** The command line of {@code ./bench} and {@code ./bench load}: numbers in ASCII digits only, as the CLI takes them. */
    static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        AsciiNumbers.register(commandLine);
        return commandLine;
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "ROUNDS must be at least 1, got " + rounds);
        }
        // A throw-away server: zonky creates its data directory in the temp folder and removes it on close.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            SeedReset seedReset = SeedReset.configure().dataSource(postgres.getPostgresDatabase()).actor("bench").load();
            seedReset.init();
            seedReset.createOrganization(ORG, "Bench Events", OrganizationKind.DEMO);
            PackRequest request = PackRequest.of(PACK, ORG).seed(1L).anchor(Instant.parse("2026-11-21T00:00:00Z"));
            ApplyRequest apply = ApplyRequest.of(request).confirm(ORG);
            TeardownRequest teardown = TeardownRequest.of(ORG).confirm(ORG);
            long rows = seedReset.plan(request).totalRows();

            List<Long> plan = new ArrayList<>();
            List<Long> applied = new ArrayList<>();
            List<Long> tornDown = new ArrayList<>();
            List<Long> reset = new ArrayList<>();
            for (int round = 0; round < WARMUP + rounds; round++) {
                boolean measured = round >= WARMUP;
                record(measured, plan, () -> seedReset.plan(request));
                record(measured, applied, () -> seedReset.apply(apply));
                record(measured, reset, () -> seedReset.reset(ResetRequest.of(ORG).confirm(ORG).anchor(request.anchor())));
                record(measured, tornDown, () -> seedReset.teardown(teardown));
            }
            List<Long> help = new ArrayList<>();
            for (int round = 0; round < 1 + Math.min(rounds, 10); round++) {
                long started = System.nanoTime();
                runHelp(cliJar);
                if (round > 0) {
                    help.add(System.nanoTime() - started);
                }
            }
            System.out.printf("Seed & Reset benchmark: %s (%d rows), embedded PostgreSQL %s, %d rounds after %d warm-up%n",
                    PACK, rows, serverVersion(postgres), rounds, WARMUP);
            System.out.printf("%-28s %10s %10s %10s%n", "operation", "median ms", "min ms", "max ms");
            print("plan", plan);
            print("apply", applied);
            print("teardown", tornDown);
            print("reset (wipe + re-apply)", reset);
            print("CLI process: --help", help);
            return 0;
        }
    }

    private static String serverVersion(EmbeddedPostgres postgres) throws java.sql.SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }

    private static void record(boolean measured, List<Long> samples, Runnable operation) {
        long started = System.nanoTime();
        operation.run();
        if (measured) {
            samples.add(System.nanoTime() - started);
        }
    }

    private static void runHelp(Path cliJar) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", cliJar.toString(), "--help")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("'java -jar " + cliJar + " --help' failed; build it with ./mvnw -pl seedreset-cli -am package");
        }
    }

    private static void print(String operation, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-28s %10.1f %10.1f %10.1f%n", operation, sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
