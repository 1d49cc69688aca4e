package io.seedreset.server.admin;

import static io.seedreset.server.admin.AdminFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.OrganizationKind;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API's schedules over real HTTP on a real database: set, listed, made due now and cleared by a staff
 * member (who the schedule names); a production organization answers 403, audited as refused by the member,
 * nothing stored; bad input 400, an unknown organization 404, a missing confirmation 428, a wrong one 409.
 */
class AdminSchedulesTest {

    private static final String DEMO = "encore-demo";
    private static final String PRODUCTION = "encore";

    private AdminFixture admin;
    private String staff;

    @BeforeEach
    void start() {
        admin = AdminFixture.start(DEMO, "Encore Ticketing (demo)", OrganizationKind.DEMO)
                .organization(PRODUCTION, "Encore Ticketing", OrganizationKind.PRODUCTION);
        staff = admin.staffToken("Grace");
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    private long stored() {
        return admin.tenant.queryForLong("SELECT count(*) FROM operations.scheduled_tasks");
    }

    @Test
    void set_list_run_now_and_clear() throws Exception {
        String schedules = ADMIN + "/organizations/" + DEMO + "/schedules";
        JsonNode set = admin.post(staff, schedules, Map.of("job", "reset", "at", "nightly 04:15", "confirm", DEMO)).ok(200);
        assertThat(set.get("job").asText()).isEqualTo("reset");
        assertThat(set.get("organization").asText()).isEqualTo(DEMO);
        assertThat(set.get("organizationKind").asText()).isEqualTo("demo");
        assertThat(set.get("timing").asText()).isEqualTo("nightly 04:15 UTC");
        assertThat(set.get("nextRun").asText()).endsWith("T04:15:00Z");
        assertThat(set.get("setBy").asText()).isEqualTo("staff:Grace");
        assertThat(set.get("lastRun").isNull()).isTrue();
        admin.post(staff, schedules, Map.of("job", "rotate-credentials", "confirm", DEMO)).ok(200);

        assertThat(admin.get(staff, schedules).ok(200)).hasSize(2);
        assertThat(admin.get(staff, ADMIN + "/schedules").ok(200)).extracting(entry -> entry.get("job").asText())
                .containsExactly("reset", "rotate-credentials");

        JsonNode due = admin.post(staff, schedules + "/reset/run-now", Map.of("confirm", DEMO)).ok(200);
        assertThat(due.get("nextRun").asText()).isLessThanOrEqualTo(java.time.Instant.now().toString());

        JsonNode left = admin.post(staff, schedules + "/reset/clear", Map.of("confirm", DEMO)).ok(200);
        assertThat(left).extracting(entry -> entry.get("job").asText()).containsExactly("rotate-credentials");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void a_production_organization_answers_403_audited_and_nothing_is_stored() throws Exception {
        String schedules = ADMIN + "/organizations/" + PRODUCTION + "/schedules";
        for (String job : new String[] {"reset", "rotate-credentials"}) {
            JsonNode refused = admin.post(staff, schedules, Map.of("job", job, "confirm", PRODUCTION)).ok(403);
            assertThat(refused.at("/error/reason").asText()).isEqualTo("production_organization");
        }
        assertThat(admin.post(staff, schedules + "/reset/run-now", Map.of("confirm", PRODUCTION)).ok(403).at("/error/reason").asText())
                .isEqualTo("production_organization");

        assertThat(stored()).isZero();
        assertThat(admin.audit(PRODUCTION)).hasSize(3).allMatch(entry -> entry.startsWith("staff:Grace reset refused: "));
    }

    @Test
    void bad_input_is_answered_by_status_and_stores_nothing() throws Exception {
        String schedules = ADMIN + "/organizations/" + DEMO + "/schedules";
        assertThat(admin.post(staff, schedules, Map.of("job", "reset", "at", "cron 0 0 99 * * *", "confirm", DEMO)).ok(400)
                .at("/error/message").asText()).startsWith("'cron 0 0 99 * * *' is not a valid cron expression: ");
        assertThat(admin.post(staff, schedules, Map.of("job", "purge", "confirm", DEMO)).ok(400).at("/error/message").asText())
                .isEqualTo("unknown job 'purge': the jobs are reset, rotate-credentials, purge-uploads, activity");
        admin.post(staff, ADMIN + "/organizations/nowhere/schedules", Map.of("job", "reset", "confirm", "nowhere")).ok(404);
        admin.post(staff, schedules, Map.of("job", "reset")).ok(428);
        admin.post(staff, schedules, Map.of("job", "reset", "confirm", PRODUCTION)).ok(409);
        admin.post(staff, schedules + "/reset/clear", Map.of("confirm", DEMO)).ok(400);
        admin.post(null, schedules, Map.of("job", "reset", "confirm", DEMO)).ok(401);

        assertThat(stored()).isZero();
        assertThat(admin.audit(DEMO)).isEmpty();
    }
}
