package io.seedreset.server;

import static io.seedreset.server.AgencyApi.ORG;
import static io.seedreset.server.AgencyApi.RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedreset.server.AgencyApi.Resource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The agency modules' reads over real HTTP, as the agency's people see event-agency-starter's rows: every
 * list answers exactly the organization's rows in its documented order, a page at a time; each filter
 * answers the rows the database says; each row reads alone; a ticketing account is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyReadsTest {

    private static final String ORGANIZATION = "harbor-demo";
    /** A ticketing-demo persona (docs/DEMO_DATA.md) of the same organization. */
    private static final String TICKETING_ADMIN = "dana.whitfield@example.com";

    private ApiFixture api;
    private String owner;
    private String planner;

    @BeforeAll
    void start() throws Exception {
        api = ApiFixture.start(ORGANIZATION, "Harbor Events (demo)");
        api.apply("event-agency-starter", ORGANIZATION);
        api.apply("ticketing-demo", ORGANIZATION);
        api.enable("dispatch", ORGANIZATION); // in beta: off for a demo organization until switched on
        owner = AgencyApi.signIn(api, ORGANIZATION, "owner");
        planner = AgencyApi.signIn(api, ORGANIZATION, "planner");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void every_list_answers_the_organizations_seeded_rows_in_its_documented_order() throws Exception {
        for (Resource resource : RESOURCES) {
            List<String> ids = resource.ids(api, ORGANIZATION);
            assertThat(ids).as(resource.table()).hasSize(resource.defaultCount());
            for (String token : List.of(owner, planner)) {
                ApiFixture.Response list = api.get(token, resource.path());
                assertThat(list.status()).as(resource.path() + ": " + list.body()).isEqualTo(200);
                assertThat(texts(list.items(), "id")).as(resource.path()).isEqualTo(ids);
                assertThat(list.body().get("paging").toString()).as(resource.path())
                        .isEqualTo("{\"offset\":0,\"limit\":50,\"total\":" + ids.size() + "}");
                assertThat(list.headers().firstValue("X-Demo-Tenant")).hasValue("true");
            }
        }
    }

    @Test
    void pages_cut_the_same_order_and_count_every_match() throws Exception {
        for (Resource resource : RESOURCES) {
            List<String> ids = resource.ids(api, ORGANIZATION);
            List<String> paged = new ArrayList<>();
            for (int offset = 0; offset < ids.size(); offset += 2) {
                ApiFixture.Response page = api.get(owner, resource.path() + "?offset=" + offset + "&limit=2");
                assertThat(page.body().at("/paging/total").asLong()).as(resource.path()).isEqualTo(ids.size());
                paged.addAll(texts(page.items(), "id"));
            }
            assertThat(paged).as(resource.path()).isEqualTo(ids);
            ApiFixture.Response beyond = api.get(owner, resource.path() + "?offset=" + ids.size());
            assertThat(beyond.items()).as(resource.path()).isEmpty();
            assertThat(beyond.body().at("/paging/total").asLong()).isEqualTo(ids.size());
            assertThat(api.get(owner, resource.path() + "?limit=0").reason(400)).isEqualTo("bad_parameter");
        }
    }

    @Test
    void each_row_reads_alone_as_the_list_shows_it_and_an_unknown_id_is_404() throws Exception {
        for (Resource resource : RESOURCES) {
            for (JsonNode item : api.get(owner, resource.path()).items()) {
                ApiFixture.Response one = api.get(planner, resource.path() + "/" + item.get("id").asText());
                assertThat(one.status()).as(resource.path() + ": " + one.body()).isEqualTo(200);
                JsonNode read = one.body().deepCopy();
                if (resource.table().equals("budget.budgets")) {
                    ((ObjectNode) read).remove("lines");
                }
                assertThat(read).as(resource.path()).isEqualTo(item);
            }
            String unknown = UUID.randomUUID().toString();
            ApiFixture.Response missing = api.get(owner, resource.path() + "/" + unknown);
            assertThat(missing.reason(404)).isEqualTo("not_found");
            assertThat(missing.body().at("/error/message").asText()).isEqualTo("no " + resource.what() + " " + unknown);
            assertThat(api.get(owner, resource.path() + "/not-an-id").reason(404)).isEqualTo("not_found");
        }
    }

    @Test
    void a_budgets_lines_add_up_to_its_total_and_each_line_to_quantity_times_unit_cost() throws Exception {
        JsonNode budgets = api.get(owner, "/api/v1/budget/budgets").items();
        assertThat(budgets).hasSize(3);
        for (JsonNode summary : budgets) {
            String id = summary.get("id").asText();
            JsonNode budget = api.get(owner, "/api/v1/budget/budgets/" + id).body();
            assertThat(budget.get("total").isNumber()).as("money is a JSON number").isTrue();
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode line : budget.get("lines")) {
                assertThat(line.get("amount").decimalValue())
                        .isEqualByComparingTo(line.get("unitCost").decimalValue().multiply(BigDecimal.valueOf(line.get("quantity").asInt())));
                sum = sum.add(line.get("amount").decimalValue());
            }
            assertThat(sum).as(budget.get("name").asText()).isEqualByComparingTo(budget.get("total").decimalValue());
            assertThat(texts(budget.get("lines"), "id")).as("every line of the budget, largest first")
                    .isEqualTo(api.tenant.strings("SELECT id::text FROM budget.budget_lines WHERE org_id = " + ORG
                            + " AND budget_id = ?::uuid ORDER BY amount DESC, id", ORGANIZATION, id))
                    .isNotEmpty();
        }
    }

    @Test
    void each_filter_answers_the_rows_the_database_has_for_it() throws Exception {
        String event = api.tenant.strings("SELECT id::text FROM events.events WHERE org_id = " + ORG + " ORDER BY starts_at, id",
                ORGANIZATION).get(0);
        String space = api.tenant.strings("SELECT space_id::text FROM spaces.reservations WHERE org_id = " + ORG
                + " ORDER BY starts_at, id", ORGANIZATION).get(0);
        String vendor = api.tenant.strings("SELECT vendor_id::text FROM dispatch.work_orders WHERE org_id = " + ORG
                + " ORDER BY scheduled_at, id", ORGANIZATION).get(0);
        assertFiltered("/api/v1/suppliers/vendors?category=catering", "suppliers.vendors", "category = 'catering'", "name, id");
        assertFiltered("/api/v1/events/events?status=confirmed", "events.events", "status = 'confirmed'", "starts_at, id");
        List<Map<String, Object>> first = api.tenant.rows("SELECT event_type, status FROM events.events WHERE id = ?::uuid", event);
        String type = (String) first.get(0).get("event_type");
        String status = (String) first.get(0).get("status");
        assertFiltered("/api/v1/events/events?type=" + type + "&status=" + status, "events.events",
                "event_type = '" + type + "' AND status = '" + status + "'", "starts_at, id");
        assertFiltered("/api/v1/sales/deals?stage=won", "sales.deals", "stage = 'won'", "opened_at, id");
        assertFiltered("/api/v1/sales/deals?eventId=" + event, "sales.deals", "event_id = '" + event + "'", "opened_at, id");
        assertFiltered("/api/v1/budget/budgets?status=approved", "budget.budgets", "status = 'approved'", "created_at, id");
        assertFiltered("/api/v1/budget/budgets?eventId=" + event, "budget.budgets", "event_id = '" + event + "'", "created_at, id");
        assertFiltered("/api/v1/dispatch/work-orders?status=scheduled", "dispatch.work_orders", "status = 'scheduled'", "scheduled_at, id");
        assertFiltered("/api/v1/dispatch/work-orders?vendorId=" + vendor + "&eventId=" + event, "dispatch.work_orders",
                "vendor_id = '" + vendor + "' AND event_id = '" + event + "'", "scheduled_at, id");
        assertFiltered("/api/v1/spaces/spaces?type=ballroom", "spaces.spaces", "space_type = 'ballroom'", "name, id");
        assertFiltered("/api/v1/spaces/reservations?spaceId=" + space, "spaces.reservations", "space_id = '" + space + "'", "starts_at, id");
        assertFiltered("/api/v1/spaces/reservations?spaceId=" + space + "&eventId=" + event + "&status=confirmed", "spaces.reservations",
                "space_id = '" + space + "' AND event_id = '" + event + "' AND status = 'confirmed'", "starts_at, id");
        assertThat(api.get(owner, "/api/v1/sales/deals?eventId=" + UUID.randomUUID()).items()).isEmpty();
    }

    @Test
    void a_filter_value_the_list_does_not_know_is_400_naming_the_parameter_and_its_values() throws Exception {
        record Bad(String path, String message) {
        }
        for (Bad bad : List.of(
                new Bad("/api/v1/suppliers/vendors?category=Catering", "category 'Catering' is not one of: catering, audio_visual, staging,"
                        + " florals, photography, transportation, security, entertainment, staffing, printing, airline, lodging, tour_operator,"
                        + " professional_services, office"),
                new Bad("/api/v1/events/events?status=ON_SALE", "status 'ON_SALE' is not one of: inquiry, planning, confirmed, completed, cancelled"),
                new Bad("/api/v1/events/events?type=concert", "type 'concert' is not one of: conference, gala, product_launch, offsite,"
                        + " wedding, festival, trade_show"),
                new Bad("/api/v1/sales/deals?stage=closed", "stage 'closed' is not one of: lead, proposal, negotiation, won, lost"),
                new Bad("/api/v1/budget/budgets?status=final", "status 'final' is not one of: draft, submitted, approved"),
                new Bad("/api/v1/dispatch/work-orders?status=done", "status 'done' is not one of: scheduled, dispatched, completed, cancelled"),
                new Bad("/api/v1/spaces/spaces?type=garden", "type 'garden' is not one of: ballroom, meeting_room, terrace, studio, hall"),
                new Bad("/api/v1/spaces/reservations?status=held", "status 'held' is not one of: tentative, confirmed, released"),
                new Bad("/api/v1/sales/deals?eventId=42", "eventId '42' is not an id (a UUID)"),
                new Bad("/api/v1/budget/budgets?eventId=x", "eventId 'x' is not an id (a UUID)"),
                new Bad("/api/v1/dispatch/work-orders?vendorId=x", "vendorId 'x' is not an id (a UUID)"),
                new Bad("/api/v1/spaces/reservations?spaceId=x", "spaceId 'x' is not an id (a UUID)"))) {
            ApiFixture.Response response = api.get(owner, bad.path());
            assertThat(response.reason(400)).as(bad.path()).isEqualTo("bad_parameter");
            assertThat(response.body().at("/error/message").asText()).as(bad.path()).isEqualTo(bad.message());
        }
    }

    @Test
    void a_ticketing_account_is_refused_on_every_agency_route_with_one_line() throws Exception {
        String ticketing = api.signIn(ORGANIZATION, TICKETING_ADMIN, ApiFixture.TICKETING_PASSWORD);
        List<ApiFixture.Response> answers = new ArrayList<>();
        for (Resource resource : RESOURCES) {
            answers.add(api.get(ticketing, resource.path()));
            answers.add(api.get(ticketing, resource.path() + "/" + resource.ids(api, ORGANIZATION).get(0)));
        }
        answers.add(api.post(ticketing, "/api/v1/spaces/reservations", "{}"));
        for (ApiFixture.Response answer : answers) {
            assertThat(answer.reason(403)).isEqualTo("forbidden");
            assertThat(answer.body().at("/error/message").asText())
                    .isEqualTo(TICKETING_ADMIN + " is a ticketing account: the agency's modules answer the agency's people only")
                    .doesNotContain("\n");
        }
        assertThat(api.get(null, "/api/v1/suppliers/vendors").reason(401)).isEqualTo("unauthenticated");
    }

    @Test
    void money_is_a_json_number_and_instants_are_iso_8601() throws Exception {
        JsonNode deal = api.get(owner, "/api/v1/sales/deals").items().get(0);
        assertThat(deal.get("amount").isNumber()).isTrue();
        assertThat(deal.get("openedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(deal.get("expectedClose").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
        assertThat(api.get(owner, "/api/v1/spaces/spaces").items().get(0).get("hourlyRate").isNumber()).isTrue();
    }

    @Test
    void the_description_of_each_route_is_the_shape_of_its_answers() throws Exception {
        JsonNode document = api.get(null, ApiDescription.DOCUMENT_PATH).body();
        for (Resource resource : RESOURCES) {
            JsonNode page = schema(document, document.at("/paths/" + pointer(resource.path()) + "/get/responses/200/content/application~1json/schema"));
            assertThat(fieldNames(page.get("properties"))).as(resource.path()).containsExactly("items", "paging");
            JsonNode item = schema(document, page.at("/properties/items/items"));
            for (JsonNode answered : api.get(owner, resource.path()).items()) {
                assertSameShape(resource.path(), item, answered);
            }
            String one = resource.path() + "/" + resource.ids(api, ORGANIZATION).get(0);
            JsonNode detail = schema(document, document.at("/paths/" + pointer(resource.path() + "/{id}")
                    + "/get/responses/200/content/application~1json/schema"));
            assertSameShape(one, detail, api.get(owner, one).body());
        }
    }

    /** The answer has exactly the schema's properties, in order, each a JSON number where the schema says number or integer. */
    private static void assertSameShape(String path, JsonNode schema, JsonNode answered) {
        assertThat(fieldNames(answered)).as(path).isEqualTo(fieldNames(schema.get("properties")));
        schema.get("properties").fields().forEachRemaining(property -> {
            JsonNode value = answered.get(property.getKey());
            String type = property.getValue().path("type").asText();
            if (!value.isNull() && !type.isEmpty()) {
                assertThat(value.isNumber()).as(path + " " + property.getKey() + " is " + type)
                        .isEqualTo(type.equals("number") || type.equals("integer"));
            }
        });
    }

    private static JsonNode schema(JsonNode document, JsonNode reference) {
        return document.at("/components/schemas/" + reference.get("$ref").asText().replace("#/components/schemas/", ""));
    }

    private static String pointer(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void assertFiltered(String path, String table, String condition, String order) throws Exception {
        List<String> expected = api.tenant.strings("SELECT id::text FROM " + table + " WHERE org_id = " + ORG + " AND " + condition
                + " ORDER BY " + order, ORGANIZATION);
        assertThat(expected).as("the seeded data has rows for " + path).isNotEmpty();
        ApiFixture.Response response = api.get(owner, path);
        assertThat(texts(response.items(), "id")).as(path).isEqualTo(expected);
        assertThat(response.body().at("/paging/total").asLong()).as(path).isEqualTo(expected.size());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.get(field).asText()));
        return texts;
    }
}
