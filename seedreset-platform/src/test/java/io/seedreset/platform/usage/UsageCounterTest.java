package io.seedreset.platform.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.testing.TestTenant;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests counted in memory reach operations.usage, added to what is there, and none is lost to a failed flush or to concurrency. */
class UsageCounterTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final String EVENT = "/api/v1/ticketing/events/{id}";

    private TestTenant tenant;
    private UUID organization;

    @BeforeEach
    void aTenant() {
        tenant = TestTenant.builder().organization("harbor-demo", "Harbor Events (demo)").clock(Instant.parse("2026-11-21T09:00:00Z")).build();
        organization = UUID.fromString(tenant.organizationId());
    }

    @Test
    void counts_are_added_per_day_module_route_and_persona_flush_after_flush() throws SQLException {
        UsageCounter counter = new UsageCounter(tenant.dataSource);
        count(counter, DAY, EVENT, "maya.chen@example.org", 3);
        count(counter, DAY, EVENT, "sam.ortiz@example.org", 1);
        count(counter, DAY.minusDays(1), EVENT, "maya.chen@example.org", 2);

        assertThat(counter.flush()).as("rows written").isEqualTo(3);
        assertThat(counter.flush()).as("nothing left").isZero();
        count(counter, DAY, EVENT, "maya.chen@example.org", 4);
        counter.close();

        UsageReport report = UsageReport.read(tenant.dataSource, organization, "harbor-demo", DAY.minusDays(6), DAY);
        assertThat(report.rows()).containsExactly(
                new UsageReport.Row(DAY.minusDays(1), "ticketing", EVENT, "maya.chen@example.org", 2),
                new UsageReport.Row(DAY, "ticketing", EVENT, "maya.chen@example.org", 7),
                new UsageReport.Row(DAY, "ticketing", EVENT, "sam.ortiz@example.org", 1));
        assertThat(UsageReport.read(tenant.dataSource, organization, "harbor-demo", DAY, DAY).rows()).as("the period's days only").hasSize(2);
    }

    @Test
    void a_flush_the_database_refuses_keeps_its_counts_for_the_next_one() throws SQLException {
        UsageCounter counter = new UsageCounter(tenant.dataSource);
        count(counter, DAY, EVENT, "maya.chen@example.org", 5);
        tenant.execute("ALTER TABLE operations.usage RENAME TO usage_away");
        try {
            assertThatThrownBy(counter::flush).isInstanceOf(SQLException.class);
            count(counter, DAY, EVENT, "maya.chen@example.org", 1);
        } finally {
            tenant.execute("ALTER TABLE operations.usage_away RENAME TO usage");
        }
        assertThat(counter.flush()).isEqualTo(1);

        assertThat(tenant.queryForLong("SELECT count FROM operations.usage")).isEqualTo(6);
    }

    @Test
    void requests_counted_while_flushes_run_are_all_counted() throws Exception {
        UsageCounter counter = new UsageCounter(tenant.dataSource);
        ExecutorService requests = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            requests.submit(() -> count(counter, DAY, EVENT, "maya.chen@example.org", 2_500));
        }
        requests.shutdown();
        while (!requests.awaitTermination(10, TimeUnit.MILLISECONDS)) {
            counter.flush();
        }
        counter.flush();

        assertThat(tenant.queryForLong("SELECT count FROM operations.usage")).isEqualTo(10_000);
    }

    private void count(UsageCounter counter, LocalDate day, String route, String persona, int times) {
        for (int i = 0; i < times; i++) {
            counter.count(new UsageCounter.Key(organization, day, "ticketing", route, persona));
        }
    }
}
