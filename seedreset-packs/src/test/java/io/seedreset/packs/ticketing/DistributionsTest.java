package io.seedreset.packs.ticketing;

import static io.seedreset.packs.ticketing.TicketingTenant.ANCHOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seedreset.pack.PackContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape of the data: the distributions, with tolerances that fit each mode's size.
 * Shares that come from exact allocations are held to within one row of their target; shares
 * that come from per-row draws get a margin.
 */
class DistributionsTest {

    private static final Timestamp NOW = Timestamp.from(ANCHOR);

    @ParameterizedTest
    @ValueSource(strings = {"default", "full"})
    void event_statuses_follow_the_target_shares(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();
        long events = tenant.count("ticketing.events");

        Map<String, Long> statuses = tenant.histogram("SELECT status, count(*) FROM ticketing.events GROUP BY status");

        Map.of("ON_SALE", 0.40, "PUBLISHED", 0.20, "SOLD_OUT", 0.15, "COMPLETED", 0.10, "DRAFT", 0.10, "CANCELLED", 0.05)
                .forEach((status, share) -> assertThat((double) statuses.get(status)).as(status).isCloseTo(share * events, within(1.0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void only_completed_events_are_past_and_upcoming_ones_fill_the_windows(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();

        assertThat(tenant.strings("SELECT name FROM ticketing.events WHERE (starts_at < ?) <> (status = 'COMPLETED')", NOW)).isEmpty();
        assertThat(tenant.strings("SELECT name FROM ticketing.events WHERE status = 'COMPLETED' AND ends_at >= ?", NOW)).isEmpty();
        Map<String, Long> windows = tenant.histogram("""
                SELECT CASE WHEN d < 0 THEN 'past' WHEN d < 7 THEN 'this week' WHEN d <= 30 THEN '7-30 days'
                            WHEN d <= 90 THEN '1-3 months' WHEN d <= 183 THEN '3-6 months' ELSE 'later' END, count(*)
                  FROM (SELECT extract(epoch FROM starts_at - ?) / 86400 AS d FROM ticketing.events) e GROUP BY 1""", NOW);
        assertThat(windows).doesNotContainKeys("this week", "later");
        if (!mode.equals("minimal")) {
            // The 5% past conflicts with 10% COMPLETED, which are always past: the upcoming 90% keep 30:50:15.
            long upcoming = tenant.queryForLong("SELECT count(*) FROM ticketing.events WHERE starts_at > ?", NOW);
            assertThat((double) windows.get("7-30 days")).isCloseTo(upcoming * 30 / 95.0, within(1.0));
            assertThat((double) windows.get("1-3 months")).isCloseTo(upcoming * 50 / 95.0, within(1.0));
            assertThat((double) windows.get("3-6 months")).isCloseTo(upcoming * 15 / 95.0, within(1.0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void shows_start_on_weekend_evenings_in_the_venues_local_time(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();
        String local = """
                SELECT e.name, e.category, v.kind, e.timezone = v.timezone AS venue_zone,
                       extract(isodow FROM e.starts_at AT TIME ZONE e.timezone) AS dow,
                       to_char(e.starts_at AT TIME ZONE e.timezone, 'HH24:MI') AS starts,
                       to_char(e.ends_at AT TIME ZONE e.timezone, 'HH24:MI') AS ends,
                       (e.ends_at AT TIME ZONE e.timezone)::date - (e.starts_at AT TIME ZONE e.timezone)::date + 1 AS days
                  FROM ticketing.events e JOIN ticketing.venues v ON v.id = e.venue_id""";
        List<Map<String, Object>> events = tenant.rows(local);

        assertThat(events).allSatisfy(e -> assertThat(e.get("venue_zone")).as("%s", e).isEqualTo(true));
        List<Map<String, Object>> evenings = events.stream()
                .filter(e -> List.of("CONCERT", "SPORTS", "COMEDY").contains(e.get("category"))).toList();
        assertThat(evenings).allSatisfy(e -> {
            assertThat(e.get("starts").toString()).as("%s", e).isBetween("19:00", "21:00");
            assertThat(((Number) e.get("dow")).intValue()).as("%s", e).isBetween(4, 6);
        });
        assertThat(events.stream().filter(e -> e.get("category").equals("THEATER"))).allSatisfy(e -> assertThat(
                e.get("starts").equals("14:00") ? ((Number) e.get("dow")).intValue() <= 5 : ((Number) e.get("dow")).intValue() >= 5)
                .as("matinees on weekdays, evenings on Friday or Saturday: %s", e).isTrue());
        assertThat(events.stream().filter(e -> e.get("category").equals("CONFERENCE"))).allSatisfy(e -> {
            assertThat(((Number) e.get("dow")).intValue()).as("%s", e).isBetween(1, 5);
            assertThat(e.get("starts")).isEqualTo("09:00");
            assertThat(((Number) e.get("days")).intValue()).isBetween(2, 3);
        });
        assertThat(events.stream().filter(e -> e.get("category").equals("FESTIVAL"))).allSatisfy(e -> {
            assertThat(((Number) e.get("dow")).intValue()).as("%s", e).isBetween(5, 6);
            assertThat(((Number) e.get("days")).intValue()).isBetween(2, 3);
            assertThat(e.get("ends")).isEqualTo("23:00");
        });
        long weekendEvenings = events.stream().filter(e -> ((Number) e.get("dow")).intValue() >= 5
                && ((Number) e.get("dow")).intValue() <= 6 && e.get("starts").toString().compareTo("19:00") >= 0
                && e.get("starts").toString().compareTo("21:00") <= 0).count();
        assertThat(weekendEvenings).as("most shows start Friday or Saturday, 7 to 9 PM").isGreaterThan(events.size() / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "full"})
    void order_statuses_follow_the_target_shares(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();
        long orders = tenant.count("ticketing.orders");

        Map<String, Long> statuses = tenant.histogram("SELECT status, count(*) FROM ticketing.orders GROUP BY status");

        Map.of("PAID", 0.70, "PENDING", 0.15, "CANCELLED", 0.10, "REFUNDED", 0.05)
                .forEach((status, share) -> assertThat((double) statuses.get(status)).as(status).isCloseTo(share * orders, within(1.0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "full"})
    void ticket_statuses_come_close_to_the_targets(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();
        double tickets = tenant.count("ticketing.tickets");
        double margin = mode.equals("full") ? 0.05 : 0.07;

        Map<String, Long> statuses = tenant.histogram("SELECT status, count(*) FROM ticketing.tickets GROUP BY status");

        assertThat(statuses.get("VALID") / tickets).as("VALID").isCloseTo(0.60, within(margin + 0.03));
        assertThat(statuses.get("USED") / tickets).as("USED").isCloseTo(0.20, within(margin));
        assertThat(statuses.get("TRANSFERRED") / tickets).as("TRANSFERRED").isCloseTo(0.10, within(margin));
        assertThat(statuses.get("CANCELLED") / tickets).as("CANCELLED").isCloseTo(0.10, within(margin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void every_status_appears_in_every_mode(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();

        assertThat(tenant.strings("SELECT DISTINCT status FROM ticketing.orders"))
                .containsExactlyInAnyOrder("PAID", "PENDING", "CANCELLED", "REFUNDED");
        assertThat(tenant.strings("SELECT DISTINCT status FROM ticketing.tickets"))
                .containsExactlyInAnyOrder("VALID", "USED", "TRANSFERRED", "CANCELLED");
        // Five events have room for five of the six statuses; the largest-remainder allocation leaves out CANCELLED (5%).
        assertThat(tenant.strings("SELECT DISTINCT status FROM ticketing.events"))
                .hasSize(mode.equals("minimal") ? 5 : 6).contains("ON_SALE", "PUBLISHED", "SOLD_OUT", "COMPLETED", "DRAFT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void tickets_agree_with_their_orders_and_events(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();
        String ticketsWithEvents = """
                SELECT k.barcode FROM ticketing.tickets k
                  JOIN ticketing.order_items i ON i.id = k.order_item_id JOIN ticketing.orders o ON o.id = i.order_id
                  JOIN ticketing.events e ON e.id = o.event_id WHERE\s""";

        assertThat(tenant.strings(ticketsWithEvents + "k.status = 'USED' AND e.status <> 'COMPLETED'")).isEmpty();
        assertThat(tenant.strings(ticketsWithEvents + "k.status = 'TRANSFERRED' AND e.starts_at < ?", NOW)).isEmpty();
        assertThat(tenant.strings(ticketsWithEvents + "(k.status = 'CANCELLED') <> (o.status IN ('CANCELLED', 'REFUNDED'))")).isEmpty();
        assertThat(tenant.strings(ticketsWithEvents + "o.status = 'PENDING'")).as("pending orders have no tickets yet").isEmpty();
        assertThat(tenant.strings("""
                SELECT o.order_number FROM ticketing.orders o JOIN ticketing.events e ON e.id = o.event_id
                 WHERE e.status = 'CANCELLED' AND o.status <> 'REFUNDED'""")).as("a cancelled event's orders are refunded").isEmpty();
        assertThat(tenant.strings("""
                SELECT k.barcode FROM ticketing.tickets k
                  LEFT JOIN ticketing.scan_logs s ON s.ticket_id = k.id AND s.result = 'ACCEPTED'
                  LEFT JOIN ticketing.scanners d ON d.id = s.scanner_id
                  JOIN ticketing.order_items i ON i.id = k.order_item_id JOIN ticketing.orders o ON o.id = i.order_id
                  JOIN ticketing.events e ON e.id = o.event_id
                 WHERE k.status = 'USED' AND (s.id IS NULL OR d.event_id <> e.id
                       OR s.scanned_at NOT BETWEEN e.starts_at - interval '2 hours' AND e.starts_at)""")).isEmpty();
        assertThat(tenant.strings("""
                SELECT k.barcode FROM ticketing.tickets k
                  JOIN ticketing.order_items i ON i.id = k.order_item_id JOIN ticketing.orders o ON o.id = i.order_id
                  LEFT JOIN ticketing.ticket_transfers t ON t.ticket_id = k.id
                 WHERE k.status = 'TRANSFERRED' AND (t.id IS NULL OR t.from_user_id <> o.customer_id OR t.to_email <> k.holder_email
                       OR t.to_user_id IS DISTINCT FROM k.holder_user_id OR t.transferred_at < k.issued_at)""")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "full"})
    void promo_codes_come_in_the_four_kinds(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();
        long codes = tenant.count("ticketing.promo_codes");

        Map<String, Long> kinds = tenant.histogram("""
                SELECT CASE WHEN event_id IS NOT NULL THEN 'event' WHEN NOT active THEN 'disabled'
                            WHEN valid_to < ? THEN 'expired' ELSE 'active' END, count(*)
                  FROM ticketing.promo_codes GROUP BY 1""", NOW);

        Map.of("active", 0.60, "expired", 0.20, "disabled", 0.10, "event", 0.10)
                .forEach((kind, share) -> assertThat((double) kinds.get(kind)).as(kind).isCloseTo(share * codes, within(1.0)));
        assertThat(tenant.strings("SELECT code FROM ticketing.promo_codes")).allSatisfy(code -> assertThat(code).matches("[A-Z]{3,}\\d{1,3}"));
        assertThat(tenant.queryForLong("""
                SELECT count(*) FROM ticketing.promo_codes WHERE active AND valid_from <= ? AND valid_to >= ? AND event_id IS NULL""",
                NOW, NOW)).as("active codes are valid today").isEqualTo(kinds.get("active"));
        assertThat(tenant.queryForLong("SELECT count(*) FROM ticketing.orders WHERE promo_code_id IS NOT NULL"))
                .as("some orders redeemed a code").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void prices_fit_the_category_and_the_tiers_fit_general_admission(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();
        List<Map<String, Object>> prices = tenant.rows("""
                SELECT e.name, e.category, v.kind,
                       max(t.price) FILTER (WHERE t.tier = 'GENERAL') AS general,
                       max(t.price) FILTER (WHERE t.tier = 'VIP') AS vip,
                       max(t.price) FILTER (WHERE t.tier = 'EARLY_BIRD') AS early_bird
                  FROM ticketing.events e JOIN ticketing.venues v ON v.id = e.venue_id
                  JOIN ticketing.ticket_types t ON t.event_id = e.id
                 GROUP BY e.id, e.name, e.category, v.kind""");

        assertThat(prices).allSatisfy(event -> {
            double general = ((BigDecimal) event.get("general")).doubleValue();
            int[] band = band((String) event.get("category"), (String) event.get("kind"));
            assertThat(general).as("%s", event).isBetween((double) band[0], (double) band[1]);
            assertThat(((BigDecimal) event.get("vip")).doubleValue() / general).as("VIP multiple of %s", event).isBetween(2.0, 5.0);
            if (event.get("early_bird") != null) {
                assertThat(((BigDecimal) event.get("early_bird")).doubleValue() / general).as("early bird of %s", event)
                        .isBetween(0.7995, 0.9005);
            }
        });
    }

    /** The general-admission price bands; comedy and festivals, which it leaves out, have bands of their own. */
    private static int[] band(String category, String venueKind) {
        return switch (category) {
            case "CONCERT" -> switch (venueKind) {
                case "CLUB" -> new int[] {15, 40};
                case "CONCERT_HALL", "THEATER" -> new int[] {50, 150};
                default -> new int[] {75, 500};
            };
            case "THEATER" -> new int[] {40, 125};
            case "SPORTS" -> new int[] {30, 300};
            case "CONFERENCE" -> new int[] {99, 1_500};
            case "COMEDY" -> venueKind.equals("CLUB") ? new int[] {20, 40} : new int[] {45, 125};
            default -> new int[] {89, 349};
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void fees_are_ten_to_fifteen_percent_and_tax_follows_the_city(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();

        assertThat(tenant.strings("""
                SELECT order_number FROM ticketing.orders
                 WHERE fees < round(subtotal * 0.10, 2) OR fees > round(subtotal * 0.15, 2)""")).isEmpty();
        assertThat(tenant.strings("""
                SELECT o.order_number FROM ticketing.orders o JOIN ticketing.events e ON e.id = o.event_id
                  JOIN ticketing.venues v ON v.id = e.venue_id
                 WHERE (v.state IN ('CA', 'OR') OR o.discount = o.subtotal) <> (o.tax = 0)"""))
                .as("no admissions tax in California and Oregon (nor on a free order) only").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "full"})
    void events_sell_through_as_their_status_says(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();
        Map<String, Object> sales = tenant.rows("""
                SELECT count(*) FILTER (WHERE e.status = 'ON_SALE') AS on_sale,
                       count(*) FILTER (WHERE e.status = 'ON_SALE' AND s.through BETWEEN 0.6 AND 0.8) AS typical,
                       count(*) FILTER (WHERE e.status = 'SOLD_OUT' AND s.available > 0) AS unsold_sold_out,
                       count(*) FILTER (WHERE e.status IN ('PUBLISHED', 'DRAFT') AND s.sold > 0) AS sold_before_sale,
                       count(*) FILTER (WHERE e.status = 'COMPLETED' AND s.through < 0.85) AS thin_completed
                  FROM ticketing.events e
                  JOIN (SELECT event_id, sum(quantity_sold) AS sold, sum(quantity_available) AS available,
                               sum(quantity_sold)::numeric / sum(quantity_total) AS through
                          FROM ticketing.ticket_types GROUP BY event_id) s ON s.event_id = e.id""").get(0);

        assertThat((Long) sales.get("typical")).as("most events on sale stand at 60-80%")
                .isGreaterThanOrEqualTo((Long) sales.get("on_sale") / 2 + 1);
        assertThat(sales.get("unsold_sold_out")).isEqualTo(0L);
        assertThat(sales.get("sold_before_sale")).isEqualTo(0L);
        assertThat(sales.get("thin_completed")).isEqualTo(0L);
        assertThat(tenant.queryForLong("SELECT count(*) FROM ticketing.ticket_types WHERE quantity_sold = 0")).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "full"})
    void orders_hold_about_2_3_tickets_mostly_bought_weeks_ahead_and_none_in_the_future(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();

        double perOrder = tenant.queryForDouble(
                "SELECT sum(quantity)::float / (SELECT count(*) FROM ticketing.orders) FROM ticketing.order_items");
        assertThat(perOrder).isCloseTo(2.3, within(0.3));
        double weeksAhead = tenant.queryForDouble("""
                SELECT avg(CASE WHEN e.starts_at - o.placed_at BETWEEN interval '14 days' AND interval '28 days' THEN 1 ELSE 0 END)
                  FROM ticketing.orders o JOIN ticketing.events e ON e.id = o.event_id WHERE e.status = 'COMPLETED'""");
        assertThat(weeksAhead).as("orders for completed shows bought 2 to 4 weeks ahead").isGreaterThan(0.5);
        assertThat(tenant.strings("""
                SELECT o.order_number FROM ticketing.orders o JOIN ticketing.events e ON e.id = o.event_id
                 WHERE o.placed_at > ? OR o.paid_at > ? OR o.cancelled_at > ? OR o.refunded_at > ? OR o.placed_at < e.sales_start""",
                NOW, NOW, NOW, NOW)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void nothing_happened_after_the_anchor(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();

        assertThat(tenant.queryForLong("""
                WITH anchor AS (SELECT timestamptz '%s' AS t)
                SELECT (SELECT count(*) FROM ticketing.users, anchor WHERE created_at > t OR last_login_at > t)
                     + (SELECT count(*) FROM ticketing.companies, anchor WHERE created_at > t)
                     + (SELECT count(*) FROM ticketing.events, anchor WHERE created_at > t)
                     + (SELECT count(*) FROM ticketing.promo_codes, anchor WHERE created_at > t)
                     + (SELECT count(*) FROM ticketing.tickets, anchor WHERE issued_at > t)
                     + (SELECT count(*) FROM ticketing.ticket_transfers, anchor WHERE transferred_at > t)
                     + (SELECT count(*) FROM ticketing.scan_logs, anchor WHERE scanned_at > t)
                     + (SELECT count(*) FROM ticketing.scanners, anchor WHERE last_seen_at > t)
                     + (SELECT count(*) FROM ticketing.notifications, anchor WHERE sent_at > t OR read_at > t)""".formatted(ANCHOR)))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void venues_are_real_places_of_every_size_with_the_stadium_first(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();
        PackContext context = new PackContext(TicketingDemoPack.ID, TicketingTenant.ORG, TicketingTenant.SEED, ANCHOR, mode, Map.of());
        Map<String, String[]> cities = Map.of(
                "New York", new String[] {"NY", "America/New_York", "10"},
                "Los Angeles", new String[] {"CA", "America/Los_Angeles", "900"},
                "Chicago", new String[] {"IL", "America/Chicago", "606"},
                "Austin", new String[] {"TX", "America/Chicago", "787"},
                "Nashville", new String[] {"TN", "America/Chicago", "372"},
                "Portland", new String[] {"OR", "America/Los_Angeles", "972"});

        assertThat(tenant.rows("SELECT city, state, timezone, zip FROM ticketing.venues")).allSatisfy(venue -> {
            String[] city = cities.get((String) venue.get("city"));
            assertThat(city).as("%s", venue).isNotNull();
            assertThat(venue.get("state")).isEqualTo(city[0]);
            assertThat(venue.get("timezone")).isEqualTo(city[1]);
            assertThat((String) venue.get("zip")).matches(city[2] + "\\d+").hasSize(5);
        });
        assertThat(tenant.rows("SELECT kind, capacity FROM ticketing.venues WHERE id = ?", context.id("venue", 0)))
                .singleElement().satisfies(venue -> {
                    assertThat(venue.get("kind")).isEqualTo("STADIUM");
                    assertThat((Integer) venue.get("capacity")).isGreaterThanOrEqualTo(50_000);
                });
        assertThat(tenant.strings("SELECT status FROM ticketing.events WHERE id = ? AND venue_id = ?",
                context.id("event", 0), context.id("venue", 0))).containsExactly("ON_SALE");
        assertThat(tenant.strings("""
                SELECT DISTINCT CASE WHEN capacity >= 10000 THEN 'large' WHEN capacity >= 1000 THEN 'medium' ELSE 'small' END
                  FROM ticketing.venues""")).containsExactlyInAnyOrder("large", "medium", "small");
        if (!mode.equals("minimal")) {
            assertThat(tenant.strings("SELECT DISTINCT city FROM ticketing.venues")).hasSize(6);
            assertThat(tenant.strings("SELECT DISTINCT type FROM ticketing.companies"))
                    .containsExactlyInAnyOrder("PROMOTER", "VENUE", "RESELLER");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void people_and_messages_look_real_and_reach_no_one(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();

        assertThat(tenant.strings("""
                SELECT email FROM ticketing.users UNION ALL SELECT holder_email FROM ticketing.tickets
                 UNION ALL SELECT to_email FROM ticketing.ticket_transfers UNION ALL SELECT email FROM ticketing.companies"""))
                .allSatisfy(email -> assertThat(email).matches("[a-z]+\\.?[a-z]+\\d*@([a-z]+\\.)?example\\.(com|net|org)"));
        assertThat(tenant.strings("SELECT phone FROM ticketing.users WHERE phone IS NOT NULL UNION ALL SELECT phone FROM ticketing.companies"))
                .allSatisfy(phone -> assertThat(phone).matches("\\(\\d{3}\\) 555-01\\d{2}"));
        assertThat(tenant.strings("""
                SELECT first_name || ' ' || last_name FROM ticketing.users UNION ALL SELECT name FROM ticketing.events
                 UNION ALL SELECT name FROM ticketing.companies UNION ALL SELECT subject || ' ' || body FROM ticketing.notifications"""))
                .noneMatch(text -> text.matches("(?i).*(test|lorem|user \\d|#\\{|null).*"));
        assertThat(tenant.strings("""
                SELECT n.subject FROM ticketing.notifications n
                 WHERE n.kind <> 'ACCOUNT' AND NOT EXISTS (SELECT 1 FROM ticketing.notification_preferences p
                        WHERE p.user_id = n.user_id AND p.channel = n.channel AND p.kind = n.kind AND p.enabled)"""))
                .as("messages only where the user wants them").isEmpty();
    }
}
