package io.seedreset.server.admin;

import static io.seedreset.server.admin.AdminFixture.ADMIN;
import static io.seedreset.server.admin.AdminFixture.TICKETING_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.pack.Persona;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every admin route once, with its success, over real HTTP on a real database, as a staff member: what it
 * answers, what it wrote, and that the audit names the member ({@code staff:Ada}). Persona tokens the API
 * hands out are tried on the platform API. Each test works on an organization of its own, but for the
 * platform's demo side (mail, usage, feedback), which reads {@value #ORG}, seeded once with ticketing-demo.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminRoutesTest {

    private static final String ORG = "encore-demo";
    private static final String ACTOR = "staff:Ada";
    private static final String ANCHOR = AdminFixture.ANCHOR.toString();

    private AdminFixture admin;
    private String staff;

    @BeforeAll
    void seed() {
        admin = AdminFixture.start(ORG, "Encore Ticketing (demo)", OrganizationKind.DEMO);
        admin.seedReset.apply(ApplyRequest.of(PackRequest.of("ticketing-demo", ORG).seed(1L).anchor(AdminFixture.ANCHOR)).confirm(ORG));
        staff = admin.staffToken("Ada");
    }

    @AfterAll
    void stop() {
        admin.close();
    }

    // ---------------------------------------------------------------- organizations and packs

    @Test
    void organizations_are_created_with_their_kind_listed_and_read_one_by_one() throws Exception {
        JsonNode created = admin.post(staff, ADMIN + "/organizations", Map.of("slug", "harbor-demo", "name", "Harbor Events", "kind", "demo"))
                .ok(201);
        assertThat(created.get("slug").asText()).isEqualTo("harbor-demo");
        assertThat(created.get("name").asText()).isEqualTo("Harbor Events");
        assertThat(created.get("kind").asText()).isEqualTo("demo");
        assertThat(created.get("production").asBoolean()).isFalse();
        assertThat(admin.post(staff, ADMIN + "/organizations", Map.of("slug", "harbor-qa", "name", "Harbor QA", "kind", "qa")).ok(201)
                .get("kind").asText()).isEqualTo("qa");
        JsonNode failClosed = admin.post(staff, ADMIN + "/organizations", Map.of("slug", "harbor", "name", "Harbor Events")).ok(201);
        assertThat(failClosed.get("kind").asText()).as("without a kind: production").isEqualTo("production");
        assertThat(failClosed.get("production").asBoolean()).isTrue();

        AdminFixture.Response duplicate = admin.post(staff, ADMIN + "/organizations", Map.of("slug", "harbor-demo", "name", "Again", "kind", "demo"));
        assertThat(duplicate.reason(409)).isEqualTo("organization_exists");
        assertThat(duplicate.message()).isEqualTo("organization 'harbor-demo' already exists");
        AdminFixture.Response badKind = admin.post(staff, ADMIN + "/organizations", Map.of("slug", "harbor-staging", "name", "H", "kind", "staging"));
        assertThat(badKind.reason(400)).isEqualTo("invalid_value");
        assertThat(badKind.message()).isEqualTo("unknown organization kind 'staging': use one of production, demo, qa, sandbox");
        AdminFixture.Response badSlug = admin.post(staff, ADMIN + "/organizations", Map.of("slug", "Harbor Demo", "name", "H", "kind", "demo"));
        assertThat(badSlug.reason(400)).isEqualTo("invalid_value");
        assertThat(admin.tenant.strings("SELECT slug FROM platform.organizations WHERE slug LIKE 'harbor%' ORDER BY slug"))
                .containsExactly("harbor", "harbor-demo", "harbor-qa");

        Map<String, String> listed = new LinkedHashMap<>();
        admin.get(staff, ADMIN + "/organizations").ok(200).forEach(organization -> listed.put(organization.get("slug").asText(),
                organization.get("kind").asText() + (organization.get("production").asBoolean() ? " production" : "")));
        assertThat(listed).containsEntry("harbor", "production production").containsEntry("harbor-demo", "demo")
                .containsEntry("harbor-qa", "qa").containsEntry(ORG, "demo");

        JsonNode one = admin.get(staff, ADMIN + "/organizations/harbor-qa").ok(200);
        assertThat(one.get("name").asText()).isEqualTo("Harbor QA");
        assertThat(one.get("packs")).isEmpty();
        assertThat(one.get("rows").asLong()).isZero();
        assertThat(one.get("lastReset").isNull()).isTrue();
        assertThat(one.get("running").isNull()).isTrue();
        assertThat(admin.audit("harbor-demo")).as("creating is not a seed action").isEmpty();
    }

    @Test
    void the_pack_catalog_has_versions_modules_modes_and_parameters() throws Exception {
        JsonNode packs = admin.get(staff, ADMIN + "/packs").ok(200);
        List<String> ids = new ArrayList<>();
        packs.forEach(pack -> ids.add(pack.get("id").asText()));
        assertThat(ids).contains("ticketing-demo", "event-agency-starter");
        JsonNode ticketing = find(packs, "id", "ticketing-demo");
        assertThat(ticketing.get("version").asText()).isEqualTo("1.0.0");
        assertThat(texts(ticketing.get("modules"))).containsExactly("ticketing");
        List<String> modes = new ArrayList<>();
        ticketing.get("modes").forEach(mode -> modes.add(mode.get("name").asText()));
        assertThat(modes).containsExactly("default", "minimal", "full");
        JsonNode orders = find(ticketing.get("parameters"), "name", "orders");
        assertThat(orders.get("type").asText()).isEqualTo("integer");
        assertThat(orders.get("defaultValue").asInt()).isEqualTo(40);
    }

    // ---------------------------------------------------------------- seed actions

    @Test
    void a_pack_is_planned_and_applied_in_parts_by_its_modules() throws Exception {
        String slug = demo("parts-demo");
        String org = ADMIN + "/organizations/" + slug;
        Map<String, Object> pack = Map.of("pack", "event-agency-starter", "anchor", ANCHOR);

        AdminFixture.Response missing = admin.post(staff, org + "/apply", with(with(pack, "modules", List.of("sales")), "confirm", slug));
        assertThat(missing.reason(409)).isEqualTo("required_module_missing");
        assertThat(missing.message()).startsWith("module 'events' of pack 'event-agency-starter' must be applied to 'parts-demo' first:");
        assertThat(missing.body().at("/error/details/module").asText()).isEqualTo("events");
        AdminFixture.Response unknown = admin.post(staff, org + "/plan", with(pack, "modules", List.of("ticketing")));
        assertThat(unknown.reason(400)).isEqualTo("unknown_module");
        assertThat(admin.footprint(slug).values()).as("refusals write nothing").allMatch(count -> count == 0);

        Map<String, Object> first = with(pack, "modules", List.of("suppliers", "events", "spaces", "identity"));
        JsonNode plan = admin.post(staff, org + "/plan", first).ok(200);
        assertThat(plan.get("selectedModules")).hasSize(4);
        JsonNode applied = admin.post(staff, org + "/apply", with(with(first, "confirm", slug), "planHash", plan.get("planHash").asText()))
                .ok(200).get("result");
        assertThat(applied.get("counts")).isEqualTo(plan.get("counts"));
        assertThat(applied.get("selectedModules")).isEqualTo(plan.get("selectedModules"));
        JsonNode second = admin.post(staff, org + "/apply", Map.of("pack", "event-agency-starter", "modules", List.of("sales", "budget", "dispatch"),
                "confirm", slug)).ok(200).get("result");
        assertThat(second.get("anchor").asText()).as("the anchor of the part it builds on").isEqualTo(ANCHOR);
        assertThat(second.get("counts").has("sales.deals")).isTrue();
        assertThat(admin.post(staff, org + "/validate", null).ok(200).get("passed").asBoolean()).isTrue();
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    @Test
    void plan_apply_validate_and_teardown_as_a_staff_member_whose_persona_tokens_work_until_the_teardown() throws Exception {
        String slug = demo("lifecycle-demo");
        String org = ADMIN + "/organizations/" + slug;
        Map<String, Object> pack = Map.of("pack", "ticketing-demo", "mode", "minimal", "seed", 7, "anchor", ANCHOR);

        JsonNode plan = admin.post(staff, org + "/plan", pack).ok(200);
        assertThat(plan.get("packId").asText()).isEqualTo("ticketing-demo");
        assertThat(plan.get("organization").asText()).isEqualTo(slug);
        assertThat(plan.get("mode").asText()).isEqualTo("minimal");
        assertThat(plan.get("counts").get("ticketing.orders").asLong()).isEqualTo(10);
        assertThat(plan.get("samples").get("ticketing.events")).isNotEmpty();
        assertThat(admin.footprint(slug).values()).as("a plan writes nothing").allMatch(count -> count == 0);

        Map<String, Object> confirmed = new LinkedHashMap<>(pack);
        confirmed.put("confirm", slug);
        confirmed.put("planHash", plan.get("planHash").asText());
        JsonNode applied = admin.post(staff, org + "/apply", confirmed).ok(200);
        JsonNode result = applied.get("result");
        assertThat(result.get("status").asText()).isEqualTo("applied");
        assertThat(result.get("counts")).isEqualTo(plan.get("counts"));
        String application = result.get("applicationId").asText();
        List<String> personas = new ArrayList<>();
        result.get("personas").forEach(persona -> personas.add(persona.get("email").asText()));
        assertThat(personas).isNotEmpty();
        List<String> tokenEmails = new ArrayList<>();
        applied.get("apiTokens").forEach(issued -> tokenEmails.add(issued.get("email").asText()));
        assertThat(tokenEmails).as("one API token per persona").isEqualTo(personas);
        for (JsonNode issued : applied.get("apiTokens")) {
            JsonNode me = admin.get(issued.get("token").asText(), "/api/v1/auth/me").ok(200);
            assertThat(me.get("email").asText()).isEqualTo(issued.get("email").asText());
            assertThat(me.get("organization").asText()).isEqualTo(slug);
        }
        String customerToken = issuedTo(applied, "olivia.bennett@example.net");
        assertThat(admin.get(customerToken, "/api/v1/ticketing/events").status()).isEqualTo(200);

        long seeded = 0;
        for (JsonNode count : plan.get("counts")) {
            seeded += count.asLong();
        }
        JsonNode summary = admin.get(staff, org).ok(200);
        assertThat(summary.get("rows").asLong()).isEqualTo(seeded);
        assertThat(summary.get("packs")).singleElement().satisfies(applied1 -> {
            assertThat(applied1.get("application").asText()).isEqualTo(application);
            assertThat(applied1.get("pack").asText()).isEqualTo("ticketing-demo");
            assertThat(applied1.get("version").asText()).isEqualTo("1.0.0");
            assertThat(applied1.get("mode").asText()).isEqualTo("minimal");
            assertThat(applied1.get("seed").asLong()).isEqualTo(7);
            assertThat(applied1.get("anchor").asText()).isEqualTo(ANCHOR);
            assertThat(applied1.get("appliedBy").asText()).isEqualTo(ACTOR);
        });
        assertThat(admin.footprint(slug).get("ticketing.orders")).isEqualTo(10);

        JsonNode validation = admin.post(staff, org + "/validate", null).ok(200);
        assertThat(validation.get("organization").asText()).isEqualTo(slug);
        assertThat(validation.get("passed").asBoolean()).isTrue();
        assertThat(validation.get("rules")).isNotEmpty().allSatisfy(rule -> assertThat(rule.get("passed").asBoolean()).isTrue());

        JsonNode teardown = admin.post(staff, org + "/teardown", Map.of("confirm", slug, "application", application)).ok(200);
        assertThat(texts(teardown.get("applications"))).containsExactly(application);
        assertThat(teardown.get("deleted").get("ticketing.orders").asLong()).isEqualTo(10);
        Map<String, Long> after = admin.footprint(slug);
        plan.get("counts").fieldNames().forEachRemaining(table -> assertThat(after.get(table)).as(table).isZero());
        assertThat(after.get("platform.seed_row_sets")).isZero();
        assertThat(after.get("platform.organizations.ledger_entries")).isZero();
        assertThat(admin.get(customerToken, "/api/v1/auth/me").reason(401)).as("a token of a torn-down persona").isEqualTo("unauthenticated");
        assertThat(admin.get(staff, org).ok(200).get("packs")).isEmpty();

        JsonNode history = admin.get(staff, org + "/history").ok(200);
        assertThat(history.get("applications")).singleElement().satisfies(record -> {
            assertThat(record.get("id").asText()).isEqualTo(application);
            assertThat(record.get("actor").asText()).isEqualTo(ACTOR);
            assertThat(record.get("removedBy").asText()).isEqualTo(ACTOR);
            assertThat(record.get("removal").asText()).isEqualTo("teardown");
        });
        assertThat(audit(history)).containsExactly(ACTOR + " teardown succeeded", ACTOR + " apply succeeded");
    }

    @Test
    void reset_revokes_the_persona_tokens_given_out_before_and_returns_new_ones() throws Exception {
        String slug = demo("reset-demo");
        String org = ADMIN + "/organizations/" + slug;
        JsonNode applied = admin.post(staff, org + "/apply", Map.of("pack", "ticketing-demo", "mode", "minimal", "seed", 3, "anchor", ANCHOR,
                "confirm", slug)).ok(200);
        String apiToken = issuedTo(applied, "ethan.park@example.org");
        String session = admin.signIn(slug, "olivia.bennett@example.net", TICKETING_PASSWORD);
        assertThat(admin.get(apiToken, "/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(admin.get(session, "/api/v1/auth/me").status()).isEqualTo(200);

        JsonNode reset = admin.post(staff, org + "/reset", Map.of("confirm", slug, "anchor", ANCHOR)).ok(200);

        assertThat(reset.get("result").get("organization").asText()).isEqualTo(slug);
        assertThat(reset.get("result").get("deleted").get("ticketing.orders").asLong()).isEqualTo(10);
        JsonNode reapplied = reset.get("result").get("reapplied");
        assertThat(reapplied).singleElement().satisfies(again -> {
            assertThat(again.get("packId").asText()).isEqualTo("ticketing-demo");
            assertThat(again.get("seed").asLong()).isEqualTo(3);
            assertThat(again.get("anchor").asText()).isEqualTo(ANCHOR);
        });
        assertThat(admin.get(apiToken, "/api/v1/auth/me").reason(401)).as("an API token from before the reset").isEqualTo("unauthenticated");
        assertThat(admin.get(session, "/api/v1/auth/me").reason(401)).as("a session from before the reset").isEqualTo("unauthenticated");
        List<String> personas = new ArrayList<>();
        reapplied.get(0).get("personas").forEach(persona -> personas.add(persona.get("email").asText()));
        List<String> issued = new ArrayList<>();
        for (JsonNode token : reset.get("apiTokens")) {
            issued.add(token.get("email").asText());
            assertThat(admin.get(token.get("token").asText(), "/api/v1/auth/me").ok(200).get("email").asText())
                    .isEqualTo(token.get("email").asText());
        }
        assertThat(issued).isEqualTo(personas);
        assertThat(admin.signIn(slug, "olivia.bennett@example.net", TICKETING_PASSWORD)).as("the personas sign in again").isNotBlank();

        JsonNode summary = admin.get(staff, org).ok(200);
        assertThat(summary.get("lastReset").isNull()).isFalse();
        assertThat(summary.get("packs")).singleElement().satisfies(pack -> assertThat(pack.get("appliedBy").asText()).isEqualTo(ACTOR));
        assertThat(audit(admin.get(staff, org + "/history").ok(200))).as("the reset took its backup first")
                .containsExactly(ACTOR + " reset succeeded", ACTOR + " snapshot succeeded", ACTOR + " apply succeeded");
        assertThat(admin.post(staff, org + "/validate", null).ok(200).get("passed").asBoolean()).isTrue();
    }

    @Test
    void the_operation_is_null_while_nothing_runs() throws Exception {
        JsonNode operation = admin.get(staff, ADMIN + "/organizations/" + ORG + "/operation").ok(200);
        assertThat(operation.has("running")).isTrue();
        assertThat(operation.get("running").isNull()).isTrue();
        assertThat(admin.get(staff, ADMIN + "/organizations/" + ORG).ok(200).get("running").isNull()).isTrue();
    }

    @Test
    void history_pages_back_through_applications_and_audit_each_from_where_it_stopped() throws Exception {
        String slug = demo("paging-demo");
        String org = ADMIN + "/organizations/" + slug;
        for (int seed = 1; seed <= 2; seed++) {
            admin.post(staff, org + "/apply", Map.of("pack", "ticketing-demo", "mode", "minimal", "seed", seed, "confirm", slug, "replace", true))
                    .ok(200);
        }

        JsonNode first = admin.get(staff, org + "/history?limit=1").ok(200);
        assertThat(first.get("applications")).singleElement().satisfies(record -> assertThat(record.get("seed").asLong()).isEqualTo(2));
        assertThat(first.get("audit")).hasSize(1);
        JsonNode next = first.get("nextPage");
        JsonNode second = admin.get(staff, org + "/history?limit=1&beforeApplication=" + next.get("beforeApplication").asLong()
                + "&beforeEntry=" + next.get("beforeEntry").asLong()).ok(200);
        assertThat(second.get("applications")).singleElement().satisfies(record -> {
            assertThat(record.get("seed").asLong()).isEqualTo(1);
            assertThat(record.get("removal").asText()).isEqualTo("replace");
        });
        assertThat(second.get("audit")).singleElement().satisfies(entry ->
                assertThat(entry.get("id").asLong()).isLessThan(first.get("audit").get(0).get("id").asLong()));
        assertThat(second.get("nextPage").isNull()).isTrue();

        assertThat(admin.get(staff, org + "/history?beforeEntry=9999999999").ok(200).get("audit")).as("an audit id beyond 32 bits").hasSize(2);
        AdminFixture.Response notANumber = admin.get(staff, org + "/history?beforeEntry=yesterday");
        assertThat(notANumber.reason(400)).isEqualTo("bad_parameter");
        assertThat(notANumber.message()).isEqualTo("beforeEntry 'yesterday' is not a whole number");
        assertThat(admin.get(staff, org + "/history?limit=0").reason(400)).isEqualTo("invalid_value");
    }

    // ---------------------------------------------------------------- the platform's demo side

    @Test
    void an_order_placed_through_the_platform_api_is_in_the_mailbox_with_its_body() throws Exception {
        String customer = admin.signIn(ORG, "olivia.bennett@example.net", TICKETING_PASSWORD);
        String tier = admin.tenant.strings("""
                SELECT t.id::text FROM ticketing.ticket_types t JOIN ticketing.events e ON e.id = t.event_id
                  JOIN platform.organizations o ON o.id = t.org_id
                 WHERE o.slug = ? AND t.tier = 'GENERAL' AND t.quantity_available >= 2 AND e.status = 'ON_SALE'
                   AND e.sales_start <= ?::timestamptz AND e.sales_end >= ?::timestamptz
                 ORDER BY t.quantity_available DESC, t.id LIMIT 1""", ORG, ANCHOR, ANCHOR).get(0);
        JsonNode order = admin.post(customer, "/api/v1/ticketing/orders", Map.of("items", List.of(Map.of("ticketTypeId", tier, "quantity", 2))))
                .ok(201);
        String number = order.get("orderNumber").asText();

        JsonNode mail = admin.get(staff, ADMIN + "/organizations/" + ORG + "/mail?limit=5").ok(200);
        assertThat(mail).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        JsonNode newest = mail.get(0);
        assertThat(newest.get("kind").asText()).isEqualTo("order_confirmation");
        assertThat(newest.get("recipient").asText()).isEqualTo("olivia.bennett@example.net");
        assertThat(newest.get("status").asText()).as("a demo organization's mail is captured, never sent").isEqualTo("captured");
        String id = newest.get("id").asText();

        JsonNode message = admin.get(staff, ADMIN + "/organizations/" + ORG + "/mail/" + id).ok(200);
        assertThat(message.get("entry")).isEqualTo(newest);
        assertThat(message.get("body").asText()).startsWith("Order " + number + ":");

        String other = demo("other-demo");
        AdminFixture.Response elsewhere = admin.get(staff, ADMIN + "/organizations/" + other + "/mail/" + id);
        assertThat(elsewhere.reason(404)).as("another organization's message").isEqualTo("not_found");
        assertThat(elsewhere.message()).isEqualTo("no message " + id);
        assertThat(admin.get(staff, ADMIN + "/organizations/" + ORG + "/mail/" + UUID.randomUUID()).reason(404)).isEqualTo("not_found");
        assertThat(admin.get(staff, ADMIN + "/organizations/" + ORG + "/mail/not-an-id").reason(404)).isEqualTo("not_found");
        assertThat(admin.get(staff, ADMIN + "/organizations/" + ORG + "/mail?limit=0").reason(400)).isEqualTo("invalid_value");
    }

    @Test
    void usage_counts_a_personas_requests_by_day_module_route_and_persona() throws Exception {
        String persona = admin.signIn(ORG, "maya.thompson@example.net", TICKETING_PASSWORD);
        for (int i = 0; i < 3; i++) {
            admin.get(persona, "/api/v1/ticketing/events").ok(200);
        }
        admin.platform.flushUsage();

        JsonNode usage = admin.get(staff, ADMIN + "/organizations/" + ORG + "/usage?days=1").ok(200);
        assertThat(usage.get("organization").asText()).isEqualTo(ORG);
        assertThat(usage.get("from").asText()).isEqualTo("2026-11-21");
        assertThat(usage.get("to").asText()).isEqualTo("2026-11-21");
        List<String> rows = new ArrayList<>();
        usage.get("rows").forEach(row -> rows.add(row.get("day").asText() + " " + row.get("module").asText() + " " + row.get("route").asText()
                + " " + row.get("persona").asText() + " " + row.get("count").asLong()));
        assertThat(rows).contains("2026-11-21 ticketing /api/v1/ticketing/events maya.thompson@example.net 3");

        AdminFixture.Response tooLong = admin.get(staff, ADMIN + "/organizations/" + ORG + "/usage?days=367");
        assertThat(tooLong.reason(400)).isEqualTo("invalid_value");
        assertThat(tooLong.message()).isEqualTo("days 367: a usage window is 1 to 366 days");
        assertThat(admin.get(staff, ADMIN + "/organizations/" + ORG + "/usage?days=0").reason(400)).isEqualTo("invalid_value");
    }

    @Test
    void feedback_sent_through_the_platform_api_is_read_by_staff() throws Exception {
        String persona = admin.signIn(ORG, "victoria.hale@example.net", TICKETING_PASSWORD);
        admin.post(persona, "/api/v1/feedback", Map.of("message", "The seat map is lovely", "page", "/events/42")).ok(201);

        JsonNode feedback = admin.get(staff, ADMIN + "/organizations/" + ORG + "/feedback").ok(200);
        assertThat(feedback.get(0).get("persona").asText()).isEqualTo("victoria.hale@example.net");
        assertThat(feedback.get(0).get("message").asText()).isEqualTo("The seat map is lovely");
        assertThat(feedback.get(0).get("page").asText()).isEqualTo("/events/42");
        assertThat(feedback.get(0).get("status").asText()).isEqualTo("pending");
        assertThat(admin.get(staff, ADMIN + "/organizations/" + ORG + "/feedback?limit=1001").reason(400)).isEqualTo("invalid_value");
    }

    @Test
    void modules_are_switched_on_and_off_and_served_so_at_once() throws Exception {
        String slug = demo("modules-demo");
        String org = ADMIN + "/organizations/" + slug;
        admin.seedReset.apply(ApplyRequest.of(PackRequest.of("ticketing-demo", slug).mode("minimal").seed(1L).anchor(AdminFixture.ANCHOR))
                .confirm(slug));
        String persona = admin.signIn(slug, "olivia.bennett@example.net", TICKETING_PASSWORD);
        JsonNode states = admin.get(staff, org + "/modules").ok(200);
        assertThat(find(states, "module", "dispatch").get("enabled").asBoolean()).as("in beta: off for a demo").isFalse();
        assertThat(find(states, "module", "ticketing").get("enabled").asBoolean()).isTrue();

        JsonNode switched = admin.post(staff, org + "/modules", Map.of("enable", List.of("dispatch"), "disable", List.of("ticketing"))).ok(200);
        assertThat(find(switched, "module", "dispatch").get("enabled").asBoolean()).isTrue();
        assertThat(find(switched, "module", "dispatch").get("switched").asBoolean()).isTrue();
        assertThat(find(switched, "module", "ticketing").get("enabled").asBoolean()).isFalse();
        assertThat(admin.get(persona, "/api/v1/ticketing/events").reason(404)).as("served off at once").isEqualTo("unknown_route");

        admin.post(staff, org + "/modules", Map.of("enable", List.of("ticketing"))).ok(200);
        assertThat(admin.get(persona, "/api/v1/ticketing/events").status()).isEqualTo(200);

        Map<String, Long> before = admin.footprint(slug);
        AdminFixture.Response unknown = admin.post(staff, org + "/modules", Map.of("enable", List.of("crm")));
        assertThat(unknown.reason(400)).isEqualTo("invalid_value");
        assertThat(unknown.message()).isEqualTo("unknown module 'crm': the modules are suppliers, events, sales, budget, dispatch,"
                + " spaces, ticketing, accounting");
        AdminFixture.Response bothWays = admin.post(staff, org + "/modules", Map.of("enable", List.of("sales"), "disable", List.of("sales")));
        assertThat(bothWays.reason(400)).isEqualTo("bad_parameter");
        assertThat(bothWays.message()).isEqualTo("module 'sales' is both enabled and disabled: switch it one way");
        AdminFixture.Response nothing = admin.post(staff, org + "/modules", Map.of());
        assertThat(nothing.reason(400)).isEqualTo("bad_parameter");
        assertThat(admin.post(staff, org + "/modules", Map.of("enable", List.of("sales", "crm"))).reason(400))
                .as("refused whole").isEqualTo("invalid_value");
        assertThat(admin.footprint(slug)).isEqualTo(before);
        assertThat(find(admin.get(staff, org + "/modules").ok(200), "module", "sales").get("switched").asBoolean()).isFalse();
    }

    @Test
    void the_personas_are_listed_with_their_password_and_their_api_tokens_reissued() throws Exception {
        String org = ADMIN + "/organizations/" + ORG;
        JsonNode logins = admin.get(staff, org + "/personas").ok(200);
        List<String> emails = new ArrayList<>();
        logins.forEach(login -> {
            emails.add(login.get("email").asText());
            assertThat(login.get("password").asText()).isEqualTo(TICKETING_PASSWORD);
            assertThat(login.get("role").asText()).isNotBlank();
        });
        assertThat(emails).isEqualTo(admin.seedReset.personas(ORG).stream().map(Persona::email).toList());

        JsonNode first = admin.post(staff, org + "/tokens", null).ok(200);
        List<String> issued = new ArrayList<>();
        first.forEach(token -> issued.add(token.get("email").asText()));
        List<String> active = new ArrayList<>(emails);
        active.remove("samuel.reed@example.org");
        assertThat(issued).as("one token per persona but the deactivated one, whose token would not answer").isEqualTo(active);
        String before = issuedTo(first, "priya.raman@example.com");
        assertThat(admin.get(before, "/api/v1/auth/me").ok(200).get("email").asText()).isEqualTo("priya.raman@example.com");

        JsonNode second = admin.post(staff, org + "/tokens", null).ok(200);
        assertThat(admin.get(before, "/api/v1/auth/me").reason(401)).as("reissuing revokes the earlier token").isEqualTo("unauthenticated");
        assertThat(admin.get(issuedTo(second, "priya.raman@example.com"), "/api/v1/auth/me").status()).isEqualTo(200);

        AdminFixture.Response none = admin.post(staff, ADMIN + "/organizations/" + demo("empty-demo") + "/tokens", null);
        assertThat(none.reason(400)).isEqualTo("invalid_value");
        assertThat(none.message()).isEqualTo("organization 'empty-demo' has no personas (no pack that creates logins is applied to it)");
    }

    // ---------------------------------------------------------------- helpers

    /** A new demo organization, created through the API. */
    private String demo(String slug) throws Exception {
        admin.post(staff, ADMIN + "/organizations", Map.of("slug", slug, "name", "Demo " + slug, "kind", "demo")).ok(201);
        return slug;
    }

    /** The audit of a history page as "actor operation outcome", newest first. */
    private static List<String> audit(JsonNode history) {
        List<String> entries = new ArrayList<>();
        history.get("audit").forEach(entry -> entries.add(entry.get("actor").asText() + " " + entry.get("operation").asText() + " "
                + entry.get("outcome").asText()));
        return entries;
    }

    /** The API token an apply, a reset or a reissue gave the persona with this email. */
    private static String issuedTo(JsonNode answer, String email) {
        JsonNode tokens = answer.has("apiTokens") ? answer.get("apiTokens") : answer;
        return find(tokens, "email", email).get("token").asText();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.get(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " '" + value + "' in " + array);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
