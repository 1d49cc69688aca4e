package io.seedreset.packs.travel;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyResult;
import org.junit.jupiter.api.Test;

/** What each mode writes. */
class ModesTest {

    @Test
    void default_mode_applies_books_that_balance() {
        AppliedModes.Applied applied = AppliedModes.of("default");
        TravelTenant tenant = applied.tenant();
        ApplyResult result = applied.result();

        assertThat(result.counts()).containsEntry("identity.users", 2L).containsEntry("suppliers.vendors", 25L)
                .containsEntry("accounting.accounts", 29L).containsEntry("accounting.customers", 120L)
                .containsEntry("accounting.employees", 12L);
        assertThat(tenant.counts()).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
        assertThat(tenant.queryForLong("SELECT count(*) FROM (SELECT entry_id FROM accounting.journal_lines GROUP BY entry_id "
                + "HAVING sum(debit) <> sum(credit)) unbalanced")).isZero();
        assertThat(tenant.strings("SELECT name || ' ' || status FROM accounting.periods ORDER BY starts_on")).containsExactly(
                "Q2 2025 CLOSED", "Q3 2025 CLOSED", "Q4 2025 CLOSED", "Q1 2026 CLOSED", "Q2 2026 CLOSED", "Q3 2026 OPEN", "Q4 2026 OPEN");
    }
}
