package io.seedreset.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.LedgerActivityPack;
import io.seedreset.fixture.LedgerPack;
import io.seedreset.testing.Transactions;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Applies, teardowns, resets, snapshot restores, activity and time travel race flips of the production flag at all three isolation levels
 * and direct writers of the ledger that try to launder it, over a pool of demo organizations
 * (a flipped one is replaced by a new one). Bounded by operation count. Afterwards no production
 * organization holds a seeded row or a ledger entry, and every ledger count is exact.
 */
class BoundaryRaceTest {

    private static final String[] ISOLATION = {"READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"};
    private static final int ENGINE_WORKERS = 3;
    private static final int ENGINE_OPERATIONS = 220;
    private static final int FLIPPERS = 2;
    private static final int FLIPS = 160;
    private static final int LEDGER_WRITES = 160;

    private final Fixture fixture = new Fixture(new LedgerActivityPack());
    /** A demo organization outside the pool whose snapshot the race restores into the pool's organizations. */
    private static final String SOURCE = "race-source";
    private final List<String> pool = new CopyOnWriteArrayList<>();
    /** Organizations an engine operation is working on now, and when it will be done. */
    private final Map<String, CompletableFuture<Void>> busy = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();

    @Test
    void no_interleaving_puts_a_seeded_row_into_a_production_organization() throws Exception {
        fixture.seedReset.createOrganization(SOURCE, "Race source", io.seedreset.api.OrganizationKind.DEMO);
        fixture.seedReset.apply(ApplyRequest.of(PackRequest.of(LedgerPack.ID, SOURCE).seed(9L)).confirm(SOURCE));
        fixture.seedReset.createSnapshot(SOURCE, "golden");
        for (int i = 0; i < 16; i++) {
            newOrganization();
        }
        ExecutorService threads = Executors.newFixedThreadPool(ENGINE_WORKERS + FLIPPERS + 1);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < ENGINE_WORKERS; w++) {
            long seed = w;
            work.add(threads.submit(() -> engineOperations(new Random(seed))));
        }
        for (int f = 0; f < FLIPPERS; f++) {
            long seed = 100 + f;
            work.add(threads.submit(() -> flips(new Random(seed))));
        }
        work.add(threads.submit(() -> ledgerWrites(new Random(200))));
        for (Future<?> future : work) {
            future.get(5, TimeUnit.MINUTES);
        }
        threads.shutdown();

