package io.seedreset.packs.travel;

import static io.seedreset.packs.travel.TravelTenant.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyResult;
import io.seedreset.api.PackRequest;
import io.seedreset.api.TeardownRequest;
import io.seedreset.testing.BoundaryInvariant;
import java.time.Instant;
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

        tearDown(crunch);
        assertThat(tenant.organizationRows()).isEqualTo(closed);
        tearDown(close);
        assertThat(tenant.organizationRows()).isEqualTo(base);
    }

    @Test
    void both_keep_every_rule_on_books_anchored_at_a_new_year_in_a_summer_peak_and_at_a_quarters_last_minute() {
        List<PackRequest> bases = List.of(
                // Midnight after the quarter's last day: its month-end lines came in a minute before "now".
                TravelTenant.request().mode("minimal").seed(2L).anchor(Instant.parse("2027-01-01T00:00:00Z")),
                TravelTenant.request().seed(5L).anchor(Instant.parse("2027-07-15T12:00:00Z")),
                TravelTenant.request().mode("minimal").seed(4L).anchor(Instant.parse("2026-09-30T23:59:00Z")));

        for (PackRequest request : bases) {
            tenant.apply(request);
            Map<String, List<String>> base = tenant.organizationRows();

            ApplyResult close = tenant.apply(CLOSE);
            ApplyResult crunch = tenant.apply(CRUNCH);

            assertThat(close.anchor()).isEqualTo(request.anchor());
            assertThat(crunch.anchor()).isEqualTo(request.anchor());
            assertThat(tenant.queryForLong("SELECT count(*) FROM accounting.periods WHERE status = 'OPEN'")).as(request.anchor().toString())
                    .isEqualTo(1);
            books.assertValid();
            tearDown(crunch);
            tearDown(close);
            assertThat(tenant.organizationRows()).isEqualTo(base);
            tenant.teardown();
        }
    }

    private void tearDown(ApplyResult application) {
        tenant.seedReset.teardown(TeardownRequest.of(ORG).application(application.applicationId()).confirm(ORG));
    }
}
