package io.seedreset.packs.travel;

import static io.seedreset.packs.travel.TravelTenant.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ActivityRequest;
import io.seedreset.api.ActivityResult;
import io.seedreset.api.SeedReset;
import io.seedreset.api.TeardownRequest;
import io.seedreset.testing.BoundaryInvariant;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** demo-travel-co's synthetic activity: a weekday's invoice, payment and now and then an expense, posted as the books post them, every rule kept. */
class ActivityTest {

    /** The Wednesday after the anchor (a Saturday): five days back reach the anchor's weekend. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    private final TravelTenant tenant = TravelTenant.create();

    @AfterEach
    void the_boundary_invariant_holds() {
        BoundaryInvariant.assertHolds(tenant.dataSource);
    }

    @Test
    void each_weekday_gets_an_invoice_and_a_payment_of_an_open_invoice_that_keep_the_books_right() {
        tenant.apply(TravelTenant.request());
        Map<String, List<String>> seeded = tenant.organizationRows();
        String lastInvoice = tenant.strings("SELECT max(invoice_number COLLATE \"C\") FROM accounting.invoices WHERE invoice_number ~ '^INV-[0-9]+$'").get(0);
        long paidBefore = tenant.queryForLong("SELECT count(*) FROM accounting.invoices WHERE status = 'PAID'");

        ActivityResult result = on(WEDNESDAY).activity(ActivityRequest.of(ORG).days(5).confirm(ORG));

        ActivityResult.Run run = result.runs().get(0);
        assertThat(run.packId()).isEqualTo(DemoTravelCoPack.ID);
        assertThat(run.days()).hasSize(5);
        // The weekend has none; Monday to Wednesday an invoice and a payment each.
        assertThat(tenant.strings("SELECT issue_date::text FROM accounting.invoices WHERE issue_date >= '2026-11-21' ORDER BY issue_date"))
                .containsExactly("2026-11-23", "2026-11-24", "2026-11-25");
        assertThat(tenant.strings("SELECT paid_on::text FROM accounting.payments WHERE paid_on >= '2026-11-21' ORDER BY paid_on"))
                .containsExactly("2026-11-23", "2026-11-24", "2026-11-25");
        assertThat(tenant.strings("SELECT invoice_number FROM accounting.invoices WHERE issue_date >= '2026-11-21' ORDER BY issue_date"))
                .allSatisfy(number -> assertThat(Long.parseLong(number.substring(4))).isGreaterThan(Long.parseLong(lastInvoice.substring(4))));
        assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.invoices WHERE status = 'PAID'")).isEqualTo(paidBefore + 3);
        // Now and then a rush print job, billed by the printer and open.
        List<String> bills = tenant.strings("""
                SELECT b.status || ' ' || v.name FROM accounting.bills b JOIN suppliers.vendors v ON v.id = b.vendor_id
                 WHERE b.issue_date >= '2026-11-21' AND b.memo LIKE 'Rush print job: %'""");
        assertThat(bills).isNotEmpty().containsOnly("OPEN Riverbend Print Works");
        assertThat(run.counts()).containsEntry("accounting.invoices", 3L).containsEntry("accounting.payments", 3L)
                .containsEntry("accounting.bills", (long) bills.size()).containsEntry("accounting.journal_entries", 6L + bills.size())
                .containsEntry("accounting.bank_transactions", 3L);
        assertThat(run.updates()).containsEntry("accounting.invoices", 3L).containsEntry("accounting.bank_accounts", 3L);
        assertThat(tenant.seedReset.validate(ORG).rules()).allSatisfy(rule -> assertThat(rule.violations()).as(rule.name()).isEmpty());

        tenant.seedReset.teardown(TeardownRequest.of(ORG).application(run.applicationId()).confirm(ORG));
        assertThat(tenant.organizationRows()).isEqualTo(seeded);
    }

    /** The tenant's engine on a clock reading noon of {@code day}. */
    private SeedReset on(LocalDate day) {
        return SeedReset.configure().dataSource(tenant.dataSource).actor("travel-test")
                .clock(Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).load();
    }
}
