package io.seedreset.packs.ticketing;

import static io.seedreset.packs.ticketing.TicketingTenant.ANCHOR;
import static io.seedreset.packs.ticketing.TicketingTenant.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ActivityRequest;
import io.seedreset.api.ActivityResult;
import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.TeardownRequest;
import io.seedreset.testing.BoundaryInvariant;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A day of synthetic activity on ticketing-demo: paid orders and door scans that keep every rule, once a day, removed by reset and teardown. */
class ActivityTest {

    private static final LocalDate TODAY = LocalDate.ofInstant(ANCHOR, ZoneOffset.UTC);
    private static final ActivityRequest TODAYS = ActivityRequest.of(ORG).confirm(ORG);

    private final TicketingTenant tenant = TicketingTenant.create();

    @AfterEach
    void the_boundary_invariant_holds() {
        BoundaryInvariant.assertHolds(tenant.dataSource);
    }

    @Test
    void posts_paid_orders_with_their_tickets_dated_today_that_keep_every_rule() {
        tenant.apply(TicketingTenant.request());
        String lastSeededNumber = tenant.strings("SELECT max(order_number) FROM ticketing.orders").get(0);
        long soldBefore = tenant.queryForLong("SELECT sum(quantity_sold) FROM ticketing.ticket_types");

        ActivityResult result = tenant.seedReset.activity(TODAYS);

        assertThat(result.from()).isEqualTo(TODAY);
        assertThat(result.to()).isEqualTo(TODAY);
        ActivityResult.Run run = result.runs().get(0);
        assertThat(run.packId()).isEqualTo(TicketingDemoPack.ID);
        assertThat(run.status()).isEqualTo(ActivityResult.Status.POSTED);
        assertThat(run.days()).containsExactly(TODAY);
        long orders = run.counts().get("ticketing.orders");
        assertThat(orders).isBetween(3L, 8L);
        // The tenant's numbering goes on: every new number is above the pack's, in the order the orders were placed.
        assertThat(tenant.strings("SELECT order_number FROM ticketing.orders WHERE order_number > ? ORDER BY placed_at", lastSeededNumber))
                .hasSize((int) orders).isSorted();
        assertThat(tenant.strings("SELECT DISTINCT status || ' ' || placed_at::date || ' ' || paid_at::date FROM ticketing.orders WHERE order_number > ?",
                lastSeededNumber)).containsExactly("PAID " + TODAY + " " + TODAY);
        long tickets = tenant.queryForLong("""
                SELECT count(*) FROM ticketing.tickets t JOIN ticketing.order_items i ON i.id = t.order_item_id
                  JOIN ticketing.orders o ON o.id = i.order_id WHERE o.order_number > ?""", lastSeededNumber);
        assertThat(run.counts()).containsEntry("ticketing.tickets", tickets);
        assertThat(tenant.queryForLong("SELECT sum(quantity_sold) FROM ticketing.ticket_types")).isEqualTo(soldBefore + tickets);
        assertThat(run.updates()).containsKey("ticketing.ticket_types");
        assertThat(tenant.strings("""
                SELECT u.email FROM ticketing.orders o JOIN ticketing.users u ON u.id = o.customer_id WHERE o.order_number > ?""",
                lastSeededNumber)).as("the personas' stories stay as told").doesNotContainAnyElementsOf(TicketingTenant.PERSONA_EMAILS);
        assertThat(tenant.seedReset.validate(ORG).passed()).isTrue();

        ApplicationRecord recorded = activityApplications().get(0);
        assertThat(recorded.packId()).isEqualTo("activity:ticketing-demo");
        assertThat(recorded.id()).isEqualTo(run.applicationId());
        assertThat(recorded.parameters()).containsEntry("from", TODAY.toString()).containsEntry("to", TODAY.toString());
    }

    @Test
    void the_same_seed_and_day_post_the_same_rows_in_another_database_and_another_day_other_rows() {
        TicketingTenant other = TicketingTenant.create();
        tenant.apply(TicketingTenant.request());
        other.apply(TicketingTenant.request());

        tenant.seedReset.activity(TODAYS);
        other.seedReset.activity(TODAYS);

        assertThat(other.organizationRows()).isEqualTo(tenant.organizationRows());

        ActivityResult twoDays = on(other, TODAY.plusDays(2)).activity(TODAYS.days(2));
        assertThat(twoDays.runs().get(0).days()).containsExactly(TODAY.plusDays(1), TODAY.plusDays(2));
        List<String> dayOne = other.strings("SELECT id::text FROM ticketing.orders WHERE placed_at::date = ? ORDER BY id", TODAY.plusDays(1));
        List<String> dayTwo = other.strings("SELECT id::text FROM ticketing.orders WHERE placed_at::date = ? ORDER BY id", TODAY.plusDays(2));
        assertThat(dayOne).isNotEmpty().doesNotContainAnyElementsOf(dayTwo);
        assertThat(dayTwo).isNotEmpty();
        assertThat(other.seedReset.validate(ORG).passed()).isTrue();
    }

