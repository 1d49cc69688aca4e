package io.seedreset.bench;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.RestoreRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SnapshotInfo;
import io.seedreset.api.TeardownRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Snapshots against the loads they replace, side by side in one run on one fresh PostgreSQL (fsync on):
 * <ul>
 *   <li>restoring the high-volume organization's snapshot into an empty organization against a raw COPY
 *       of the very same rows (the snapshot's own COPY text, decompressed and held in memory beforehand,
 *       the organization's id already in place): rows per second, target 70% or more;</li>
 *   <li>a reset of the high-volume organization to its snapshot baseline against a reset that applies its
 *       packs again, while another organization keeps being used (reads and writes in a loop on its own
 *       connection, its latencies reported): target 1.5x faster or more.</li>
 * </ul>
 * Backups are off while measuring (both resets would pay the same snapshot); what one costs is reported apart.
 */
@Command(name = "bench snapshots", sortOptions = false,
        description = "Restore against raw COPY, and reset from a snapshot baseline against re-applying packs, on a fresh embedded PostgreSQL.")
public final class SnapshotBenchmark implements Callable<Integer> {

    static final String VOLUME = "volume-demo";
    static final String TARGET = "restore-target";
    static final String LIVE = "live-demo";

    @Option(names = "--base", paramLabel = "ID", defaultValue = "ticketing-demo", description = "the first pack (default: ${DEFAULT-VALUE})")
    String base;

    @Option(names = "--pack", paramLabel = "ID", defaultValue = "high-volume-sales", description = "the scenario on it (default: ${DEFAULT-VALUE})")
    String pack;

    @Option(names = "--set", paramLabel = "key=value", description = "a parameter of --pack (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "measured rounds; figures are medians (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(Benchmark.commandLine(new SnapshotBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PhaseLog log = new PhaseLog(System.err);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .start()) {
            DataSource admin = postgres.getPostgresDatabase();
            SeedReset seedReset = SeedReset.configure().dataSource(admin).actor("snapshot-bench").backupsKept(0).load();
            seedReset.init();
            ServerInfo server = ServerInfo.read(admin);
            Instant anchor = Instant.parse("2026-11-30T00:00:00Z");
            for (String org : List.of(VOLUME, TARGET, LIVE)) {
                seedReset.createOrganization(org, org, OrganizationKind.DEMO);
            }
            seedReset.apply(ApplyRequest.of(PackRequest.of(base, VOLUME).seed(1L).anchor(anchor)).confirm(VOLUME));
            PackRequest measured = PackRequest.of(pack, VOLUME).seed(1L).anchor(anchor);
            for (Map.Entry<String, String> setting : PackSpec.settings(settings).entrySet()) {
                measured = measured.set(setting.getKey(), setting.getValue());
            }
            seedReset.apply(ApplyRequest.of(measured).confirm(VOLUME));
            seedReset.apply(ApplyRequest.of(PackRequest.of(base, LIVE).seed(2L).anchor(anchor)).confirm(LIVE));
            log.done("applied " + base + " + " + pack + " to " + VOLUME + ", " + base + " to " + LIVE);

            Samples snapshotTimes = new Samples();
            long started = System.nanoTime();
            SnapshotInfo golden = seedReset.createSnapshot(VOLUME, "golden");
            snapshotTimes.add(System.nanoTime() - started);
            log.done("snapshot of " + VOLUME + ": " + golden.rows() + " rows, " + golden.bytes() + " bytes");
            Map<String, CopyText> texts = copyTexts(seedReset, orgId(admin, TARGET));
            long rows = texts.values().stream().mapToLong(CopyText::rows).sum();

            Samples raw = new Samples();
            Samples restore = new Samples();
            for (int round = 0; round <= rounds; round++) {
                boolean counted = round > 0; // round 0 warms the JIT and the caches
                long rawNanos = rawCopy(admin, texts);
                emptyTarget(admin);
                long t = System.nanoTime();
                seedReset.restore(RestoreRequest.snapshot(TARGET, "golden").of(VOLUME).confirm(TARGET));
                long restoreNanos = System.nanoTime() - t;
                seedReset.teardown(TeardownRequest.of(TARGET).confirm(TARGET));
                if (counted) {
                    raw.add(rawNanos);
                    restore.add(restoreNanos);
                }
                log.done("round " + round + (counted ? "" : " (warm-up)") + ": raw COPY " + rawNanos / 1_000_000 + " ms, restore "
                        + restoreNanos / 1_000_000 + " ms");
            }

            Samples packsReset = new Samples();
            Samples fullRestoreReset = new Samples();
            Samples refreshReset = new Samples();
            LiveUse live = new LiveUse(admin, orgId(admin, LIVE));
            Map<String, LiveUse.Window> windows = new LinkedHashMap<>();
            Thread user = new Thread(live, "live-organization");
            user.start();
            try {
                for (int round = 0; round <= rounds; round++) {
                    boolean counted = round > 0;
                    // The organization as its packs left it, then a day's use.
                    seedReset.setBaseline(VOLUME, VOLUME, null);
                    seedReset.teardown(TeardownRequest.of(VOLUME).confirm(VOLUME));
                    seedReset.apply(ApplyRequest.of(PackRequest.of(base, VOLUME).seed(1L).anchor(anchor)).confirm(VOLUME));
                    seedReset.apply(ApplyRequest.of(measured).confirm(VOLUME));
                    aDaysUse(admin, orgId(admin, VOLUME));
                    live.mark();
                    long t = System.nanoTime();
                    seedReset.reset(ResetRequest.of(VOLUME).anchor(anchor).confirm(VOLUME));
                    long packsNanos = System.nanoTime() - t;
                    LiveUse.Window duringPacks = live.window();

                    // Its baseline becomes the snapshot: the first reset loads it all, every later one changes what a day's use changed.
                    seedReset.setBaseline(VOLUME, VOLUME, "golden");
                    aDaysUse(admin, orgId(admin, VOLUME));
                    live.mark();
                    t = System.nanoTime();
                    seedReset.reset(ResetRequest.of(VOLUME).confirm(VOLUME));
                    long fullNanos = System.nanoTime() - t;
                    LiveUse.Window duringFull = live.window();
                    aDaysUse(admin, orgId(admin, VOLUME));
                    live.mark();
                    t = System.nanoTime();
                    seedReset.reset(ResetRequest.of(VOLUME).confirm(VOLUME));
                    long refreshNanos = System.nanoTime() - t;
                    LiveUse.Window duringRefresh = live.window();
                    if (counted) {
                        packsReset.add(packsNanos);
                        fullRestoreReset.add(fullNanos);
                        refreshReset.add(refreshNanos);
                        windows.merge("(c) packs", duringPacks, LiveUse.Window::plus);
                        windows.merge("(d) snapshot, loaded whole", duringFull, LiveUse.Window::plus);
                        windows.merge("(e) snapshot, what differs", duringRefresh, LiveUse.Window::plus);
                    }
                    log.done("round " + round + (counted ? "" : " (warm-up)") + ": reset re-applying packs " + packsNanos / 1_000_000
                            + " ms, to the snapshot loaded whole " + fullNanos / 1_000_000 + " ms, changing what differs "
                            + refreshNanos / 1_000_000 + " ms");
                }
            } finally {
                live.stop();
                user.join();
            }
            if (live.failure() != null) {
                throw new IllegalStateException("the live organization's work failed", live.failure());
            }

            PrintStream out = System.out;
            out.printf(Locale.ROOT, "PostgreSQL %s, fsync=on, synchronous_commit=on; %d rounds (medians), one warm-up round%n", server.version(),
                    rounds);
            out.printf(Locale.ROOT, "organization  %s: %s + %s, %,d rows in %d tables (snapshot: %,d bytes compressed)%n", VOLUME, base, pack,
                    rows, texts.size(), golden.bytes());
            double rawRate = rows / raw.medianSeconds();
            double restoreRate = rows / restore.medianSeconds();
            out.printf(Locale.ROOT, "%-58s %9.0f ms %12.0f rows/s%n", "(a) raw COPY of the same rows (in memory, one transaction)",
                    raw.medianMillis(), rawRate);
            out.printf(Locale.ROOT, "%-58s %9.0f ms %12.0f rows/s%n", "(b) snapshot restore (gunzip, checks, COPY, ledger)", restore.medianMillis(),
                    restoreRate);
            out.printf(Locale.ROOT, "%-58s %9.1f%%   target >= 70%%   %s%n", "restore rows/s against raw COPY", 100 * restoreRate / rawRate,
                    restoreRate >= 0.7 * rawRate ? "PASS" : "MISS");
            double speedup = packsReset.medianSeconds() / refreshReset.medianSeconds();
            out.printf(Locale.ROOT, "%-58s %9.0f ms%n", "(c) reset re-applying the packs", packsReset.medianMillis());
            out.printf(Locale.ROOT, "%-58s %9.0f ms   (%.2fx)%n", "(d) reset to the snapshot baseline, loaded whole (first)",
                    fullRestoreReset.medianMillis(), packsReset.medianSeconds() / fullRestoreReset.medianSeconds());
            out.printf(Locale.ROOT, "%-58s %9.0f ms%n", "(e) reset to the snapshot baseline, what differs (next)", refreshReset.medianMillis());
            out.printf(Locale.ROOT, "%-58s %9.2fx   target >= 1.5x   %s%n", "(c) / (e)", speedup, speedup >= 1.5 ? "PASS" : "MISS");
            for (Map.Entry<String, LiveUse.Window> window : windows.entrySet()) {
                out.printf(Locale.ROOT, "%-58s %s%n", "live organization during the resets " + window.getKey(), window.getValue());
            }
            out.printf(Locale.ROOT, "%-58s %9.0f ms   (the backup every reset takes first by default)%n", "snapshot of " + VOLUME,
                    snapshotTimes.medianMillis());
            return 0;
        }
    }

    /** What a demo's visitors change in a day: a few events renamed, orders cancelled, a company added. */
    private static void aDaysUse(DataSource dataSource, UUID organization) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String sql : List.of(
                    "UPDATE ticketing.events SET name = name || ' (moved)' WHERE org_id = ? AND id IN (SELECT id FROM ticketing.events"
                            + " WHERE org_id = ? ORDER BY id LIMIT 3)",
                    "UPDATE ticketing.orders SET status = 'CANCELLED', cancelled_at = now() WHERE org_id = ? AND id IN (SELECT id FROM"
                            + " ticketing.orders WHERE org_id = ? AND status = 'PENDING' ORDER BY id LIMIT 20)",
                    "INSERT INTO ticketing.companies (org_id, id, name, slug, type, email, phone, city, state, created_at) SELECT ?, gen_random_uuid(),"
                            + " 'Walk-in', 'walk-in-' || gen_random_uuid(), 'PROMOTER', 'w@example.com', '1', 'Chicago', 'IL', now() WHERE ? IS NOT NULL")) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setObject(1, organization);
                    statement.setObject(2, organization);
                    statement.executeUpdate();
                }
            }
        }
    }

    /** One table's COPY text with the target organization's id in front of every line, and its row count. */
    record CopyText(String table, List<String> columns, byte[] text, long rows) {
    }

    /** The snapshot's rows as a raw COPY would load them: read from its file, decompressed, the target's id in place. */
    private static Map<String, CopyText> copyTexts(SeedReset seedReset, UUID target) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        seedReset.exportSnapshot(VOLUME, "golden", file);
        Map<String, CopyText> texts = new LinkedHashMap<>();
        com.fasterxml.jackson.databind.JsonNode manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file.toByteArray()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals("manifest.json")) {
                    manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(zip.readAllBytes());
                    continue;
                }
                String table = entry.getName().substring("tables/".length(), entry.getName().length() - ".copy.gz".length());
                byte[] text = new GZIPInputStream(new java.io.ByteArrayInputStream(zip.readAllBytes())).readAllBytes();
                ByteArrayOutputStream prefixed = new ByteArrayOutputStream(text.length + text.length / 4);
                byte[] prefix = (target + "\t").getBytes(StandardCharsets.US_ASCII);
                long rows = 0;
                int lineStart = 0;
                for (int i = 0; i < text.length; i++) {
                    if (text[i] == '\n') {
                        prefixed.write(prefix);
                        prefixed.write(text, lineStart, i + 1 - lineStart);
                        lineStart = i + 1;
                        rows++;
                    }
                }
                List<String> columns = new ArrayList<>();
                for (com.fasterxml.jackson.databind.JsonNode t : manifest.get("tables")) {
                    if (t.get("table").asText().equals(table)) {
                        t.get("columns").forEach(c -> columns.add(c.asText()));
                    }
                }
                texts.put(table, new CopyText(table, columns, prefixed.toByteArray(), rows));
            }
        }
        return texts;
    }

    /** COPY of every table, parents first as the file lists them, in one transaction: what a hand-written restore would do. */
    private static long rawCopy(DataSource dataSource, Map<String, CopyText> texts) throws SQLException, java.io.IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            for (CopyText text : texts.values()) {
                String columns = "org_id, " + String.join(", ", text.columns().stream().map(c -> "\"" + c + "\"").toList());
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + SqlNames.table(text.table()) + " (" + columns + ") FROM STDIN",
                        new ByteArrayInputStream(text.text()));
            }
            connection.commit();
            return System.nanoTime() - started;
        }
    }

    /** Deletes what the raw COPY wrote, children first (the reverse of the file's order). */
    private static void emptyTarget(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT jsonb_array_elements(manifest -> 'tables') ->> 'table' FROM platform.snapshots"
                    + " WHERE name = 'golden'")) {
                while (rs.next()) {
                    tables.add(0, rs.getString(1));
                }
            }
            for (String table : tables) {
                statement.execute("DELETE FROM " + SqlNames.table(table) + " WHERE org_id = (SELECT id FROM platform.organizations WHERE slug = '"
                        + TARGET + "')");
            }
        }
    }

    private static UUID orgId(DataSource dataSource, String slug) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT id FROM platform.organizations WHERE slug = ?")) {
            statement.setString(1, slug);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /**
     * Another organization in use while the resets run: on its own connection, a read of its upcoming events and
     * orders and a write (a company inserted and deleted), each its own transaction, in a loop.
     */
    static final class LiveUse implements Runnable {

        /** What the organization's user saw during one measured operation: requests, and their median and worst latency. */
        record Window(long requests, double medianMillis, double maxMillis) {
            Window plus(Window other) {
                return new Window(requests + other.requests, Math.max(medianMillis, other.medianMillis), Math.max(maxMillis, other.maxMillis));
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%,d requests, median %.1f ms, worst %.1f ms", requests, medianMillis, maxMillis);
            }
        }

        private final DataSource dataSource;
        private final UUID organization;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Long> latencies = new ArrayList<>();
        private volatile Exception failure;

        LiveUse(DataSource dataSource, UUID organization) {
            this.dataSource = dataSource;
            this.organization = organization;
        }

        @Override
        public void run() {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement read = connection.prepareStatement("""
                         SELECT count(*), coalesce(sum(o.total), 0) FROM ticketing.orders o
                          WHERE o.org_id = ? AND o.placed_at > now() - interval '90 days'""");
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO ticketing.companies (org_id, id, name, slug, type, email, phone, city, state, created_at)
                         VALUES (?, ?, 'Walk-in', ?, 'PROMOTER', 'w@example.com', '1', 'Chicago', 'IL', now())""");
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM ticketing.companies WHERE org_id = ? AND id = ?")) {
                while (running.get()) {
                    long started = System.nanoTime();
                    read.setObject(1, organization);
                    try (ResultSet rs = read.executeQuery()) {
                        rs.next();
                    }
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, organization);
                    insert.setObject(2, id);
                    insert.setString(3, "walk-in-" + id);
                    insert.executeUpdate();
                    delete.setObject(1, organization);
                    delete.setObject(2, id);
                    delete.executeUpdate();
                    synchronized (latencies) {
                        latencies.add(System.nanoTime() - started);
                    }
                }
            } catch (SQLException e) {
                failure = e;
            }
        }

        void mark() {
            synchronized (latencies) {
                latencies.clear();
            }
        }

        Window window() {
            synchronized (latencies) {
                if (latencies.isEmpty()) {
                    return new Window(0, 0, 0);
                }
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                return new Window(sorted.length, sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6);
            }
        }

        void stop() {
            running.set(false);
        }

        Exception failure() {
            return failure;
        }
    }
}
