package io.seedreset.packs.travel;

import static io.seedreset.packs.travel.TravelTenant.ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ApplyResult;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import io.seedreset.testing.BoundaryInvariant;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** quarter-close and cash-crunch on the same books, in either order, and on demo-travel-co applied with other anchors. */
class ScenariosTogetherTest {

    private static final PackRequest CLOSE = PackRequest.of(QuarterClosePack.ID, ORG);
    private static final PackRequest CRUNCH = PackRequest.of(CashCrunchPack.ID, ORG);

    private final TravelTenant tenant = TravelTenant.create();
    private final TheBooks books = new TheBooks(tenant);

    @AfterEach
    void the_boundary_invariant_holds() {
        BoundaryInvariant.assertHolds(tenant.dataSource);
    }

    @Test
    void stacked_in_either_order_they_keep_every_rule_and_each_tears_down_alone() {
        tenant.apply(TravelTenant.request());
        Map<String, List<String>> base = tenant.organizationRows();

        ApplyResult crunch = tenant.apply(CRUNCH);
        Map<String, List<String>> crunched = tenant.organizationRows();
        ApplyResult close = tenant.apply(CLOSE);
        books.assertValid();

        tearDown(close);
        assertThat(tenant.organizationRows()).isEqualTo(crunched);
        tearDown(crunch);
        assertThat(tenant.organizationRows()).isEqualTo(base);

        close = tenant.apply(CLOSE);
        Map<String, List<String>> closed = tenant.organizationRows();
        crunch = tenant.apply(CRUNCH);
        books.assertValid();
        assertThat(datedInClosedPeriods(crunch)).as("cash-crunch's rows dated in a closed period").isEmpty();

        tearDown(crunch);
        assertThat(tenant.organizationRows()).isEqualTo(closed);
        tearDown(close);
        assertThat(tenant.organizationRows()).isEqualTo(base);
    }

    @Test
    void both_keep_every_rule_on_books_anchored_at_a_new_year_in_a_summer_peak_and_at_a_quarters_last_minute() {
        // With quarter-close applied first, cash-crunch dates everything in the quarter left open, or says it cannot.
        Map<PackRequest, String> bases = new LinkedHashMap<>();
        // Midnight after the quarter's last day: its month-end lines came in a minute before "now"; once it is closed, nothing is open before "now".
        bases.put(TravelTenant.request().mode("minimal").seed(2L).anchor(Instant.parse("2027-01-01T00:00:00Z")),
                "pack 'cash-crunch': the books here are open only from 2027-01-01, too close to the anchor's date 2027-01-01 for the "
                        + "allotments' bills and deposits to be dated in an open period: give a later --anchor, or apply cash-crunch before "
                        + "the period is closed");
        // Two weeks into the quarter: room for the allotments, not for an invoice a week past its terms.
        bases.put(TravelTenant.request().seed(5L).anchor(Instant.parse("2027-07-15T12:00:00Z")),
                "pack 'cash-crunch': the books here are open only from 2027-07-01: no corporate account or group has terms short enough "
                        + "for an invoice dated since then to be a week overdue by the anchor's date 2027-07-15: give a later --anchor, or "
                        + "apply cash-crunch before the period is closed");
        bases.put(TravelTenant.request().mode("minimal").seed(4L).anchor(Instant.parse("2026-09-30T23:59:00Z")), null);

        bases.forEach((request, refusal) -> {
            tenant.apply(request);
            Map<String, List<String>> base = tenant.organizationRows();

            ApplyResult crunch = tenant.apply(CRUNCH);
            ApplyResult close = tenant.apply(CLOSE);

            assertThat(close.anchor()).isEqualTo(request.anchor());
            assertThat(crunch.anchor()).isEqualTo(request.anchor());
            assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.periods WHERE status = 'OPEN'")).as(request.anchor().toString())
                    .isEqualTo(1);
            books.assertValid();
            tearDown(close);
            tearDown(crunch);
            assertThat(tenant.organizationRows()).isEqualTo(base);

            close = tenant.apply(CLOSE);
            Map<String, List<String>> closed = tenant.organizationRows();
            if (refusal == null) {
                crunch = tenant.apply(CRUNCH);
                books.assertValid();
                assertThat(datedInClosedPeriods(crunch)).as(request.anchor() + ": cash-crunch's rows dated in a closed period").isEmpty();
                tearDown(crunch);
            } else {
                assertThatThrownBy(() -> tenant.apply(CRUNCH)).as(request.anchor().toString())
                        .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.FAILURE))
                        .hasMessage(refusal);
            }
            assertThat(tenant.organizationRows()).isEqualTo(closed);
            tearDown(close);
            assertThat(tenant.organizationRows()).isEqualTo(base);
            tenant.teardown();
        });
    }

    /** Every row the application wrote that is dated inside a CLOSED period, as "table date (period)". */
    private List<String> datedInClosedPeriods(ApplyResult application) {
        return tenant.rows("""
                SELECT d.table_name || ' ' || d.day || ' (' || p.name || ')' AS row
                  FROM (SELECT 'accounting.journal_entries' AS table_name, id, entry_date AS day FROM accounting.journal_entries
                        UNION ALL SELECT 'accounting.invoices', id, issue_date FROM accounting.invoices
                        UNION ALL SELECT 'accounting.bills', id, issue_date FROM accounting.bills
                        UNION ALL SELECT 'accounting.payments', id, paid_on FROM accounting.payments
                        UNION ALL SELECT 'accounting.payment_allocations', id, allocated_on FROM accounting.payment_allocations
                        UNION ALL SELECT 'accounting.bank_transactions', id, posted_on FROM accounting.bank_transactions) d
                  JOIN platform.seed_rows s ON s.table_name = d.table_name AND s.row_id = d.id::text AND s.application_id = ?
                  JOIN accounting.periods p ON p.status = 'CLOSED' AND d.day BETWEEN p.starts_on AND p.ends_on
                 ORDER BY 1""", application.applicationId()).stream().map(row -> (String) row.get("row")).toList();
    }

    private void tearDown(ApplyResult application) {
        tenant.seedReset.teardown(TeardownRequest.of(ORG).application(application.applicationId()).confirm(ORG));
    }
}
