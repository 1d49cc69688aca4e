package io.seedreset.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.pack.Persona;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The platform API under load, on loopback: {@code seedreset serve} as users run it (the CLI's jar, its
 * own JVM, a pool of connections to a fresh embedded PostgreSQL), with ticketing-demo applied to two demo
 * organizations. First {@code GET /health} alone, the framework's ceiling; then the same clients, each
 * signed in as a customer of one of the two organizations, over a mix of list and detail reads, their
 * own orders and tickets, and order creation. Each phase runs a warm-up first, unmeasured. Reports
 * requests a second and p50/p99 latency per route, errors (any answer but the route's success), and an
 * oversell check: what the orders sold equals what the tiers count as sold and the tickets issued, and
 * no tier sold more than it had. The rate limits are off: they would measure themselves.
 */
@Command(name = "bench serve", sortOptions = false,
        description = "Loads 'seedreset serve' on loopback: GET /health alone, then a customers' mix of reads and orders in two demo organizations.")
public final class ServeBenchmark implements Callable<Integer> {

    /** A read's p99 must stay under this. */
    static final double READ_P99_TARGET_MILLIS = 100;
    /** The read mix's requests a second, as a share of /health's. */
    static final double READ_SHARE_TARGET = 0.40;
    private static final List<String> ORGANIZATIONS = List.of("bench-serve-one", "bench-serve-two");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("Serving the platform API on http://[^:]+:(\\d+) ");
    private static final String PASSWORD = "DemoTickets!2026";

    @Spec
    CommandSpec spec;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "32", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30", description = "measured seconds of each phase (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "10", description = "unmeasured seconds before each phase (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--cli-jar", paramLabel = "JAR", defaultValue = "seedreset-cli/target/seedreset.jar",
            description = "the CLI whose serve is loaded (default: ${DEFAULT-VALUE})")
    Path cliJar;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || seconds < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--clients and --seconds must be at least 1, --warmup 0 or more");
        }
        return run(new Settings(clients, Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), cliJar), System.out,
                new PhaseLog(System.err)) ? 0 : 1;
    }

    record Settings(int clients, Duration measured, Duration warmup, Path cliJar) {
    }

    /** Runs both phases and prints the report; true when every target is met. */
    static boolean run(Settings settings, PrintStream out, PhaseLog log) throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // The calendar must be current for the server's clock: the anchor is the start of today, as apply's default.
        Instant anchor = Instant.now().truncatedTo(ChronoUnit.DAYS);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .start();
             HikariDataSource pool = SmallBenchmark.pool(postgres.getJdbcUrl("postgres", "postgres"))) {
            ServerInfo info = ServerInfo.read(pool);
            SeedReset seedReset = SeedReset.configure().dataSource(pool).actor("serve-bench").load();
            seedReset.init();
            Map<String, List<String>> customers = new TreeMap<>();
            for (int i = 0; i < ORGANIZATIONS.size(); i++) {
                String organization = ORGANIZATIONS.get(i);
                seedReset.createOrganization(organization, "Serve bench " + (i + 1), OrganizationKind.DEMO);
                ApplyResult applied = seedReset.apply(
                        ApplyRequest.of(PackRequest.of("ticketing-demo", organization).seed(i + 1L).anchor(anchor)).confirm(organization));
                customers.put(organization, applied.personas().stream()
                        .filter(persona -> persona.role().equals("CUSTOMER") && !persona.description().startsWith("Inactive"))
                        .map(Persona::email).toList());
            }
            log.done("started PostgreSQL " + info.version() + ", applied ticketing-demo to " + ORGANIZATIONS.size() + " demo organizations");
            Catalogue catalogue = Catalogue.read(pool, customers);
            Inventory before = Inventory.read(pool);

            try (Serve serve = Serve.start(settings.cliJar(), postgres.getJdbcUrl("postgres", "postgres"))) {
                log.done("seedreset serve listening on port " + serve.port);
                Load load = new Load(serve.port, settings.clients());
                List<Client> signedIn = load.signIn(catalogue);
                log.done(settings.clients() + " clients signed in");

                load.phase(settings.warmup(), client -> client.health());
                Results health = load.phase(settings.measured(), client -> client.health());
                log.done("GET /health alone: " + settings.warmup().toSeconds() + " s warm-up, " + settings.measured().toSeconds() + " s measured");

                load.phase(settings.warmup(), Client::me, signedIn);
                Results me = load.phase(settings.measured(), Client::me, signedIn);
                log.done("GET /api/v1/auth/me alone: " + settings.warmup().toSeconds() + " s warm-up, " + settings.measured().toSeconds() + " s measured");

                load.phase(settings.warmup(), Client::mix, signedIn);
                Results mix = load.phase(settings.measured(), Client::mix, signedIn);
                log.done("the customers' mix: " + settings.warmup().toSeconds() + " s warm-up, " + settings.measured().toSeconds() + " s measured");

                Inventory after = Inventory.read(pool);
                long bought = signedIn.stream().mapToLong(client -> client.ticketsBought).sum();
                return report(out, settings, info, loadBefore, health, me, mix, before, after, bought);
            }
        }
    }

    private static boolean report(PrintStream out, Settings settings, ServerInfo info, double loadBefore, Results health, Results me, Results mix,
                                  Inventory before, Inventory after, long bought) {
        out.printf("Seed & Reset serve benchmark: seedreset serve on loopback, embedded PostgreSQL %s (%s)%n", info.version(), info.describeSettings());
        out.printf("%d cores, load average %.1f before and %.1f after; %d clients; each phase %d s measured after %d s of warm-up;%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                settings.clients(), settings.measured().toSeconds(), settings.warmup().toSeconds());
        out.printf("ticketing-demo (default mode) in %d demo organizations; rate limits off%n%n", ORGANIZATIONS.size());
        out.printf("%-42s %9s %9s %8s %8s %7s %8s%n", "route", "requests", "req/s", "p50 ms", "p99 ms", "errors", "KB");
        health.print(out);
        me.print(out);
        mix.print(out);
        double healthRate = health.rate();
        double readRate = mix.rate(Results::isRead);
        double readP99 = mix.worstP99(Results::isRead);
        long errors = health.errors() + me.errors() + mix.errors();
        out.printf("%n%-42s %9d %9.0f%n", "the mix, all routes", mix.requests(route -> true), mix.rate(route -> true));
        out.printf("%-42s %9d %9.0f   = %.0f%% of GET /health's%n", "the mix, reads", mix.requests(Results::isRead), readRate,
                100 * readRate / healthRate);
        out.printf("%-42s %9d %9.0f   = %.0f%% of GET /health's: the ceiling of a request that checks its token%n",
                "GET /api/v1/auth/me alone", me.requests(route -> true), me.rate(), 100 * me.rate() / healthRate);
        String oversell = after.oversellCheck(before, bought);
        out.printf("oversell check: %s%n", oversell);
        List<String> missed = new ArrayList<>();
        if (errors > 0) {
            missed.add(errors + " errors");
        }
        if (readP99 >= READ_P99_TARGET_MILLIS) {
            missed.add(String.format("a read's p99 %.1f ms", readP99));
        }
        if (readRate < READ_SHARE_TARGET * healthRate) {
            missed.add(String.format("reads at %.0f%% of /health", 100 * readRate / healthRate));
        }
        if (!oversell.startsWith("PASS")) {
            missed.add("oversold");
        }
        out.printf("targets: 0 errors, every read's p99 under %.0f ms, reads at %.0f%% or more of /health's requests a second,"
                + " no oversell: %s%n", READ_P99_TARGET_MILLIS, 100 * READ_SHARE_TARGET,
                missed.isEmpty() ? "PASS" : "MISS (" + String.join(", ", missed) + ")");
        return missed.isEmpty();
    }

    /** What the clients pick from: each organization's on-sale events, and tiers with room for the whole run's orders. */
    record Catalogue(Map<String, List<String>> events, Map<String, List<String>> roomyTiers, Map<String, List<String>> customers) {

        static Catalogue read(javax.sql.DataSource dataSource, Map<String, List<String>> customers) throws SQLException {
            Map<String, List<String>> events = new TreeMap<>();
            Map<String, List<String>> tiers = new TreeMap<>();
            try (Connection connection = dataSource.getConnection()) {
                for (String organization : ORGANIZATIONS) {
                    events.put(organization, strings(connection, """
                            SELECT e.id::text FROM ticketing.events e JOIN platform.organizations o ON o.id = e.org_id
                             WHERE o.slug = ? AND e.status = 'ON_SALE' ORDER BY e.id""", organization));
                    tiers.put(organization, strings(connection, """
                            SELECT t.id::text FROM ticketing.ticket_types t JOIN ticketing.events e ON e.org_id = t.org_id AND e.id = t.event_id
                              JOIN platform.organizations o ON o.id = t.org_id
                             WHERE o.slug = ? AND e.status = 'ON_SALE' AND now() BETWEEN e.sales_start AND e.sales_end
                               AND t.quantity_available >= 1000 ORDER BY t.id""", organization));
                    if (events.get(organization).isEmpty() || tiers.get(organization).isEmpty() || customers.get(organization).isEmpty()) {
                        throw new IllegalStateException(organization + " has no on-sale event, roomy tier or customer persona to load");
                    }
                }
            }
            return new Catalogue(events, tiers, customers);
        }
    }

    /** What the ticket tiers count, summed over both organizations, and the tickets issued. */
    record Inventory(long sold, long tickets, long overTotal) {

        static Inventory read(javax.sql.DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement("""
                         SELECT (SELECT coalesce(sum(quantity_sold), 0) FROM ticketing.ticket_types),
                                (SELECT count(*) FROM ticketing.tickets),
                                (SELECT count(*) FROM ticketing.ticket_types
                                  WHERE quantity_sold + quantity_available <> quantity_total OR quantity_available < 0)""");
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Inventory(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }

        String oversellCheck(Inventory before, long bought) {
            long sold = this.sold - before.sold;
            long issued = tickets - before.tickets;
            boolean pass = sold == bought && issued == bought && overTotal == 0;
            return String.format("%s: %d tickets in the orders answered 201, tiers' sold count +%d, ticket rows +%d, tiers off their total %d",
                    pass ? "PASS" : "FAIL", bought, sold, issued, overTotal);
        }
    }

    private static List<String> strings(Connection connection, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    /** {@code seedreset serve} in its own JVM, as the CLI's jar runs it; its access log read and dropped. */
    static final class Serve implements AutoCloseable {
        final Process process;
        final int port;

        private Serve(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Serve start(Path cliJar, String jdbcUrl) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-jar", cliJar.toString(), "--url", jdbcUrl, "--user", "postgres", "serve",
                    "--port", "0", "--rate-limit", "0", "--sign-in-limit", "0")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (lines.readLine() != null) {
                                // The access log: one line a request, read so that the pipe never fills.
                            }
                        } catch (IOException e) {
                            // The process ended.
                        }
                    }, "serve-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new Serve(process, Integer.parseInt(listening.group(1)));
                }
            }
            throw new IllegalStateException("seedreset serve ended before listening (exit " + waitFor(process) + ")");
        }

        private static int waitFor(Process process) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The clients and the phases they run together. */
    static final class Load {
        private final int port;
        private final int clients;

        Load(int port, int clients) {
            this.port = port;
            this.clients = clients;
        }

        /** One client per slot, each a customer persona of the organizations in turn, signed in. */
        List<Client> signIn(Catalogue catalogue) throws Exception {
            List<Client> signedIn = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String organization = ORGANIZATIONS.get(i % ORGANIZATIONS.size());
                List<String> customers = catalogue.customers().get(organization);
                String email = customers.get(i / ORGANIZATIONS.size() % customers.size());
                Client client = new Client(this, new SplittableRandom(i), catalogue, organization, null);
                KeptAliveConnection.Response login = client.send("POST", "/api/v1/auth/login",
                        JSON.writeValueAsString(Map.of("organization", organization, "email", email, "password", PASSWORD)));
                client.close();
                if (login.status() != 200) {
                    throw new IllegalStateException("sign-in of " + email + " answered " + login.status() + ": " + login.text());
                }
                signedIn.add(new Client(this, new SplittableRandom(i), catalogue, organization, JSON.readTree(login.body()).get("token").asText()));
            }
            return signedIn;
        }

        Results phase(Duration duration, Step step) throws Exception {
            List<Client> anonymous = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                anonymous.add(new Client(this, new SplittableRandom(i), null, null, null));
            }
            return phase(duration, step, anonymous);
        }

        /** Every client repeats its step until the phase's time is up; their results, merged. */
        Results phase(Duration duration, Step step, List<Client> participants) throws Exception {
            Results results = new Results();
            if (duration.isZero()) {
                return results;
            }
            ExecutorService threads = Executors.newFixedThreadPool(participants.size());
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Results>> done = new ArrayList<>();
                for (Client client : participants) {
                    done.add(threads.submit(() -> {
                        Results own = new Results();
                        client.results = own;
                        start.await();
                        long end = System.nanoTime() + duration.toNanos();
                        while (System.nanoTime() < end) {
                            step.run(client);
                        }
                        return own;
                    }));
                }
                long began = System.nanoTime();
                start.countDown();
                for (Future<Results> future : done) {
                    results.add(future.get());
                }
                results.elapsedNanos = System.nanoTime() - began;
            } finally {
                threads.shutdownNow();
                participants.forEach(Client::close);
            }
            return results;
        }
    }

    @FunctionalInterface
    interface Step {
        void run(Client client) throws Exception;
    }

    /** One client: a customer of one organization, picking the mix's next request at random (seeded). */
    static final class Client {
        private final Load load;
        private final SplittableRandom random;
        private final Catalogue catalogue;
        private final String organization;
        private final String token;
        /** Each client its own connection, as each user's browser has. */
        private final KeptAliveConnection connection;
        Results results;
        long ticketsBought;

        Client(Load load, SplittableRandom random, Catalogue catalogue, String organization, String token) {
            this.load = load;
            this.random = random;
            this.catalogue = catalogue;
            this.organization = organization;
            this.token = token;
            this.connection = new KeptAliveConnection("127.0.0.1", load.port);
        }

        void health() throws Exception {
            call("GET /health", "GET", "/health", null, 200);
        }

        /** The cheapest request that checks a token: who it stands for. */
        void me() throws Exception {
            get("GET /api/v1/auth/me", "/api/v1/auth/me");
        }

        /**
         * A customer browsing and buying: most requests read the catalogue, some their own orders and
         * tickets, one in twenty places an order of one or two tickets.
         */
        void mix() throws Exception {
            int roll = random.nextInt(100);
            if (roll < 25) {
                get("GET /api/v1/ticketing/events", "/api/v1/ticketing/events?status=ON_SALE");
            } else if (roll < 55) {
                get("GET /api/v1/ticketing/events/{id}", "/api/v1/ticketing/events/" + pick(catalogue.events().get(organization)));
            } else if (roll < 65) {
                get("GET /api/v1/ticketing/venues", "/api/v1/ticketing/venues");
            } else if (roll < 80) {
                get("GET /api/v1/ticketing/orders", "/api/v1/ticketing/orders");
            } else if (roll < 95) {
                get("GET /api/v1/ticketing/tickets", "/api/v1/ticketing/tickets");
            } else {
                int quantity = 1 + random.nextInt(2);
                String body = JSON.writeValueAsString(Map.of("items",
                        List.of(Map.of("ticketTypeId", pick(catalogue.roomyTiers().get(organization)), "quantity", quantity))));
                if (call("POST /api/v1/ticketing/orders", "POST", "/api/v1/ticketing/orders", body, 201)) {
                    ticketsBought += quantity;
                }
            }
        }

        private void get(String route, String path) {
            call(route, "GET", path, null, 200);
        }

        private String pick(List<String> values) {
            return values.get(random.nextInt(values.size()));
        }

        /** Sends a request and records its latency, its size and whether it answered the route's success; true if it did. */
        private boolean call(String route, String method, String path, String json, int success) {
            long began = System.nanoTime();
            KeptAliveConnection.Response response;
            try {
                response = send(method, path, json);
            } catch (Exception e) {
                results.record(route, System.nanoTime() - began, false, 0);
                return false;
            }
            boolean ok = response.status() == success;
            results.record(route, System.nanoTime() - began, ok, response.body().length);
            return ok;
        }

        KeptAliveConnection.Response send(String method, String path, String json) throws IOException {
            return connection.send(method, path, token, json);
        }

        void close() {
            connection.close();
        }
    }

    /** Latencies and errors per route over one phase. */
    static final class Results {
        private final Map<String, List<Long>> nanos = new LinkedHashMap<>();
        private final Map<String, Long> errors = new LinkedHashMap<>();
        private final Map<String, Long> bodyChars = new LinkedHashMap<>();
        long elapsedNanos;

        void record(String route, long duration, boolean ok, long chars) {
            nanos.computeIfAbsent(route, r -> new ArrayList<>()).add(duration);
            errors.merge(route, ok ? 0L : 1L, Long::sum);
            bodyChars.merge(route, chars, Long::sum);
        }

        void add(Results other) {
            other.nanos.forEach((route, list) -> nanos.computeIfAbsent(route, r -> new ArrayList<>()).addAll(list));
            other.errors.forEach((route, count) -> errors.merge(route, count, Long::sum));
            other.bodyChars.forEach((route, count) -> bodyChars.merge(route, count, Long::sum));
        }

        static boolean isRead(String route) {
            return route.startsWith("GET /api/");
        }

        long errors() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        long requests(java.util.function.Predicate<String> routes) {
            return nanos.entrySet().stream().filter(e -> routes.test(e.getKey())).mapToLong(e -> e.getValue().size()).sum();
        }

        double rate(java.util.function.Predicate<String> routes) {
            return requests(routes) / (elapsedNanos / 1e9);
        }

        double rate() {
            return rate(route -> true);
        }

        double worstP99(java.util.function.Predicate<String> routes) {
            return nanos.entrySet().stream().filter(e -> routes.test(e.getKey())).mapToDouble(e -> percentile(e.getValue(), 0.99))
                    .max().orElse(0);
        }

        void print(PrintStream out) {
            new TreeMap<>(nanos).forEach((route, list) -> out.printf("%-42s %9d %9.0f %8.1f %8.1f %7d %8.1f%n", route, list.size(),
                    list.size() / (elapsedNanos / 1e9), percentile(list, 0.50), percentile(list, 0.99), errors.get(route),
                    bodyChars.get(route) / 1024.0 / list.size()));
        }

        /** The nearest-rank percentile, in milliseconds. */
        private static double percentile(List<Long> values, double fraction) {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            int rank = (int) Math.ceil(fraction * sorted.length) - 1;
            return sorted[Math.max(0, rank)] / 1e6;
        }
    }
}
