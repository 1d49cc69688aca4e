package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Rows the personas create are not seeded rows: the pack's rules still pass over them, a teardown refuses
 * and names them (they reference seeded rows), and a reset removes them and puts back the seeded state.
 */
class TicketingWorkflowRowsTest {

    private static final String ORG = "harbor-tickets";
    private static final Pattern NAMED_ROW = Pattern.compile("(ticketing\\.\\w+) row ([0-9a-f-]{36}) references");

    @Test
    void validate_passes_teardown_names_the_personas_rows_and_reset_removes_them() throws Exception {
        try (ApiFixture api = ApiFixture.start(ORG, "Harbor Tickets (demo)")) {
            api.tenant.seedReset.apply(ApplyRequest.of(PackRequest.of("ticketing-demo", ORG).mode("minimal").seed(1L).anchor(ApiFixture.ANCHOR))
                    .confirm(ORG));
            String orgId = api.tenant.organizationId();
            Map<String, String> seeded = TicketingRows.state(api.tenant, orgId);

            String olivia = api.signIn(ORG, "olivia.bennett@example.net", ApiFixture.TICKETING_PASSWORD);
            String type = api.tenant.strings("""
                    SELECT t.id::text FROM ticketing.ticket_types t JOIN ticketing.events e ON e.id = t.event_id
                     WHERE t.org_id = ?::uuid AND e.status = 'ON_SALE' AND e.sales_start <= ? AND e.sales_end >= ? AND t.quantity_available >= 2
                     ORDER BY t.id LIMIT 1""", orgId, java.sql.Timestamp.from(ApiFixture.ANCHOR), java.sql.Timestamp.from(ApiFixture.ANCHOR)).get(0);
            ApiFixture.Response order = api.post(olivia, "/api/v1/ticketing/orders", Map.of("items", List.of(Map.of("ticketTypeId", type, "quantity", 2))));
            assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
            String ticket = order.body().at("/tickets/0/id").asText();
            assertThat(api.post(olivia, "/api/v1/ticketing/tickets/" + ticket + "/transfer", Map.of("email", "ethan.park@example.org")).status())
                    .isEqualTo(200);
            String priya = api.signIn(ORG, "priya.raman@example.com", ApiFixture.TICKETING_PASSWORD);
            String venue = api.tenant.strings("SELECT id::text FROM ticketing.venues WHERE org_id = ?::uuid ORDER BY id LIMIT 1", orgId).get(0);
            ApiFixture.Response event = api.post(priya, "/api/v1/ticketing/events", Map.of("name", "Harbor Nights", "venueId", venue,
                    "category", "FESTIVAL", "startsAt", "2027-06-05T18:00:00Z", "endsAt", "2027-06-06T04:00:00Z"));
            assertThat(event.status()).as(event.body().toString()).isEqualTo(201);
            assertThat(api.post(priya, "/api/v1/ticketing/events/" + event.body().get("id").asText() + "/ticket-types",
                    Map.of("tier", "GENERAL", "name", "Weekend Pass", "price", 99, "quantity", 10)).status()).isEqualTo(201);
            assertThat(api.tenant.seedReset.validate(ORG).failed()).as("the pack's rules over the personas' rows").isEmpty();

            assertThatThrownBy(() -> api.tenant.seedReset.teardown(TeardownRequest.of(ORG).confirm(ORG)))
                    .isInstanceOfSatisfying(SeedResetException.class, refused -> {
                        assertThat(refused.reason()).isEqualTo(SeedResetException.Reason.ROWS_CHANGED);
                        Matcher named = NAMED_ROW.matcher(refused.getMessage());
                        assertThat(named.find()).as(refused.getMessage()).isTrue();
                        assertThat(api.tenant.queryForLong("SELECT count(*) FROM " + named.group(1) + " WHERE id = ?::uuid", named.group(2)))
                                .as("a row that exists").isEqualTo(1);
                        assertThat(api.tenant.queryForLong("SELECT count(*) FROM platform.seed_rows WHERE row_id = ?", named.group(2)))
                                .as("and that nobody seeded").isZero();
                    });
            assertThat(api.tenant.queryForLong("SELECT count(*) FROM ticketing.orders WHERE id = ?::uuid", order.body().get("id").asText()))
                    .as("nothing was torn down").isEqualTo(1);

            api.tenant.seedReset.reset(ResetRequest.of(ORG).confirm(ORG).anchor(ApiFixture.ANCHOR));

            Map<String, String> afterReset = TicketingRows.state(api.tenant, orgId);
            assertThat(afterReset.get("mail")).as("the mail outlives a reset (operations)").isNotEqualTo(seeded.get("mail"));
            afterReset.remove("mail");
            seeded.remove("mail");
            assertThat(afterReset).as("the seeded state, and nothing of the personas'").isEqualTo(seeded);
            assertThat(api.tenant.seedReset.validate(ORG).failed()).isEmpty();
        }
    }
}
