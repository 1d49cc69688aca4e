package io.seedreset.cli;

import io.seedreset.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import picocli.CommandLine;

/** Runs the CLI in-process, as {@code seedreset ARGS}, and captures what it prints. */
final class Cli {

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** The CLI pointed at one database of the test server, as postgres, with the options every run there takes. */
    record OnDatabase(DataSource dataSource, List<String> options) {

        Run run(String... args) {
            return run(Map.of(), args);
        }

        Run run(Map<String, String> environment, String... args) {
            List<String> all = new ArrayList<>(options);
            all.addAll(List.of(args));
            return Cli.run(environment, all.toArray(String[]::new));
        }

        String url() {
            return TestDatabases.url(dataSource);
        }
    }

    private Cli() {
    }

    /** A fresh, empty database, and the CLI on it with these options before every command's arguments. */
    static OnDatabase onFreshDatabase(String... options) {
        DataSource dataSource = TestDatabases.newDatabase();
        List<String> all = new ArrayList<>(List.of("--url", TestDatabases.url(dataSource), "--user", "postgres"));
        all.addAll(List.of(options));
        return new OnDatabase(dataSource, List.copyOf(all));
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs with these environment variables instead of the process's. */
    static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SeedresetCommand root = new SeedresetCommand(environment);
        try {
            CommandLine commandLine = Main.commandLine(root);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exit = commandLine.execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            root.close();
        }
    }

    /**
     * {@code seedreset ARGS} as a process of its own, as a user runs it: this JVM's java and class path,
     * the CLI's own logging (not the tests', which logs to stdout), these environment variables and
     * never SEEDRESET_URL from the test's.
     */
    static ProcessBuilder process(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath(),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().remove("SEEDRESET_URL");
        return builder;
    }
}
