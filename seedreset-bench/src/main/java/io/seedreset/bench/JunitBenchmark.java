package io.seedreset.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.RestoreRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.junit.SeededOrganization;
import io.seedreset.pack.PackContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The JUnit extension's after-each restore against the two ways tests usually get their data back, side by side in
 * one run on one fresh PostgreSQL (fsync on), each on its own organization of the same pack, after the same typical
 * test's changes (a few inserts, updates and deletes across tables, each committed on its own, as an application writes):
 * <ul>
 *   <li>(e) the extension: {@link SeededOrganization#restore()}, the rows the test changed put back from the change
 *       log the extension's trigger keeps;</li>
 *   <li>(f) what the extension falls back to when the database refuses that: core's reset to the snapshot of the
 *       applied state, which compares every row;</li>
 *   <li>(a) Database Rider-style clean-insert: every tenant table's rows of the organization deleted children first,
 *       then the applied rows inserted parents first from a dataset held in memory (batched prepared INSERTs in one
 *       transaction, which is kinder than Rider's default of one statement at a time);</li>
 *   <li>(b) TRUNCATE of every tenant table, then the packs applied again (a reset re-applying them, which also keeps the
 *       ledger right), in a database of its own, as TRUNCATE empties every organization.</li>
 * </ul>
 * After every restore the organization's rows are compared, as text, with the applied rows: a method that does not put
 * them back exactly fails the run.
 */
@Command(name = "bench junit", sortOptions = false,
        description = "The JUnit extension's after-each restore against clean-insert and TRUNCATE-and-reapply, on a fresh embedded PostgreSQL.")
public final class JunitBenchmark implements Callable<Integer> {

    static final String PACK = "ticketing-demo";
    static final long SEED = 1L;
    static final Instant ANCHOR = Instant.parse("2026-11-30T00:00:00Z");

    @Option(names = "--mode", paramLabel = "M", defaultValue = "default", description = "the mode of " + PACK + " (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "15", description = "measured rounds; figures are medians (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "unmeasured rounds first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Benchmark.commandLine(new JunitBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be at least 1 and --warmup at least 0, got "
                    + rounds + " and " + warmup);
        }
        PhaseLog log = new PhaseLog(System.err);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .start();
             HikariDataSource main = pool(postgres.getJdbcUrl("postgres", "postgres"))) {
            try (Connection connection = main.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE truncated");
            }
            try (HikariDataSource truncatedDatabase = pool(postgres.getJdbcUrl("postgres", "truncated"))) {
                int status = measure(log, main, truncatedDatabase);
                // With fsync on, a shutdown checkpoint of the whole run can outlast the 5 s the embedded server's stop waits.
                try (Connection connection = main.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
                return status;
            }
        }
    }

    private int measure(PhaseLog log, HikariDataSource main, HikariDataSource truncatedDatabase) throws SQLException {
        SeedReset seedReset = SeedReset.configure().dataSource(main).actor("junit-bench").backupsKept(0).load();
        seedReset.init();
        SeedReset truncatedSeedReset = SeedReset.configure().dataSource(truncatedDatabase).actor("junit-bench").backupsKept(0).load();
        truncatedSeedReset.init();
        ServerInfo server = ServerInfo.read(main);

        SeededOrganization extension = SeededOrganization.create(seedReset, main, "junit-extension", "after-each restore", List.of(request("junit-extension")));
        Method restore = new Method("(e) extension: the rows the test changed put back (change log)", main, extension.slug(), () -> {
            if (!extension.restore()) {
                throw new IllegalStateException("the extension's restore fell back to a reset: the typical test's changes should replay");
            }
        });
        Method fallback = fallback(seedReset, main);
        Method cleanInsert = cleanInsert(seedReset, main);
        Method truncateReapply = truncateReapply(truncatedSeedReset, truncatedDatabase);
        List<Method> methods = List.of(restore, fallback, cleanInsert, truncateReapply);
        log.done("applied " + PACK + " (" + mode + ") to four organizations");

        Map<String, List<String>> applied = restore.rows();
        for (Method method : methods) {
            // Each organization's own ids differ (they derive from its slug); the shape must not.
            if (!shape(method.rows()).equals(shape(applied))) {
                throw new IllegalStateException(method.name + ": the organization's tables hold other row counts than " + restore.slug + "'s");
            }
        }
        for (int round = 0; round < warmup + rounds; round++) {
            boolean counted = round >= warmup;
            StringBuilder line = new StringBuilder("round " + round + (counted ? "" : " (warm-up)") + ":");
            for (Method method : methods) {
                Map<String, List<String>> before = method.rows();
                long writing = System.nanoTime();
                TypicalTest.changes(method.dataSource, method.slug);
                long writes = System.nanoTime() - writing;
                if (method.rows().equals(before)) {
                    throw new IllegalStateException(method.name + ": the typical test changed nothing");
                }
                long started = System.nanoTime();
                method.restore.run();
                long nanos = System.nanoTime() - started;
                if (!method.rows().equals(before)) {
                    throw new IllegalStateException(method.name + ": the organization is not as applied after the restore");
                }
                if (counted) {
                    method.samples.add(nanos);
                    method.writes.add(writes);
                }
                line.append(String.format(Locale.ROOT, " %s %.0f ms", method.name.substring(0, 3), nanos / 1e6));
            }
            log.done(line.toString());
        }

        PrintStream out = System.out;
        out.printf(Locale.ROOT, "PostgreSQL %s, fsync=on, synchronous_commit=on; %d rounds (medians, min-max), %d warm-up rounds%n",
                server.version(), rounds, warmup);
        out.printf(Locale.ROOT, "organization: %s (%s), %,d rows in %d tenant tables; a typical test's changes: %s%n", PACK, mode,
                applied.values().stream().mapToLong(List::size).sum(), applied.values().stream().filter(rows -> !rows.isEmpty()).count(),
                TypicalTest.DESCRIPTION);
        out.printf(Locale.ROOT, "%-70s %8s     %-13s %6s   %s%n", "restore after the test", "median", "(min-max)", "ratio", "the test's writes");
        for (Method method : methods) {
            out.printf(Locale.ROOT, "%-70s %8.1f ms  (%.1f-%.1f)  %6.1fx   %.1f ms%n", method.name, method.samples.medianMillis(),
                    method.samples.minMillis(), method.samples.maxMillis(), method.samples.medianSeconds() / restore.samples.medianSeconds(),
                    method.writes.medianMillis());
        }
        out.println("the test's writes: its 10 statements, each committed; (e) logs them (its organization is tracked), (f) and (a) find"
                + " theirs untracked, (b)'s database has no change log");
        return 0;
    }

    private PackRequest request(String slug) {
        return PackRequest.of(PACK, slug).mode(mode).seed(SEED).anchor(ANCHOR);
    }

    /**
     * What the extension falls back to when the change log cannot be replayed: core's reset to the snapshot of the applied
     * state, set up as {@link SeededOrganization#create} sets it up, on an organization the change log does not track (a
     * tracked one would log the reset's own writes too, which the extension then forgets).
     */
    private Method fallback(SeedReset seedReset, HikariDataSource dataSource) {
        String slug = "junit-fallback";
        seedReset.createOrganization(slug, "the fallback", OrganizationKind.QA);
        seedReset.apply(ApplyRequest.of(request(slug)).confirm(slug));
        seedReset.createSnapshot(slug, "applied");
        seedReset.restore(RestoreRequest.snapshot(slug, "applied").confirm(slug));
        seedReset.setBaseline(slug, slug, "applied");
        return new Method("(f) the extension's fallback: reset to the applied-state snapshot", dataSource, slug,
                () -> seedReset.reset(ResetRequest.of(slug).confirm(slug)));
    }

    private Method cleanInsert(SeedReset seedReset, HikariDataSource dataSource) throws SQLException {
        String slug = "junit-clean-insert";
        seedReset.createOrganization(slug, "clean-insert", OrganizationKind.QA);
        seedReset.apply(ApplyRequest.of(request(slug)).confirm(slug));
        UUID org = seedReset.requireOrganization(slug).id();
        Dataset dataset = Dataset.read(dataSource, org);
        return new Method("(a) Database Rider-style clean-insert (batched, one transaction)", dataSource, slug, () -> dataset.cleanInsert(dataSource, org));
    }

    private Method truncateReapply(SeedReset seedReset, HikariDataSource dataSource) throws SQLException {
        String slug = "junit-truncate";
        seedReset.createOrganization(slug, "truncate and re-apply", OrganizationKind.QA);
        seedReset.apply(ApplyRequest.of(request(slug)).confirm(slug));
        List<String> tables;
        try (Connection connection = dataSource.getConnection()) {
            tables = Dataset.tenantTables(connection);
        }
        String truncate = "TRUNCATE " + String.join(", ", tables.stream().map(SqlNames::table).toList());
        return new Method("(b) TRUNCATE every tenant table + re-apply the packs", dataSource, slug, () -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(truncate);
            } catch (SQLException e) {
                throw new IllegalStateException(truncate, e);
            }
            seedReset.reset(ResetRequest.of(slug).anchor(ANCHOR).confirm(slug));
        });
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static Map<String, Integer> shape(Map<String, List<String>> rows) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach((table, texts) -> counts.put(table, texts.size()));
        return counts;
    }

    /** One way of getting an organization back, its organization and its timings. */
    private static final class Method {

        final String name;
        final HikariDataSource dataSource;
        final String slug;
        final Runnable restore;
        final Samples samples = new Samples();
        final Samples writes = new Samples();

        Method(String name, HikariDataSource dataSource, String slug, Runnable restore) {
            this.name = name;
            this.dataSource = dataSource;
            this.slug = slug;
            this.restore = restore;
        }

        /** Every tenant table's rows of the organization as text, sorted. */
        Map<String, List<String>> rows() {
            try (Connection connection = dataSource.getConnection()) {
                UUID org = organizationId(connection, slug);
                Map<String, List<String>> rows = new TreeMap<>();
                for (String table : Dataset.tenantTables(connection)) {
                    List<String> texts = new ArrayList<>();
                    try (PreparedStatement select = connection.prepareStatement("SELECT t::text FROM " + SqlNames.table(table)
                            + " t WHERE t.org_id = ? ORDER BY 1")) {
                        select.setObject(1, org);
                        try (ResultSet result = select.executeQuery()) {
                            while (result.next()) {
                                texts.add(result.getString(1));
                            }
                        }
                    }
                    rows.put(table, texts);
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the rows of " + slug, e);
            }
        }
    }

    static UUID organizationId(Connection connection, String slug) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM platform.organizations WHERE slug = ?")) {
            select.setString(1, slug);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no organization " + slug);
                }
                return result.getObject(1, UUID.class);
            }
        }
    }

    /** What a typical integration test writes: a few inserts, updates and deletes across tables, each committed on its own. */
    static final class TypicalTest {

        static final String DESCRIPTION = "3 inserts (a company, its venue, a notification), 4 updates of 6 rows (an event, "
                + "an order, a user, the event's ticket types), 3 deletes (2 notifications, a scan log)";

        private TypicalTest() {
        }

        static void changes(HikariDataSource dataSource, String slug) {
            try (Connection connection = dataSource.getConnection()) {
                UUID org = organizationId(connection, slug);
                UUID company = UUID.randomUUID();
                UUID event = PackContext.id(slug, PACK, SEED, "event", 0);
                update(connection, "INSERT INTO ticketing.companies (org_id, id, name, slug, type, email, phone, city, state, created_at) "
                        + "VALUES (?, ?, 'Test Promotions', 'test-promotions', 'PROMOTER', 'qa@example.com', '555-0100', 'Austin', 'TX', now())",
                        org, company);
                update(connection, "INSERT INTO ticketing.venues (org_id, id, company_id, name, kind, address, city, state, zip, timezone, capacity) "
                        + "VALUES (?, ?, ?, 'Test Hall', 'CLUB', '1 Main St', 'Austin', 'TX', '78701', 'America/Chicago', 300)", org, UUID.randomUUID(), company);
                update(connection, "INSERT INTO ticketing.notifications (org_id, id, user_id, channel, kind, subject, body, sent_at) "
                        + "SELECT org_id, ?, id, 'EMAIL', 'ACCOUNT', 'Welcome', 'Hello', now() FROM ticketing.users WHERE org_id = ? ORDER BY id LIMIT 1",
                        UUID.randomUUID(), org);
                update(connection, "UPDATE ticketing.events SET name = 'Renamed by a test', status = 'CANCELLED' WHERE org_id = ? AND id = ?", org, event);
                update(connection, "UPDATE ticketing.orders SET status = 'REFUNDED' WHERE org_id = ? AND id = ?", org,
                        PackContext.id(slug, PACK, SEED, "order", 0));
                update(connection, "UPDATE ticketing.users SET last_login_at = now() WHERE org_id = ? AND id = "
                        + "(SELECT id FROM ticketing.users WHERE org_id = ? AND role = 'ADMIN' ORDER BY id LIMIT 1)", org, org);
                update(connection, "UPDATE ticketing.ticket_types SET quantity_sold = quantity_sold + 1, quantity_available = quantity_available - 1 "
                        + "WHERE org_id = ? AND event_id = ? AND quantity_available > 0", org, event);
                update(connection, "DELETE FROM ticketing.notifications WHERE org_id = ? AND id IN "
                        + "(SELECT id FROM ticketing.notifications WHERE org_id = ? ORDER BY id LIMIT 2)", org, org);
                update(connection, "DELETE FROM ticketing.scan_logs WHERE org_id = ? AND id IN "
                        + "(SELECT id FROM ticketing.scan_logs WHERE org_id = ? ORDER BY id LIMIT 1)", org, org);
            } catch (SQLException e) {
                throw new IllegalStateException("the typical test's changes failed on " + slug, e);
            }
        }

        private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.executeUpdate();
            }
        }
    }

    /** A DbUnit-style dataset: every tenant table's rows of one organization, values as text, held in memory. */
    record Dataset(List<String> childrenFirst, List<Table> parentsFirst) {

        record Table(String name, List<String> columns, List<String> types, List<String[]> rows) {
        }

        static Dataset read(HikariDataSource dataSource, UUID org) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                List<String> order = TableOrder.parentsFirst(connection, tenantTables(connection));
                List<Table> tables = new ArrayList<>();
                for (String table : order) {
                    List<String> columns = new ArrayList<>();
                    List<String> types = new ArrayList<>();
                    try (PreparedStatement select = connection.prepareStatement("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                            + "WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum")) {
                        select.setString(1, SqlNames.table(table));
                        try (ResultSet result = select.executeQuery()) {
                            while (result.next()) {
                                columns.add(result.getString(1));
                                types.add(result.getString(2));
                            }
                        }
                    }
                    List<String[]> rows = new ArrayList<>();
                    try (PreparedStatement select = connection.prepareStatement("SELECT " + String.join(", ", columns.stream()
                            .map(c -> SqlNames.identifier(c) + "::text").toList()) + " FROM " + SqlNames.table(table) + " WHERE org_id = ?")) {
                        select.setObject(1, org);
                        try (ResultSet result = select.executeQuery()) {
                            while (result.next()) {
                                String[] row = new String[columns.size()];
                                for (int i = 0; i < row.length; i++) {
                                    row[i] = result.getString(i + 1);
                                }
                                rows.add(row);
                            }
                        }
                    }
                    tables.add(new Table(table, columns, types, rows));
                }
                List<String> reversed = new ArrayList<>(order);
                Collections.reverse(reversed);
                return new Dataset(reversed, tables);
            }
        }

        /** DbUnit's CLEAN_INSERT: delete every table's rows of the organization children first, insert the dataset parents first. */
        void cleanInsert(HikariDataSource dataSource, UUID org) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                for (String table : childrenFirst) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + SqlNames.table(table) + " WHERE org_id = ?")) {
                        delete.setObject(1, org);
                        delete.executeUpdate();
                    }
                }
                for (Table table : parentsFirst) {
                    if (table.rows.isEmpty()) {
                        continue;
                    }
                    List<String> values = new ArrayList<>();
                    for (String type : table.types) {
                        values.add("CAST(? AS " + type + ")");
                    }
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SqlNames.table(table.name) + " ("
                            + String.join(", ", table.columns.stream().map(SqlNames::identifier).toList()) + ") VALUES (" + String.join(", ", values) + ")")) {
                        for (String[] row : table.rows) {
                            for (int i = 0; i < row.length; i++) {
                                if (row[i] == null) {
                                    insert.setNull(i + 1, Types.VARCHAR);
                                } else {
                                    insert.setString(i + 1, row[i]);
                                }
                            }
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("clean-insert failed", e);
            }
        }

        static List<String> tenantTables(Connection connection) throws SQLException {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("""
                         SELECT c.table_schema || '.' || c.table_name FROM information_schema.columns c
                           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                          WHERE c.column_name = 'org_id' AND t.table_type = 'BASE TABLE'
                            AND c.table_schema NOT IN ('platform', 'pg_catalog', 'information_schema')
                          ORDER BY 1""")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            return tables;
        }
    }
}
