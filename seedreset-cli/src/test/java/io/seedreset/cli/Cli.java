package io.seedreset.cli;

import io.seedreset.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
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
}
