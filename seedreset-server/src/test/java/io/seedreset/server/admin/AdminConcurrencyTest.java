package io.seedreset.server.admin;

import static io.seedreset.server.admin.AdminFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.OrganizationKind;
import io.seedreset.testing.BoundaryInvariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Many staff members at once: concurrent applies and resets against a production organization and a demo
 * organization, released together. The production organization never gets a row and every attempt on it
 * is refused and audited; the demo organization ends consistent, one application per pack, its pack's rules
 * holding. Concurrent creations of one organization: one is created, the others told it exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConcurrencyTest {

    private static final String PRODUCTION = "encore";
    private static final String DEMO = "rush-demo";
    private static final int ROUNDS = 4;

    private AdminFixture admin;
    private final List<String> staff = new ArrayList<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @BeforeAll
    void seed() throws Exception {
        admin = AdminFixture.start(PRODUCTION, "Encore Ticketing", OrganizationKind.PRODUCTION)
                .organization(DEMO, "Rush Tickets (demo)", OrganizationKind.DEMO);
        for (String name : List.of("Ada", "Grace", "Linus", "Barbara")) {
            staff.add(admin.staffToken(name));
        }
        String demo = ADMIN + "/organizations/" + DEMO;
        admin.post(staff.get(0), demo + "/apply", Map.of("pack", "ticketing-demo", "mode", "minimal", "seed", 1, "confirm", DEMO)).ok(200);
        admin.post(staff.get(0), demo + "/apply", Map.of("pack", "event-agency-starter", "mode", "minimal", "seed", 1, "confirm", DEMO)).ok(200);
    }

    @AfterAll
    void stop() {
        callers.shutdownNow();
        admin.close();
    }

    @Test
    void concurrent_applies_and_resets_never_write_to_production_and_leave_the_demo_consistent() throws Exception {
        Map<String, Long> productionBefore = admin.footprint(PRODUCTION);
        int auditBefore = admin.audit(PRODUCTION).size();
        List<Map<String, Object>> mutations = List.of(
                Map.of("path", "/apply", "body", Map.of("pack", "ticketing-demo", "mode", "minimal", "seed", 1)),
                Map.of("path", "/apply", "body", Map.of("pack", "ticketing-demo", "mode", "minimal", "seed", 2, "replace", true)),
                Map.of("path", "/apply", "body", Map.of("pack", "event-agency-starter", "mode", "minimal", "seed", 3, "replace", true)),
                Map.of("path", "/reset", "body", Map.of()));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> production = new ArrayList<>();
        List<Future<Outcome>> demo = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < mutations.size(); i++) {
                String token = staff.get((round + i) % staff.size());
                production.add(callers.submit(call(start, token, PRODUCTION, mutations.get(i))));
                demo.add(callers.submit(call(start, token, DEMO, mutations.get(i))));
            }
        }
        start.countDown();

        for (Future<Outcome> attempt : production) {
            Outcome outcome = attempt.get(120, TimeUnit.SECONDS);
            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(403);
            assertThat(outcome.reason()).isEqualTo("production_organization");
        }
        List<Outcome> demoOutcomes = new ArrayList<>();
        for (Future<Outcome> attempt : demo) {
            demoOutcomes.add(attempt.get(120, TimeUnit.SECONDS));
        }
        assertThat(demoOutcomes).as("every demo attempt succeeded or was told why not")
                .allSatisfy(outcome -> assertThat(outcome.status() == 200 || outcome.status() == 409
                        && List.of("organization_busy", "already_applied").contains(outcome.reason())).as(outcome.toString()).isTrue())
                .anySatisfy(outcome -> assertThat(outcome.status()).isEqualTo(200));

        // Production: not a row, every attempt refused and audited.
        assertThat(admin.footprint(PRODUCTION)).isEqualTo(productionBefore);
        List<String> productionAudit = admin.audit(PRODUCTION);
        assertThat(productionAudit).hasSize(auditBefore + production.size());
        assertThat(productionAudit.subList(auditBefore, productionAudit.size()))
                .allSatisfy(entry -> assertThat(entry).matches("staff:\\w+ (apply|reset) refused: organization 'encore' is a production"
                        + " organization: seed packs never run there"));
        BoundaryInvariant.assertHolds(admin.tenant.dataSource);

        // The demo: one application per pack, its rows what the ledger says, its rules holding, nothing left running.
        assertThat(admin.tenant.histogram("""
                SELECT a.pack_id, count(*) FROM platform.seed_applications a JOIN platform.organizations o ON o.id = a.org_id
                 WHERE o.slug = ? AND a.removed_at IS NULL GROUP BY a.pack_id""", DEMO))
                .containsExactly(Map.entry("event-agency-starter", 1L), Map.entry("ticketing-demo", 1L));
        assertThat(admin.post(staff.get(0), ADMIN + "/organizations/" + DEMO + "/validate", null).ok(200).get("passed").asBoolean()).isTrue();
        assertThat(admin.footprint(DEMO).get("ticketing.orders")).as("one minimal ticketing-demo's orders").isEqualTo(10);
        assertThat(admin.audit(DEMO)).as("every attempt finished").noneMatch(entry -> entry.contains(" started: "));
        assertThat(admin.get(staff.get(0), ADMIN + "/organizations/" + DEMO + "/operation").ok(200).get("running").isNull()).isTrue();
    }

    @Test
    void concurrent_creations_of_one_organization_create_it_once_and_tell_the_others_it_exists() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> creations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = staff.get(i % staff.size());
            creations.add(callers.submit(() -> {
                start.await();
                AdminFixture.Response response = admin.post(token, ADMIN + "/organizations", Map.of("slug", "twin-demo", "name", "Twin", "kind", "demo"));
                return new Outcome("create", response.status(), response.body().at("/error/reason").asText(), response.message());
            }));
        }
        start.countDown();

        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> creation : creations) {
            outcomes.add(creation.get(60, TimeUnit.SECONDS));
        }
        assertThat(outcomes).filteredOn(outcome -> outcome.status() == 201).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome.status() != 201).hasSize(7).allSatisfy(outcome -> {
            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(409);
            assertThat(outcome.reason()).isEqualTo("organization_exists");
            assertThat(outcome.message()).isEqualTo("organization 'twin-demo' already exists");
        });
        assertThat(admin.tenant.queryForLong("SELECT count(*) FROM platform.organizations WHERE slug = 'twin-demo'")).isEqualTo(1);
    }

    /** A mutation of the organization, confirmed with its slug, sent once the start is given. */
    private Callable<Outcome> call(CountDownLatch start, String token, String organization, Map<String, Object> mutation) {
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) mutation.get("body");
        Map<String, Object> body = new LinkedHashMap<>(template);
        body.put("confirm", organization);
        String path = ADMIN + "/organizations/" + organization + mutation.get("path");
        return () -> {
            start.await();
            AdminFixture.Response response = admin.post(token, path, body);
            return new Outcome(path + " " + body, response.status(), response.body().at("/error/reason").asText(), response.message());
        };
    }

    /** What one attempt answered. */
    private record Outcome(String attempt, int status, String reason, String message) {
    }
}
