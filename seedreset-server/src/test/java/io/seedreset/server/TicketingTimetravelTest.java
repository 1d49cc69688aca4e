package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.TimetravelRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A ticketing organization a month in the future: the API's now for it is its clock's, so an order is
 * placed (and paid) a month after the real day, inside the sales window as it stands then.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketingTimetravelTest {

    private static final String ORG = "encore-ahead";
    private ApiFixture api;

    @BeforeAll
    void seed() {
        api = ApiFixture.start(ORG, "Encore Ticketing (demo, ahead)");
        api.apply("ticketing-demo", ORG);
        api.tenant.seedReset.timetravel(TimetravelRequest.of(ORG, 1).confirm(ORG));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void an_order_is_placed_on_the_organizations_day_not_the_real_one() throws Exception {
        Instant ahead = ApiFixture.ANCHOR.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        String type = api.tenant.strings("""
                SELECT t.id::text FROM ticketing.ticket_types t JOIN ticketing.events e ON e.org_id = t.org_id AND e.id = t.event_id
                 WHERE e.status = 'ON_SALE' AND t.quantity_available >= 1 AND e.sales_start <= ? AND e.sales_end >= ?
                 ORDER BY t.quantity_available DESC, t.id LIMIT 1""", Timestamp.from(ahead), Timestamp.from(ahead)).get(0);
        String token = api.signIn(ORG, "olivia.bennett@example.net", ApiFixture.TICKETING_PASSWORD);

        ApiFixture.Response placed = api.post(token, "/api/v1/ticketing/orders", Map.of("items", List.of(Map.of("ticketTypeId", type, "quantity", 1))));

        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.body().get("placedAt").asText()).isEqualTo(ahead.toString());
    }
}
