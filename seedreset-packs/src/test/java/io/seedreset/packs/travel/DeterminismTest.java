package io.seedreset.packs.travel;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same pack version, parameters, seed and anchor give the same books, ids and hash included, in any database. */
class DeterminismTest {

    @Test
    void the_same_seed_and_anchor_write_identical_rows_in_two_fresh_databases() {
        TravelTenant first = TravelTenant.create();
        TravelTenant second = TravelTenant.create();

        ApplyResult one = first.apply(TravelTenant.request().mode("full"));
        ApplyResult two = second.apply(TravelTenant.request().mode("full"));

        assertThat(two.planHash()).isEqualTo(one.planHash());
        assertThat(two.counts()).isEqualTo(one.counts());
        for (String table : TravelTenant.TABLES) {
            assertThat(second.dump(table)).as(table).isNotEmpty().containsExactlyElementsOf(first.dump(table));
        }
    }

    @Test
    void another_seed_or_anchor_gives_other_books_with_the_same_chart_suppliers_and_logins() {
        TravelTenant tenant = AppliedModes.of("default").tenant();
        String base = tenant.seedReset.plan(TravelTenant.request()).planHash();
        TravelTenant reseeded = TravelTenant.create();

        reseeded.apply(TravelTenant.request().seed(TravelTenant.SEED + 1));

        assertThat(tenant.seedReset.plan(TravelTenant.request().seed(TravelTenant.SEED + 1)).planHash()).isNotEqualTo(base);
        assertThat(tenant.seedReset.plan(TravelTenant.request().anchor(TravelTenant.ANCHOR.plus(Duration.ofDays(7)))).planHash())
                .isNotEqualTo(base);
        for (String table : List.of("accounting.invoices", "accounting.invoice_lines", "accounting.customers", "accounting.bills",
                "accounting.payments", "accounting.journal_lines", "accounting.employees")) {
            assertThat(reseeded.dump(table)).as(table).isNotEqualTo(tenant.dump(table));
        }
        // What the contract fixes stays: the chart, the tax rates, the suppliers' names and the two logins.
        for (String sql : List.of("SELECT code || ' ' || name || ' ' || type || ' ' || coalesce(control, '') FROM accounting.accounts ORDER BY code",
                "SELECT name || ' ' || rate FROM accounting.tax_rates ORDER BY name",
                "SELECT name || ' ' || category FROM suppliers.vendors ORDER BY name",
                "SELECT email || ' ' || name || ' ' || role || ' ' || password_hash FROM identity.users ORDER BY email",
                "SELECT name || ' ' || bank_name || ' ' || account_last4 FROM accounting.bank_accounts ORDER BY name")) {
            assertThat(reseeded.strings(sql)).as(sql).isNotEmpty().isEqualTo(tenant.strings(sql));
        }
    }

    @Test
    void the_plan_and_a_replay_of_the_apply_agree_with_the_rows_written() {
        AppliedModes.Applied applied = AppliedModes.of("minimal");

        assertThat(applied.tenant().seedReset.plan(TravelTenant.request().mode("minimal")).planHash()).isEqualTo(applied.result().planHash());
        assertThat(applied.tenant().seedReset.plan(TravelTenant.request().mode("minimal")).counts()).isEqualTo(applied.result().counts());
    }
}
