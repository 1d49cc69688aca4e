package io.seedreset.server.admin;

import static io.seedreset.server.admin.AdminFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One mutation of an organization at a time. To catch one in the middle without timing luck, the test holds
 * the organization's row locked from a connection of its own, as another operation would: the mutation it
 * starts waits inside the engine (which waits up to {@link AdminFixture#BUSY_TIMEOUT}), the operation route
 * reports it running, and every second mutation of the organization answers 409 organization_busy at once,
 * writing nothing but its audit entry. Released, the first completes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBusyOrganizationTest {

    private static final String ORG = "busy-demo";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private AdminFixture admin;
    private String ada;
    private String grace;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeAll
    void seed() {
        admin = AdminFixture.start(ORG, "Busy Tickets (demo)", OrganizationKind.DEMO).organization("calm-demo", "Calm (demo)", OrganizationKind.DEMO);
        admin.seedReset.apply(ApplyRequest.of(PackRequest.of("ticketing-demo", ORG).mode("minimal").seed(1L).anchor(AdminFixture.ANCHOR))
                .confirm(ORG));
        ada = admin.staffToken("Ada");
        grace = admin.staffToken("Grace");
    }

    @AfterAll
    void stop() {
        background.shutdownNow();
        admin.close();
    }

    @Test
    void a_second_mutation_while_a_reset_runs_answers_409_organization_busy_and_writes_nothing() throws Exception {
        String org = ADMIN + "/organizations/" + ORG;
        String persona = admin.post(ada, org + "/tokens", null).ok(200).get(0).get("token").asText();
        Future<AdminFixture.Response> reset;
        Map<String, Long> before;
        List<String> audit;
        admin.platform.flushUsage();
        try (Connection holder = holdOrganization(ORG)) {
            before = admin.footprintAsItIs(ORG);
            audit = new ArrayList<>(admin.audit(ORG));
            reset = inBackground(() -> admin.post(ada, org + "/reset", Map.of("confirm", ORG, "anchor", AdminFixture.ANCHOR.toString())));

            JsonNode running = awaitRunning(org);
            assertThat(running.get("organization").asText()).isEqualTo(ORG);
            assertThat(running.get("operation").asText()).isEqualTo("reset");
            assertThat(running.get("staff").asText()).isEqualTo("Ada");
            assertThat(Instant.parse(running.get("startedAt").asText())).isEqualTo(AdminFixture.ANCHOR);
            assertThat(running.get("rows").asLong()).isZero();
            awaitLockWait(ORG);
            assertThat(admin.get(ada, org).ok(200).get("running")).as("the organization's summary shows it too").isEqualTo(running);

            String busy = "organization 'busy-demo' is busy: Ada started a reset of it at 2026-11-21T09:00:00Z; try again when it finishes";
            List<Object[]> seconds = List.of(
                    new Object[] {"/reset", Map.of("confirm", ORG)},
                    new Object[] {"/apply", Map.of("pack", "ticketing-demo", "mode", "minimal", "seed", 2, "replace", true, "confirm", ORG)},
                    new Object[] {"/apply", Map.of("pack", "event-agency-starter", "mode", "minimal", "confirm", ORG)},
                    new Object[] {"/teardown", Map.of("confirm", ORG)},
                    new Object[] {"/tokens", Map.of()});
            for (Object[] second : seconds) {
                AdminFixture.Response refused = admin.post(grace, org + second[0], second[1]);
                assertThat(refused.reason(409)).as(second[0].toString()).isEqualTo("organization_busy");
                assertThat(refused.message()).isEqualTo(busy);
                assertThat(refused.body().at("/error/details/organization").asText()).isEqualTo(ORG);
            }
            assertThat(admin.footprintAsItIs(ORG)).as("nothing written while held").isEqualTo(before);
            // The first's attempt, started; every seed action turned away, audited as a conflict (a token reissue is no seed action).
            // The reset's first step, its backup, waits for the organization's lock.
            audit.add("staff:Ada snapshot started: ");
            for (String operation : List.of("reset", "apply", "apply", "teardown")) {
                audit.add("staff:Grace " + operation + " conflict: " + busy);
            }
            assertThat(admin.audit(ORG)).isEqualTo(audit);
            assertThat(admin.get(persona, "/api/v1/auth/me").status()).as("no token reissued or revoked").isEqualTo(200);
            assertThat(admin.post(grace, ADMIN + "/organizations/calm-demo/apply", Map.of("pack", "event-agency-starter", "mode", "minimal",
                    "confirm", "calm-demo")).ok(200).at("/result/status").asText()).as("another organization is not busy").isEqualTo("applied");

            holder.rollback();
        }

        JsonNode done = reset.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).ok(200);
        assertThat(done.at("/result/reapplied/0/packId").asText()).isEqualTo("ticketing-demo");
        assertThat(done.get("apiTokens")).isNotEmpty();
        assertThat(admin.get(ada, org + "/operation").ok(200).get("running").isNull()).isTrue();
        assertThat(admin.audit(ORG).get(audit.indexOf("staff:Ada snapshot started: "))).as("the first's backup, finished")
                .startsWith("staff:Ada snapshot succeeded: backup 'backup-");
        assertThat(admin.audit(ORG)).as("then the reset itself").anySatisfy(entry -> assertThat(entry).startsWith("staff:Ada reset succeeded: "));
        assertThat(admin.get(persona, "/api/v1/auth/me").reason(401)).as("the reset revoked it").isEqualTo("unauthenticated");
        assertThat(admin.post(grace, org + "/validate", null).ok(200).get("passed").asBoolean()).isTrue();
        assertThat(admin.post(grace, org + "/tokens", null).status()).as("free again").isEqualTo(200);
    }

    @Test
    void a_seed_action_while_a_token_reissue_runs_answers_409_organization_busy() throws Exception {
        String org = ADMIN + "/organizations/" + ORG;
        Future<AdminFixture.Response> reissue;
        admin.platform.flushUsage();
        try (Connection holder = holdOrganization(ORG)) {
            // The new tokens' rows name the organization, which waits for its row.
            reissue = inBackground(() -> admin.post(ada, org + "/tokens", null));
            assertThat(awaitRunning(org).get("operation").asText()).isEqualTo("token reissue");
            awaitLockWait(ORG);
            Map<String, Long> before = admin.footprintAsItIs(ORG);

            AdminFixture.Response refused = admin.post(grace, org + "/reset", Map.of("confirm", ORG));

            assertThat(refused.reason(409)).isEqualTo("organization_busy");
            assertThat(refused.message()).startsWith("organization 'busy-demo' is busy: Ada started a token reissue of it at ");
            assertThat(admin.footprintAsItIs(ORG)).isEqualTo(before);
            holder.rollback();
        }
        JsonNode tokens = reissue.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).ok(200);
        assertThat(admin.get(tokens.get(0).get("token").asText(), "/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(admin.get(ada, org + "/operation").ok(200).get("running").isNull()).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    /** A connection holding the organization's row locked, as an operation elsewhere would, until it rolls back or closes. */
    private Connection holdOrganization(String slug) throws Exception {
        Connection holder = admin.tenant.dataSource.getConnection();
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM platform.organizations WHERE slug = ? FOR UPDATE")) {
            lock.setString(1, slug);
            try (ResultSet rs = lock.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
        return holder;
    }

    private Future<AdminFixture.Response> inBackground(Callable<AdminFixture.Response> request) {
        return background.submit(request);
    }

    /** The running mutation the operation route reports, once it reports one. */
    private JsonNode awaitRunning(String org) throws Exception {
        JsonNode[] running = new JsonNode[1];
        await("the operation route to report a mutation running", () -> {
            running[0] = admin.get(ada, org + "/operation").ok(200).get("running");
            return !running[0].isNull();
        });
        return running[0];
    }

    /** Until a connection waits for a lock in the database: the mutation is inside the engine, waiting for the organization. */
    private void awaitLockWait(String slug) throws Exception {
        await("a mutation of '" + slug + "' to wait for its row", () -> admin.tenant.queryForLong(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0);
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Checks the condition until it holds, a few milliseconds apart, failing after {@link #PATIENCE}. */
    private static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waited " + PATIENCE.toSeconds() + " s for " + what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
