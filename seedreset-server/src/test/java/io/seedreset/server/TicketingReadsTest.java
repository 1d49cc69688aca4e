package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.OrganizationKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ticketing module's reads over real HTTP, on ticketing-demo applied to two demo organizations of one
 * database: each route answers exactly the rows of the caller's organization its role sees (compared with
 * SQL over the seeded rows), filters and pages them, refuses what the role never reads, and answers 404 for
 * the other organization's ids. The seed gives door scanners to venue operators only, so Luis Ortega's
 * company gets three before the first test (see luisGetsDevices); nothing else writes, so the tests share
 * one fixture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketingReadsTest {

    private static final String ORG = "encore-demo";
    private static final String OTHER_ORG = "rival-demo";
    private static final String ADMIN = "dana.whitfield@example.com";
    private static final String PROMOTER = "priya.raman@example.com";
    private static final String OTHER_PROMOTER = "jake.morrison@example.com";
    private static final String SCANNER = "luis.ortega@example.com";
    private static final String CUSTOMER = "olivia.bennett@example.net";
    private static final String OTHER_CUSTOMER = "carlos.mendoza@example.org";

    private ApiFixture api;
    private final Map<String, String> tokens = new HashMap<>();
    private String org;
    private String otherOrg;

    @BeforeAll
    void start() {
        api = ApiFixture.start(ORG, "Encore Ticketing (demo)");
        api.organization(OTHER_ORG, "Rival Tickets (demo)", OrganizationKind.DEMO);
        api.apply("ticketing-demo", ORG);
        api.apply("ticketing-demo", OTHER_ORG);
        org = organizationId(ORG);
        otherOrg = organizationId(OTHER_ORG);
        luisGetsDevices(org);
        luisGetsDevices(otherOrg);
    }

    /**
     * Devices of Luis Ortega's company (Lakeshore Sports & Entertainment, which operates no venue the seed
     * gives scanners to): one switched on and assigned to the first event on sale, with him as its operator,
     * and two assigned to no event, one of them switched off.
     */
    private void luisGetsDevices(String organization) {
        api.tenant.execute("""
                INSERT INTO ticketing.scanners (org_id, id, company_id, event_id, operator_user_id, name, device_type, serial_number, active, last_seen_at)
                SELECT u.org_id, gen_random_uuid(), u.company_id, d.assigned, d.operator, d.name, d.device_type, d.serial_number, d.active, d.last_seen_at
                  FROM ticketing.users u
                 CROSS JOIN LATERAL (SELECT id FROM ticketing.events WHERE org_id = u.org_id AND status = 'ON_SALE' ORDER BY starts_at, id LIMIT 1) e
                 CROSS JOIN LATERAL (VALUES (e.id, u.id, 'Lakeshore gate 1', 'HANDHELD', 'LK-1', true, now() - interval '1 hour'),
                                            (NULL::uuid, NULL::uuid, 'Lakeshore spare', 'MOBILE', 'LK-2', false, NULL::timestamptz),
                                            (NULL::uuid, NULL::uuid, 'Lakeshore turnstile', 'TURNSTILE', 'LK-3', true, NULL::timestamptz))
                       AS d (assigned, operator, name, device_type, serial_number, active, last_seen_at)
                 WHERE u.org_id = ?::uuid AND u.email = ?""", organization, SCANNER);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    // Events

    @Test
    void events_are_every_event_but_drafts_except_for_the_drafts_promoters_and_the_admins() throws Exception {
        String allEvents = "SELECT id::text FROM ticketing.events WHERE org_id = ?::uuid";
        String published = allEvents + " AND status <> 'DRAFT'";
        String order = " ORDER BY starts_at, id";
        List<String> everything = sql(allEvents + order, org);
        assertThat(everything).hasSize(25);
        assertThat(ids(ADMIN, "/api/v1/ticketing/events")).containsExactlyElementsOf(everything);
        assertThat(ids(CUSTOMER, "/api/v1/ticketing/events")).containsExactlyElementsOf(sql(published + order, org))
                .hasSize(23);
        assertThat(ids(SCANNER, "/api/v1/ticketing/events")).containsExactlyElementsOf(sql(published + order, org));
        for (String promoter : List.of(PROMOTER, OTHER_PROMOTER)) {
            assertThat(ids(promoter, "/api/v1/ticketing/events")).as(promoter).containsExactlyElementsOf(sql(allEvents
                    + " AND (status <> 'DRAFT' OR promoter_company_id = (SELECT company_id FROM ticketing.users WHERE org_id = ?::uuid AND email = ?))"
                    + order, org, org, promoter));
        }
        List<String> drafts = sql(allEvents + " AND status = 'DRAFT'", org);
        assertThat(drafts).as("the seed has two drafts").hasSize(2);
        assertThat(ids(PROMOTER, "/api/v1/ticketing/events")).as("a draft of another company's")
                .isNotEqualTo(ids(OTHER_PROMOTER, "/api/v1/ticketing/events"));
    }

    @Test
    void a_draft_is_not_found_for_whoever_may_not_see_it() throws Exception {
        for (String draft : sql("SELECT id::text FROM ticketing.events WHERE org_id = ?::uuid AND status = 'DRAFT'", org)) {
            String owner = sql("""
                    SELECT u.email FROM ticketing.users u JOIN ticketing.events e ON e.org_id = u.org_id AND e.promoter_company_id = u.company_id
                     WHERE e.org_id = ?::uuid AND e.id = ?::uuid AND u.role = 'PROMOTER' ORDER BY u.email LIMIT 1""", org, draft).stream()
                    .findFirst().orElse(null);
            assertThat(get(ADMIN, "/api/v1/ticketing/events/" + draft).status()).isEqualTo(200);
            if (owner != null) {
                assertThat(get(owner, "/api/v1/ticketing/events/" + draft).status()).as(owner).isEqualTo(200);
            }
            for (String outsider : List.of(CUSTOMER, SCANNER, OTHER_PROMOTER, PROMOTER)) {
                if (!outsider.equals(owner)) {
                    ApiFixture.Response response = get(outsider, "/api/v1/ticketing/events/" + draft);
                    assertThat(response.reason(404)).as(outsider).isEqualTo("not_found");
                    assertThat(response.body().at("/error/message").asText()).isEqualTo("no event " + draft);
                }
            }
        }
    }

    @Test
    void an_event_comes_with_its_venue_promoter_and_ticket_types() throws Exception {
        String id = sql("SELECT id::text FROM ticketing.events WHERE org_id = ?::uuid AND status = 'ON_SALE' ORDER BY starts_at, id LIMIT 1", org).get(0);
        JsonNode event = ok(get(CUSTOMER, "/api/v1/ticketing/events/" + id));
        assertThat(event.get("id").asText()).isEqualTo(id);
        assertThat(event.get("status").asText()).isEqualTo("ON_SALE");
        assertThat(event.get("venueName").asText()).isEqualTo(sql("""
                SELECT v.name FROM ticketing.events e JOIN ticketing.venues v ON v.org_id = e.org_id AND v.id = e.venue_id
                 WHERE e.org_id = ?::uuid AND e.id = ?::uuid""", org, id).get(0));
        assertThat(event.get("promoterName").asText()).isEqualTo(sql("""
                SELECT c.name FROM ticketing.events e JOIN ticketing.companies c ON c.org_id = e.org_id AND c.id = e.promoter_company_id
                 WHERE e.org_id = ?::uuid AND e.id = ?::uuid""", org, id).get(0));
        assertThat(event.get("startsAt").asText()).isEqualTo(sql(
                "SELECT to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM ticketing.events WHERE org_id = ?::uuid AND id = ?::uuid",
                org, id).get(0));
        List<String> types = new ArrayList<>();
        event.get("ticketTypes").forEach(type -> types.add(String.join(" ", type.get("id").asText(), type.get("tier").asText(),
                money(type, "price"), type.get("quantityTotal").asText(), type.get("quantitySold").asText(),
                type.get("quantityAvailable").asText())));
        assertThat(types).containsExactlyElementsOf(sql("""
                SELECT concat_ws(' ', id, tier, trim_scale(price), quantity_total, quantity_sold, quantity_available) FROM ticketing.ticket_types
                 WHERE org_id = ?::uuid AND event_id = ?::uuid ORDER BY array_position(ARRAY['EARLY_BIRD', 'GENERAL', 'VIP'], tier), id""", org, id))
                .isNotEmpty();
        assertThat(event.at("/ticketTypes/0/price").isNumber()).as("money is a JSON number").isTrue();
    }

    @Test
    void events_filter_by_status_and_category_and_refuse_values_they_do_not_know() throws Exception {
        assertThat(ids(CUSTOMER, "/api/v1/ticketing/events?status=ON_SALE&category=CONCERT")).containsExactlyElementsOf(sql("""
                SELECT id::text FROM ticketing.events WHERE org_id = ?::uuid AND status = 'ON_SALE' AND category = 'CONCERT'
                 ORDER BY starts_at, id""", org)).isNotEmpty();
        assertThat(ids(CUSTOMER, "/api/v1/ticketing/events?status=DRAFT")).as("a customer's drafts: none").isEmpty();
        assertThat(ids(ADMIN, "/api/v1/ticketing/events?status=DRAFT")).hasSize(2);

        ApiFixture.Response status = get(CUSTOMER, "/api/v1/ticketing/events?status=on_sale");
        assertThat(status.reason(400)).isEqualTo("bad_parameter");
        assertThat(status.body().at("/error/message").asText())
                .isEqualTo("status 'on_sale' is not one of DRAFT, PUBLISHED, ON_SALE, SOLD_OUT, COMPLETED, CANCELLED");
        ApiFixture.Response category = get(CUSTOMER, "/api/v1/ticketing/events?category=OPERA");
        assertThat(category.reason(400)).isEqualTo("bad_parameter");
        assertThat(category.body().at("/error/message").asText())
                .isEqualTo("category 'OPERA' is not one of CONCERT, SPORTS, THEATER, COMEDY, CONFERENCE, FESTIVAL");
        assertThat(get(ADMIN, "/api/v1/ticketing/orders?status=SHIPPED").body().at("/error/message").asText())
                .isEqualTo("status 'SHIPPED' is not one of PENDING, PAID, CANCELLED, REFUNDED");
        assertThat(get(CUSTOMER, "/api/v1/ticketing/tickets?status=LOST").body().at("/error/message").asText())
                .isEqualTo("status 'LOST' is not one of VALID, USED, TRANSFERRED, CANCELLED");
    }

    @Test
    void lists_page_with_offset_and_limit_and_say_the_total() throws Exception {
        List<String> all = ids(ADMIN, "/api/v1/ticketing/events");
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 7) {
            ApiFixture.Response page = get(ADMIN, "/api/v1/ticketing/events?limit=7&offset=" + offset);
            assertThat(page.body().get("paging").toString()).isEqualTo("{\"offset\":" + offset + ",\"limit\":7,\"total\":25}");
            page.items().forEach(item -> paged.add(item.get("id").asText()));
        }
        assertThat(paged).containsExactlyElementsOf(all);

        ApiFixture.Response past = get(ADMIN, "/api/v1/ticketing/orders?offset=500");
        assertThat(past.items()).isEmpty();
        assertThat(past.body().at("/paging/total").asLong()).as("the total, even past the end")
                .isEqualTo(count("SELECT count(*) FROM ticketing.orders WHERE org_id = ?::uuid", org));
        assertThat(get(ADMIN, "/api/v1/ticketing/venues").body().at("/paging/limit").asInt()).as("the default").isEqualTo(50);

        for (String bad : List.of("limit=0", "limit=201", "offset=-1", "limit=ten", "offset=1.5")) {
            assertThat(get(ADMIN, "/api/v1/ticketing/events?" + bad).reason(400)).as(bad).isEqualTo("bad_parameter");
        }
        for (String route : List.of("venues", "orders", "tickets", "promo-codes")) {
            assertThat(get(ADMIN, "/api/v1/ticketing/" + route + "?limit=201").reason(400)).as(route).isEqualTo("bad_parameter");
        }
    }

    // Venues

    @Test
    void venues_are_every_venue_of_the_organization_for_every_role() throws Exception {
        List<String> expected = sql("SELECT id::text FROM ticketing.venues WHERE org_id = ?::uuid ORDER BY name, id", org);
        assertThat(expected).hasSize(10);
        for (String persona : List.of(ADMIN, PROMOTER, SCANNER, CUSTOMER)) {
            assertThat(ids(persona, "/api/v1/ticketing/venues")).as(persona).containsExactlyElementsOf(expected);
        }
        JsonNode venue = ok(get(CUSTOMER, "/api/v1/ticketing/venues/" + expected.get(0)));
        assertThat(venue.get("name").asText() + " " + venue.get("capacity").asInt() + " " + venue.get("operatorName").asText()).isEqualTo(sql("""
                SELECT v.name || ' ' || v.capacity || ' ' || c.name FROM ticketing.venues v JOIN ticketing.companies c ON c.org_id = v.org_id AND c.id = v.company_id
                 WHERE v.org_id = ?::uuid AND v.id = ?::uuid""", org, expected.get(0)).get(0));
    }

    // Orders

    @Test
    void orders_are_a_customers_own_a_promoters_companys_and_every_one_for_an_admin() throws Exception {
        String order = " ORDER BY o.placed_at DESC, o.id";
        String orders = "SELECT o.id::text FROM ticketing.orders o JOIN ticketing.events e ON e.org_id = o.org_id AND e.id = o.event_id WHERE o.org_id = ?::uuid";
        assertThat(ids(ADMIN, "/api/v1/ticketing/orders")).containsExactlyElementsOf(sql(orders + order, org)).hasSize(40);
        for (String customer : List.of(CUSTOMER, OTHER_CUSTOMER)) {
            assertThat(ids(customer, "/api/v1/ticketing/orders")).as(customer).containsExactlyElementsOf(sql(orders
                    + " AND o.customer_id = (SELECT id FROM ticketing.users WHERE org_id = ?::uuid AND email = ?)" + order, org, org, customer))
                    .isNotEmpty();
        }
        for (String promoter : List.of(PROMOTER, OTHER_PROMOTER)) {
            assertThat(ids(promoter, "/api/v1/ticketing/orders")).as(promoter).containsExactlyElementsOf(sql(orders
                    + " AND e.promoter_company_id = (SELECT company_id FROM ticketing.users WHERE org_id = ?::uuid AND email = ?)" + order,
                    org, org, promoter)).isNotEmpty();
        }
        assertThat(ids(ADMIN, "/api/v1/ticketing/orders?status=PAID")).containsExactlyElementsOf(sql(orders + " AND o.status = 'PAID'" + order, org))
                .hasSize(28);

        ApiFixture.Response scanner = get(SCANNER, "/api/v1/ticketing/orders");
        assertThat(scanner.reason(403)).isEqualTo("forbidden");
        assertThat(scanner.body().at("/error/message").asText()).isEqualTo("scanners do not read orders");
        String any = sql(orders + order, org).get(0);
        assertThat(get(SCANNER, "/api/v1/ticketing/orders/" + any).reason(403)).isEqualTo("forbidden");
    }

    @Test
    void an_order_comes_with_its_lines_and_another_customers_or_companys_order_is_not_found() throws Exception {
        String olivias = sql("""
                SELECT o.id::text FROM ticketing.orders o JOIN ticketing.users u ON u.org_id = o.org_id AND u.id = o.customer_id
                 WHERE o.org_id = ?::uuid AND u.email = ? AND o.status = 'PAID' ORDER BY o.placed_at LIMIT 1""", org, CUSTOMER).get(0);
        JsonNode order = ok(get(CUSTOMER, "/api/v1/ticketing/orders/" + olivias));
        assertThat(order.get("customerEmail").asText()).isEqualTo(CUSTOMER);
        assertThat(String.join(" ", order.get("orderNumber").asText(), order.get("status").asText(), money(order, "subtotal"), money(order, "fees"),
                money(order, "tax"), money(order, "discount"), money(order, "total"))).isEqualTo(sql("""
                SELECT concat_ws(' ', order_number, status, trim_scale(subtotal), trim_scale(fees), trim_scale(tax), trim_scale(discount),
                                 trim_scale(total)) FROM ticketing.orders
                 WHERE org_id = ?::uuid AND id = ?::uuid""", org, olivias).get(0));
        List<String> lines = new ArrayList<>();
        order.get("items").forEach(item -> lines.add(String.join(" ", item.get("ticketTypeId").asText(), item.get("tier").asText(),
                item.get("quantity").asText(), money(item, "unitPrice"), money(item, "lineTotal"))));
        assertThat(lines).containsExactlyInAnyOrderElementsOf(sql("""
                SELECT concat_ws(' ', i.ticket_type_id, t.tier, i.quantity, trim_scale(i.unit_price), trim_scale(i.line_total))
                  FROM ticketing.order_items i JOIN ticketing.ticket_types t ON t.org_id = i.org_id AND t.id = i.ticket_type_id
                 WHERE i.org_id = ?::uuid AND i.order_id = ?::uuid""", org, olivias)).isNotEmpty();

        assertThat(get(OTHER_CUSTOMER, "/api/v1/ticketing/orders/" + olivias).reason(404)).isEqualTo("not_found");
        assertThat(get(ADMIN, "/api/v1/ticketing/orders/" + olivias).status()).isEqualTo(200);
        String company = sql("""
                SELECT u.email FROM ticketing.orders o JOIN ticketing.events e ON e.org_id = o.org_id AND e.id = o.event_id
                  JOIN ticketing.users u ON u.org_id = e.org_id AND u.company_id = e.promoter_company_id AND u.role = 'PROMOTER'
                 WHERE o.org_id = ?::uuid AND o.id = ?::uuid""", org, olivias).stream().findFirst().orElseThrow();
        assertThat(get(company, "/api/v1/ticketing/orders/" + olivias).status()).isEqualTo(200);
        String outsider = company.equals(PROMOTER) ? OTHER_PROMOTER : PROMOTER;
        assertThat(get(outsider, "/api/v1/ticketing/orders/" + olivias).reason(404)).isEqualTo("not_found");
    }

    // Tickets

    @Test
    void tickets_are_the_ones_the_caller_holds() throws Exception {
        String held = """
                SELECT k.id::text FROM ticketing.tickets k
                  JOIN ticketing.ticket_types t ON t.org_id = k.org_id AND t.id = k.ticket_type_id
                  JOIN ticketing.events e ON e.org_id = t.org_id AND e.id = t.event_id
                 WHERE k.org_id = ?::uuid AND k.holder_user_id = (SELECT id FROM ticketing.users WHERE org_id = ?::uuid AND email = ?)""";
        String order = " ORDER BY e.starts_at, array_position(ARRAY['EARLY_BIRD', 'GENERAL', 'VIP'], t.tier), k.id";
        for (String persona : List.of(CUSTOMER, OTHER_CUSTOMER, ADMIN, SCANNER)) {
            assertThat(ids(persona, "/api/v1/ticketing/tickets")).as(persona).containsExactlyElementsOf(sql(held + order, org, org, persona));
        }
        assertThat(ids(CUSTOMER, "/api/v1/ticketing/tickets")).isNotEmpty();
        assertThat(ids(CUSTOMER, "/api/v1/ticketing/tickets?status=USED")).containsExactlyElementsOf(
                sql(held + " AND k.status = 'USED'" + order, org, org, CUSTOMER)).isNotEmpty();

        String ticket = ids(CUSTOMER, "/api/v1/ticketing/tickets").get(0);
        JsonNode one = ok(get(CUSTOMER, "/api/v1/ticketing/tickets/" + ticket));
        assertThat(one.get("barcode").asText()).isEqualTo(sql("SELECT barcode FROM ticketing.tickets WHERE org_id = ?::uuid AND id = ?::uuid", org, ticket).get(0));
        assertThat(one.get("holderEmail").asText()).isEqualTo(CUSTOMER);
        for (String someoneElse : List.of(OTHER_CUSTOMER, ADMIN)) {
            assertThat(get(someoneElse, "/api/v1/ticketing/tickets/" + ticket).reason(404)).as(someoneElse).isEqualTo("not_found");
        }
    }

    // Promo codes

    @Test
    void promo_codes_are_staffs_a_promoter_reading_their_companys_and_the_codes_for_every_event() throws Exception {
        String codes = """
                SELECT p.id::text FROM ticketing.promo_codes p LEFT JOIN ticketing.events e ON e.org_id = p.org_id AND e.id = p.event_id
                 WHERE p.org_id = ?::uuid""";
        String order = " ORDER BY p.code, p.id";
        assertThat(ids(ADMIN, "/api/v1/ticketing/promo-codes")).containsExactlyElementsOf(sql(codes + order, org)).hasSize(15);
        for (String promoter : List.of(PROMOTER, OTHER_PROMOTER)) {
            assertThat(ids(promoter, "/api/v1/ticketing/promo-codes")).as(promoter).containsExactlyElementsOf(sql(codes
                    + " AND (p.event_id IS NULL OR e.promoter_company_id = (SELECT company_id FROM ticketing.users WHERE org_id = ?::uuid AND email = ?))"
                    + order, org, org, promoter));
        }
        assertThat(count(codes.replace("p.id::text", "count(*)") + " AND p.event_id IS NOT NULL", org)).as("the seed has event codes").isPositive();
        for (String persona : List.of(CUSTOMER, SCANNER)) {
            ApiFixture.Response refused = get(persona, "/api/v1/ticketing/promo-codes");
            assertThat(refused.reason(403)).as(persona).isEqualTo("forbidden");
            assertThat(refused.body().at("/error/message").asText()).endsWith("s do not read promo codes");
        }
    }

    // Door scanners

    private static final String SCANNERS = """
            SELECT s.id::text FROM ticketing.scanners s LEFT JOIN ticketing.events e ON e.org_id = s.org_id AND e.id = s.event_id
             WHERE s.org_id = ?::uuid""";
    private static final String SCANNER_ORDER = " ORDER BY e.starts_at NULLS LAST, s.name, s.id";
    private static final String COMPANY_OF = " AND s.company_id = (SELECT company_id FROM ticketing.users WHERE org_id = ?::uuid AND email = ?)";

    @Test
    void scanners_are_the_callers_companys_devices_and_every_one_for_an_admin() throws Exception {
        List<String> every = sql(SCANNERS + SCANNER_ORDER, org);
        List<String> luis = sql(SCANNERS + COMPANY_OF + SCANNER_ORDER, org, org, SCANNER);
        assertThat(luis).as("Luis's company has its three devices, and not every one").hasSize(3).hasSizeLessThan(every.size());
        assertThat(ids(SCANNER, "/api/v1/ticketing/scanners")).containsExactlyElementsOf(luis);
        assertThat(get(SCANNER, "/api/v1/ticketing/scanners").items()).allSatisfy(device ->
                assertThat(device.get("companyName").asText()).isEqualTo("Lakeshore Sports & Entertainment"));
        assertThat(ids(ADMIN, "/api/v1/ticketing/scanners")).containsExactlyElementsOf(every);
        for (String promoter : List.of(PROMOTER, OTHER_PROMOTER)) {
            assertThat(ids(promoter, "/api/v1/ticketing/scanners")).as(promoter)
                    .containsExactlyElementsOf(sql(SCANNERS + COMPANY_OF + SCANNER_ORDER, org, org, promoter));
        }
        ApiFixture.Response refused = get(CUSTOMER, "/api/v1/ticketing/scanners");
        assertThat(refused.reason(403)).isEqualTo("forbidden");
        assertThat(refused.body().at("/error/message").asText()).isEqualTo("customers do not read scanners");
        assertThat(get(CUSTOMER, "/api/v1/ticketing/scanners/" + luis.get(0)).reason(403)).isEqualTo("forbidden");
    }

    @Test
    void a_scanner_comes_with_its_event_and_operator_and_another_companys_or_organizations_is_not_found() throws Exception {
        String mine = one(SCANNERS + COMPANY_OF + " AND s.event_id IS NOT NULL AND s.operator_user_id IS NOT NULL" + SCANNER_ORDER + " LIMIT 1",
                org, org, SCANNER);
        JsonNode device = ok(get(SCANNER, "/api/v1/ticketing/scanners/" + mine));
        assertThat(String.join("|", device.get("id").asText(), device.get("name").asText(), device.get("deviceType").asText(),
                device.get("serialNumber").asText(), device.get("active").asText(), device.get("operatorName").asText(),
                device.get("eventId").asText(), device.get("eventName").asText(), device.get("eventStartsAt").asText(),
                device.get("eventStatus").asText())).isEqualTo(one("""
                SELECT concat_ws('|', s.id, s.name, s.device_type, s.serial_number, s.active::text, u.first_name || ' ' || u.last_name, e.id, e.name,
                                 to_char(e.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), e.status)
                  FROM ticketing.scanners s JOIN ticketing.events e ON e.org_id = s.org_id AND e.id = s.event_id
                  JOIN ticketing.users u ON u.org_id = s.org_id AND u.id = s.operator_user_id
                 WHERE s.org_id = ?::uuid AND s.id = ?::uuid""", org, mine));
        JsonNode unassigned = get(SCANNER, "/api/v1/ticketing/scanners").items().get(2);
        assertThat(unassigned.get("name").asText()).as("unassigned devices last, by name").isEqualTo("Lakeshore turnstile");
        for (String field : List.of("eventId", "eventName", "eventStartsAt", "eventStatus", "operatorName", "lastSeenAt")) {
            assertThat(unassigned.get(field).isNull()).as(field).isTrue();
        }
        String anotherCompanys = one(SCANNERS + " AND s.company_id <> (SELECT company_id FROM ticketing.users WHERE org_id = ?::uuid AND email = ?)"
                + SCANNER_ORDER + " LIMIT 1", org, org, SCANNER);
        assertThat(get(ADMIN, "/api/v1/ticketing/scanners/" + anotherCompanys).status()).isEqualTo(200);
        ApiFixture.Response notHis = get(SCANNER, "/api/v1/ticketing/scanners/" + anotherCompanys);
        assertThat(notHis.reason(404)).isEqualTo("not_found");
        assertThat(notHis.body().at("/error/message").asText()).isEqualTo("no scanner " + anotherCompanys);
        // The same device of the other organization: its own Luis reads it; here, neither he nor an admin finds it.
        String theirs = one(SCANNERS + COMPANY_OF + SCANNER_ORDER + " LIMIT 1", otherOrg, otherOrg, SCANNER);
        assertThat(count("SELECT count(*) FROM ticketing.scanners WHERE org_id = ?::uuid AND id = ?::uuid", org, theirs)).isZero();
        assertThat(api.get(token(OTHER_ORG, SCANNER), "/api/v1/ticketing/scanners/" + theirs).status()).isEqualTo(200);
        for (String persona : List.of(ADMIN, SCANNER, PROMOTER)) {
            assertThat(get(persona, "/api/v1/ticketing/scanners/" + theirs).reason(404)).as(persona).isEqualTo("not_found");
        }
        assertThat(ids(ADMIN, "/api/v1/ticketing/scanners")).doesNotContain(theirs);
        assertThat(get(SCANNER, "/api/v1/ticketing/scanners/not-a-uuid").reason(404)).isEqualTo("not_found");
    }

    @Test
    void scanners_filter_by_event_and_by_being_switched_on_and_refuse_values_they_do_not_know() throws Exception {
        String event = one("""
                SELECT s.event_id::text FROM ticketing.scanners s WHERE s.org_id = ?::uuid AND s.event_id IS NOT NULL
                 GROUP BY s.event_id ORDER BY count(*) DESC, s.event_id LIMIT 1""", org);
        assertThat(ids(ADMIN, "/api/v1/ticketing/scanners?eventId=" + event))
                .containsExactlyElementsOf(sql(SCANNERS + " AND s.event_id = ?::uuid" + SCANNER_ORDER, org, event)).isNotEmpty();
        for (boolean active : List.of(true, false)) {
            assertThat(ids(ADMIN, "/api/v1/ticketing/scanners?active=" + active)).as("active=" + active)
                    .containsExactlyElementsOf(sql(SCANNERS + " AND s.active = ?" + SCANNER_ORDER, org, active));
            assertThat(ids(SCANNER, "/api/v1/ticketing/scanners?active=" + active)).as("Luis, active=" + active)
                    .containsExactlyElementsOf(sql(SCANNERS + COMPANY_OF + " AND s.active = ?" + SCANNER_ORDER, org, org, SCANNER, active))
                    .hasSize(active ? 2 : 1);
        }
        String luisEvent = one("SELECT event_id::text FROM ticketing.scanners WHERE org_id = ?::uuid AND serial_number = 'LK-1'", org);
        assertThat(ids(SCANNER, "/api/v1/ticketing/scanners?active=true&eventId=" + luisEvent)).as("both filters")
                .containsExactly(one("SELECT id::text FROM ticketing.scanners WHERE org_id = ?::uuid AND serial_number = 'LK-1'", org));
        assertThat(ids(SCANNER, "/api/v1/ticketing/scanners?active=false&eventId=" + luisEvent)).isEmpty();
        ApiFixture.Response badActive = get(ADMIN, "/api/v1/ticketing/scanners?active=yes");
        assertThat(badActive.reason(400)).isEqualTo("bad_parameter");
        assertThat(badActive.body().at("/error/message").asText()).isEqualTo("active 'yes' is not one of true, false");
        ApiFixture.Response badEvent = get(ADMIN, "/api/v1/ticketing/scanners?eventId=42");
        assertThat(badEvent.reason(400)).isEqualTo("bad_parameter");
        assertThat(badEvent.body().at("/error/message").asText()).isEqualTo("eventId '42' is not an id (a UUID)");
    }

    // Sales

    @Test
    void an_events_sales_add_up_to_its_orders_and_lines() throws Exception {
        // The promoter's event with the most paid orders.
        String event = sql("""
                SELECT e.id::text FROM ticketing.events e JOIN ticketing.orders o ON o.org_id = e.org_id AND o.event_id = e.id AND o.status = 'PAID'
                 WHERE e.org_id = ?::uuid AND e.promoter_company_id = (SELECT company_id FROM ticketing.users WHERE org_id = ?::uuid AND email = ?)
                 GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1""", org, org, PROMOTER).get(0);
        JsonNode sales = ok(get(PROMOTER, "/api/v1/ticketing/events/" + event + "/sales"));
        assertThat(ok(get(ADMIN, "/api/v1/ticketing/events/" + event + "/sales"))).isEqualTo(sales);

        String paidLines = """
                  FROM ticketing.order_items i JOIN ticketing.orders o ON o.org_id = i.org_id AND o.id = i.order_id
                 WHERE i.org_id = ?::uuid AND o.event_id = ?::uuid AND o.status = 'PAID'""";
        List<String> tiers = new ArrayList<>();
        sales.get("tiers").forEach(tier -> tiers.add(String.join(" ", tier.get("ticketTypeId").asText(), tier.get("quantitySold").asText(),
                tier.get("quantityTotal").asText(), tier.get("ticketsSold").asText(), money(tier, "revenue"), money(tier, "sellThrough"))));
        assertThat(tiers).containsExactlyElementsOf(sql("""
                SELECT concat_ws(' ', t.id, t.quantity_sold, t.quantity_total, coalesce(sum(i.quantity), 0), trim_scale(coalesce(sum(i.line_total), 0)),
                                 trim_scale(round(t.quantity_sold::numeric / t.quantity_total, 4)))
                  FROM ticketing.ticket_types t
                  LEFT JOIN (ticketing.order_items i JOIN ticketing.orders o ON o.org_id = i.org_id AND o.id = i.order_id AND o.status = 'PAID')
                         ON i.org_id = t.org_id AND i.ticket_type_id = t.id
                 WHERE t.org_id = ?::uuid AND t.event_id = ?::uuid
                 GROUP BY t.org_id, t.id ORDER BY array_position(ARRAY['EARLY_BIRD', 'GENERAL', 'VIP'], t.tier), t.id""", org, event));

        List<String> days = new ArrayList<>();
        sales.get("days").forEach(day -> days.add(String.join(" ", day.get("date").asText(), day.get("orders").asText(),
                day.get("tickets").asText(), money(day, "revenue"))));
        assertThat(days).containsExactlyElementsOf(sql("""
                SELECT concat_ws(' ', (o.placed_at AT TIME ZONE e.timezone)::date, count(DISTINCT o.id), sum(i.quantity), trim_scale(sum(i.line_total)))
                  FROM ticketing.order_items i JOIN ticketing.orders o ON o.org_id = i.org_id AND o.id = i.order_id
                  JOIN ticketing.events e ON e.org_id = o.org_id AND e.id = o.event_id
                 WHERE i.org_id = ?::uuid AND o.event_id = ?::uuid AND o.status = 'PAID'
                 GROUP BY (o.placed_at AT TIME ZONE e.timezone)::date ORDER BY (o.placed_at AT TIME ZONE e.timezone)::date""",
                org, event)).isNotEmpty();

        JsonNode totals = sales.get("totals");
        assertThat(String.join(" ", totals.get("orders").asText(), totals.get("ticketsSold").asText(), money(totals, "revenue"), money(totals, "fees"),
                money(totals, "tax"), money(totals, "discount"), money(totals, "total"))).isEqualTo(sql("""
                SELECT concat_ws(' ', count(*), (SELECT sum(i.quantity)""" + paidLines + "), trim_scale(sum(subtotal)), trim_scale(sum(fees)), trim_scale(sum(tax)),"
                + " trim_scale(sum(discount)), trim_scale(sum(total)))"
                + " FROM ticketing.orders WHERE org_id = ?::uuid AND event_id = ?::uuid AND status = 'PAID'", org, event, org, event).get(0));
        assertThat(totals.get("revenue").decimalValue()).as("the lines' totals are the orders' subtotals")
                .isEqualByComparingTo(new BigDecimal(sql("SELECT sum(i.line_total)" + paidLines, org, event).get(0)));

        // Tiers and days each add up to the totals.
        assertThat(sum(sales.get("tiers"), "ticketsSold")).isEqualByComparingTo(totals.get("ticketsSold").decimalValue());
        assertThat(sum(sales.get("tiers"), "revenue")).isEqualByComparingTo(totals.get("revenue").decimalValue());
        assertThat(sum(sales.get("days"), "tickets")).isEqualByComparingTo(totals.get("ticketsSold").decimalValue());
        assertThat(sum(sales.get("days"), "revenue")).isEqualByComparingTo(totals.get("revenue").decimalValue());
        assertThat(sum(sales.get("days"), "orders")).isEqualByComparingTo(totals.get("orders").decimalValue());
        assertThat(sum(sales.get("tiers"), "quantitySold")).isEqualByComparingTo(totals.get("quantitySold").decimalValue());
    }

    @Test
    void sales_are_for_the_events_promoters_and_the_admins() throws Exception {
        String event = sql("""
                SELECT e.id::text FROM ticketing.events e
                 WHERE e.org_id = ?::uuid AND e.status <> 'DRAFT'
                   AND e.promoter_company_id = (SELECT company_id FROM ticketing.users WHERE org_id = ?::uuid AND email = ?)
                 ORDER BY e.starts_at LIMIT 1""", org, org, PROMOTER).get(0);
        assertThat(get(OTHER_PROMOTER, "/api/v1/ticketing/events/" + event + "/sales").reason(404)).as("another company's event").isEqualTo("not_found");
        assertThat(get(OTHER_PROMOTER, "/api/v1/ticketing/events/" + event).status()).as("which they may still see").isEqualTo(200);
        for (String persona : List.of(CUSTOMER, SCANNER)) {
            ApiFixture.Response refused = get(persona, "/api/v1/ticketing/events/" + event + "/sales");
            assertThat(refused.reason(403)).as(persona).isEqualTo("forbidden");
            assertThat(refused.body().at("/error/message").asText()).endsWith("s do not read sales");
        }
    }

    // Every route

    @Test
    void another_organizations_ids_are_not_found_on_every_route() throws Exception {
        Map<String, String> theirs = new HashMap<>();
        theirs.put("events/%s", one("SELECT id::text FROM ticketing.events WHERE org_id = ?::uuid AND status = 'ON_SALE' ORDER BY id LIMIT 1", otherOrg));
        theirs.put("events/%s/sales", theirs.get("events/%s"));
        theirs.put("venues/%s", one("SELECT id::text FROM ticketing.venues WHERE org_id = ?::uuid ORDER BY id LIMIT 1", otherOrg));
        theirs.put("orders/%s", one("""
                SELECT o.id::text FROM ticketing.orders o JOIN ticketing.users u ON u.org_id = o.org_id AND u.id = o.customer_id
                 WHERE o.org_id = ?::uuid AND u.email = ? ORDER BY o.id LIMIT 1""", otherOrg, CUSTOMER));
        theirs.put("tickets/%s", one("""
                SELECT k.id::text FROM ticketing.tickets k JOIN ticketing.users u ON u.org_id = k.org_id AND u.id = k.holder_user_id
                 WHERE k.org_id = ?::uuid AND u.email = ? ORDER BY k.id LIMIT 1""", otherOrg, CUSTOMER));
        for (Map.Entry<String, String> route : theirs.entrySet()) {
            String id = route.getValue();
            assertThat(count("""
                    SELECT count(*) FROM (SELECT org_id, id FROM ticketing.events UNION ALL SELECT org_id, id FROM ticketing.venues
                                          UNION ALL SELECT org_id, id FROM ticketing.orders UNION ALL SELECT org_id, id FROM ticketing.tickets) r
                     WHERE r.org_id = ?::uuid AND r.id = ?::uuid""", org, id)).as("the id is the other organization's only").isZero();
            String path = "/api/v1/ticketing/" + route.getKey().formatted(id);
            // In the other organization, its own persona reads it; here, the same persona and an admin get 404.
            assertThat(api.get(token(OTHER_ORG, path.endsWith("/sales") ? ADMIN : CUSTOMER), path).status())
                    .as("in its own organization: " + path).isEqualTo(200);
            // Sales are no customer's to read in any organization (403 for every id), so staff ask for them.
            for (String persona : path.endsWith("/sales") ? List.of(ADMIN, PROMOTER) : List.of(ADMIN, CUSTOMER, PROMOTER)) {
                ApiFixture.Response response = get(persona, path);
                assertThat(response.status()).as(persona + " " + path + ": " + response.body()).isEqualTo(404);
                assertThat(response.body().at("/error/reason").asText()).isEqualTo("not_found");
            }
        }
        assertThat(get(ADMIN, "/api/v1/ticketing/orders/not-a-uuid").body().at("/error/message").asText()).isEqualTo("no order not-a-uuid");
        Set<String> listed = new TreeSet<>();
        for (String route : List.of("events", "venues", "orders", "tickets", "promo-codes")) {
            listed.addAll(ids(ADMIN, "/api/v1/ticketing/" + route));
        }
        assertThat(listed).as("no list holds another organization's row").doesNotContainAnyElementsOf(theirs.values());
    }

    @Test
    void every_route_tags_a_demo_organizations_answers_and_refuses_people_who_are_not_ticketing_accounts() throws Exception {
        String planner = agencyPerson(ORG, "morgan.planner@example.com");
        String event = one("SELECT id::text FROM ticketing.events WHERE org_id = ?::uuid AND status = 'ON_SALE' ORDER BY id LIMIT 1", org);
        String order = one("SELECT id::text FROM ticketing.orders WHERE org_id = ?::uuid ORDER BY id LIMIT 1", org);
        String ticket = one("SELECT id::text FROM ticketing.tickets WHERE org_id = ?::uuid ORDER BY id LIMIT 1", org);
        String venue = one("SELECT id::text FROM ticketing.venues WHERE org_id = ?::uuid ORDER BY id LIMIT 1", org);
        String scanner = one("SELECT id::text FROM ticketing.scanners WHERE org_id = ?::uuid ORDER BY id LIMIT 1", org);
        for (String path : List.of("events", "events/" + event, "events/" + event + "/sales", "venues", "venues/" + venue, "orders",
                "orders/" + order, "tickets", "tickets/" + ticket, "promo-codes", "scanners", "scanners/" + scanner)) {
            ApiFixture.Response admin = get(ADMIN, "/api/v1/ticketing/" + path);
            assertThat(admin.headers().firstValue("X-Demo-Tenant")).as(path).contains("true");
            ApiFixture.Response refused = api.get(planner, "/api/v1/ticketing/" + path);
            assertThat(refused.reason(403)).as(path).isEqualTo("forbidden");
            assertThat(refused.body().at("/error/message").asText()).isEqualTo(
                    "ticketing routes are for the organization's ticketing accounts; morgan.planner@example.com is not one");
        }
    }

    @Test
    void answers_have_the_fields_the_description_says() throws Exception {
        JsonNode schemas = api.get(null, ApiDescription.DOCUMENT_PATH).body().at("/components/schemas");
        String event = one("SELECT id::text FROM ticketing.events WHERE org_id = ?::uuid AND status = 'ON_SALE' ORDER BY id LIMIT 1", org);
        Map<String, JsonNode> answers = new HashMap<>(Map.of(
                "TicketedEvent", get(ADMIN, "/api/v1/ticketing/events").items().get(0),
                "TicketType", get(ADMIN, "/api/v1/ticketing/events").items().get(0).at("/ticketTypes/0"),
                "Venue", get(ADMIN, "/api/v1/ticketing/venues").items().get(0),
                "TicketOrder", get(ADMIN, "/api/v1/ticketing/orders").items().get(0),
                "OrderItem", get(ADMIN, "/api/v1/ticketing/orders").items().get(0).at("/items/0"),
                "Ticket", get(CUSTOMER, "/api/v1/ticketing/tickets").items().get(0),
                "PromoCode", get(ADMIN, "/api/v1/ticketing/promo-codes").items().get(0),
                "EventSales", ok(get(ADMIN, "/api/v1/ticketing/events/" + event + "/sales")),
                "EventPage", get(ADMIN, "/api/v1/ticketing/events").body()));
        answers.put("DoorScanner", get(ADMIN, "/api/v1/ticketing/scanners").items().get(0));
        answers.put("DoorScannerPage", get(ADMIN, "/api/v1/ticketing/scanners").body());
        answers.forEach((schema, answer) -> {
            List<String> fields = new ArrayList<>();
            answer.fieldNames().forEachRemaining(fields::add);
            List<String> described = new ArrayList<>();
            schemas.get(schema).get("properties").fields().forEachRemaining(property -> {
                described.add(property.getKey());
                String type = property.getValue().path("type").asText();
                JsonNode value = answer.get(property.getKey());
                if (!value.isNull() && (type.equals("number") || type.equals("integer") || type.equals("string"))) {
                    assertThat(type.equals("string") ? value.isTextual() : value.isNumber()).as(schema + "." + property.getKey() + " is a " + type).isTrue();
                }
            });
            assertThat(fields).as(schema).containsExactlyElementsOf(described);
        });
    }

    /** A persona's session in an organization, signed in once. */
    private String token(String organization, String email) throws Exception {
        String key = organization + " " + email;
        String token = tokens.get(key);
        if (token == null) {
            token = api.signIn(organization, email, ApiFixture.TICKETING_PASSWORD);
            tokens.put(key, token);
        }
        return token;
    }

    /**
     * A person of the agency modules (identity.users) signed in: someone the organization has who is no
     * ticketing account. (Until event-agency-starter seeds such personas: then this signs one of them in.)
     */
    private String agencyPerson(String organization, String email) throws Exception {
        api.tenant.execute("""
                INSERT INTO identity.users (org_id, id, email, password_hash, name, role, active, created_at)
                SELECT org_id, gen_random_uuid(), ?, password_hash, 'Morgan Planner', 'planner', true, now()
                  FROM ticketing.users WHERE org_id = ?::uuid AND email = ?""", email, organizationId(organization), ADMIN);
        return api.signIn(organization, email, ApiFixture.TICKETING_PASSWORD);
    }

    private String organizationId(String slug) {
        return one("SELECT id::text FROM platform.organizations WHERE slug = ?", slug);
    }

    private ApiFixture.Response get(String persona, String path) throws Exception {
        return api.get(token(ORG, persona), path);
    }

    /** A 200's body. */
    private static JsonNode ok(ApiFixture.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    /** The ids of every item of a list, page after page. */
    private List<String> ids(String persona, String path) throws Exception {
        List<String> ids = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int offset = 0; ; offset += 200) {
            ApiFixture.Response page = get(persona, path + separator + "limit=200&offset=" + offset);
            assertThat(page.status()).as(persona + " " + path + ": " + page.body()).isEqualTo(200);
            page.items().forEach(item -> ids.add(item.get("id").asText()));
            if (offset + 200 >= page.body().at("/paging/total").asLong()) {
                assertThat(ids).as("paging.total").hasSize((int) page.body().at("/paging/total").asLong());
                return ids;
            }
        }
    }

    private List<String> sql(String sql, Object... parameters) {
        return api.tenant.strings(sql, parameters);
    }

    private String one(String sql, Object... parameters) {
        List<String> rows = sql(sql, parameters);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    private long count(String sql, Object... parameters) {
        return api.tenant.queryForLong(sql, parameters);
    }

    /** A number without trailing zeros, to compare with SQL's trim_scale (the test's parser reads JSON numbers as doubles). */
    private static String money(JsonNode node, String field) {
        return node.get(field).decimalValue().stripTrailingZeros().toPlainString();
    }

    private static BigDecimal sum(JsonNode items, String field) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : items) {
            sum = sum.add(item.get(field).decimalValue());
        }
        return sum;
    }
}
