package io.seedreset.packs.eventagency;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.PlanResult;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
        Instant later = Tenant.ANCHOR.plus(Duration.ofDays(400));

        tenant.apply(Tenant.request().anchor(later));

        assertThat(tenant.queryForLong("SELECT count(*) FROM events.events WHERE starts_at > ? AND starts_at < ?",
                Timestamp.from(later), Timestamp.from(later.plus(Duration.ofDays(183))))).isEqualTo(4);
        assertThat(tenant.queryForLong("SELECT count(*) FROM events.events WHERE status = 'completed' AND ends_at < ?",
                Timestamp.from(later))).isEqualTo(1);
        assertThat(tenant.queryForLong("SELECT count(*) FROM sales.deals WHERE opened_at >= ?",
                Timestamp.from(later))).isZero();
    }

    @Test
    void more_vendors_extend_the_roster_without_changing_the_rows_already_there() {
        Tenant twelve = Tenant.create();
        Tenant fifteen = Tenant.create();

        twelve.apply(Tenant.request().set("vendors", "12"));
        fifteen.apply(Tenant.request().set("vendors", "15"));

        assertThat(fifteen.count("suppliers.vendors")).isEqualTo(15);
        assertThat(fifteen.dump("suppliers.vendors")).containsAll(twelve.dump("suppliers.vendors"));
        assertThat(fifteen.dump("events.events")).containsExactlyElementsOf(twelve.dump("events.events"));
        assertThat(fifteen.dump("sales.deals")).containsExactlyElementsOf(twelve.dump("sales.deals"));
    }
}
