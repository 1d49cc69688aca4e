package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.cli.database.Database;
import io.seedreset.cli.database.EmbeddedServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL: durable, started and stopped by each command unless 'seedreset db start'
 * keeps one running for all of them. 'db start' runs as a process of its own, as a user runs it,
 * so the server is seen to outlive the process that started it.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;
    private Path data;
    private Map<String, String> environment;

    @BeforeEach
    void dataDirectory() {
        data = directory.resolve("pgdata");
        environment = Map.of("SEEDRESET_DATA_DIR", data.toString());
    }

    @AfterEach
    void stopWhatIsLeft() {
        EmbeddedServer.stop(data);
    }

    @Test
    void the_embedded_server_keeps_postgresqls_durable_settings() throws Exception {
        try (Database database = Database.embedded(data)) {
            assertThat(settings(database.dataSource())).isEqualTo("fsync=on synchronous_commit=on full_page_writes=on");
        }
    }

    @Test
    void db_start_keeps_one_server_running_that_every_command_uses_until_db_stop() throws Exception {
        Result start = seedresetProcess("db", "start");
        assertThat(start.exitCode()).as(start.toString()).isZero();
        EmbeddedServer.Running running = EmbeddedServer.find(data).orElseThrow();
        assertThat(running.shared()).isTrue();
        assertThat(start.out()).isEqualTo("Started the embedded PostgreSQL in " + data + " (PID " + running.pid() + ", port "
                + running.port() + "): every command uses it until 'seedreset db stop'.\n"
                + "Open it with: psql -h localhost -p " + running.port() + " -U postgres postgres\n");
        assertThat(ProcessHandle.of(running.pid()).map(ProcessHandle::isAlive)).as("outlives 'db start'").contains(true);

        for (String[] command : List.of(new String[] {"init"}, new String[] {"org", "create", "acme-demo", "--name", "Acme", "--kind", "demo"},
                new String[] {"apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo"})) {
            Cli.Run run = Cli.run(environment, command);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(EmbeddedServer.find(data)).as("neither stopped nor replaced by " + String.join(" ", command)).contains(running);
        }
        try (Database reused = Database.embedded(data)) {
            assertThat(reused.ownsServer()).as("a command connects to the running server, it starts none").isFalse();
            assertThat(settings(reused.dataSource())).isEqualTo("fsync=on synchronous_commit=on full_page_writes=on");
        }

        Cli.Run status = Cli.run(environment, "db", "status");
        assertThat(status.out()).isEqualTo("The embedded PostgreSQL in " + data + " is running (PID " + running.pid() + ", port "
                + running.port() + "): every command uses it until 'seedreset db stop'.\n"
                + "Open it with: psql -h localhost -p " + running.port() + " -U postgres postgres\n");
        try (Connection psqlsDatabase = DriverManager.getConnection(running.jdbcUrl())) {
            assertThat(psqlsDatabase.isValid(1)).as("the database the psql line opens").isTrue();
        }
        assertThat(Cli.run(environment, "db", "start").out()).startsWith("The embedded PostgreSQL in " + data + " is already running (PID "
                + running.pid() + ",");

        Result stop = seedresetProcess("db", "stop");
        assertThat(stop.out()).isEqualTo("Stopped the embedded PostgreSQL in " + data + " (PID " + running.pid() + "): each command"
                + " starts and stops its own server ('seedreset db start' keeps one running).\n");
        assertThat(data.resolve("postmaster.pid")).as("a clean shutdown").doesNotExist();
        ProcessHandle.of(running.pid()).ifPresent(p -> p.onExit().orTimeout(1, TimeUnit.MINUTES).join());
        assertThat(data.resolve(EmbeddedServer.SHARED_FILE)).doesNotExist();
        assertThat(Cli.run(environment, "db", "status").out()).startsWith("The embedded PostgreSQL in " + data + " is not running: ");
        assertThat(Cli.run(environment, "db", "stop").out()).startsWith("The embedded PostgreSQL in " + data + " was not running: ");

        Cli.Run own = Cli.run(environment, "org", "list");
        assertThat(own.out()).as("kept its data, on a server of its own").contains("acme-demo");
        assertThat(EmbeddedServer.find(data)).as("which it stopped").isEmpty();
    }

    @Test
    void commands_run_side_by_side_on_the_shared_server() throws Exception {
        assertThat(seedresetProcess("db", "start").exitCode()).isZero();
        assertThat(Cli.run(environment, "init").exitCode()).isZero();
        for (String slug : List.of("north", "south")) {
            assertThat(Cli.run(environment, "org", "create", slug, "--name", slug, "--kind", "demo").exitCode()).isZero();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Cli.Run>> runs = new ArrayList<>();
            for (String slug : List.of("north", "south")) {
                runs.add(pool.submit(() -> Cli.run(environment, "apply", "event-agency-starter", "--org", slug, "--confirm", slug)));
            }
            for (Future<Cli.Run> run : runs) {
                assertThat(run.get(2, TimeUnit.MINUTES).exitCode()).as(run.get().toString()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Cli.run(environment, "history").out()).contains("north", "south");
    }

    @Test
    void a_command_finds_the_directory_held_by_another_commands_server_busy_and_is_told_what_to_do() {
        try (Database other = Database.embedded(data, "seedreset apply")) {
            EmbeddedServer.Running server = EmbeddedServer.find(data).orElseThrow();
            String holder = "'seedreset apply' (process " + ProcessHandle.current().pid() + ")";
            for (String[] command : List.of(new String[] {"org", "list"}, new String[] {"db", "start"})) {
                Cli.Run run = Cli.run(environment, command);
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONFLICT);
                assertThat(run.err()).isEqualTo("seedreset: the embedded database in " + data + " is in use by " + holder
                        + ", which runs its own PostgreSQL (PID " + server.pid() + ") and stops it when it ends: "
                        + (command[0].equals("db") ? "wait for that command to end, then run 'seedreset db start' again\n"
                        : "run one command at a time, or keep one server running for all of them with 'seedreset db start'\n"));
            }
            assertThat(Cli.run(environment, "db", "status").out()).isEqualTo("The embedded PostgreSQL in " + data + " is running (PID "
                    + server.pid() + ", port " + server.port() + ") for " + holder + ", which stops it when it ends.\n"
                    + "Open it with: psql -h localhost -p " + server.port() + " -U postgres postgres\n");

            Cli.Run stop = Cli.run(environment, "db", "stop");
            assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(ExitCodes.CONFLICT);
            assertThat(stop.err()).isEqualTo("seedreset: the embedded PostgreSQL in " + data + " (PID " + server.pid() + ") belongs to "
                    + holder + ", which is still running and stops it when it ends: wait for that command to end, or stop it first"
                    + " (Ctrl-C where it runs, or 'kill " + ProcessHandle.current().pid() + "')\n");
            assertThat(EmbeddedServer.find(data)).as("still serving its command").contains(server);
            assertThat(settingsOrFailure(other.dataSource())).isEqualTo("fsync=on synchronous_commit=on full_page_writes=on");
        }
        assertThat(EmbeddedServer.find(data)).as("stopped by its command").isEmpty();
        assertThat(Cli.run(environment, "db", "stop").out()).startsWith("The embedded PostgreSQL in " + data + " was not running: ");
    }

    /**
     * The user's case: one command runs on its own server while 'db stop' is typed in another shell.
     * The command is a process of its own here; killed, it leaves its server behind, which nothing
     * holds any more: 'db stop' stops that one, and the busy answers say so.
     */
    @Test
    void db_stop_refuses_the_server_of_a_running_command_and_stops_the_one_a_killed_command_left() throws Exception {
        Process command = holdServerProcess("seedreset apply");
        try {
            EmbeddedServer.Running server = EmbeddedServer.find(data).orElseThrow();
            String holder = "'seedreset apply' (process " + command.pid() + ")";
            assertThat(Cli.run(environment, "db", "status").out()).startsWith("The embedded PostgreSQL in " + data + " is running (PID "
                    + server.pid() + ", port " + server.port() + ") for " + holder + ", which stops it when it ends.\n");

            Result stop = seedresetProcess("db", "stop");
            assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(ExitCodes.CONFLICT);
            assertThat(stop.err()).isEqualTo("seedreset: the embedded PostgreSQL in " + data + " (PID " + server.pid() + ") belongs to "
                    + holder + ", which is still running and stops it when it ends: wait for that command to end, or stop it first"
                    + " (Ctrl-C where it runs, or 'kill " + command.pid() + "')\n");
            assertThat(EmbeddedServer.find(data)).as("still serving its command").contains(server);
            assertThat(command.isAlive()).isTrue();

            command.destroyForcibly();
            assertThat(command.onExit().get(1, TimeUnit.MINUTES).exitValue()).isNotZero();
            assertThat(EmbeddedServer.find(data)).as("left behind by the killed command").contains(server);
            assertThat(Cli.run(environment, "db", "status").out()).startsWith("The embedded PostgreSQL in " + data + " is running (PID "
                    + server.pid() + ", port " + server.port() + "), left running by a seedreset command that was killed:"
                    + " 'seedreset db stop' stops it.\n");
            for (String[] busy : List.of(new String[] {"db", "start"}, new String[] {"org", "list"})) {
                Cli.Run run = Cli.run(environment, busy);
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONFLICT);
                assertThat(run.err()).isEqualTo("seedreset: the embedded database in " + data + " is held by a PostgreSQL (PID " + server.pid()
                        + ") that a killed seedreset command left running: stop it with 'seedreset db stop', then run 'seedreset "
                        + String.join(" ", busy) + "' again\n");
            }

            // What the killed command wrote is left in the owner file; even naming a live process, it holds nothing.
            Files.writeString(data.resolveSibling("pgdata.owner"), "1\nseedreset apply\n");
            Result stopped = seedresetProcess("db", "stop");
            assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
            assertThat(stopped.out()).startsWith("Stopped the embedded PostgreSQL in " + data + " (PID " + server.pid() + "): ");
            assertThat(EmbeddedServer.find(data)).isEmpty();
            Cli.Run after = Cli.run(environment, "org", "list");
            assertThat(after.exitCode()).as("a command starts its own again: " + after).isEqualTo(ExitCodes.FAILURE);
            assertThat(after.err()).contains("seedreset init");
        } finally {
            command.destroyForcibly();
        }
    }

    @Test
    void a_command_that_ends_leaves_nothing_that_blocks_db_stop_or_the_next_command() throws Exception {
        Process command = holdServerProcess("seedreset apply");
        assertThat(EmbeddedServer.find(data)).isPresent();
        command.getOutputStream().close();
        assertThat(command.onExit().get(1, TimeUnit.MINUTES).exitValue()).isZero();
        assertThat(EmbeddedServer.find(data)).as("its server stopped with it").isEmpty();
        assertThat(Cli.run(environment, "db", "stop").out()).startsWith("The embedded PostgreSQL in " + data + " was not running: ");
        Result start = seedresetProcess("db", "start");
        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(seedresetProcess("db", "stop").exitCode()).isZero();
    }

    @Test
    void a_killed_server_leaves_files_that_block_nothing() throws Exception {
        assertThat(seedresetProcess("db", "start").exitCode()).isZero();
        assertThat(Cli.run(environment, "init").exitCode()).isZero();
        ProcessHandle postmaster = ProcessHandle.of(EmbeddedServer.find(data).orElseThrow().pid()).orElseThrow();
        List<ProcessHandle> server = new ArrayList<>(postmaster.descendants().toList());
        server.add(postmaster);
        server.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : server) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(data.resolve("postmaster.pid")).exists();
        assertThat(data.resolve(EmbeddedServer.SHARED_FILE)).exists();

        assertThat(Cli.run(environment, "db", "status").out()).startsWith("The embedded PostgreSQL in " + data + " is not running: ");
        assertThat(data.resolve(EmbeddedServer.SHARED_FILE)).doesNotExist();
        Cli.Run after = Cli.run(environment, "org", "list");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(seedresetProcess("db", "start").exitCode()).as("and db start starts a new one").isZero();
    }

    @Test
    void with_json_nothing_but_the_result_or_one_error_object_is_printed_not_even_a_log_line() throws Exception {
        assertThat(seedresetProcess("init").exitCode()).isZero();
        try (Database database = Database.embedded(data); Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER seedreset_guard_flag ON platform.organizations");
        }
        // init puts the guard back and says so: in the result with --json, never as a log line on stderr.
        Result repaired = seedresetProcess("init", "--json");
        assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
        assertThat(repaired.err()).isEmpty();
        assertThat(repaired.out()).contains("guard trigger seedreset_guard_flag on platform.organizations is missing");
    }

    private static String settingsOrFailure(DataSource dataSource) {
        try {
            return settings(dataSource);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String settings(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT string_agg(name || '=' || setting, ' ' ORDER BY array_position("
                     + "ARRAY['fsync', 'synchronous_commit', 'full_page_writes'], name::text)) FROM pg_settings"
                     + " WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Starts {@link HoldsEmbeddedServer} as a process of its own and returns once its server runs. */
    private Process holdServerProcess(String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath(),
                HoldsEmbeddedServer.class.getName(), data.toString(), name);
        builder.redirectError(directory.resolve("holder-err.txt").toFile());
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the holder started its server (stderr: %s)", directory.resolve("holder-err.txt")).isEqualTo("ready");
        return process;
    }

    /** Runs {@code seedreset ARGS} as a process of its own, on this test's data directory. */
    private Result seedresetProcess(String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = Cli.process(environment, args);
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("seedreset " + String.join(" ", args) + " finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
