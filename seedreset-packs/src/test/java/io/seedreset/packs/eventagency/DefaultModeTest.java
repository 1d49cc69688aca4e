package io.seedreset.packs.eventagency;

import static io.seedreset.packs.eventagency.Tenant.ANCHOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyResult;
import io.seedreset.api.PlanResult;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackDescriptor;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default mode, applied once to a real PostgreSQL and read back. */
class DefaultModeTest {

    private static final Map<String, Long> ISSUE_COUNTS = Map.of(
            "suppliers.vendors", 12L,
            "events.events", 5L,
            "sales.deals", 15L,
            "budget.budgets", 3L,
            "dispatch.work_orders", 5L,
            "spaces.reservations", 8L,
            "spaces.spaces", 4L,
            "identity.users", 2L);

    private static Tenant tenant;
    private static ApplyResult applied;

    @BeforeAll
    static void applyDefaultMode() {
        tenant = Tenant.create();
        applied = tenant.apply(Tenant.request());
    }

    @Test
    void the_pack_is_discovered_with_its_id_version_modules_and_modes() {
        PackDescriptor descriptor = tenant.seedReset.packs().stream()
                .filter(p -> p.id().equals("event-agency-starter")).findFirst().orElseThrow();

        assertThat(descriptor.version()).isEqualTo("1.0.0");
        assertThat(descriptor.title()).isNotBlank();
        assertThat(descriptor.description()).hasSizeGreaterThan(100);
        assertThat(descriptor.modules()).containsExactly("suppliers", "events", "sales", "budget", "dispatch", "spaces", "identity");
        assertThat(descriptor.modes()).extracting(Mode::name).containsExactly("default", "minimal", "full");
        assertThat(descriptor.parameter("events")).isPresent();
        assertThat(descriptor.parameter("vendors")).isPresent();
    }

    @Test
    void default_mode_writes_exactly_the_issue_counts() {
        assertThat(applied.status()).isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(applied.mode()).isEqualTo("default");
        assertThat(applied.counts()).containsAllEntriesOf(ISSUE_COUNTS);
        assertThat(applied.counts().get("budget.budget_lines")).isPositive();
        assertThat(applied.counts()).containsOnlyKeys(Tenant.TABLES);

        Map<String, Long> inDatabase = tenant.counts();
        assertThat(inDatabase).containsAllEntriesOf(ISSUE_COUNTS);
        assertThat(inDatabase).isEqualTo(applied.counts());
    }

    @Test
    void every_budget_total_is_the_exact_sum_of_its_lines() {
        List<Map<String, Object>> budgets = tenant.rows("""
                SELECT b.name, b.total, sum(l.amount) AS lines, count(l.id) AS line_count
                  FROM budget.budgets b JOIN budget.budget_lines l ON l.org_id = b.org_id AND l.budget_id = b.id
                 GROUP BY b.id, b.name, b.total""");

        assertThat(budgets).hasSize(3);
        assertThat(budgets).allSatisfy(budget -> {
            assertThat((BigDecimal) budget.get("total")).isEqualByComparingTo((BigDecimal) budget.get("lines"));
            assertThat((Long) budget.get("line_count")).isGreaterThanOrEqualTo(3);
        });
        assertThat(tenant.queryForLong("SELECT count(*) FROM budget.budget_lines WHERE amount <> quantity * unit_cost")).isZero();
        assertThat(tenant.queryForLong("""
                SELECT count(*) FROM budget.budget_lines l JOIN budget.budgets b ON b.org_id = l.org_id AND b.id = l.budget_id
                 WHERE l.event_id <> b.event_id""")).isZero();
    }

    @Test
    void the_plan_totals_match_the_sums_in_the_database() {
        PlanResult plan = tenant.seedReset.plan(Tenant.request());

        assertThat(plan.totals().get("pipeline value (all deals)"))
                .isEqualByComparingTo(sum("SELECT sum(amount)::text FROM sales.deals"));
        assertThat(plan.totals().get("budgeted")).isEqualByComparingTo(sum("SELECT sum(total)::text FROM budget.budgets"));
        assertThat(plan.totals().get("budget lines")).isEqualByComparingTo(plan.totals().get("budgeted"));
    }

    @Test
    void upcoming_events_fall_in_the_next_six_months_and_one_just_wrapped() {
        List<Map<String, Object>> events = tenant.rows("SELECT name, status, starts_at, ends_at FROM events.events ORDER BY starts_at");

        List<Map<String, Object>> past = events.stream().filter(e -> instant(e, "starts_at").isBefore(ANCHOR)).toList();
        assertThat(past).singleElement().satisfies(event -> {
            assertThat(event.get("status")).isEqualTo("completed");
            assertThat(instant(event, "ends_at")).isBefore(ANCHOR);
            assertThat(instant(event, "starts_at")).isAfter(ANCHOR.minus(Duration.ofDays(45)));
        });
        assertThat(events).filteredOn(e -> !past.contains(e)).hasSize(4).allSatisfy(event -> {
            assertThat(instant(event, "starts_at")).isBetween(ANCHOR.plus(Duration.ofDays(25)), ANCHOR.plus(Duration.ofDays(183)));
            assertThat(event.get("status")).isIn("inquiry", "planning", "confirmed");
        });
    }

