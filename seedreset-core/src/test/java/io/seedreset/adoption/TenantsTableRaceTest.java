package io.seedreset.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import io.seedreset.testing.BoundaryInvariant;
import io.seedreset.testing.DatabaseReader;
import io.seedreset.testing.TestDatabases;
import io.seedreset.testing.Transactions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The application's own production flag ({@code crm.accounts.live}) flipped by hand-written transactions at
 * all three isolation levels, each taking its snapshot before an engine operation on the same tenant ends
 * and writing after it, while applies, teardowns and resets run. Bounded by operation count. Afterwards no
 * live tenant holds a seeded row or a ledger entry, and every registered tenant's flag and its
 * organization's agree.
 */
class TenantsTableRaceTest {

    private static final String[] ISOLATION = {"READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"};
    private static final int ENGINE_WORKERS = 2;
    private static final int ENGINE_OPERATIONS = 70;
    private static final int FLIPPERS = 2;
    private static final int FLIPS = 50;

    private final DataSource dataSource = TestDatabases.newDatabase();
    private final DatabaseReader db = new DatabaseReader(dataSource);
    private final List<String> pool = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> keyBases = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> busy = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private SeedReset seedReset;

    @Test
    void no_interleaving_seeds_a_tenant_the_application_marked_live() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("adoption/crm.sql")) {
            db.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        seedReset = SeedReset.configure().dataSource(dataSource).discoverPacks(false).packs(new CrmPack())
                .migrationLocations("classpath:db/seedreset").tenancy(OwnSchemaTest.CRM).actor("race")
                .clock(Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC)).load();
        seedReset.init();
        for (int i = 0; i < 8; i++) {
            newOrganization();
        }
        ExecutorService workers = Executors.newFixedThreadPool(ENGINE_WORKERS + FLIPPERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < ENGINE_WORKERS; w++) {
            long seed = w;
            running.add(workers.submit(() -> engine(new Random(seed))));
        }
        for (int f = 0; f < FLIPPERS; f++) {
            long seed = 100 + f;
            running.add(workers.submit(() -> flips(new Random(seed))));
        }
        for (Future<?> future : running) {
            future.get();
        }
        workers.shutdown();

        BoundaryInvariant.assertHolds(dataSource);
        assertThat(db.queryForLong("""
                SELECT count(*) FROM platform.organizations o JOIN crm.accounts a ON a.id::text = o.tenant_key
                 WHERE a.live IS DISTINCT FROM o.is_production""")).as("flags that disagree").isZero();
        for (String table : OwnSchemaTest.TABLES) {
            assertThat(db.queryForLong("SELECT count(*) FROM " + table + " t JOIN crm.accounts a ON a.id = t.tenant_id AND a.live"
                    + " JOIN platform.organizations o ON o.tenant_key = a.id::text")).as("rows of live tenants in " + table).isZero();
        }
        assertThat(count("flip ok")).as("flips that went through " + outcomes).isPositive();
        assertThat(outcomes.keySet().stream().filter(o -> o.startsWith("flip ") && !o.equals("flip ok")).count())
                .as("flips the database refused " + outcomes).isPositive();
        assertThat(count("apply ok")).as("applies " + outcomes).isPositive();
    }

    private void engine(Random random) {
        for (int i = 0; i < ENGINE_OPERATIONS; i++) {
            String organization = pool.get(random.nextInt(pool.size()));
            CompletableFuture<Void> done = new CompletableFuture<>();
            busy.put(organization, done);
            int kind = random.nextInt(3);
            try {
                switch (kind) {
                    case 0 -> seedReset.apply(ApplyRequest.of(PackRequest.of(CrmPack.ID, organization)
                            .set("key-base", String.valueOf(keyBases.get(organization)))).confirm(organization));
                    case 1 -> seedReset.teardown(TeardownRequest.of(organization).confirm(organization));
                    default -> seedReset.reset(ResetRequest.of(organization).confirm(organization));
                }
                record(new String[] {"apply", "teardown", "reset"}[kind] + " ok");
            } catch (SeedResetException e) {
                // Refused (production, by the engine or the database) or a conflict (busy, already applied, a concurrent
                // change): expected outcomes of a race. A failure or bad input would be a bug.
                switch (e.kind()) {
                    case REFUSED, CONFLICT -> record("engine " + e.reason());
                    default -> throw e;
                }
            } finally {
                busy.remove(organization, done);
                done.complete(null);
            }
        }
    }

    private void flips(Random random) {
        for (int i = 0; i < FLIPS; i++) {
            String organization = pool.get(random.nextInt(pool.size()));
            CompletableFuture<Void> done = busy.getOrDefault(organization, CompletableFuture.completedFuture(null));
            String outcome = Transactions.attempt(dataSource, ISOLATION[random.nextInt(3)], done,
                    "SELECT live FROM crm.accounts WHERE code = '" + organization + "'",
                    "UPDATE crm.accounts SET live = true WHERE code = '" + organization + "'");
            record("flip " + outcome);
            if (outcome.equals("ok") && pool.remove(organization)) {
                newOrganization();
            }
        }
    }

    private void newOrganization() {
        int n = created.getAndIncrement();
        String slug = "race-" + n;
        seedReset.createOrganization(slug, "Race " + n, OrganizationKind.DEMO);
        keyBases.put(slug, 100_000 * (n + 1));
        pool.add(slug);
    }

    private void record(String outcome) {
        outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    private long count(String outcome) {
        LongAdder adder = outcomes.get(outcome);
        return adder == null ? 0 : adder.sum();
    }
}
