package io.seedreset.packs.eventagency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.SeedResetException;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

/** The other modes, settings given as {@code --set name=value}, and what a bad one does. */
class ModesAndSettingsTest {

    @Test
    void minimal_mode_is_smaller_and_still_covers_every_module() {
        Tenant tenant = Tenant.create();

        ApplyResult applied = tenant.apply(Tenant.request().mode("minimal"));

        assertThat(applied.mode()).isEqualTo("minimal");
        assertThat(applied.counts()).contains(
                entry("suppliers.vendors", 6L), entry("events.events", 2L), entry("sales.deals", 6L),
                entry("budget.budgets", 2L), entry("dispatch.work_orders", 2L), entry("spaces.spaces", 2L),
                entry("spaces.reservations", 4L));
        assertThat(tenant.counts()).isEqualTo(applied.counts());
        // Two events are both still ahead: a minimal pack has no completed one.
        assertThat(tenant.queryForLong("SELECT count(*) FROM events.events WHERE starts_at > ?",
                Timestamp.from(Tenant.ANCHOR))).isEqualTo(2);
    }

    @Test
    void full_mode_is_larger_and_keeps_every_invariant() {
        Tenant tenant = Tenant.create();

        ApplyResult applied = tenant.apply(Tenant.request().mode("full"));

        assertThat(applied.counts()).contains(
                entry("suppliers.vendors", 40L), entry("events.events", 24L), entry("sales.deals", 72L),
                entry("budget.budgets", 15L), entry("dispatch.work_orders", 24L), entry("spaces.spaces", 10L),
                entry("spaces.reservations", 39L));
        assertThat(tenant.counts()).isEqualTo(applied.counts());
        assertThat(tenant.queryForLong("""
                SELECT count(*) FROM budget.budgets b
                 WHERE b.total <> (SELECT sum(l.amount) FROM budget.budget_lines l WHERE l.budget_id = b.id)""")).isZero();
    }

    @Test
    void settings_override_the_mode_and_the_derived_counts_follow() {
        Tenant tenant = Tenant.create();

        ApplyResult applied = tenant.apply(Tenant.request().set("events", "8").set("vendors", "20"));

        assertThat(applied.parameters()).contains(entry("events", 8L), entry("vendors", 20L), entry("spaces", 4L));
        assertThat(applied.counts()).contains(
                entry("suppliers.vendors", 20L), entry("events.events", 8L), entry("sales.deals", 24L),
                entry("budget.budgets", 5L), entry("dispatch.work_orders", 8L), entry("spaces.spaces", 4L),
                entry("spaces.reservations", 13L));
        assertThat(tenant.counts()).isEqualTo(applied.counts());
    }

    @Test
    void a_setting_applies_on_top_of_the_chosen_mode() {
        Tenant tenant = Tenant.create();

        PlanResult plan = tenant.seedReset.plan(Tenant.request().mode("full").set("events", "3"));

        assertThat(plan.counts()).contains(entry("suppliers.vendors", 40L), entry("events.events", 3L),
                entry("sales.deals", 9L), entry("budget.budgets", 2L), entry("spaces.reservations", 5L));
    }

    @Test
    void the_invariants_hold_for_many_seeds_and_sizes() {
        Tenant tenant = Tenant.create();
        String[][] sizes = {{"1", "4", "2"}, {"3", "7", "3"}, {"13", "25", "6"}, {"50", "200", "12"}};

        for (long seed = 1; seed <= 4; seed++) {
            for (String[] size : sizes) {
                PackRequest request = Tenant.request().seed(seed)
                        .set("events", size[0]).set("vendors", size[1]).set("spaces", size[2]);
                ApplyResult applied = tenant.seedReset.apply(ApplyRequest.of(request).confirm(Tenant.ORG).replace(true));

                assertThat(applied.counts().get("events.events")).isEqualTo(Long.parseLong(size[0]));
                assertThat(tenant.counts()).isEqualTo(applied.counts());
            }
        }
    }

    @Test
    void a_bad_setting_is_refused_as_bad_input_and_writes_nothing() {
        Tenant tenant = Tenant.create();

        assertBadInput(tenant, Tenant.request().set("events", "0"),
                "parameter 'events' of pack 'event-agency-starter' expects an integer between 1 and 50, got 0");
        assertBadInput(tenant, Tenant.request().set("vendors", "a dozen"),
                "parameter 'vendors' of pack 'event-agency-starter' expects an integer between 4 and 200, got 'a dozen'");
        assertBadInput(tenant, Tenant.request().set("guests", "300"),
                "pack 'event-agency-starter' has no parameter 'guests': its parameters are events, vendors, spaces");
        assertBadInput(tenant, Tenant.request().mode("huge"),
                "pack 'event-agency-starter' has no mode 'huge': use one of default, minimal, full");

        assertThat(tenant.counts()).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
    }

    private static void assertBadInput(Tenant tenant, PackRequest request, String message) {
        assertThatThrownBy(() -> tenant.apply(request))
                .isInstanceOfSatisfying(SeedResetException.class,
                        e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.BAD_INPUT))
                .hasMessage(message);
        assertThatThrownBy(() -> tenant.seedReset.plan(request))
                .isInstanceOfSatisfying(SeedResetException.class,
                        e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.BAD_INPUT));
    }
}