        long operations = outcomes.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.println("boundary race: " + operations + " operations, " + new java.util.TreeMap<>(outcomes));
        assertThat(operations).as("operations in the race: %s", outcomes).isGreaterThanOrEqualTo(1_000);
        assertThat(fixture.seededRowsInProduction()).as("seeded rows or ledger entries in production after %s", outcomes).isZero();
        assertThat(fixture.miscountedOrganizations()).as("organizations whose ledger count is off").isZero();
        assertThat(fixture.count("""
                SELECT (SELECT count(*) FROM fixture.accounts t JOIN platform.organizations o ON o.id = t.org_id WHERE o.is_production)
                     + (SELECT count(*) FROM fixture.entries t JOIN platform.organizations o ON o.id = t.org_id WHERE o.is_production)"""))
                .as("only seeds write tenant rows in this race, so a production organization holds none").isZero();
        // The race did race: flips went through on empty organizations, and stale ones were caught.
        assertThat(count("flip ok")).as("flips of empty organizations, %s", outcomes).isPositive();
        assertThat(count("flip 40001") + count("launder 40001")).as("stale snapshots caught by the conflict, %s", outcomes).isPositive();
        assertThat(count("flip SR003")).as("flips refused by the flag guard, %s", outcomes).isPositive();
        assertThat(count("apply ok")).as("applies, %s", outcomes).isPositive();
        assertThat(count("restore ok")).as("restores, %s", outcomes).isPositive();
        assertThat(count("timetravel ok")).as("time travels, %s", outcomes).isPositive();
    }

    private void engineOperations(Random random) {
        for (int i = 0; i < ENGINE_OPERATIONS; i++) {
            String organization = pool.get(random.nextInt(pool.size()));
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (busy.putIfAbsent(organization, done) != null) {
                done = null;
            }
            String operation = switch (random.nextInt(7)) {
                case 0, 1 -> "apply";
                case 2 -> "teardown";
                case 3 -> "reset";
                case 4 -> "restore";
                case 5 -> "activity";
                default -> "timetravel";
            };
            try {
                switch (operation) {
                    case "apply" -> fixture.seedReset.apply(ApplyRequest.of(PackRequest.of(LedgerPack.ID, organization)
                            .seed(1L + random.nextInt(3))).confirm(organization).replace(true));
                    case "teardown" -> fixture.seedReset.teardown(TeardownRequest.of(organization).confirm(organization));
                    case "reset" -> fixture.seedReset.reset(ResetRequest.of(organization).confirm(organization));
                    case "restore" -> fixture.seedReset.restore(io.seedreset.api.RestoreRequest.snapshot(organization, "golden").of(SOURCE)
                            .confirm(organization));
                    case "activity" -> fixture.seedReset.activity(io.seedreset.api.ActivityRequest.of(organization).confirm(organization));
                    default -> fixture.seedReset.timetravel(io.seedreset.api.TimetravelRequest.of(organization, random.nextBoolean() ? 1 : -1)
                            .confirm(organization));
                }
                record(operation + " ok");
            } catch (SeedResetException e) {
                record(operation + " " + e.kind());
            } finally {
                if (done != null) {
                    busy.remove(organization, done);
                    done.complete(null);
                }
            }
        }
    }

    /** Flips an organization, preferably one an operation is working on: snapshot first, flip after that operation ends. */
    private void flips(Random random) {
        for (int i = 0; i < FLIPS; i++) {
            List<Map.Entry<String, CompletableFuture<Void>>> working = new ArrayList<>(busy.entrySet());
            String organization = pool.get(random.nextInt(pool.size()));
            CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
            if (!working.isEmpty() && random.nextBoolean()) {
                Map.Entry<String, CompletableFuture<Void>> target = working.get(random.nextInt(working.size()));
                organization = target.getKey();
                done = target.getValue();
            }
            String outcome = transaction(ISOLATION[random.nextInt(3)], done,
                    "SELECT count(*) FROM platform.seed_row_sets",
                    "UPDATE platform.organizations SET is_production = true WHERE slug = '" + organization + "'");
            record("flip " + outcome);
            if (outcome.equals("ok")) {
                pool.remove(organization);
                newOrganization();
            }
        }
    }

    /**
     * Writes the ledger by hand: records rows that do not exist (harmless, and the organization
     * can then never be flipped), or tries to launder it (empty the ledger, close the
     * applications, flip) in one transaction.
     */
    private void ledgerWrites(Random random) {
        for (int i = 0; i < LEDGER_WRITES; i++) {
            String organization = pool.get(random.nextInt(pool.size()));
            String id = "(SELECT id FROM platform.organizations WHERE slug = '" + organization + "')";
            CompletableFuture<Void> done = busy.getOrDefault(organization, CompletableFuture.completedFuture(null));
            String isolation = ISOLATION[random.nextInt(3)];
            if (random.nextBoolean()) {
                record("ledger " + transaction(isolation, done, "INSERT INTO platform.seed_row_sets (org_id, application_id, table_name, row_ids)"
                        + " VALUES (" + id + ", gen_random_uuid(), 'fixture.accounts', ARRAY[gen_random_uuid()])"));
            } else {
                String outcome = transaction(isolation, done,
                        "DELETE FROM platform.seed_row_sets WHERE org_id = " + id,
                        "DELETE FROM platform.seed_updates WHERE org_id = " + id,
                        "UPDATE platform.seed_applications SET removed_at = now(), removed_by = 'x', removal = 'teardown'"
                                + " WHERE org_id = " + id + " AND removed_at IS NULL",
                        "UPDATE platform.organizations SET is_production = true WHERE slug = '" + organization + "'");
                record("launder " + outcome);
                if (outcome.equals("ok")) {
                    pool.remove(organization);
                    newOrganization();
                }
            }
        }
    }

    private String transaction(String isolation, CompletableFuture<Void> before, String first, String... rest) {
        return Transactions.attempt(fixture.dataSource, isolation, before, first, rest);
    }

    private void newOrganization() {
        String slug = "race-" + created.getAndIncrement();
        fixture.seedReset.createOrganization(slug, "Race " + slug, OrganizationKind.DEMO);
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
