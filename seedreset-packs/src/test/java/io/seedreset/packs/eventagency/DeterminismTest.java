package io.seedreset.packs.eventagency;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.PlanResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Same pack version, parameters, seed and anchor give the same rows, ids included, wherever they are applied. */
class DeterminismTest {

    @Test
    void the_same_seed_and_anchor_write_identical_rows_in_two_fresh_databases() {
        Tenant first = Tenant.create();
        Tenant second = Tenant.create();

        ApplyResult one = first.apply(Tenant.request().mode("full"));
        ApplyResult two = second.apply(Tenant.request().mode("full"));

        assertThat(two.planHash()).isEqualTo(one.planHash());
        assertThat(two.counts()).isEqualTo(one.counts());
        for (String table : Tenant.TABLES) {
            assertThat(second.dump(table)).as(table).isNotEmpty().containsExactlyElementsOf(first.dump(table));
        }
    }

    @Test
    void the_plan_hash_is_the_hash_of_what_apply_writes() {
        Tenant tenant = Tenant.create();

        PlanResult plan = tenant.seedReset.plan(Tenant.request());
        ApplyResult applied = tenant.seedReset.apply(ApplyRequest.of(Tenant.request()).confirm(Tenant.ORG).planHash(plan.planHash()));

        assertThat(applied.planHash()).isEqualTo(plan.planHash());
        assertThat(applied.counts()).isEqualTo(plan.counts());
        assertThat(tenant.counts()).isEqualTo(plan.counts());
    }

    @Test
    void another_seed_or_anchor_gives_other_rows() {
        Tenant tenant = Tenant.create();

        String base = tenant.seedReset.plan(Tenant.request()).planHash();

        assertThat(tenant.seedReset.plan(Tenant.request().seed(Tenant.SEED + 1)).planHash()).isNotEqualTo(base);
        assertThat(tenant.seedReset.plan(Tenant.request().anchor(Tenant.ANCHOR.plus(Duration.ofDays(7)))).planHash())
                .isNotEqualTo(base);
        assertThat(tenant.seedReset.plan(Tenant.request()).planHash()).isEqualTo(base);
    }

    @Test
    void moving_the_anchor_moves_the_calendar_with_it() {
        Tenant tenant = Tenant.create();
        java.time.Instant later = Tenant.ANCHOR.plus(Duration.ofDays(400));

        tenant.apply(Tenant.request().anchor(later));

        assertThat(tenant.queryForLong("SELECT count(*) FROM events.events WHERE starts_at > ? AND starts_at < ?",
                java.sql.Timestamp.from(later), java.sql.Timestamp.from(later.plus(Duration.ofDays(183))))).isEqualTo(4);
        assertThat(tenant.queryForLong("SELECT count(*) FROM events.events WHERE status = 'completed' AND ends_at < ?",
                java.sql.Timestamp.from(later))).isEqualTo(1);
        assertThat(tenant.queryForLong("SELECT count(*) FROM sales.deals WHERE opened_at >= ?",
                java.sql.Timestamp.from(later))).isZero();
    }

    @Test
    void more_events_leave_the_vendor_roster_and_the_first_events_untouched() {
        Tenant five = Tenant.create();
        Tenant six = Tenant.create();

        five.apply(Tenant.request().set("events", "6").set("vendors", "12"));
        six.apply(Tenant.request().set("events", "6").set("vendors", "15"));

        // More vendors append to the roster; the first twelve, and the events, stay as they were.
        assertThat(six.dump("suppliers.vendors")).containsAll(five.dump("suppliers.vendors"));
        assertThat(six.dump("events.events")).containsExactlyElementsOf(five.dump("events.events"));
    }
}
