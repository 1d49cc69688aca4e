package io.seedreset.server.admin;

import static io.seedreset.server.admin.AdminFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.testing.BoundaryInvariant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The admin API at the production boundary, attacked over HTTP: every seed action on a production
 * organization answers 403 with the boundary's message, writes nothing there and is audited as refused
 * by the staff member, whatever else the request gets wrong; on a demo organization a wrong confirmation
 * answers 409 and a missing one 428, writing nothing; malformed bodies answer 400 naming the problem and
 * unknown organizations 404. After every test no ledger entry points into a production organization.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminProductionBoundaryTest {

    private static final String PRODUCTION = "encore";
    private static final String DEMO = "encore-demo";
    private static final String ACTOR = "staff:Grace";
    private static final String REFUSAL = "organization 'encore' is a production organization: seed packs never run there";

    private AdminFixture admin;
    private String staff;
    /** A persona's API token in the demo organization, which nothing here may revoke. */
    private String demoPersona;

    @BeforeAll
    void seed() throws Exception {
        admin = AdminFixture.start(PRODUCTION, "Encore Ticketing", OrganizationKind.PRODUCTION)
                .organization(DEMO, "Encore Ticketing (demo)", OrganizationKind.DEMO);
        admin.seedReset.apply(ApplyRequest.of(PackRequest.of("ticketing-demo", DEMO).mode("minimal").seed(1L).anchor(AdminFixture.ANCHOR))
                .confirm(DEMO));
        // The production organization's own data: a real person, signed in, who sent feedback.
        admin.tenant.execute("""
                INSERT INTO identity.users (org_id, id, email, password_hash, name, role, active, created_at)
                SELECT id, gen_random_uuid(), 'owner@encore.example', ?, 'Encore Owner', 'owner', true, now()
                  FROM platform.organizations WHERE slug = ?""", BCrypt.withDefaults().hashToString(4, "Guardrails!2026".toCharArray()), PRODUCTION);
        String owner = admin.signIn(PRODUCTION, "owner@encore.example", "Guardrails!2026");
        admin.post(owner, "/api/v1/feedback", Map.of("message", "Our real customers love it")).ok(201);
        staff = admin.staffToken("Grace");
        demoPersona = admin.post(staff, ADMIN + "/organizations/" + DEMO + "/tokens", null).ok(200).get(0).get("token").asText();
    }

    @AfterEach
    void boundaryHolds() {
        BoundaryInvariant.assertHolds(admin.tenant.dataSource);
    }

    @AfterAll
    void stop() {
        admin.close();
    }

    @Test
    void every_seed_action_on_a_production_organization_answers_403_writes_nothing_and_is_audited_as_refused() throws Exception {
        String org = ADMIN + "/organizations/" + PRODUCTION;
        Map<String, Object> pack = Map.of("pack", "ticketing-demo", "mode", "minimal", "seed", 1);
        List<Attempt> attempts = List.of(
                new Attempt("plan", org + "/plan", pack),
                new Attempt("apply", org + "/apply", with(pack, "confirm", PRODUCTION)),
                new Attempt("apply", org + "/apply", with(with(pack, "confirm", PRODUCTION), "replace", true)),
                new Attempt("plan", org + "/plan", with(pack, "modules", List.of("ticketing"))),
                new Attempt("apply", org + "/apply", with(with(pack, "confirm", PRODUCTION), "modules", List.of("ticketing"))),
                new Attempt("teardown", org + "/teardown", Map.of("confirm", PRODUCTION)),
                new Attempt("teardown", org + "/teardown", Map.of("confirm", PRODUCTION, "application", UUID.randomUUID().toString())),
                new Attempt("reset", org + "/reset", Map.of("confirm", PRODUCTION)),
                new Attempt("reset", org + "/reset", Map.of("confirm", PRODUCTION, "anchor", "2026-11-21")),
                new Attempt("validate", org + "/validate", null),
                new Attempt("activity", org + "/activity", Map.of("confirm", PRODUCTION)),
                new Attempt("activity", org + "/activity", Map.of("days", 30, "confirm", PRODUCTION)),
                new Attempt("timetravel", org + "/timetravel", Map.of("months", 3, "confirm", PRODUCTION)),
                new Attempt("timetravel", org + "/timetravel/dry-run", Map.of("months", 3)),
                new Attempt("import", org + "/imports?table=suppliers.vendors&name=vendors.json&confirm=" + PRODUCTION,
                        "[{\"name\": \"Bloom\", \"category\": \"florals\", \"contact_name\": \"Ana\", \"email\": \"a@x.example\","
                                + " \"phone\": \"1\", \"city\": \"Austin\", \"state\": \"TX\", \"created_at\": \"2026-01-05\"}]"));
        Map<String, Long> before = admin.footprint(PRODUCTION);
        assertThat(before.get("identity.users")).as("the organization's own rows").isEqualTo(1);
        assertThat(before.get("operations.feedback")).isEqualTo(1);
        List<String> expectedAudit = new ArrayList<>(admin.audit(PRODUCTION));

        for (Attempt attempt : attempts) {
            AdminFixture.Response refused = admin.post(staff, attempt.path(), attempt.body());

            assertThat(refused.reason(403)).as(attempt.toString()).isEqualTo("production_organization");
            assertThat(refused.message()).as(attempt.toString()).isEqualTo(REFUSAL);
            assertThat(refused.body().at("/error/details/organization").asText()).isEqualTo(PRODUCTION);
            assertThat(admin.footprint(PRODUCTION)).as("nothing written by " + attempt).isEqualTo(before);
            expectedAudit.add(ACTOR + " " + attempt.operation() + " refused: " + REFUSAL);
            assertThat(admin.audit(PRODUCTION)).as("audited once: " + attempt).isEqualTo(expectedAudit);
        }

        JsonNode history = admin.get(staff, org + "/history").ok(200);
        assertThat(history.get("applications")).isEmpty();
        List<String> audited = new ArrayList<>();
        history.get("audit").forEach(entry -> audited.add(entry.get("actor").asText() + " " + entry.get("operation").asText() + " "
                + entry.get("outcome").asText() + ": " + entry.get("message").asText()));
        List<String> newestFirst = new ArrayList<>(expectedAudit);
        Collections.reverse(newestFirst);
        assertThat(audited).as("the history route, newest first").isEqualTo(newestFirst);
        assertThat(admin.get(staff, org).ok(200).get("packs")).isEmpty();
        assertThat(admin.tenant.queryForLong("SELECT count(*) FROM platform.seed_applications a JOIN platform.organizations o ON o.id = a.org_id"
                + " WHERE o.slug = ?", PRODUCTION)).isZero();
    }

    @Test
    void the_production_refusal_comes_before_any_other_check_of_the_request() throws Exception {
        String org = ADMIN + "/organizations/" + PRODUCTION;
        Map<String, Long> before = admin.footprint(PRODUCTION);
        List<Attempt> attempts = List.of(
                new Attempt("apply", org + "/apply", Map.of("pack", "ticketing-demo")),
                new Attempt("apply", org + "/apply", Map.of("pack", "ticketing-demo", "confirm", DEMO)),
                new Attempt("apply", org + "/apply", Map.of("pack", "no-such-pack", "confirm", PRODUCTION)),
                new Attempt("apply", org + "/apply", Map.of("confirm", PRODUCTION)),
                new Attempt("plan", org + "/plan", Map.of()),
                new Attempt("teardown", org + "/teardown", Map.of()),
                new Attempt("reset", org + "/reset", Map.of("confirm", "ENCORE")),
                new Attempt("reset", org + "/reset", Map.of("confirm", PRODUCTION, "anchor", "not-a-date")),
                new Attempt("activity", org + "/activity", Map.of("days", 999)),
                new Attempt("timetravel", org + "/timetravel", Map.of("confirm", PRODUCTION)),
                new Attempt("timetravel", org + "/timetravel", Map.of("months", 0, "confirm", "ENCORE")),
                new Attempt("import", org + "/imports", "not a file"),
                new Attempt("import", org + "/imports?table=no.such&name=x.txt&dryRun=true", ""));
        for (Attempt attempt : attempts) {
            AdminFixture.Response refused = admin.post(staff, attempt.path(), attempt.body());
            assertThat(refused.reason(403)).as(attempt.toString()).isEqualTo("production_organization");
            assertThat(refused.message()).isEqualTo(REFUSAL);
        }
        assertThat(admin.footprint(PRODUCTION)).isEqualTo(before);
    }

    @Test
    void a_production_organization_has_no_personas_and_no_tokens_to_reissue() throws Exception {
        String org = ADMIN + "/organizations/" + PRODUCTION;
        Map<String, Long> before = admin.footprint(PRODUCTION);
        assertThat(admin.get(staff, org + "/personas").ok(200)).isEmpty();
        AdminFixture.Response tokens = admin.post(staff, org + "/tokens", null);
        assertThat(tokens.reason(400)).isEqualTo("invalid_value");
        assertThat(tokens.message()).isEqualTo("organization 'encore' has no personas (no pack that creates logins is applied to it)");
        assertThat(admin.footprint(PRODUCTION)).isEqualTo(before);
    }

    @Test
    void a_wrong_confirmation_answers_409_and_writes_nothing() throws Exception {
        String org = ADMIN + "/organizations/" + DEMO;
        Map<String, Long> before = admin.footprint(DEMO);
        List<String> auditBefore = admin.audit(DEMO);
        List<Attempt> attempts = List.of(
                new Attempt("apply", org + "/apply", Map.of("pack", "ticketing-demo", "mode", "minimal", "seed", 2, "replace", true, "confirm", PRODUCTION)),
                new Attempt("apply", org + "/apply", Map.of("pack", "event-agency-starter", "confirm", "encore-demo ")),
                new Attempt("teardown", org + "/teardown", Map.of("confirm", "ENCORE-DEMO")),
                new Attempt("reset", org + "/reset", Map.of("confirm", "encore-dem")),
                new Attempt("activity", org + "/activity", Map.of("confirm", "encore")),
                new Attempt("timetravel", org + "/timetravel", Map.of("months", 1, "confirm", "Encore-demo")));
        List<String> expectedAudit = new ArrayList<>(auditBefore);
        for (Attempt attempt : attempts) {
            AdminFixture.Response refused = admin.post(staff, attempt.path(), attempt.body());
            assertThat(refused.reason(409)).as(attempt.toString()).isEqualTo("confirmation_mismatch");
            String typed = (String) ((Map<?, ?>) attempt.body()).get("confirm");
            assertThat(refused.message()).isEqualTo("confirmation '" + typed + "' does not match organization 'encore-demo': nothing was changed");
            assertThat(admin.footprint(DEMO)).as("nothing written by " + attempt).isEqualTo(before);
            expectedAudit.add(ACTOR + " " + attempt.operation() + " conflict: " + refused.message());
        }
        assertThat(admin.audit(DEMO)).isEqualTo(expectedAudit);
        assertThat(admin.get(demoPersona, "/api/v1/auth/me").status()).as("the personas' tokens untouched").isEqualTo(200);
        assertThat(admin.get(staff, org + "/operation").ok(200).get("running").isNull()).as("a refused mutation lets go").isTrue();
    }

    @Test
    void a_missing_confirmation_answers_428_and_writes_nothing() throws Exception {
        String org = ADMIN + "/organizations/" + DEMO;
        Map<String, Long> before = admin.footprint(DEMO);
        Map<String, String> verbs = new LinkedHashMap<>();
        verbs.put("/apply", "applying to");
        verbs.put("/teardown", "tearing down");
        verbs.put("/reset", "resetting");
        for (Map.Entry<String, String> action : verbs.entrySet()) {
            for (Map<String, Object> body : List.of(Map.<String, Object>of("pack", "ticketing-demo", "mode", "minimal", "seed", 2, "replace", true),
                    Map.<String, Object>of("pack", "ticketing-demo", "mode", "minimal", "seed", 2, "replace", true, "confirm", ""))) {
                Map<String, Object> sent = action.getKey().equals("/apply") ? body : without(body, "pack", "mode", "seed", "replace");
                AdminFixture.Response refused = admin.post(staff, org + action.getKey(), sent);
                assertThat(refused.reason(428)).as(action.getKey() + " " + sent).isEqualTo("confirmation_required");
                assertThat(refused.message()).isEqualTo(action.getValue() + " 'encore-demo' needs confirmation: type the organization's slug");
                assertThat(admin.footprint(DEMO)).as("nothing written by " + action.getKey()).isEqualTo(before);
            }
        }
        assertThat(admin.get(demoPersona, "/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void another_organizations_application_cannot_be_torn_down_through_this_one() throws Exception {
        String other = "rival-demo";
        admin.post(staff, ADMIN + "/organizations", Map.of("slug", other, "name", "Rival (demo)", "kind", "demo")).ok(201);
        String application = admin.post(staff, ADMIN + "/organizations/" + other + "/apply",
                Map.of("pack", "ticketing-demo", "mode", "minimal", "confirm", other)).ok(200).at("/result/applicationId").asText();
        Map<String, Long> demoBefore = admin.footprint(DEMO);
        Map<String, Long> otherBefore = admin.footprint(other);

        AdminFixture.Response refused = admin.post(staff, ADMIN + "/organizations/" + DEMO + "/teardown",
                Map.of("confirm", DEMO, "application", application));

        assertThat(refused.reason(404)).isEqualTo("unknown_application");
        assertThat(refused.message()).isEqualTo("organization 'encore-demo' has no active application " + application);
        assertThat(admin.footprint(DEMO)).isEqualTo(demoBefore);
        assertThat(admin.footprint(other)).isEqualTo(otherBefore);
    }

    @Test
    void malformed_bodies_answer_400_naming_the_problem_and_write_nothing() throws Exception {
        String org = ADMIN + "/organizations/" + DEMO;
        Map<String, Long> demoBefore = admin.footprint(DEMO);
        Map<String, Long> productionBefore = admin.footprint(PRODUCTION);
        List<String> auditBefore = admin.audit(PRODUCTION);
        for (String path : List.of(org + "/plan", org + "/apply", org + "/teardown", org + "/reset", org + "/modules", ADMIN + "/organizations",
                ADMIN + "/organizations/" + PRODUCTION + "/apply", ADMIN + "/organizations/" + PRODUCTION + "/reset")) {
            AdminFixture.Response truncated = admin.post(staff, path, "{\"confirm\": ");
            assertThat(truncated.reason(400)).as(path).isEqualTo("malformed_request");
            assertThat(truncated.message()).as(path).startsWith("malformed JSON at line 1, column 13: ");
            for (String notAnObject : List.of("[]", "[{\"confirm\": \"encore-demo\"}]", "null", "42", "\"encore-demo\"", "")) {
                AdminFixture.Response refused = admin.post(staff, path, notAnObject);
                assertThat(refused.reason(400)).as(path + " " + notAnObject).isEqualTo("malformed_request");
                assertThat(refused.message()).isEqualTo("the request body must be a JSON object");
            }
        }
        AdminFixture.Response wrongShape = admin.post(staff, org + "/apply", Map.of("pack", "ticketing-demo", "seed", "one", "confirm", DEMO));
        assertThat(wrongShape.reason(400)).isEqualTo("malformed_request");
        assertThat(wrongShape.message()).startsWith("malformed JSON in field 'seed': ");
        AdminFixture.Response wrongSetting = admin.post(staff, org + "/plan", Map.of("pack", "ticketing-demo", "set", List.of("orders=5")));
        assertThat(wrongSetting.message()).startsWith("malformed JSON in field 'set': ");
        AdminFixture.Response wrongApplication = admin.post(staff, org + "/teardown", Map.of("confirm", DEMO, "application", "the-first"));
        assertThat(wrongApplication.reason(400)).isEqualTo("malformed_request");
        assertThat(wrongApplication.message()).startsWith("malformed JSON in field 'application': ");
        AdminFixture.Response unknownField = admin.post(staff, org + "/apply", Map.of("pack", "ticketing-demo", "confirm", DEMO,
                "organization", PRODUCTION));
        assertThat(unknownField.reason(400)).as("the organization is the path's, never the body's").isEqualTo("malformed_request");
        assertThat(unknownField.message()).startsWith("malformed JSON in field 'organization': ");
        AdminFixture.Response noPack = admin.post(staff, org + "/plan", Map.of("mode", "minimal"));
        assertThat(noPack.reason(400)).isEqualTo("invalid_value");
        assertThat(noPack.message()).isEqualTo("name the pack: \"pack\" is required");
        AdminFixture.Response badAnchor = admin.post(staff, org + "/reset", Map.of("confirm", DEMO, "anchor", "next tuesday"));
        assertThat(badAnchor.reason(400)).isEqualTo("invalid_value");
        assertThat(badAnchor.message()).isEqualTo("anchor 'next tuesday' is not an ISO-8601 instant or date: use e.g. 2026-11-21T09:00:00Z or 2026-11-21");

        assertThat(admin.footprint(DEMO)).isEqualTo(demoBefore);
        assertThat(admin.footprint(PRODUCTION)).isEqualTo(productionBefore);
        assertThat(admin.audit(PRODUCTION)).as("a malformed request never reaches the engine").isEqualTo(auditBefore);
    }

    @Test
    void an_unknown_organization_answers_404_on_every_route_and_nothing_is_audited() throws Exception {
        String ghost = ADMIN + "/organizations/ghost";
        Map<String, Object> everything = Map.of("pack", "ticketing-demo", "confirm", "ghost");
        List<AdminFixture.Response> answers = new ArrayList<>();
        for (String route : List.of("", "/operation", "/history", "/mail", "/mail/" + UUID.randomUUID(), "/usage", "/feedback", "/modules",
                "/personas")) {
            answers.add(admin.get(staff, ghost + route));
        }
        answers.add(admin.post(staff, ghost + "/plan", Map.of("pack", "ticketing-demo")));
        answers.add(admin.post(staff, ghost + "/apply", everything));
        answers.add(admin.post(staff, ghost + "/teardown", Map.of("confirm", "ghost")));
        answers.add(admin.post(staff, ghost + "/reset", Map.of("confirm", "ghost")));
        answers.add(admin.post(staff, ghost + "/validate", null));
        answers.add(admin.post(staff, ghost + "/modules", Map.of("enable", List.of("dispatch"))));
        answers.add(admin.post(staff, ghost + "/tokens", null));
        for (AdminFixture.Response answer : answers) {
            assertThat(answer.reason(404)).isEqualTo("unknown_organization");
            assertThat(answer.message()).isEqualTo("unknown organization 'ghost'");
        }
        assertThat(admin.audit("ghost")).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** A request an attack sends, and the operation the audit records it as. */
    private record Attempt(String operation, String path, Object body) {
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String... keys) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        for (String key : keys) {
            changed.remove(key);
        }
        return changed;
    }
}