    @Test
    void deals_were_opened_in_the_weeks_before_the_anchor() {
        List<Map<String, Object>> deals = tenant.rows("""
                SELECT d.opened_at, d.expected_close, e.status FROM sales.deals d
                  JOIN events.events e ON e.org_id = d.org_id AND e.id = d.event_id""");

        assertThat(deals).allSatisfy(deal -> assertThat(instant(deal, "opened_at")).isBefore(ANCHOR)
                .isAfter(ANCHOR.minus(Duration.ofDays(120))));
        assertThat(deals).filteredOn(d -> !d.get("status").equals("completed"))
                .allSatisfy(deal -> assertThat(instant(deal, "opened_at")).isAfter(ANCHOR.minus(Duration.ofDays(50))));
    }

    @Test
    void reservations_and_work_orders_are_timed_around_their_event() {
        assertThat(tenant.strings("""
                SELECT r.purpose FROM spaces.reservations r JOIN events.events e ON e.org_id = r.org_id AND e.id = r.event_id
                 WHERE r.starts_at < e.starts_at OR r.ends_at > e.ends_at OR r.ends_at <= r.starts_at""")).isEmpty();
        assertThat(tenant.strings("""
                SELECT w.task FROM dispatch.work_orders w JOIN events.events e ON e.org_id = w.org_id AND e.id = w.event_id
                 WHERE w.scheduled_at >= e.starts_at OR w.scheduled_at < e.starts_at - interval '36 hours'""")).isEmpty();
        assertThat(tenant.strings("""
                SELECT s.name FROM spaces.reservations a
                  JOIN spaces.reservations b ON b.space_id = a.space_id AND a.id < b.id
                       AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
                  JOIN spaces.spaces s ON s.id = a.space_id""")).isEmpty();
    }

    @Test
    void no_row_contains_placeholder_text() {
        for (String table : Tenant.TABLES) {
            assertThat(tenant.dump(table)).as(table).isNotEmpty()
                    .noneMatch(row -> row.contains("Test") || row.contains("Lorem") || row.contains("lorem")
                            || row.contains("example.com") || row.contains("#{"));
        }
    }

    @Test
    void people_and_companies_have_plausible_contact_details() {
        List<Map<String, Object>> vendors = tenant.rows("SELECT name, contact_name, email, phone, rating FROM suppliers.vendors");

        assertThat(vendors).allSatisfy(vendor -> {
            // A first name is one word; the surname is the rest ("De La Cruz"), run together in the address.
            String[] name = ((String) vendor.get("contact_name")).toLowerCase().replaceAll("[^a-z ]", "").split(" ", 2);
            assertThat((String) vendor.get("email")).matches("[a-z]+\\.[a-z]+@[a-z]+\\.com")
                    .startsWith(name[0] + "." + name[1].replace(" ", "") + "@");
            assertThat((String) vendor.get("phone")).matches("\\(\\d{3}\\) 555-01\\d{2}");
        });
        assertThat(vendors).extracting(v -> v.get("name")).doesNotHaveDuplicates();
        assertThat(tenant.strings("SELECT DISTINCT category FROM suppliers.vendors")).hasSize(10);
        assertThat(tenant.strings("SELECT contact_email FROM sales.deals"))
                .allSatisfy(email -> assertThat(email).matches("[a-z]+\\.[a-z]+@[a-z]+\\.com"));
    }

    @Test
    void every_child_row_points_at_rows_of_this_pack() {
        assertThat(tenant.queryForLong("""
                SELECT count(*) FROM dispatch.work_orders w
                 WHERE NOT EXISTS (SELECT 1 FROM platform.seed_rows s WHERE s.row_id = w.vendor_id::text AND s.table_name = 'suppliers.vendors')""")).isZero();
        assertThat(tenant.queryForLong("SELECT count(DISTINCT event_id) FROM sales.deals")).isEqualTo(5);
        assertThat(tenant.queryForLong("SELECT count(DISTINCT event_id) FROM dispatch.work_orders")).isEqualTo(5);
        assertThat(tenant.queryForLong("SELECT count(DISTINCT event_id) FROM spaces.reservations")).isEqualTo(5);
        assertThat(tenant.queryForLong("SELECT count(*) FROM platform.seed_rows")).isEqualTo(applied.totalRows());
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }

    private static BigDecimal sum(String sql) {
        return new BigDecimal(tenant.strings(sql).get(0));
    }
}
