package io.seedreset.bench;

import io.seedreset.api.OrganizationKind;
import io.seedreset.api.SeedReset;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the guard triggers cost the host application's own writes (outside seed context): one
 * run, four identical tenant tables written the same way, side by side. {@code plain} has no
 * trigger, {@code guarded} has the guards {@code init} installs, {@code previous} has the row guard
 * as it was before (the same AFTER row trigger, its function VOLATILE and testing the setting with
 * two calls), and {@code floor} has an AFTER row trigger whose PL/pgSQL function only returns: what
 * any PL/pgSQL row trigger costs before it tests anything. Each write is one statement in its own
 * transaction, as a web request writes: once with {@code synchronous_commit} on (PostgreSQL's
 * default, each commit waits for the disk) and once off, where nothing hides the triggers' cost.
 * The tables take turns every {@code --turn} statements in a random order, and each turn compares
 * each table with plain in the same turn: on a shared machine whatever else runs meanwhile falls
 * on all of them alike, where a table written for a whole round alone could meet a quiet machine
 * and the next a busy one (and a backend's CPU per statement about doubles on a quiet one).
 */
@Command(name = "bench guards", sortOptions = false,
        description = "Measures what the guard triggers cost the application's own single-row writes, against no triggers, in one run.")
public final class GuardsBenchmark implements Callable<Integer> {

    private static final String[] TABLES = {"plain", "guarded", "previous", "floor"};
    /** With --shapes: other trigger shapes, each on a table of its own, that the row guard could have taken (see docs/DESIGN.md). */
    private static final Map<String, List<String>> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("before", List.of(
                "CREATE TRIGGER shape BEFORE INSERT OR UPDATE ON bench.before FOR EACH ROW EXECUTE FUNCTION bench.keeps_new()",
                "CREATE TRIGGER shape_delete BEFORE DELETE ON bench.before FOR EACH ROW EXECUTE FUNCTION bench.keeps_old()"));
        SHAPES.put("statement", List.of(
                "CREATE TRIGGER shape AFTER INSERT OR UPDATE OR DELETE ON bench.statement FOR EACH STATEMENT EXECUTE FUNCTION bench.only_returns()"));
        SHAPES.put("when_setting", List.of(
                "CREATE TRIGGER shape AFTER INSERT OR UPDATE OR DELETE ON bench.when_setting FOR EACH ROW"
                        + " WHEN (pg_catalog.current_setting('seedreset.application_id', true) <> '') EXECUTE FUNCTION platform.guard_seed_row()"));
        SHAPES.put("when_false", List.of(
                "CREATE TRIGGER shape AFTER INSERT OR UPDATE OR DELETE ON bench.when_false FOR EACH ROW"
                        + " WHEN (false) EXECUTE FUNCTION platform.guard_seed_row()"));
    }
    private static final String[] WRITES = {"insert", "update", "delete"};
    private static final double TARGET = 0.95;
    private static final String[] COMMITS = {"on", "off"};

    @Option(names = "--rows", paramLabel = "N", defaultValue = "4000",
            description = "single-row writes of each kind per table per round (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--turn", paramLabel = "N", defaultValue = "100",
            description = "statements a table writes before the next one takes its turn (default: ${DEFAULT-VALUE})")
    int turn;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "7",
            description = "measured rounds after a warm-up round; figures are medians over their turns (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--shapes", description = "also measure other trigger shapes, each on its own table: a BEFORE row trigger whose"
            + " functions only return NEW or OLD (before), a statement trigger that only returns (statement), the row guard behind"
            + " WHEN (current_setting(...) <> '') (when_setting) and behind WHEN (false) (when_false)")
    boolean shapes;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GuardsBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (rows < 100 || rounds < 1 || turn < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--rows must be at least 100, --rounds and --turn at least 1");
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
            List<String> tables = new ArrayList<>(List.of(TABLES));
            if (shapes) {
                tables.addAll(SHAPES.keySet());
            }
            createTables(admin, tables);
            seedReset.init();
            unguard(admin, tables);
            UUID organization = seedReset.createOrganization("acme", "Acme Events", OrganizationKind.PRODUCTION).id();
            log.done("started PostgreSQL " + server.version() + " and installed the guards");

            boolean met = true;
            Random shuffle = new Random(42);
            for (String commit : COMMITS) {
                Turns turns = new Turns();
                Map<String, Connection> connections = new LinkedHashMap<>();
                try {
                    for (String table : tables) {
                        connections.put(table, admin.getConnection());
                    }
                    for (int round = 0; round <= rounds; round++) {
                        // round 0 warms the JIT and the server's caches
                        writeRound(connections, commit, organization, shuffle, round == 0 ? new Turns() : turns);
                        log.done((round == 0 ? "warm-up round" : "round " + round + " of " + rounds) + ", synchronous_commit=" + commit);
                    }
                } finally {
                    for (Connection connection : connections.values()) {
                        connection.close();
                    }
                }
                met &= print(server, commit, turns);
            }
            System.out.printf("%nguarded writes as a share of plain ones, every kind, both commit settings: %s (target: %.0f%% or more)%n",
                    met ? "PASS" : "MISS", 100 * TARGET);
            return 0;
        }
    }

    private static void createTables(DataSource admin, List<String> tables) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA bench");
            for (String table : tables) {
                statement.execute("CREATE TABLE bench." + table + " (org_id uuid NOT NULL REFERENCES platform.organizations (id),"
                        + " id uuid NOT NULL, name text NOT NULL, amount numeric(12,2) NOT NULL, PRIMARY KEY (org_id, id))");
            }
        }
    }

    /**
     * Takes the guards off {@code plain}, gives {@code previous} the row guard as it was (a VOLATILE
     * function that calls current_setting twice) and {@code floor} a row trigger that only returns.
     */
    private static void unguard(DataSource admin, List<String> tables) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables.stream().filter(table -> !table.equals("guarded")).toList()) {
                for (String trigger : new String[] {"rows", "truncate"}) {
                    statement.execute("DROP TRIGGER seedreset_guard_" + trigger + " ON bench." + table);
                }
            }
            statement.execute("""
                    CREATE FUNCTION bench.previous_guard() RETURNS trigger
                        LANGUAGE plpgsql AS $$
                    BEGIN
                        IF pg_catalog.current_setting('seedreset.application_id', true) IS NULL
                           OR pg_catalog.current_setting('seedreset.application_id', true) OPERATOR(pg_catalog.=) '' THEN
                            RETURN NULL;
                        END IF;
                        PERFORM platform.check_seed_row(TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP,
                            CASE WHEN TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN OLD.org_id END,
                            CASE WHEN TG_OP OPERATOR(pg_catalog.<>) 'DELETE' THEN NEW.org_id END);
                        RETURN NULL;
                    END $$""");
            statement.execute("CREATE TRIGGER previous_guard AFTER INSERT OR UPDATE OR DELETE ON bench.previous"
                    + " FOR EACH ROW EXECUTE FUNCTION bench.previous_guard()");
            statement.execute("CREATE FUNCTION bench.only_returns() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
            statement.execute("CREATE TRIGGER floor AFTER INSERT OR UPDATE OR DELETE ON bench.floor"
                    + " FOR EACH ROW EXECUTE FUNCTION bench.only_returns()");
            statement.execute("CREATE FUNCTION bench.keeps_new() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
            statement.execute("CREATE FUNCTION bench.keeps_old() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$");
            for (String table : tables) {
                for (String shape : SHAPES.getOrDefault(table, List.of())) {
                    statement.execute(shape);
                }
            }
        }
    }

    /**
     * One round: each table, on its own connection (one server backend each, as in an application's
     * pool), inserts, updates and deletes {@link #rows} rows, one statement (one transaction) each. The
     * tables take turns every {@link #turn} statements, in a new random order each time, so whatever
     * else the machine does meanwhile falls on all of them alike; each turn is one sample of each
     * table's time and of the CPU its backend spent (from /proc, where there is one), compared with
     * plain's in the same turn.
     */
    private void writeRound(Map<String, Connection> connections, String commit, UUID organization, Random shuffle, Turns turns)
            throws SQLException {
        Map<String, Long> backends = new LinkedHashMap<>();
        for (Map.Entry<String, Connection> connection : connections.entrySet()) {
            connection.getValue().setAutoCommit(true);
            try (Statement statement = connection.getValue().createStatement()) {
                statement.execute("SET synchronous_commit = " + commit);
                try (java.sql.ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    backends.put(connection.getKey(), rs.getLong(1));
                }
            }
        }
        List<String> order = new ArrayList<>(connections.keySet());
        for (String write : WRITES) {
            Map<String, PreparedStatement> statements = new LinkedHashMap<>();
            try {
                for (String table : order) {
                    statements.put(table, connections.get(table).prepareStatement(switch (write) {
                        case "insert" -> "INSERT INTO bench." + table + " (org_id, id, name, amount) VALUES (?, ?, 'Operating account', 1250.00)";
                        case "update" -> "UPDATE bench." + table + " SET amount = amount + 1 WHERE org_id = ? AND id = ?";
                        default -> "DELETE FROM bench." + table + " WHERE org_id = ? AND id = ?";
                    }));
                }
                for (int from = 0; from < rows; from += turn) {
                    int to = Math.min(rows, from + turn);
                    Collections.shuffle(order, shuffle);
                    Map<String, double[]> turnTaken = new LinkedHashMap<>();
                    for (String table : order) {
                        PreparedStatement statement = statements.get(table);
                        long cpu = cpuNanos(backends.get(table));
                        long started = System.nanoTime();
                        for (int i = from; i < to; i++) {
                            statement.setObject(1, organization);
                            statement.setObject(2, new UUID(i + 1L, 42L));
                            statement.executeUpdate();
                        }
                        long wall = System.nanoTime() - started;
                        long spent = cpuNanos(backends.get(table));
                        turnTaken.put(table, new double[] {wall / 1e3 / (to - from), cpu < 0 || spent < 0 ? Double.NaN : (spent - cpu) / 1e3 / (to - from)});
                    }
                    turns.add(write, turnTaken);
                }
            } finally {
                for (PreparedStatement statement : statements.values()) {
                    statement.close();
                }
            }
        }
        for (String table : order) {
            try (Statement statement = connections.get(table).createStatement()) {
                statement.execute("VACUUM bench." + table);
            }
        }
    }

    /**
     * The turns' samples: per "table write", each turn's wall time per statement, its backend's CPU per
     * statement, and both against plain's in the same turn (plain's time over the table's, the table's
     * CPU less plain's). Medians over the turns, which a disturbed turn does not move.
     */
    private static final class Turns {

        private final Map<String, List<double[]>> samples = new LinkedHashMap<>();

        void add(String write, Map<String, double[]> turn) {
            double[] plain = turn.get("plain");
            turn.forEach((table, taken) -> samples.computeIfAbsent(table + " " + write, k -> new ArrayList<>())
                    .add(new double[] {taken[0], taken[1], plain[0] / taken[0], taken[1] - plain[1]}));
        }

        /** Statements per second, from the median time per statement. */
        double perSecond(String table, String write) {
            return 1e6 / median(table, write, 0);
        }

        /** The median over turns of plain's time over the table's: its throughput as a share of plain's. */
        double share(String table, String write) {
            return median(table, write, 2);
        }

        /** The backend's median CPU per statement, in µs; NaN where /proc could not be read. */
        double cpu(String table, String write) {
            return median(table, write, 1);
        }

        /** The median over turns of the backend's CPU per statement less plain's, in µs. */
        double addedCpu(String table, String write) {
            return median(table, write, 3);
        }

        private double median(String table, String write, int column) {
            double[] sorted = samples.get(table + " " + write).stream().mapToDouble(sample -> sample[column]).sorted().toArray();
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
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
    private boolean print(ServerInfo server, String commit, Turns turns) {
        System.out.printf("%nGuard cost on the application's own writes: PostgreSQL %s, synchronous_commit=%s, fsync=on;%n"
                + "%,d single-row statements of each kind per table per round, autocommit, the tables taking turns every %,d;"
                + " medians over the turns of %d rounds%n%n",
                server.version(), commit, rows, turn, rounds);
        System.out.printf("%-8s %12s %12s %12s %12s %9s %9s %9s%n", "write", "plain /s", "guarded /s", "previous /s", "floor /s",
                "guarded", "previous", "floor");
        boolean met = true;
        for (String write : WRITES) {
            System.out.printf("%-8s %,12.0f %,12.0f %,12.0f %,12.0f %8.1f%% %8.1f%% %8.1f%%%n", write,
                    turns.perSecond("plain", write), turns.perSecond("guarded", write), turns.perSecond("previous", write),
                    turns.perSecond("floor", write),
                    100 * turns.share("guarded", write), 100 * turns.share("previous", write), 100 * turns.share("floor", write));
            met &= turns.share("guarded", write) >= TARGET;
        }
        if (!Double.isNaN(turns.cpu("plain", "insert"))) {
            System.out.printf("%n%-8s %12s %12s %12s %12s %9s %9s %9s%n", "write", "plain µs CPU", "guarded", "previous", "floor",
                    "+guarded", "+previous", "+floor");
            for (String write : WRITES) {
                System.out.printf("%-8s %12.1f %12.1f %12.1f %12.1f %+9.1f %+9.1f %+9.1f%n", write,
                        turns.cpu("plain", write), turns.cpu("guarded", write), turns.cpu("previous", write), turns.cpu("floor", write),
                        turns.addedCpu("guarded", write), turns.addedCpu("previous", write), turns.addedCpu("floor", write));
            }
            System.out.println("(the server backend's CPU time per statement, from /proc/PID/schedstat: what the triggers cost it;"
                    + " floor is a row trigger whose function only returns)");
        }
        if (shapes) {
            System.out.printf("%n%-12s %9s %9s %9s %10s %10s %10s%n", "shape", "insert", "update", "delete", "+insert µs", "+update µs",
                    "+delete µs");
            for (String shape : List.of("floor", "guarded", "before", "statement", "when_setting", "when_false")) {
                System.out.printf("%-12s %8.1f%% %8.1f%% %8.1f%% %+10.1f %+10.1f %+10.1f%n", shape,
                        100 * turns.share(shape, "insert"), 100 * turns.share(shape, "update"), 100 * turns.share(shape, "delete"),
                        turns.addedCpu(shape, "insert"), turns.addedCpu(shape, "update"), turns.addedCpu(shape, "delete"));
            }
            System.out.println("(throughput against plain, and the backend's CPU per statement beyond plain's)");
        }
        return met;
    }
}
