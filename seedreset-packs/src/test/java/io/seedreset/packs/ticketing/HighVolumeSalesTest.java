package io.seedreset.packs.ticketing;

import static io.seedreset.packs.ticketing.TicketingTenant.ANCHOR;
import static io.seedreset.packs.ticketing.TicketingTenant.ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seedreset.api.ApplyResult;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.TeardownRequest;
import io.seedreset.packs.NameChecks;
import io.seedreset.packs.people.People;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The stadium on-sale scenario, applied once on ticketing-demo's default mode. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HighVolumeSalesTest {

    private TicketingTenant tenant;
    private Map<String, List<String>> base;
    private PlanResult plan;
    private ApplyResult applied;

    private static final String STADIUM_EVENT = "(SELECT id FROM ticketing.events WHERE capacity = 50000 AND 'tour' = ANY (tags))";

    @BeforeAll
    void applyOnTheDefaultMode() {
        tenant = TicketingTenant.create();
        tenant.apply(TicketingTenant.request());
        base = new HashMap<>();
        TicketingTenant.TABLES.forEach(table -> base.put(table, tenant.dump(table)));
        PackRequest request = PackRequest.of(HighVolumeSalesPack.ID, ORG).seed(7L).anchor(ANCHOR);
        plan = tenant.seedReset.plan(request);
        applied = tenant.apply(request);
    }

    @Test
    void sells_45000_of_50000_seats_in_about_5000_orders_and_writes_what_the_plan_showed() {
        assertThat(applied.planHash()).isEqualTo(plan.planHash());
        assertThat(applied.counts()).isEqualTo(plan.counts());
        assertThat(applied.totalRows()).isBetween(55_000L, 65_000L);
        assertThat(tenant.queryForLong("SELECT capacity FROM ticketing.events WHERE id = " + STADIUM_EVENT)).isEqualTo(50_000);
        assertThat(tenant.queryForLong("SELECT sum(quantity_total) FROM ticketing.ticket_types WHERE event_id = " + STADIUM_EVENT)).isEqualTo(50_000);
        assertThat(tenant.queryForLong("SELECT sum(quantity_sold) FROM ticketing.ticket_types WHERE event_id = " + STADIUM_EVENT)).isEqualTo(45_000);
        assertThat(tenant.queryForLong("""
                SELECT count(*) FROM ticketing.tickets t JOIN ticketing.ticket_types tt ON tt.id = t.ticket_type_id
                 WHERE tt.event_id = %s AND t.status = 'VALID'""".formatted(STADIUM_EVENT))).isEqualTo(45_000);
        assertThat(applied.counts().get("ticketing.orders")).isBetween(4_500L, 5_500L);
        assertThat(tenant.queryForDouble("""
                SELECT avg(i.quantity) FROM ticketing.order_items i JOIN ticketing.orders o ON o.id = i.order_id
                 WHERE o.event_id = %s AND o.status = 'PAID'""".formatted(STADIUM_EVENT))).isCloseTo(9.3, within(1.0));
    }

    @Test
    void several_promo_codes_are_redeemed_at_once_and_sales_bunch_around_the_on_sale() {
        Map<String, Long> uses = tenant.histogram("""
                SELECT p.code, count(o.id) FROM ticketing.promo_codes p JOIN ticketing.orders o ON o.promo_code_id = p.id
                 WHERE p.event_id = %s GROUP BY p.code""".formatted(STADIUM_EVENT));
        assertThat(uses).hasSize(3).allSatisfy((code, count) -> assertThat(count).isPositive());
        assertThat(tenant.queryForLong("""
                SELECT count(DISTINCT o.promo_code_id) FROM ticketing.orders o
                 WHERE o.event_id = %s AND o.placed_at BETWEEN (SELECT sales_start FROM ticketing.events WHERE id = %1$s)
                                                          AND (SELECT sales_start FROM ticketing.events WHERE id = %1$s) + interval '3 days'
                """.formatted(STADIUM_EVENT))).as("codes redeemed in the same three days").isGreaterThanOrEqualTo(2);
        double firstDays = tenant.queryForDouble("""
                SELECT avg(CASE WHEN o.placed_at < e.sales_start + interval '3 days' THEN 1.0 ELSE 0.0 END)
                  FROM ticketing.orders o JOIN ticketing.events e ON e.id = o.event_id WHERE e.id = %s""".formatted(STADIUM_EVENT));
        assertThat(firstDays).as("share of orders in the presale and the first day of the on-sale").isGreaterThan(0.6);
        assertThat(tenant.queryForLong("SELECT count(*) FROM ticketing.orders WHERE placed_at > '" + ANCHOR + "'")).isZero();
    }

    @Test
    void every_validation_rule_holds_and_teardown_leaves_the_base_pack_as_it_was() {
        assertThat(tenant.seedReset.validate(ORG).passed()).isTrue();

        TicketingTenant other = TicketingTenant.create();
        other.apply(TicketingTenant.request());
        ApplyResult again = other.apply(PackRequest.of(HighVolumeSalesPack.ID, ORG).seed(7L).anchor(ANCHOR));
        other.seedReset.teardown(TeardownRequest.of(ORG).application(again.applicationId()).confirm(ORG));

        TicketingTenant.TABLES.forEach(table -> assertThat(other.dump(table)).as(table).isEqualTo(base.get(table)));
    }

    @Test
    void the_new_customers_have_real_names_at_real_rates_and_no_row_carries_a_faker_one() {
        List<Map<String, Object>> customers = tenant.rows("SELECT first_name, last_name, email FROM ticketing.users WHERE role = 'CUSTOMER'")
                .stream().filter(user -> !TicketingTenant.PERSONA_EMAILS.contains((String) user.get("email"))).toList();
        Map<String, Long> surnames = customers.stream().collect(Collectors.groupingBy(user -> (String) user.get("last_name"), Collectors.counting()));
        Map<String, Integer> census = People.surnameCounts();
        double smithShare = census.get("Smith") / (double) census.values().stream().mapToLong(Integer::longValue).sum();

        assertThat(customers).hasSizeGreaterThan(3_000).allSatisfy(user -> assertThat(
                NameChecks.fromTheTables((String) user.get("first_name"), (String) user.get("last_name"))).as("%s", user).isTrue());
        // Smith is 2.4% of the surname table; some 4,000 customers put it within 0.8 points of that (3 standard deviations).
        assertThat(surnames.get("Smith") / (double) customers.size()).isCloseTo(smithShare, within(0.008));
        assertThat(surnames).containsKeys("Garcia", "Nguyen", "Patel", "Kim");
        assertThat(NameChecks.rowsOfEveryTenantTable(tenant)).noneMatch(row -> NameChecks.FAKER_SURNAME.matcher(row).find());
    }
}
