package io.seedreset.packs.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackDescriptor;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every mode applied (and so validated by every rule) with the counts the modes promise. */
class ModesTest {

    /** The table per mode; users are the customers plus the nine staff personas, preferences six per customer and three per staff member. */
    private static final Map<String, Map<String, Long>> COUNTS = Map.of(
            "minimal", counts(2, 3, 5, 5, 10, 5, 10),
            "default", counts(6, 10, 11, 25, 75, 15, 40),
            "full", counts(10, 20, 30, 50, 150, 30, 100));

    private static Map<String, Long> counts(long companies, long venues, long customers, long events, long ticketTypes,
                                            long promoCodes, long orders) {
        return Map.of("ticketing.companies", companies, "ticketing.venues", venues, "ticketing.users", customers + 9,
                "ticketing.events", events, "ticketing.ticket_types", ticketTypes, "ticketing.promo_codes", promoCodes,
                "ticketing.orders", orders, "ticketing.notification_preferences", customers * 6 + 9 * 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void each_mode_writes_exactly_its_counts_and_something_in_every_table(String mode) {
        AppliedModes.Applied applied = AppliedModes.of(mode);

        assertThat(applied.result().status()).isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(applied.result().mode()).isEqualTo(mode);
        assertThat(applied.result().counts()).containsAllEntriesOf(COUNTS.get(mode));
        assertThat(applied.result().counts()).containsOnlyKeys(TicketingTenant.TABLES);
        assertThat(applied.tenant().counts()).isEqualTo(applied.result().counts())
                .allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
    }

    @Test
    void the_pack_is_discovered_with_its_modes_and_parameters() {
        PackDescriptor descriptor = AppliedModes.of("default").tenant().seedReset.packs().stream()
                .filter(p -> p.id().equals(TicketingDemoPack.ID)).findFirst().orElseThrow();

        assertThat(descriptor.version()).isEqualTo("1.0.0");
        assertThat(descriptor.modules()).containsExactly("ticketing");
        assertThat(descriptor.requires()).isEmpty();
        assertThat(descriptor.modes()).extracting(Mode::name).containsExactly("default", "minimal", "full");
        assertThat(descriptor.parameters()).extracting(p -> p.name())
                .contains("users", "events", "orders", "companies", "venues", "promo_codes");
    }

    @Test
    void settings_override_the_mode() {
        TicketingTenant tenant = TicketingTenant.create();

        ApplyResult applied = tenant.apply(TicketingTenant.request().mode("minimal")
                .set("users", "40").set("events", "12").set("orders", "60"));

        assertThat(applied.parameters()).contains(entry("users", 40L), entry("events", 12L), entry("orders", 60L),
                entry("companies", 2L), entry("venues", 3L));
        assertThat(applied.counts()).contains(entry("ticketing.users", 49L), entry("ticketing.events", 12L),
                entry("ticketing.ticket_types", 24L), entry("ticketing.orders", 60L), entry("ticketing.companies", 2L));
        assertThat(tenant.counts()).isEqualTo(applied.counts());
    }

    @Test
    void a_large_tenant_streams_and_keeps_every_rule() {
        TicketingTenant tenant = TicketingTenant.create();

        ApplyResult applied = tenant.apply(TicketingTenant.request().mode("full")
                .set("users", "2000").set("events", "200").set("orders", "10000").set("promo_codes", "100"));

        assertThat(applied.counts()).contains(entry("ticketing.users", 2009L), entry("ticketing.events", 200L),
                entry("ticketing.orders", 10_000L), entry("ticketing.promo_codes", 100L));
        assertThat(applied.totalRows()).isGreaterThan(60_000);
        assertThat(tenant.counts()).isEqualTo(applied.counts());
    }

    @Test
    void the_rules_hold_for_many_seeds_and_odd_sizes() {
        TicketingTenant tenant = TicketingTenant.create();
        String[][] sizes = {
                {"users", "1", "events", "1", "orders", "25", "companies", "1", "venues", "1", "promo_codes", "0"},
                {"users", "3", "events", "2", "orders", "0", "ticket_tiers", "2"},
                {"users", "9", "events", "7", "orders", "120", "promo_codes", "100"},
                {"users", "200", "events", "120", "orders", "1500", "venues", "20", "companies", "10"}};

        for (long seed = 1; seed <= 3; seed++) {
            for (String[] size : sizes) {
                PackRequest request = TicketingTenant.request().seed(seed);
                for (int i = 0; i < size.length; i += 2) {
                    request = request.set(size[i], size[i + 1]);
                }
                ApplyResult applied = tenant.seedReset.apply(ApplyRequest.of(request).confirm(TicketingTenant.ORG).replace(true));

                assertThat(applied.counts().get("ticketing.events")).isEqualTo(Long.parseLong(size[3]));
                assertThat(applied.counts().getOrDefault("ticketing.orders", 0L)).isEqualTo(Long.parseLong(size[5]));
                assertThat(tenant.counts()).containsAllEntriesOf(applied.counts());
            }
        }
    }

    @Test
    void the_plan_totals_match_the_sums_in_the_database() {
        TicketingTenant tenant = AppliedModes.of("default").tenant();

        PlanResult plan = tenant.seedReset.plan(TicketingTenant.request());

        assertThat(plan.totals().get("gross order value"))
                .isEqualByComparingTo(new BigDecimal(tenant.strings("SELECT sum(total)::text FROM ticketing.orders").get(0)));
        assertThat(plan.totals().get("tickets in online orders"))
                .isEqualByComparingTo(BigDecimal.valueOf(tenant.queryForLong("SELECT sum(quantity) FROM ticketing.order_items")));
        assertThat(plan.totals().get("tickets sold, all channels"))
                .isEqualByComparingTo(BigDecimal.valueOf(tenant.queryForLong("SELECT sum(quantity_sold) FROM ticketing.ticket_types")));
    }

    @Test
    void a_bad_setting_is_refused_and_writes_nothing() {
        TicketingTenant tenant = TicketingTenant.create();

        assertThatThrownBy(() -> tenant.apply(TicketingTenant.request().set("users", "0")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.BAD_INPUT))
                .hasMessage("parameter 'users' of pack 'ticketing-demo' expects an integer between 1 and 20000, got 0");
        assertThatThrownBy(() -> tenant.apply(TicketingTenant.request().set("venues", "21")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.BAD_INPUT));

        assertThat(tenant.counts()).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
    }
}