    @Test
    void a_tenant_of_personas_only_orders_through_those_whose_story_allows_it() {
        tenant.apply(TicketingTenant.request().mode("minimal"));
        String lastSeededNumber = tenant.strings("SELECT max(order_number) FROM ticketing.orders").get(0);

        ActivityResult result = tenant.seedReset.activity(TODAYS);

        assertThat(result.runs().get(0).counts().get("ticketing.orders")).isPositive();
        assertThat(tenant.strings("""
                SELECT DISTINCT u.email FROM ticketing.orders o JOIN ticketing.users u ON u.id = o.customer_id WHERE o.order_number > ?""",
                lastSeededNumber)).isNotEmpty().doesNotContain(Personas.CUSTOMERS.get(Personas.Story.FIRST_TIME_BUYER.ordinal()).email());
        assertThat(tenant.seedReset.validate(ORG).passed()).isTrue();
    }

    @Test
    void a_day_is_posted_once_and_a_catch_up_posts_only_the_missing_days() {
        tenant.apply(TicketingTenant.request());
        tenant.seedReset.activity(TODAYS);
        Map<String, List<String>> once = tenant.organizationRows();

        ActivityResult again = tenant.seedReset.activity(TODAYS);

        assertThat(again.runs().get(0).status()).isEqualTo(ActivityResult.Status.UNCHANGED);
        assertThat(again.runs().get(0).applicationId()).isNull();
        assertThat(tenant.organizationRows()).isEqualTo(once);

        ActivityResult catchUp = tenant.seedReset.activity(TODAYS.days(3));
        assertThat(catchUp.runs().get(0).days()).containsExactly(TODAY.minusDays(2), TODAY.minusDays(1));
        assertThat(activityApplications()).hasSize(2);
        assertThat(tenant.seedReset.validate(ORG).passed()).isTrue();
    }

    @Test
    void reset_drops_the_activity_and_teardown_removes_it_putting_back_the_ticket_types() {
        tenant.apply(TicketingTenant.request());
        Map<String, List<String>> seeded = tenant.organizationRows();

        ActivityResult posted = tenant.seedReset.activity(TODAYS.days(3));
        assertThat(tenant.organizationRows()).isNotEqualTo(seeded);
        tenant.seedReset.teardown(TeardownRequest.of(ORG).application(posted.runs().get(0).applicationId()).confirm(ORG));

        assertThat(tenant.organizationRows()).isEqualTo(seeded);

        tenant.seedReset.activity(TODAYS);
        tenant.seedReset.reset(new ResetRequest(ORG, ORG, ANCHOR));

        assertThat(tenant.organizationRows()).isEqualTo(seeded);
        assertThat(activityApplications()).isEmpty();
    }

    @Test
    void on_the_day_an_event_starts_its_doors_open_and_tickets_are_scanned_in() {
        tenant.apply(TicketingTenant.request());
        Map<String, Object> event = tenant.rows("""
                SELECT e.id, e.starts_at FROM ticketing.events e WHERE e.status = 'ON_SALE'
                   AND EXISTS (SELECT 1 FROM ticketing.scanners s WHERE s.event_id = e.id AND s.active)
                   AND EXISTS (SELECT 1 FROM ticketing.tickets t JOIN ticketing.order_items i ON i.id = t.order_item_id
                                 JOIN ticketing.orders o ON o.id = i.order_id WHERE o.event_id = e.id AND t.status = 'VALID')
                 ORDER BY e.starts_at, e.id LIMIT 1""").get(0);
        Instant startsAt = ((java.sql.Timestamp) event.get("starts_at")).toInstant();
        LocalDate showDay = LocalDate.ofInstant(startsAt, ZoneOffset.UTC);

        ActivityResult result = on(tenant, showDay).activity(TODAYS);

        long scans = tenant.queryForLong("""
                SELECT count(*) FROM ticketing.scan_logs l JOIN ticketing.tickets t ON t.id = l.ticket_id
                  JOIN ticketing.order_items i ON i.id = t.order_item_id JOIN ticketing.orders o ON o.id = i.order_id
                 WHERE o.event_id = ? AND l.scanned_at::date = ?""", event.get("id"), showDay);
        assertThat(scans).isPositive();
        assertThat(result.runs().get(0).counts()).containsEntry("ticketing.scan_logs", scans);
        assertThat(result.runs().get(0).updates()).containsKey("ticketing.tickets");
        assertThat(tenant.seedReset.validate(ORG).passed()).isTrue();
    }

    /** The tenant's engine on a clock reading noon of {@code day}. */
    private static SeedReset on(TicketingTenant tenant, LocalDate day) {
        return SeedReset.configure().dataSource(tenant.dataSource).actor("ticketing-test")
                .clock(Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).load();
    }

    private List<ApplicationRecord> activityApplications() {
        return tenant.seedReset.history(HistoryRequest.of(ORG)).applications().stream()
                .filter(a -> a.source() == ApplicationRecord.Source.ACTIVITY && a.active()).toList();
    }
}
