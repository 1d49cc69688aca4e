package io.seedreset.bench;

import io.seedreset.api.OrganizationKind;
import io.seedreset.api.SeedReset;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the guard triggers cost the host application's own writes (outside seed context): one
 * run, three identical tenant tables written the same way, side by side. {@code plain} has no
 * trigger, {@code guarded} has the guards {@code init} installs, and {@code unconditional} has
 * the guards as they were before (statement triggers with transition tables, which copy every
 * row, and a function that then tests for seed context). Each write is one statement in its own
 * transaction, as a web request writes: once with {@code synchronous_commit} on (PostgreSQL's
 * default, each commit waits for the disk) and once off, where nothing hides the triggers' cost.
 */
@Command(name = "bench guards", sortOptions = false,
        description = "Measures what the guard triggers cost the application's own single-row writes, against no triggers, in one run.")
public final class GuardsBenchmark implements Callable<Integer> {

    private static final String[] TABLES = {"plain", "guarded", "unconditional"};
    private static final String[] WRITES = {"insert", "update", "delete"};
    private static final double TARGET = 0.95;
    private static final String[] COMMITS = {"on", "off"};

    @Option(names = "--rows", paramLabel = "N", defaultValue = "4000",
            description = "single-row writes of each kind per table per round (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "7",
            description = "measured rounds, tables in turn in alternating order; figures are medians (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GuardsBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (rows < 100 || rounds < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rows must be at least 100 and --rounds at least 1");
        }
        PhaseLog log = new PhaseLog(System.err);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start()) {
            DataSource admin = postgres.getPostgresDatabase();
            ServerInfo server = ServerInfo.read(admin);
            SeedReset seedReset = SeedReset.configure().dataSource(admin).actor("guards-bench").load();
            seedReset.init();
            createTables(admin);
            seedReset.init();
            unguard(admin);
            UUID organization = seedReset.createOrganization("acme", "Acme Events", OrganizationKind.PRODUCTION).id();
            log.done("started PostgreSQL " + server.version() + " and installed the guards");

            boolean met = true;
            for (String commit : COMMITS) {
                Map<String, Samples> samples = new LinkedHashMap<>();
                for (int round = 0; round <= rounds; round++) {
                    List<String> order = new ArrayList<>(List.of(TABLES));
                    if (round % 2 == 1) {
                        java.util.Collections.reverse(order);
                    }
                    for (String table : order) {
                        Map<String, Long> durations = writeRound(admin, commit, table, organization);
                        if (round > 0) { // round 0 warms the JIT and the server's caches
                            durations.forEach((key, nanos) -> samples.computeIfAbsent(table + " " + key, k -> new Samples()).add(nanos));
                        }
                    }
                    log.done((round == 0 ? "warm-up round" : "round " + round + " of " + rounds) + ", synchronous_commit=" + commit);
                }
                met &= print(server, commit, samples);
            }
            System.out.printf("%nguarded writes as a share of plain ones, every kind, both commit settings: %s (target: %.0f%% or more)%n",
                    met ? "PASS" : "MISS", 100 * TARGET);
            return 0;
        }
    }

    private static void createTables(DataSource admin) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA bench");
            for (String table : TABLES) {
                statement.execute("CREATE TABLE bench." + table + " (org_id uuid NOT NULL REFERENCES platform.organizations (id),"
                        + " id uuid NOT NULL, name text NOT NULL, amount numeric(12,2) NOT NULL, PRIMARY KEY (org_id, id))");
            }
        }
    }

    /** Takes the guards off {@code plain}, and gives {@code unconditional} the guards as they were (no WHEN clause). */
    private static void unguard(DataSource admin) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : new String[] {"plain", "unconditional"}) {
                for (String trigger : new String[] {"rows", "truncate"}) {
                    statement.execute("DROP TRIGGER seedreset_guard_" + trigger + " ON bench." + table);
                }
            }
            statement.execute("""
                    CREATE FUNCTION bench.unconditional_guard() RETURNS trigger
                        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
                    BEGIN
                        IF nullif(current_setting('seedreset.application_id', true), '') IS NOT NULL THEN
                            PERFORM platform.refuse_production_rows(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
                                ARRAY(SELECT DISTINCT org_id FROM new_rows), 'SR001', 'seed writes to');
                        END IF;
                        RETURN NULL;
                    END $$""");
            statement.execute("CREATE TRIGGER old_guard_insert AFTER INSERT ON bench.unconditional REFERENCING NEW TABLE AS new_rows"
                    + " FOR EACH STATEMENT EXECUTE FUNCTION bench.unconditional_guard()");
            statement.execute("CREATE TRIGGER old_guard_update AFTER UPDATE ON bench.unconditional REFERENCING OLD TABLE AS old_rows"
                    + " NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bench.unconditional_guard()");
            statement.execute("CREATE TRIGGER old_guard_delete AFTER DELETE ON bench.unconditional REFERENCING OLD TABLE AS new_rows"
                    + " FOR EACH STATEMENT EXECUTE FUNCTION bench.unconditional_guard()");
        }
    }

    /**
     * Inserts, updates and deletes {@link #rows} rows one statement (one transaction) each; returns how
     * long each kind took ("insert") and how much CPU the server's backend spent on it ("insert cpu",
     * from /proc, where there is one): CPU time is what the triggers add, and a busy machine moves it
     * far less than wall time.
     */
    private Map<String, Long> writeRound(DataSource admin, String commit, String table, UUID organization) throws SQLException {
        Map<String, Long> durations = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            ids.add(new UUID(i + 1L, 42L));
        }
        try (Connection connection = admin.getConnection()) {
            connection.setAutoCommit(true);
            long backend;
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit = " + commit);
                try (java.sql.ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    backend = rs.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench." + table + " (org_id, id, name, amount) VALUES (?, ?, 'Operating account', 1250.00)");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE bench." + table + " SET amount = amount + 1 WHERE org_id = ? AND id = ?");
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM bench." + table + " WHERE org_id = ? AND id = ?")) {
                for (String write : WRITES) {
                    PreparedStatement statement = switch (write) {
                        case "insert" -> insert;
                        case "update" -> update;
                        default -> delete;
                    };
                    long cpu = cpuNanos(backend);
                    long started = System.nanoTime();
                    for (UUID id : ids) {
                        statement.setObject(1, organization);
                        statement.setObject(2, id);
                        statement.executeUpdate();
                    }
                    durations.put(write, System.nanoTime() - started);
                    if (cpu >= 0) {
                        durations.put(write + " cpu", cpuNanos(backend) - cpu);
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM bench." + table);
            }
        }
        return durations;
    }

    /** Nanoseconds a process has run on a CPU (Linux's /proc/PID/schedstat), or -1 where that cannot be read. */
    private static long cpuNanos(long pid) {
        try {
            return Long.parseLong(java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "schedstat"))
                    .trim().split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Prints one commit setting's table; returns whether every kind met the target. */
    private boolean print(ServerInfo server, String commit, Map<String, Samples> samples) {
        System.out.printf("%nGuard cost on the application's own writes: PostgreSQL %s, synchronous_commit=%s, fsync=on;%n"
                + "%,d single-row statements of each kind per table per round, autocommit, medians of %d rounds%n%n",
                server.version(), commit, rows, rounds);
        System.out.printf("%-8s %14s %14s %14s %10s %14s%n", "write", "plain /s", "guarded /s", "unconditional", "guarded", "unconditional");
        boolean met = true;
        for (String write : WRITES) {
            double plain = rows / samples.get("plain " + write).medianSeconds();
            double guarded = rows / samples.get("guarded " + write).medianSeconds();
            double unconditional = rows / samples.get("unconditional " + write).medianSeconds();
            System.out.printf("%-8s %,14.0f %,14.0f %,14.0f %9.1f%% %13.1f%%%n", write, plain, guarded, unconditional,
                    100 * guarded / plain, 100 * unconditional / plain);
            met &= guarded / plain >= TARGET;
        }
        if (samples.containsKey("plain insert cpu")) {
            System.out.printf("%n%-8s %14s %14s %14s %10s %14s%n", "write", "plain µs CPU", "guarded", "unconditional", "+guarded",
                    "+uncond.");
            for (String write : WRITES) {
                double plain = samples.get("plain " + write + " cpu").median() / 1e3 / rows;
                double guarded = samples.get("guarded " + write + " cpu").median() / 1e3 / rows;
                double unconditional = samples.get("unconditional " + write + " cpu").median() / 1e3 / rows;
                System.out.printf("%-8s %14.1f %14.1f %14.1f %+10.1f %+14.1f%n", write, plain, guarded, unconditional,
                        guarded - plain, unconditional - plain);
            }
            System.out.println("(the server backend's CPU time per statement, from /proc/PID/schedstat: what the triggers cost it)");
        }
        return met;
    }
}
