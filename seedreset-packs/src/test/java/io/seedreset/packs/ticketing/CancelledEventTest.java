package io.seedreset.packs.ticketing;

import static io.seedreset.packs.ticketing.TicketingTenant.ANCHOR;
import static io.seedreset.packs.ticketing.TicketingTenant.ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ApplyResult;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.seedreset.testing.BoundaryInvariant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CancelledEventTest {

    private static final PackRequest SCENARIO = PackRequest.of(CancelledEventPack.ID, ORG).anchor(ANCHOR);

    private final TicketingTenant tenant = TicketingTenant.create();

    @AfterEach
    void the_boundary_invariant_holds() {
        BoundaryInvariant.assertHolds(tenant.dataSource);
    }

    @Test
    void is_refused_until_ticketing_demo_is_applied() {
        assertThatThrownBy(() -> tenant.apply(SCENARIO))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.CONFLICT))
                .hasMessage("pack 'cancelled-event' requires pack 'ticketing-demo', which is not applied to 'encore-demo': apply 'ticketing-demo' first");
    }

    @Test
    void cancels_an_on_sale_event_refunds_its_paid_orders_cancels_its_tickets_and_tells_every_customer() {
        tenant.apply(TicketingTenant.request());
        Map<String, Object> event = tenant.rows("""
                SELECT e.id, e.name FROM ticketing.events e WHERE e.status = 'ON_SALE'
                   AND EXISTS (SELECT 1 FROM ticketing.orders o WHERE o.event_id = e.id AND o.status = 'PAID')
                 ORDER BY e.starts_at, e.id LIMIT 1""").get(0);
        Object eventId = event.get("id");
        List<String> paidOrders = tenant.strings("SELECT id::text FROM ticketing.orders WHERE event_id = ? AND status = 'PAID' ORDER BY id", eventId);
        long customers = tenant.queryForLong("SELECT count(DISTINCT customer_id) FROM ticketing.orders WHERE event_id = ? AND status IN ('PAID', 'PENDING')", eventId);
        long notificationsBefore = tenant.count("ticketing.notifications");

        PlanResult plan = tenant.seedReset.plan(SCENARIO);
        ApplyResult applied = tenant.apply(SCENARIO);

        assertThat(applied.updates()).isEqualTo(plan.updates()).containsEntry("ticketing.events", 1L);
        assertThat(tenant.strings("SELECT status FROM ticketing.events WHERE id = ?", eventId)).containsExactly("CANCELLED");
        assertThat(tenant.strings("SELECT id::text FROM ticketing.orders WHERE event_id = ? AND status = 'REFUNDED' AND refunded_at IS NOT NULL ORDER BY id", eventId))
                .containsAll(paidOrders);
        assertThat(tenant.queryForLong("SELECT count(*) FROM ticketing.orders WHERE event_id = ? AND status IN ('PAID', 'PENDING')", eventId)).isZero();
        assertThat(tenant.queryForLong("""
                SELECT count(*) FROM ticketing.tickets t JOIN ticketing.order_items i ON i.id = t.order_item_id
                  JOIN ticketing.orders o ON o.id = i.order_id WHERE o.event_id = ? AND t.status <> 'CANCELLED'""", eventId)).isZero();
        assertThat(tenant.queryForLong("""
                SELECT count(DISTINCT o.customer_id) FROM ticketing.orders o
                 WHERE o.event_id = ? AND NOT EXISTS (SELECT 1 FROM ticketing.notifications n
                                                       WHERE n.user_id = o.customer_id AND n.subject LIKE ? || '%')""",
                eventId, event.get("name"))).as("customers without a cancellation email").isZero();
        assertThat(tenant.count("ticketing.notifications") - notificationsBefore).isGreaterThanOrEqualTo(customers);
        assertThat(tenant.seedReset.validate(ORG).passed()).isTrue();
    }

    @Test
    void without_an_anchor_it_takes_the_base_packs_and_the_cancellation_always_follows_the_last_order() {
        tenant.apply(TicketingTenant.request());
        ApplyResult inherited = tenant.apply(PackRequest.of(CancelledEventPack.ID, ORG));
        assertThat(inherited.anchor()).isEqualTo(ANCHOR);
        assertCancellationFollowsEveryOrder();

        tenant.seedReset.teardown(TeardownRequest.of(ORG).application(inherited.applicationId()).confirm(ORG));
        tenant.apply(PackRequest.of(CancelledEventPack.ID, ORG).anchor(java.time.Instant.parse("2026-11-01T00:00:00Z")));
        assertCancellationFollowsEveryOrder();
    }

    private void assertCancellationFollowsEveryOrder() {
        assertThat(tenant.queryForLong("""
                SELECT count(*) FROM ticketing.orders o JOIN ticketing.events e ON e.id = o.event_id
                 WHERE e.status = 'CANCELLED' AND o.status IN ('REFUNDED', 'CANCELLED')
                   AND coalesce(o.refunded_at, o.cancelled_at) < (SELECT max(coalesce(x.paid_at, x.placed_at))
                                                                     FROM ticketing.orders x WHERE x.event_id = e.id)
                   AND e.id::text IN (SELECT row_id FROM platform.seed_updates WHERE table_name = 'ticketing.events')"""))
                .as("orders closed before the event's last order came in").isZero();
    }

    @Test
    void tearing_it_down_restores_the_event_orders_and_tickets_as_they_were() {
        tenant.apply(TicketingTenant.request());
        Map<String, List<String>> before = dump();
        ApplyResult applied = tenant.apply(SCENARIO);
        assertThat(dump()).isNotEqualTo(before);

        tenant.seedReset.teardown(TeardownRequest.of(ORG).application(applied.applicationId()).confirm(ORG));

        assertThat(dump()).isEqualTo(before);
        assertThat(tenant.queryForLong("SELECT count(*) FROM platform.seed_updates")).isZero();
    }

    @Test
    void reset_replays_the_cancellation_after_the_base_pack() {
        tenant.apply(TicketingTenant.request());
        tenant.apply(SCENARIO);
        Map<String, List<String>> cancelled = dump();

        tenant.seedReset.reset(ResetRequest.of(ORG).confirm(ORG).anchor(ANCHOR));

        assertThat(dump()).isEqualTo(cancelled);
    }

    private Map<String, List<String>> dump() {
        Map<String, List<String>> dump = new HashMap<>();
        TicketingTenant.TABLES.forEach(table -> dump.put(table, tenant.dump(table)));
        return dump;
    }
}
