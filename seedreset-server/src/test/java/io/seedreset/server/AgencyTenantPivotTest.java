package io.seedreset.server;

import static io.seedreset.server.AgencyApi.ORG;
import static io.seedreset.server.AgencyApi.RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.OrganizationKind;
import io.seedreset.server.AgencyApi.Resource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hard tenant scoping on every agency route: two demo organizations with event-agency-starter, and a person of
 * one asking for the other's rows by id gets the same 404 as for an id nobody has, never the row; filtering by
 * the other's ids finds nothing, and booking with the other's space or event is 404 with nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyTenantPivotTest {

    private static final String NORTH = "north-demo";
    private static final String SOUTH = "south-demo";

    private ApiFixture api;
    private String north;

    @BeforeAll
    void start() throws Exception {
        api = ApiFixture.start(NORTH, "North Events (demo)").organization(SOUTH, "South Events (demo)", OrganizationKind.DEMO);
        api.apply("event-agency-starter", NORTH);
        api.apply("event-agency-starter", SOUTH);
        api.enable("dispatch", NORTH); // in beta: off for a demo organization until switched on
        api.enable("dispatch", SOUTH); // in beta: off for a demo organization until switched on
        north = AgencyApi.signIn(api, NORTH, "owner");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void every_row_of_the_other_organization_is_404_by_id_on_every_route() throws Exception {
        for (Resource resource : RESOURCES) {
            List<String> theirs = resource.ids(api, SOUTH);
            assertThat(theirs).as(resource.table()).hasSize(resource.defaultCount()).doesNotContainAnyElementsOf(resource.ids(api, NORTH));
            for (String id : theirs) {
                ApiFixture.Response answer = api.get(north, resource.path() + "/" + id);
                assertThat(answer.reason(404)).as(resource.path() + "/" + id).isEqualTo("not_found");
                assertThat(answer.body().at("/error/message").asText()).isEqualTo("no " + resource.what() + " " + id);
            }
            assertThat(api.get(north, resource.path() + "/" + resource.ids(api, NORTH).get(0)).status()).as("their own").isEqualTo(200);
        }
    }

    @Test
    void lists_answer_only_the_callers_rows_and_filtering_by_the_others_ids_finds_nothing() throws Exception {
        for (Resource resource : RESOURCES) {
            assertThat(ids(api.get(north, resource.path()))).as(resource.path()).isEqualTo(resource.ids(api, NORTH));
        }
        String theirEvent = first("events.events", SOUTH);
        String theirSpace = first("spaces.spaces", SOUTH);
        String theirVendor = first("suppliers.vendors", SOUTH);
        for (String path : List.of("/api/v1/sales/deals?eventId=" + theirEvent, "/api/v1/budget/budgets?eventId=" + theirEvent,
                "/api/v1/dispatch/work-orders?eventId=" + theirEvent, "/api/v1/dispatch/work-orders?vendorId=" + theirVendor,
                "/api/v1/spaces/reservations?eventId=" + theirEvent, "/api/v1/spaces/reservations?spaceId=" + theirSpace)) {
            ApiFixture.Response answer = api.get(north, path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.items()).as(path).isEmpty();
            assertThat(answer.body().at("/paging/total").asLong()).as(path).isZero();
        }
    }

    @Test
    void booking_with_the_other_organizations_space_or_event_is_404_and_writes_nothing() throws Exception {
        Map<String, Object> ours = api.tenant.rows("SELECT id::text AS id, starts_at FROM events.events WHERE org_id = " + ORG
                + " ORDER BY starts_at DESC, id LIMIT 1", NORTH).get(0);
        Instant startsAt = ((Timestamp) ours.get("starts_at")).toInstant();
        String ourSpace = first("spaces.spaces", NORTH);
        String theirSpace = first("spaces.spaces", SOUTH);
        String theirEvent = first("events.events", SOUTH);
        long before = api.tenant.queryForLong("SELECT count(*) FROM spaces.reservations");
        List<ApiFixture.Response> answers = new ArrayList<>();
        answers.add(api.post(north, "/api/v1/spaces/reservations", booking(theirSpace, (String) ours.get("id"), startsAt)));
        answers.add(api.post(north, "/api/v1/spaces/reservations", booking(ourSpace, theirEvent, startsAt)));
        assertThat(answers.get(0).body().at("/error/message").asText()).isEqualTo("no space " + theirSpace);
        assertThat(answers.get(1).body().at("/error/message").asText()).isEqualTo("no event " + theirEvent);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.reason(404)).isEqualTo("not_found"));
        assertThat(api.tenant.queryForLong("SELECT count(*) FROM spaces.reservations")).isEqualTo(before);
    }

    private static Map<String, Object> booking(String spaceId, String eventId, Instant startsAt) {
        return Map.of("spaceId", spaceId, "eventId", eventId, "startsAt", startsAt.toString(),
                "endsAt", startsAt.plus(Duration.ofHours(1)).toString());
    }

    private String first(String table, String organization) {
        return api.tenant.strings("SELECT id::text FROM " + table + " WHERE org_id = " + ORG + " ORDER BY id LIMIT 1", organization).get(0);
    }

    private static List<String> ids(ApiFixture.Response list) {
        List<String> ids = new ArrayList<>();
        list.items().forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
