package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.ApplyRequest;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ValidationResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Ticketing's workflows over real HTTP on a real database seeded with ticketing-demo: each one's success
 * with every row it writes, each refusal with nothing written, the tenant pivot on every route, and the
 * organization still valid by the pack's rules afterwards. Tests share one seeded organization and each
 * works on rows the others leave alone (its own customer, tier or ticket).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketingWorkflowsTest {

    private static final String ORG = "encore-demo";
    private static final String RIVAL = "rival-demo";
    private static final String PASSWORD = ApiFixture.TICKETING_PASSWORD;

    private ApiFixture api;
    private String orgId;
    /** Ids of the other demo organization, which every route must answer 404 for. */
    private Map<String, String> rival;

    @BeforeAll
    void seed() {
        api = ApiFixture.start(ORG, "Encore Ticketing (demo)");
        api.apply("ticketing-demo", ORG);
        api.organization(RIVAL, "Rival Tickets (demo)", OrganizationKind.DEMO);
        api.tenant.seedReset.apply(ApplyRequest.of(PackRequest.of("ticketing-demo", RIVAL).mode("minimal").seed(2L)
                .anchor(ApiFixture.ANCHOR)).confirm(RIVAL));
        orgId = id("SELECT id::text FROM platform.organizations WHERE slug = ?", ORG);
        String rivalId = id("SELECT id::text FROM platform.organizations WHERE slug = ?", RIVAL);
        rival = Map.of(
                "ticketType", id("SELECT id::text FROM ticketing.ticket_types WHERE org_id = ?::uuid LIMIT 1", rivalId),
                "ticket", id("SELECT id::text FROM ticketing.tickets WHERE org_id = ?::uuid AND status = 'VALID' LIMIT 1", rivalId),
                "scanner", id("SELECT id::text FROM ticketing.scanners WHERE org_id = ?::uuid LIMIT 1", rivalId),
                "venue", id("SELECT id::text FROM ticketing.venues WHERE org_id = ?::uuid LIMIT 1", rivalId),
                "event", id("SELECT id::text FROM ticketing.events WHERE org_id = ?::uuid LIMIT 1", rivalId),
                // A barcode only the other organization has (a seed's barcodes are the same in every organization).
                "barcode", id("SELECT barcode FROM ticketing.tickets r WHERE org_id = ?::uuid AND status = 'VALID' AND NOT EXISTS"
                        + " (SELECT 1 FROM ticketing.tickets k WHERE k.org_id = ?::uuid AND k.barcode = r.barcode) LIMIT 1", rivalId, orgId));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    // ---------------------------------------------------------------- orders

    @Test
    void a_customer_buys_tickets_with_a_promo_code_and_everything_moves_in_one_order() throws Exception {
        String type = tier("GENERAL", 20);
        String eventId = id("SELECT event_id::text FROM ticketing.ticket_types WHERE id = ?::uuid", type);
        BigDecimal price = new BigDecimal(id("SELECT price::text FROM ticketing.ticket_types WHERE id = ?::uuid", type));
        long sold = api.tenant.queryForLong("SELECT quantity_sold FROM ticketing.ticket_types WHERE id = ?::uuid", type);
        long used = api.tenant.queryForLong("SELECT used_count FROM ticketing.promo_codes WHERE org_id = ?::uuid AND code = 'EARLYBIRD10'", orgId);
        String token = signIn("olivia.bennett@example.net");

        ApiFixture.Response placed = api.post(token, "/api/v1/ticketing/orders",
                Map.of("items", List.of(Map.of("ticketTypeId", type, "quantity", 2)), "promoCode", "earlybird10"));

        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.headers().firstValue("X-Demo-Tenant")).hasValue("true");
        JsonNode order = placed.body();
        assertThat(order.get("status").asText()).isEqualTo("PAID");
        assertThat(order.get("orderNumber").asText()).matches("ORD-\\d{6,}");
        assertThat(order.get("eventId").asText()).isEqualTo(eventId);
        assertThat(order.get("promoCode").asText()).isEqualTo("EARLYBIRD10");
        assertThat(order.get("placedAt").asText()).isEqualTo(order.get("paidAt").asText()).isEqualTo(ApiFixture.ANCHOR.toString());
        BigDecimal subtotal = price.multiply(BigDecimal.valueOf(2));
        BigDecimal discount = subtotal.multiply(BigDecimal.TEN).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        assertThat(order.get("subtotal").decimalValue()).isEqualByComparingTo(subtotal);
        assertThat(order.get("discount").decimalValue()).isEqualByComparingTo(discount);
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo(order.get("subtotal").decimalValue()
                .add(order.get("fees").decimalValue()).add(order.get("tax").decimalValue()).subtract(discount));
        // The fee is the event's rate, as its seeded orders were charged.
        BigDecimal seededRate = new BigDecimal(id("SELECT round(sum(fees) / sum(subtotal), 3)::text FROM ticketing.orders"
                + " WHERE event_id = ?::uuid AND placed_at < ?", eventId, anchor()));
        assertThat(order.get("fees").decimalValue()).isEqualByComparingTo(subtotal.multiply(seededRate).setScale(2, RoundingMode.HALF_UP));
        assertThat(order.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("ticketTypeId").asText()).isEqualTo(type);
            assertThat(item.get("quantity").asInt()).isEqualTo(2);
            assertThat(item.get("lineTotal").decimalValue()).isEqualByComparingTo(subtotal);
        });
        JsonNode tickets = order.get("tickets");
        assertThat(tickets).hasSize(2).allSatisfy(ticket -> {
            assertThat(ticket.get("barcode").asText()).matches("\\d{16}");
            assertThat(ticket.get("status").asText()).isEqualTo("VALID");
            assertThat(ticket.get("holderEmail").asText()).isEqualTo("olivia.bennett@example.net");
            assertThat(ticket.get("holderName").asText()).isEqualTo("Olivia Bennett");
        });
        assertThat(tickets.get(0).get("barcode").asText()).isNotEqualTo(tickets.get(1).get("barcode").asText());

        // The database says the same.
        String orderId = order.get("id").asText();
        assertThat(api.tenant.queryForLong("SELECT quantity_sold FROM ticketing.ticket_types WHERE id = ?::uuid", type)).isEqualTo(sold + 2);
        assertThat(api.tenant.queryForLong("SELECT used_count FROM ticketing.promo_codes WHERE org_id = ?::uuid AND code = 'EARLYBIRD10'", orgId))
                .isEqualTo(used + 1);
        assertThat(api.tenant.rows("SELECT o.status, o.total, u.email, p.code FROM ticketing.orders o JOIN ticketing.users u ON u.id = o.customer_id"
                + " JOIN ticketing.promo_codes p ON p.id = o.promo_code_id WHERE o.id = ?::uuid", orderId)).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("PAID");
                    assertThat((BigDecimal) row.get("total")).isEqualByComparingTo(order.get("total").decimalValue());
                    assertThat(row.get("email")).isEqualTo("olivia.bennett@example.net");
                });
        assertThat(api.tenant.queryForLong("""
                SELECT count(*) FROM ticketing.tickets k JOIN ticketing.order_items i ON i.id = k.order_item_id JOIN ticketing.users u ON u.id = k.holder_user_id
                 WHERE i.order_id = ?::uuid AND k.status = 'VALID' AND u.email = 'olivia.bennett@example.net'""", orderId)).isEqualTo(2);
        assertThat(api.tenant.rows("SELECT kind, recipient, subject, status FROM operations.mail WHERE organization_id = ?::uuid AND body LIKE ?",
                orgId, "Order " + order.get("orderNumber").asText() + ":%")).singleElement().satisfies(mail -> {
                    assertThat(mail.get("kind")).isEqualTo("order_confirmation");
                    assertThat(mail.get("recipient")).isEqualTo("olivia.bennett@example.net");
                    assertThat(mail.get("status")).as("a demo organization's mail is captured").isEqualTo("captured");
                });
        assertValid();
    }

    @Test
    void every_refused_order_writes_nothing() throws Exception {
        String customer = signIn("noah.williams@example.org");
        Map<String, Object> eventCode = api.tenant.rows("""
                SELECT code, event_id::text AS event FROM ticketing.promo_codes WHERE org_id = ?::uuid AND event_id IS NOT NULL
                   AND active AND valid_from <= ? AND valid_to >= ? ORDER BY code LIMIT 1""", orgId, anchor(), anchor()).get(0);
        String general = tier("GENERAL", 20, (String) eventCode.get("event"));
        String eventId = id("SELECT event_id::text FROM ticketing.ticket_types WHERE id = ?::uuid", general);
        String soldOut = id("""
                SELECT t.id::text FROM ticketing.ticket_types t JOIN ticketing.events e ON e.id = t.event_id
                 WHERE t.org_id = ?::uuid AND e.status = 'ON_SALE' AND e.sales_start <= ? AND e.sales_end >= ? AND t.quantity_available = 0
                 ORDER BY t.id LIMIT 1""", orgId, anchor(), anchor());
        String otherEvent = tier("GENERAL", 20, eventId);
        String notOnSale = id("""
                SELECT t.id::text FROM ticketing.ticket_types t JOIN ticketing.events e ON e.id = t.event_id
                 WHERE t.org_id = ?::uuid AND e.status = 'PUBLISHED' ORDER BY t.id LIMIT 1""", orgId);
        String fewLeft = tier("VIP", 2, eventId);
        api.tenant.execute("UPDATE ticketing.ticket_types SET quantity_sold = quantity_total - 1, quantity_available = 1 WHERE id = ?::uuid", fewLeft);
        String usable = "active AND valid_from <= ? AND valid_to >= ? AND event_id IS NULL AND used_count < coalesce(max_uses, used_count + 1)";
        String exhausted = id("SELECT code FROM ticketing.promo_codes WHERE org_id = ?::uuid AND code <> 'EARLYBIRD10' AND max_uses IS NOT NULL AND "
                + usable + " ORDER BY code LIMIT 1", orgId, anchor(), anchor());
        api.tenant.execute("UPDATE ticketing.promo_codes SET used_count = max_uses WHERE org_id = ?::uuid AND code = ?", orgId, exhausted);
        String expired = id("SELECT code FROM ticketing.promo_codes WHERE org_id = ?::uuid AND active AND valid_to < ? ORDER BY code LIMIT 1",
                orgId, anchor());
        String disabled = id("SELECT code FROM ticketing.promo_codes WHERE org_id = ?::uuid AND NOT active ORDER BY code LIMIT 1", orgId);
        String otherEventCode = (String) eventCode.get("code");

        Map<String, Object> two = Map.of("ticketTypeId", general, "quantity", 2);
        refused(customer, order(List.of(Map.of("ticketTypeId", soldOut, "quantity", 1)), null), 409, "sold_out");
        refused(customer, order(List.of(Map.of("ticketTypeId", fewLeft, "quantity", 2)), null), 409, "not_enough_tickets");
        refused(customer, order(List.of(Map.of("ticketTypeId", notOnSale, "quantity", 1)), null), 409, "event_not_on_sale");
        refused(customer, order(List.of(two), expired), 422, "promo_code_expired");
        refused(customer, order(List.of(two), disabled), 422, "promo_code_disabled");
        refused(customer, order(List.of(two), exhausted), 422, "promo_code_exhausted");
        refused(customer, order(List.of(two), otherEventCode), 422, "promo_code_other_event");
        refused(customer, order(List.of(two), "NOSUCHCODE"), 422, "unknown_promo_code");
        for (int quantity : new int[] {0, -1, 11, 1_000_000}) {
            refused(customer, order(List.of(Map.of("ticketTypeId", general, "quantity", quantity)), null), 400, "invalid_request");
        }
        refused(customer, order(List.of(), null), 400, "invalid_request");
        refused(customer, Map.of("promoCode", "EARLYBIRD10"), 400, "invalid_request");
        refused(customer, order(List.of(two, Map.of("ticketTypeId", otherEvent, "quantity", 1)), null), 400, "invalid_request");
        refused(customer, order(List.of(two, Map.of("ticketTypeId", general, "quantity", 1)), null), 400, "invalid_request");
        refused(customer, order(List.of(Map.of("ticketTypeId", "not-an-id", "quantity", 1)), null), 400, "invalid_request");
        refused(customer, order(List.of(Map.of("ticketTypeId", java.util.UUID.randomUUID().toString(), "quantity", 1)), null), 404, "not_found");
        refused(customer, order(List.of(Map.of("ticketTypeId", rival.get("ticketType"), "quantity", 1)), null), 404, "not_found");
        refused(customer, "{\"items\": [{\"ticketTypeId\": \"" + general + "\", \"quantity\": \"two\"}]}", 400, "malformed_request");
        refused(signIn("luis.ortega@example.com"), order(List.of(two), null), 403, "forbidden");
        refused(agencyPerson(), order(List.of(two), null), 403, "forbidden");
        refused(signIn("priya.raman@example.com"), order(List.of(two), null), 403, "forbidden");
    }

    @Test
    void concurrent_buyers_of_a_tiers_last_tickets_never_oversell_it() throws Exception {
        String type = tier("VIP", 5);
        int left = 3;
        int buyers = 12;
        api.tenant.execute("UPDATE ticketing.ticket_types SET quantity_sold = quantity_total - ?, quantity_available = ? WHERE id = ?::uuid",
                left, left, type);
        String token = signIn("carlos.mendoza@example.org");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        try {
            List<Future<ApiFixture.Response>> answers = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                Callable<ApiFixture.Response> buy = () -> {
                    start.await();
                    return api.post(token, "/api/v1/ticketing/orders", order(List.of(Map.of("ticketTypeId", type, "quantity", 1)), null));
                };
                answers.add(pool.submit(buy));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new LinkedHashMap<>();
            Set<String> reasons = new HashSet<>();
            for (Future<ApiFixture.Response> answer : answers) {
                ApiFixture.Response response = answer.get();
                statuses.merge(response.status(), 1, Integer::sum);
                if (response.status() != 201) {
                    reasons.add(response.body().at("/error/reason").asText());
                }
            }
            assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, left, 409, buyers - left));
            assertThat(reasons).containsExactly("sold_out");
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.tenant.rows("SELECT quantity_sold, quantity_available, quantity_total FROM ticketing.ticket_types WHERE id = ?::uuid", type))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("quantity_available")).isEqualTo(0);
                    assertThat(row.get("quantity_sold")).isEqualTo(row.get("quantity_total"));
                });
        assertThat(api.tenant.queryForLong("SELECT count(*) FROM ticketing.tickets WHERE ticket_type_id = ?::uuid AND issued_at = ?", type, anchor()))
                .isEqualTo(left);
        assertValid();
    }

    // ---------------------------------------------------------------- transfers

    @Test
    void a_holder_passes_a_ticket_to_an_account_which_passes_it_on_to_a_friend_without_one() throws Exception {
        String ticket = ticketOf("victoria.hale@example.net", "VALID");
        String victoria = signIn("victoria.hale@example.net");

        ApiFixture.Response toEthan = api.post(victoria, "/api/v1/ticketing/tickets/" + ticket + "/transfer", Map.of("email", "Ethan.Park@example.org"));

        assertThat(toEthan.status()).as(toEthan.body().toString()).isEqualTo(200);
        assertThat(toEthan.headers().firstValue("X-Demo-Tenant")).hasValue("true");
        String ethanId = id("SELECT id::text FROM ticketing.users WHERE email = 'ethan.park@example.org' AND org_id = ?::uuid", orgId);
        assertThat(toEthan.body().get("status").asText()).isEqualTo("TRANSFERRED");
        assertThat(toEthan.body().get("toUserId").asText()).isEqualTo(ethanId);
        assertThat(toEthan.body().get("holderName").asText()).isEqualTo("Ethan Park");
        assertThat(api.tenant.rows("SELECT status, holder_user_id::text AS holder, holder_email FROM ticketing.tickets WHERE id = ?::uuid", ticket))
                .singleElement().isEqualTo(Map.of("status", "TRANSFERRED", "holder", ethanId, "holder_email", "ethan.park@example.org"));
        assertThat(api.tenant.queryForLong("SELECT count(*) FROM ticketing.ticket_transfers WHERE ticket_id = ?::uuid AND to_user_id = ?::uuid",
                ticket, ethanId)).isEqualTo(1);
        assertThat(api.tenant.queryForLong("SELECT count(*) FROM operations.mail WHERE organization_id = ?::uuid AND kind = 'ticket_transfer'"
                + " AND recipient = 'ethan.park@example.org'", orgId)).isEqualTo(1);
        assertThat(api.tenant.queryForLong("SELECT count(*) FROM ticketing.notifications WHERE user_id = ?::uuid AND kind = 'TICKET_TRANSFER'"
                + " AND sent_at = ?", ethanId, anchor())).isEqualTo(1);
        // Passed on, it is no longer Victoria's to pass on.
        refusedTransfer(victoria, ticket, Map.of("email", "someone@example.com"), 404, "not_found");

        ApiFixture.Response toFriend = api.post(signIn("ethan.park@example.org"), "/api/v1/ticketing/tickets/" + ticket + "/transfer",
                Map.of("email", "jamie.fox@example.com", "name", "Jamie Fox"));

        assertThat(toFriend.status()).as(toFriend.body().toString()).isEqualTo(200);
        assertThat(toFriend.body().get("toUserId").isNull()).isTrue();
        assertThat(api.tenant.rows("SELECT status, holder_user_id, holder_name, holder_email FROM ticketing.tickets WHERE id = ?::uuid", ticket))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("holder_user_id")).isNull();
                    assertThat(row).containsEntry("holder_name", "Jamie Fox").containsEntry("holder_email", "jamie.fox@example.com");
                });
        assertThat(api.tenant.queryForLong("SELECT count(*) FROM operations.mail WHERE organization_id = ?::uuid AND recipient = 'jamie.fox@example.com'"
                + " AND body LIKE '%barcode%'", orgId)).isEqualTo(1);
        assertValid();
    }

    @Test
    void every_refused_transfer_writes_nothing() throws Exception {
        String noah = signIn("noah.williams@example.org");
        String valid = ticketOf("noah.williams@example.org", "VALID");
        String olivias = ticketOf("olivia.bennett@example.net", "VALID");

        refusedTransfer(signIn("maya.thompson@example.net"), ticketOf("maya.thompson@example.net", "USED"),
                Map.of("email", "friend@example.com"), 409, "ticket_used");
        refusedTransfer(signIn("grace.liu@example.net"), ticketOf("grace.liu@example.net", "CANCELLED"),
                Map.of("email", "friend@example.com"), 409, "ticket_cancelled");
        refusedTransfer(noah, valid, Map.of("email", "not an email"), 400, "invalid_request");
        refusedTransfer(noah, valid, Map.of("email", "friend@localhost"), 400, "invalid_request");
        refusedTransfer(noah, valid, Map.of(), 400, "invalid_request");
        refusedTransfer(noah, valid, Map.of("email", "NOAH.williams@example.org"), 400, "invalid_request");
        refusedTransfer(noah, olivias, Map.of("email", "friend@example.com"), 404, "not_found");
        refusedTransfer(noah, java.util.UUID.randomUUID().toString(), Map.of("email", "friend@example.com"), 404, "not_found");
        refusedTransfer(noah, "not-an-id", Map.of("email", "friend@example.com"), 404, "not_found");
        refusedTransfer(noah, rival.get("ticket"), Map.of("email", "friend@example.com"), 404, "not_found");
    }

    // ---------------------------------------------------------------- door scans

    @Test
    void a_scanner_admits_a_valid_ticket_once_and_logs_every_rejection_it_answers_409() throws Exception {
        // Luis's company gets a handheld for an event that has cancelled tickets, and a customer buys a ticket for it.
        String event = id("""
                SELECT t.event_id::text FROM ticketing.tickets k JOIN ticketing.ticket_types t ON t.id = k.ticket_type_id
                  JOIN ticketing.events e ON e.id = t.event_id
                 WHERE k.org_id = ?::uuid AND k.status = 'CANCELLED' AND e.status = 'ON_SALE' AND e.sales_start <= ? AND e.sales_end >= ?
                   AND EXISTS (SELECT 1 FROM ticketing.ticket_types g WHERE g.event_id = e.id AND g.quantity_available >= 2)
                 ORDER BY e.id LIMIT 1""", orgId, anchor(), anchor());
        String scanner = java.util.UUID.randomUUID().toString();
        api.tenant.execute("""
                INSERT INTO ticketing.scanners (org_id, id, company_id, event_id, name, device_type, serial_number, active)
                SELECT org_id, ?::uuid, company_id, ?::uuid, 'Gate 7 handheld', 'HANDHELD', 'TEST-GATE-7', true
                  FROM ticketing.users WHERE org_id = ?::uuid AND email = 'luis.ortega@example.com'""", scanner, event, orgId);
        String type = id("SELECT id::text FROM ticketing.ticket_types WHERE event_id = ?::uuid AND quantity_available >= 2 ORDER BY id LIMIT 1", event);
        ApiFixture.Response order = api.post(signIn("olivia.bennett@example.net"),
                "/api/v1/ticketing/orders", order(List.of(Map.of("ticketTypeId", type, "quantity", 1)), null));
        assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
        String barcode = order.body().at("/tickets/0/barcode").asText();
        String ticketId = order.body().at("/tickets/0/id").asText();
        String luis = signIn("luis.ortega@example.com");
        String path = "/api/v1/ticketing/scanners/" + scanner + "/scan";

        ApiFixture.Response admitted = api.post(luis, path, Map.of("barcode", barcode));

        assertThat(admitted.status()).as(admitted.body().toString()).isEqualTo(200);
        assertThat(admitted.headers().firstValue("X-Demo-Tenant")).hasValue("true");
        assertThat(admitted.body().get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(admitted.body().get("holderName").asText()).isEqualTo("Olivia Bennett");
        assertThat(api.tenant.strings("SELECT status FROM ticketing.tickets WHERE id = ?::uuid", ticketId)).containsExactly("USED");
        assertThat(api.tenant.rows("SELECT last_seen_at IS NOT NULL AS seen, u.email FROM ticketing.scanners s JOIN ticketing.users u"
                + " ON u.id = s.operator_user_id WHERE s.id = ?::uuid", scanner)).singleElement()
                .isEqualTo(Map.of("seen", true, "email", "luis.ortega@example.com"));

        ApiFixture.Response again = api.post(luis, path, Map.of("barcode", barcode));
        assertThat(again.reason(409)).isEqualTo("already_used");
        assertThat(again.body().at("/error/details/result").asText()).isEqualTo("DUPLICATE");
        String cancelled = id("""
                SELECT k.barcode FROM ticketing.tickets k JOIN ticketing.ticket_types t ON t.id = k.ticket_type_id
                 WHERE t.event_id = ?::uuid AND k.status = 'CANCELLED' LIMIT 1""", event);
        ApiFixture.Response cancelledScan = api.post(luis, path, Map.of("barcode", cancelled));
        assertThat(cancelledScan.reason(409)).isEqualTo("ticket_cancelled");
        assertThat(cancelledScan.body().at("/error/details/result").asText()).isEqualTo("REJECTED");
        String elsewhere = id("""
                SELECT k.barcode FROM ticketing.tickets k JOIN ticketing.ticket_types t ON t.id = k.ticket_type_id
                 WHERE k.org_id = ?::uuid AND t.event_id <> ?::uuid AND k.status = 'VALID' ORDER BY k.id LIMIT 1""", orgId, event);
        ApiFixture.Response wrongEvent = api.post(luis, path, Map.of("barcode", elsewhere));
        assertThat(wrongEvent.reason(409)).isEqualTo("wrong_event");
        assertThat(api.tenant.strings("SELECT status FROM ticketing.tickets WHERE barcode = ? AND org_id = ?::uuid", elsewhere, orgId))
                .as("rejected, and left as it was").containsExactly("VALID");

        // Each answer was logged, the refusals' too, though they answered 409.
        assertThat(api.tenant.strings("SELECT result FROM ticketing.scan_logs WHERE scanner_id = ?::uuid AND scanned_at = ? ORDER BY result",
                scanner, anchor())).containsExactly("ACCEPTED", "DUPLICATE", "REJECTED", "REJECTED");
        assertValid();

        Map<String, String> before = state();
        assertThat(api.post(luis, path, Map.of("barcode", "0000000000000000")).reason(409)).isEqualTo("unknown_barcode");
        assertThat(api.post(luis, path, Map.of("barcode", rival.get("barcode"))).reason(409)).isEqualTo("unknown_barcode");
        assertThat(api.post(luis, path, Map.of()).reason(400)).isEqualTo("invalid_request");
        assertThat(api.post(signIn("olivia.bennett@example.net"), path, Map.of("barcode", barcode)).reason(403)).isEqualTo("forbidden");
        String otherCompanys = id("""
                SELECT s.id::text FROM ticketing.scanners s WHERE s.org_id = ?::uuid
                   AND s.company_id <> (SELECT company_id FROM ticketing.users WHERE email = 'luis.ortega@example.com' AND org_id = ?::uuid)
                 LIMIT 1""", orgId, orgId);
        assertThat(api.post(luis, "/api/v1/ticketing/scanners/" + otherCompanys + "/scan", Map.of("barcode", barcode)).reason(404)).isEqualTo("not_found");
        assertThat(api.post(luis, "/api/v1/ticketing/scanners/" + rival.get("scanner") + "/scan", Map.of("barcode", barcode)).reason(404))
                .isEqualTo("not_found");
        assertThat(api.post(luis, "/api/v1/ticketing/scanners/nope/scan", Map.of("barcode", barcode)).reason(404)).isEqualTo("not_found");
        assertThat(state()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- drafting events

    @Test
    void a_promoter_drafts_an_event_with_the_packs_slug_and_adds_tiers_within_its_capacity() throws Exception {
        String priya = signIn("priya.raman@example.com");
        Map<String, Object> venue = api.tenant.rows("SELECT id::text AS id, city, timezone, capacity FROM ticketing.venues WHERE org_id = ?::uuid"
                + " ORDER BY capacity LIMIT 1", orgId).get(0);
        Map<String, Object> draft = new LinkedHashMap<>(Map.of("name", "Juniper Vale: Northern Lights Tour", "venueId", venue.get("id"),
                "category", "CONCERT", "startsAt", "2027-03-06T02:00:00Z", "endsAt", "2027-03-06T05:00:00Z", "tags", List.of("indie", "folk")));

        ApiFixture.Response drafted = api.post(priya, "/api/v1/ticketing/events", draft);

        assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(201);
        assertThat(drafted.headers().firstValue("X-Demo-Tenant")).hasValue("true");
        JsonNode event = drafted.body();
        String day = java.time.LocalDate.ofInstant(java.time.Instant.parse("2027-03-06T02:00:00Z"),
                java.time.ZoneId.of((String) venue.get("timezone"))).toString();
        String slug = ("juniper-vale-northern-lights-tour-" + venue.get("city") + "-" + day).toLowerCase().replace(' ', '-');
        assertThat(event.get("slug").asText()).isEqualTo(slug);
        assertThat(event.get("status").asText()).isEqualTo("DRAFT");
        assertThat(event.get("capacity").asInt()).isEqualTo(venue.get("capacity"));
        assertThat(event.get("salesStart").asText()).isEqualTo(ApiFixture.ANCHOR.toString());
        assertThat(event.get("salesEnd").asText()).isEqualTo("2027-03-06T02:00:00Z");
        assertThat(api.tenant.rows("SELECT e.status, c.name FROM ticketing.events e JOIN ticketing.companies c ON c.id = e.promoter_company_id"
                + " WHERE e.id = ?::uuid", event.get("id").asText())).singleElement()
                .isEqualTo(Map.of("status", "DRAFT", "name", "Summit Live Entertainment"));
        ApiFixture.Response twin = api.post(priya, "/api/v1/ticketing/events", draft);
        assertThat(twin.body().get("slug").asText()).isEqualTo(slug + "-2");

        String tiers = "/api/v1/ticketing/events/" + event.get("id").asText() + "/ticket-types";
        int capacity = event.get("capacity").asInt();
        ApiFixture.Response general = api.post(priya, tiers, Map.of("tier", "GENERAL", "name", "General Admission", "price", 45.5,
                "quantity", capacity - 10));
        assertThat(general.status()).as(general.body().toString()).isEqualTo(201);
        assertThat(general.body().get("price").decimalValue()).isEqualByComparingTo("45.50");
        assertThat(general.body().get("quantityAvailable").asInt()).isEqualTo(capacity - 10);
        Map<String, String> before = state();
        ApiFixture.Response over = api.post(priya, tiers, Map.of("tier", "VIP", "name", "VIP Package", "price", 120, "quantity", 11));
        assertThat(over.reason(409)).isEqualTo("over_capacity");
        assertThat(over.body().at("/error/details/offered").asText()).isEqualTo(Integer.toString(capacity - 10));
        assertThat(api.post(priya, tiers, Map.of("tier", "BALCONY", "name", "Balcony", "price", 10, "quantity", 1)).reason(400))
                .isEqualTo("invalid_request");
        assertThat(api.post(priya, tiers, Map.of("tier", "VIP", "name", "VIP", "price", 10.005, "quantity", 1)).reason(400))
                .isEqualTo("invalid_request");
        assertThat(api.post(priya, tiers, Map.of("tier", "VIP", "name", "VIP", "price", 10, "quantity", 0)).reason(400))
                .isEqualTo("invalid_request");
        assertThat(api.post(signIn("jake.morrison@example.com"), tiers, Map.of("tier", "VIP", "name", "VIP", "price", 10, "quantity", 1))
                .reason(404)).as("another company's event").isEqualTo("not_found");
        assertThat(api.post(signIn("olivia.bennett@example.net"), tiers, Map.of("tier", "VIP", "name", "VIP", "price", 10, "quantity", 1))
                .reason(403)).isEqualTo("forbidden");
        assertThat(api.post(priya, "/api/v1/ticketing/events/" + rival.get("event") + "/ticket-types",
                Map.of("tier", "VIP", "name", "VIP", "price", 10, "quantity", 1)).reason(404)).isEqualTo("not_found");
        String completed = id("SELECT e.id::text FROM ticketing.events e JOIN ticketing.users u ON u.company_id = e.promoter_company_id"
                + " WHERE u.email = 'priya.raman@example.com' AND e.status IN ('COMPLETED', 'CANCELLED', 'SOLD_OUT') AND e.org_id = ?::uuid LIMIT 1", orgId);
        assertThat(api.post(priya, "/api/v1/ticketing/events/" + completed + "/ticket-types",
                Map.of("tier", "VIP", "name", "VIP", "price", 10, "quantity", 1)).reason(409)).isEqualTo("event_closed");

        assertThat(api.post(priya, "/api/v1/ticketing/events", with(draft, "endsAt", "2027-03-06T01:00:00Z")).reason(400)).isEqualTo("invalid_request");
        assertThat(api.post(priya, "/api/v1/ticketing/events", with(draft, "category", "OPERA")).reason(400)).isEqualTo("invalid_request");
        assertThat(api.post(priya, "/api/v1/ticketing/events", with(draft, "startsAt", "2026-01-01T00:00:00Z")).reason(400)).isEqualTo("invalid_request");
        assertThat(api.post(priya, "/api/v1/ticketing/events", with(draft, "salesStart", "2026-11-01T00:00:00Z")).reason(400)).isEqualTo("invalid_request");
        assertThat(api.post(priya, "/api/v1/ticketing/events", with(draft, "capacity", 10_000_000)).reason(400)).isEqualTo("invalid_request");
        assertThat(api.post(priya, "/api/v1/ticketing/events", with(draft, "name", " ")).reason(400)).isEqualTo("invalid_request");
        assertThat(api.post(priya, "/api/v1/ticketing/events", with(draft, "venueId", rival.get("venue"))).reason(404)).isEqualTo("not_found");
        assertThat(api.post(priya, "/api/v1/ticketing/events", with(draft, "venueId", java.util.UUID.randomUUID().toString())).reason(404))
                .isEqualTo("not_found");
        assertThat(api.post(signIn("keisha.grant@example.com"), "/api/v1/ticketing/events", draft).reason(403)).isEqualTo("forbidden");
        assertThat(state()).isEqualTo(before);
        assertValid();
    }

    // ---------------------------------------------------------------- helpers

    private String signIn(String email) throws Exception {
        return api.signIn(ORG, email, PASSWORD);
    }

    /**
     * A person of the agency modules (identity.users) in this organization, signed in: they have no ticketing
     * account. (Until event-agency-starter has personas of its own, the test writes one.)
     */
    private String agencyPerson() throws Exception {
        String hash = at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        api.tenant.execute("""
                INSERT INTO identity.users (org_id, id, email, password_hash, name, role, active, created_at)
                VALUES (?::uuid, gen_random_uuid(), 'planner@agency.example.com', ?, 'Agency Planner', 'planner', true, now())
                ON CONFLICT (org_id, email) DO NOTHING""", orgId, hash);
        return signIn("planner@agency.example.com");
    }

    private static Map<String, Object> order(List<Map<String, Object>> items, String promoCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        if (promoCode != null) {
            body.put("promoCode", promoCode);
        }
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    /** Refused with the status and reason, and not a row of the organization changed. */
    private void refused(String token, Object body, int status, String reason) throws Exception {
        Map<String, String> before = state();
        ApiFixture.Response response = api.post(token, "/api/v1/ticketing/orders", body);
        assertThat(response.reason(status)).as(body.toString()).isEqualTo(reason);
        assertThat(response.headers().firstValue("X-Demo-Tenant")).hasValue("true");
        assertThat(state()).as("nothing written by " + body).isEqualTo(before);
    }

    private void refusedTransfer(String token, String ticket, Map<String, Object> body, int status, String reason) throws Exception {
        Map<String, String> before = state();
        ApiFixture.Response response = api.post(token, "/api/v1/ticketing/tickets/" + ticket + "/transfer", body);
        assertThat(response.reason(status)).as(ticket + " " + body).isEqualTo(reason);
        assertThat(state()).as("nothing written by " + body).isEqualTo(before);
    }

    private Map<String, String> state() {
        return TicketingRows.state(api.tenant, orgId);
    }

    private void assertValid() {
        ValidationResult validation = api.tenant.seedReset.validate(ORG);
        assertThat(validation.failed()).as("the pack's rules after the workflow").isEmpty();
    }

    /** A tier of an event on sale now with at least {@code room} tickets left, not of the events given. */
    private String tier(String tier, int room, String... notOfEvents) {
        return id("""
                SELECT t.id::text FROM ticketing.ticket_types t JOIN ticketing.events e ON e.id = t.event_id
                 WHERE t.org_id = ?::uuid AND t.tier = ? AND t.quantity_available >= ? AND e.status = 'ON_SALE'
                   AND e.sales_start <= ? AND e.sales_end >= ? AND NOT (e.id::text = ANY (?))
                   AND NOT EXISTS (SELECT 1 FROM ticketing.order_items i WHERE i.ticket_type_id = t.id AND i.org_id = t.org_id
                                     AND i.order_id IN (SELECT id FROM ticketing.orders WHERE placed_at = ?))
                 ORDER BY t.quantity_available DESC, t.id LIMIT 1""",
                orgId, tier, room, anchor(), anchor(), notOfEvents, anchor());
    }

    /** A ticket the customer holds in that status. */
    private String ticketOf(String email, String status) {
        return id("""
                SELECT k.id::text FROM ticketing.tickets k JOIN ticketing.users u ON u.id = k.holder_user_id AND u.org_id = k.org_id
                 WHERE k.org_id = ?::uuid AND u.email = ? AND k.status = ? ORDER BY k.id LIMIT 1""", orgId, email, status);
    }

    private String id(String sql, Object... parameters) {
        List<String> found = api.tenant.strings(sql, parameters);
        assertThat(found).as(sql).isNotEmpty();
        return found.get(0);
    }

    private static java.sql.Timestamp anchor() {
        return java.sql.Timestamp.from(ApiFixture.ANCHOR);
    }
}
