package io.seedreset.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.testing.BoundaryInvariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST .../activity}, {@code .../timetravel} and {@code .../timetravel/dry-run} over real HTTP on ticketing-demo:
 * activity posts the day's transactions; ahead then back leaves the organization's rows exactly as they were; a dry
 * run writes nothing; production is refused (403, audited once, nothing written); bad months are a 400.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminActivityTimetravelTest {

    private static final String DEMO = "encore";
    private static final String PRODUCTION = "encore-live";

    private AdminFixture admin;
    private String staff;

    @BeforeAll
    void start() {
        admin = AdminFixture.start(DEMO, "Encore (demo)", OrganizationKind.DEMO).organization(PRODUCTION, "Encore", OrganizationKind.PRODUCTION);
        admin.seedReset.apply(ApplyRequest.of(PackRequest.of("ticketing-demo", DEMO).mode("minimal").seed(1L).anchor(AdminFixture.ANCHOR))
                .confirm(DEMO));
        staff = admin.staffToken("Grace");
    }

    @AfterEach
    void boundaryHolds() {
        BoundaryInvariant.assertHolds(admin.tenant.dataSource);
    }

    @AfterAll
    void stop() {
        admin.close();
    }

    private String route(String slug, String operation) {
        return AdminFixture.ADMIN + "/organizations/" + slug + "/" + operation;
    }

    /** Every ticketing row of the organization, as text, and the footprint less the ledger's applications (a torn-down one stays, removed). */
    private List<String> state(String slug) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("ticketing.events", "ticketing.ticket_types", "ticketing.orders", "ticketing.tickets")) {
            rows.add("-- " + table);
            rows.addAll(admin.tenant.strings("SELECT t::text FROM " + table + " t JOIN platform.organizations o ON o.id = t.org_id"
                    + " WHERE o.slug = ? ORDER BY t::text", slug));
        }
        Map<String, Long> footprint = new TreeMap<>(admin.footprint(slug));
        footprint.remove("platform.seed_applications");
        rows.add(footprint.toString());
        return rows;
    }

    private int clock(String slug) {
        return admin.seedReset.requireOrganization(slug).clockMonths();
    }

    @Test
    void activity_posts_the_days_transactions_once_confirmed() throws Exception {
        JsonNode posted = admin.post(staff, route(DEMO, "activity"), Map.of("days", 2, "confirm", DEMO)).ok(200);

        assertThat(posted.get("to").asText()).isEqualTo("2026-11-21");
        assertThat(posted.get("from").asText()).isEqualTo("2026-11-20");
        assertThat(posted.get("runs").get(0).get("status").asText()).isEqualTo("posted");
        assertThat(admin.audit(DEMO)).last().asString().startsWith("staff:Grace activity succeeded");

        Map<String, Long> after = admin.footprint(DEMO);
        JsonNode again = admin.post(staff, route(DEMO, "activity"), Map.of("confirm", DEMO)).ok(200);
        assertThat(again.get("runs").get(0).get("status").asText()).isEqualTo("unchanged");
        assertThat(admin.post(staff, route(DEMO, "activity"), Map.of("days", 93, "confirm", DEMO)).ok(400).get("error").get("message").asText())
                .isEqualTo("activity covers 1 to 92 days, not 93");
        assertThat(admin.post(staff, route(DEMO, "activity"), Map.of()).ok(428).get("error").get("reason").asText())
                .isEqualTo("confirmation_required");
        assertThat(admin.footprint(DEMO)).isEqualTo(after);
    }

    @Test
    void ahead_then_back_leaves_the_organizations_rows_identical_and_a_dry_run_writes_nothing() throws Exception {
        List<String> before = state(DEMO);

        JsonNode preview = admin.post(staff, route(DEMO, "timetravel/dry-run"), Map.of("months", 1)).ok(200);
        assertThat(preview.get("toMonths").asInt()).isEqualTo(1);
        assertThat(preview.get("posted").size()).isEqualTo(1);
        assertThat(state(DEMO)).isEqualTo(before);
        assertThat(clock(DEMO)).isZero();

        JsonNode ahead = admin.post(staff, route(DEMO, "timetravel"), Map.of("months", 1, "confirm", DEMO)).ok(200);
        assertThat(ahead.get("today").asText()).isEqualTo("2026-12-21");
        assertThat(clock(DEMO)).isEqualTo(1);
        assertThat(state(DEMO)).isNotEqualTo(before);

        JsonNode back = admin.post(staff, route(DEMO, "timetravel"), Map.of("months", -1, "confirm", DEMO)).ok(200);
        assertThat(back.get("toMonths").asInt()).isZero();
        assertThat(back.get("removed").size()).isEqualTo(1);
        assertThat(state(DEMO)).isEqualTo(before);
        assertThat(admin.audit(DEMO)).filteredOn(entry -> entry.contains(" timetravel ")).hasSize(3);
    }

    @Test
    void bad_months_answer_400_in_one_line_and_write_nothing() throws Exception {
        List<String> before = state(DEMO);

        assertThat(admin.post(staff, route(DEMO, "timetravel"), Map.of("months", -1, "confirm", DEMO)).ok(400).get("error").get("message").asText())
                .isEqualTo("organization 'encore' runs 0 month(s) ahead; its clock runs 0 to 12 months ahead, not -1");
        assertThat(admin.post(staff, route(DEMO, "timetravel"), Map.of("months", 13, "confirm", DEMO)).ok(400).get("error").get("reason").asText())
                .isEqualTo("invalid_value");
        assertThat(admin.post(staff, route(DEMO, "timetravel"), Map.of("confirm", DEMO)).ok(400).get("error").get("message").asText())
                .isEqualTo("name the months: \"months\" is required (ahead, or negative: back)");
        assertThat(admin.post(staff, route(DEMO, "timetravel/dry-run"), "{\"months\": \"soon\"}").ok(400).get("error").get("reason").asText())
                .isEqualTo("malformed_request");
        assertThat(admin.post(staff, route(DEMO, "timetravel"), Map.of("months", 1, "confirm", "wrong")).ok(409).get("error").get("reason").asText())
                .isEqualTo("confirmation_mismatch");
        assertThat(state(DEMO)).isEqualTo(before);
        assertThat(clock(DEMO)).isZero();
    }

    @Test
    void a_production_organization_answers_403_is_audited_once_and_keeps_its_rows() throws Exception {
        Map<String, Long> before = admin.footprint(PRODUCTION);

        AdminFixture.Response timetravel = admin.post(staff, route(PRODUCTION, "timetravel"), Map.of("months", 1, "confirm", PRODUCTION));
        AdminFixture.Response activity = admin.post(staff, route(PRODUCTION, "activity"), Map.of("confirm", PRODUCTION));

        assertThat(timetravel.ok(403).get("error").get("message").asText()).startsWith("organization 'encore-live' is a production organization");
        assertThat(activity.ok(403).get("error").get("reason").asText()).isEqualTo("production_organization");
        assertThat(admin.footprint(PRODUCTION)).isEqualTo(before);
        assertThat(clock(PRODUCTION)).isZero();
        assertThat(admin.audit(PRODUCTION)).containsExactly(
                "staff:Grace timetravel refused: organization 'encore-live' is a production organization: seed packs never run there",
                "staff:Grace activity refused: organization 'encore-live' is a production organization: seed packs never run there");
    }
}
