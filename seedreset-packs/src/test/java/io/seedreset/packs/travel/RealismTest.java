package io.seedreset.packs.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a prospect reading the books would catch as generated: a trip to Singapore priced like one
 * to Dallas, a tour's price all over the place, a hotel group billing in towns it has no hotel in,
 * a traveller buying the same tour three times in a month, a choir on an alumni cruise, a
 * Christmas market in June, a refund to another card, the company's checks out of order.
 */
class RealismTest {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);
    private static final Pattern TOUR_LINE = Pattern.compile("(.+) \\((\\d+) nights\\), departing (\\w+ \\d{4}), per traveller");
    private static final Pattern GROUP_LINE = Pattern.compile("(.+), departing (\\w+ \\d{4}), per traveller");

    @ParameterizedTest
    @ValueSource(strings = {"default", "full"})
    void trips_are_priced_by_where_they_go_and_tours_at_their_list_price(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        Map<String, List<BigDecimal>> tourPrices = new HashMap<>();
        for (Map<String, Object> line : tenant.rows("""
                SELECT l.description, l.unit_price, l.quantity, i.issue_date FROM accounting.invoice_lines l
                JOIN accounting.invoices i ON i.id = l.invoice_id WHERE l.description LIKE '%nights), departing%'""")) {
            Matcher matcher = TOUR_LINE.matcher((String) line.get("description"));
            assertThat(matcher.matches()).as((String) line.get("description")).isTrue();
            Catalog.Tour tour = Catalog.TOURS.stream().filter(t -> t.name().equals(matcher.group(1))).findFirst().orElseThrow();
            YearMonth departs = YearMonth.parse(matcher.group(3), MONTH);
            YearMonth sold = YearMonth.from(((java.sql.Date) line.get("issue_date")).toLocalDate());
            assertThat(tour.departs()).as("%s departing %s", tour.name(), departs).contains(departs.getMonth());
            assertThat(departs).as("%s sold %s", tour.name(), sold).isAfter(sold).isBeforeOrEqualTo(sold.plusMonths(12));
            BigDecimal price = (BigDecimal) line.get("unit_price");
            // The list price, a small premium or discount for the season, a single traveller's supplement.
            assertThat(price.doubleValue()).as(tour.name()).isBetween(tour.listPrice() * 0.88, tour.listPrice() * 1.25);
            tourPrices.computeIfAbsent(tour.name(), t -> new ArrayList<>()).add(price);
        }
        assertThat(tourPrices).isNotEmpty();
        assertThat(tourPrices.get("Christmas Markets on the Danube")).as("never sold").isNotNull();

        Map<String, Double> perTraveller = new HashMap<>();
        for (Map<String, Object> row : tenant.rows("""
                SELECT substring(description FROM 'Chicago to (.+), air and') AS place, sum(amount) / sum(quantity) AS average
                FROM accounting.invoice_lines WHERE description LIKE 'Business travel:%' GROUP BY 1""")) {
            perTraveller.put((String) row.get("place"), ((BigDecimal) row.get("average")).doubleValue());
        }
        assertThat(perTraveller.get("Singapore")).as("Singapore against Dallas").isGreaterThan(2 * perTraveller.get("Dallas"));
        assertThat(perTraveller.get("London")).as("London against Atlanta").isGreaterThan(1.8 * perTraveller.get("Atlanta"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "full"})
    void suppliers_bill_where_they_work_at_the_place_s_prices(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        Map<String, List<Double>> fares = new HashMap<>();
        List<Map<String, Object>> lines = tenant.rows("""
                SELECT v.name AS vendor, l.description, l.unit_price FROM accounting.bill_lines l
                JOIN accounting.bills b ON b.id = l.bill_id JOIN suppliers.vendors v ON v.id = b.vendor_id
                WHERE v.category IN ('airline', 'lodging', 'tour_operator', 'transportation')""");
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            Catalog.Supplier supplier = Catalog.SUPPLIERS.stream().filter(s -> s.name().equals(line.get("vendor"))).findFirst().orElseThrow();
            String description = (String) line.get("description");
            Catalog.Place place = Catalog.place(placeOf(description));
            assertThat(supplier.serves(place)).as("%s: %s", supplier.name(), description).isTrue();
            if (description.startsWith("Airfare")) {
                fares.computeIfAbsent(place.name(), p -> new ArrayList<>()).add(((BigDecimal) line.get("unit_price")).doubleValue());
            }
        });
        // A fare follows the place's, dearer in the peaks: never a Lisbon fare at a Nashville price.
        fares.forEach((place, prices) -> assertThat(prices.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .as(place).isLessThan(1.6 * prices.stream().mapToDouble(Double::doubleValue).min().orElseThrow()));
        assertThat(fares.get("Queenstown") == null || fares.get("Orlando") == null
                || fares.get("Queenstown").get(0) > 3 * fares.get("Orlando").get(0)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void travellers_do_not_buy_the_same_tour_again_and_groups_take_trips_that_suit_them(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        Map<String, List<LocalDate>> bookings = new HashMap<>();
        Map<String, Integer> sameTour = new HashMap<>();
        for (Map<String, Object> row : tenant.rows("""
                SELECT c.name, c.kind, i.issue_date, l.description FROM accounting.invoices i
                JOIN accounting.customers c ON c.id = i.customer_id
                JOIN accounting.invoice_lines l ON l.invoice_id = i.id AND l.line_no = 1
                WHERE c.kind <> 'CORPORATE' ORDER BY i.issue_date""")) {
            String name = (String) row.get("name");
            String description = (String) row.get("description");
            bookings.computeIfAbsent(name, n -> new ArrayList<>()).add(((java.sql.Date) row.get("issue_date")).toLocalDate());
            if (row.get("kind").equals("INDIVIDUAL")) {
                Matcher tour = TOUR_LINE.matcher(description);
                assertThat(tour.matches()).as(description).isTrue();
                sameTour.merge(name + "/" + tour.group(1), 1, Integer::sum);
            } else {
                Matcher trip = GROUP_LINE.matcher(description);
                assertThat(trip.matches()).as(description).isTrue();
                Catalog.GroupKind kind = kindOf(name);
                assertThat(kind.trips()).as("%s on %s", name, trip.group(1)).contains(trip.group(1));
                Month departs = YearMonth.parse(trip.group(2), MONTH).getMonth();
                assertThat(Catalog.groupTrip(trip.group(1)).departs()).as(description).contains(departs);
            }
        }
        // Minimal's few groups share many group trips: there a club may repeat one, never a traveller a tour.
        assertThat(sameTour).as("a traveller buying a tour again").allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
        // Minimal's year has too few customers for its bookings to rest them all: there the shares are what is asked.
        if (mode.equals("minimal")) {
            return;
        }
        bookings.forEach((name, days) -> {
            for (int i = 1; i < days.size(); i++) {
                assertThat(ChronoUnit.DAYS.between(days.get(i - 1), days.get(i))).as("%s booking again", name).isGreaterThanOrEqualTo(30);
            }
            for (int i = 2; i < days.size(); i++) {
                assertThat(ChronoUnit.DAYS.between(days.get(i - 2), days.get(i))).as("%s's three bookings", name).isGreaterThan(120);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"default"})
    void a_refund_goes_to_the_card_paid_from_and_checks_go_out_in_number_order(String mode) {
        TravelTenant tenant = AppliedModes.of(mode).tenant();

        Map<String, Object> refund = tenant.rows("SELECT customer_id, reference FROM accounting.payments WHERE direction = 'REFUND'").get(0);
        assertThat(tenant.strings("SELECT p.reference FROM accounting.payments p WHERE p.direction = 'RECEIVED' AND p.customer_id = '"
                + refund.get("customer_id") + "' AND p.amount > (SELECT sum(a.amount) FROM accounting.payment_allocations a "
                + "WHERE a.payment_id = p.id)")).containsExactly((String) refund.get("reference"));

        List<String> checks = tenant.strings("SELECT reference FROM accounting.payments WHERE direction = 'SENT' AND method = 'CHECK' "
                + "ORDER BY paid_on, created_at");
        assertThat(checks).hasSizeGreaterThan(5);
        for (int i = 1; i < checks.size(); i++) {
            assertThat(number(checks.get(i))).as(checks.get(i)).isEqualTo(number(checks.get(i - 1)) + 1);
        }
        assertThat(tenant.rows("""
                SELECT customer_id FROM accounting.payments WHERE direction = 'RECEIVED' AND method = 'CARD'
                GROUP BY customer_id HAVING count(DISTINCT reference) > 1""")).as("customers paying with another card").isEmpty();
    }

    private static int number(String check) {
        return Integer.parseInt(check.substring("Check ".length()));
    }

    /** The place a supplier's line is for: after the colon and before the month, or O'Hare's Chicago. */
    private static String placeOf(String description) {
        if (description.startsWith("Coach transfers to and from O'Hare")) {
            return "Chicago";
        }
        String after = description.substring(description.indexOf(": ") + 2);
        if (after.startsWith("Chicago to ")) {
            after = after.substring("Chicago to ".length());
        }
        Matcher month = Pattern.compile(", \\w+ \\d{4}").matcher(after);
        assertThat(month.find()).as(description).isTrue();
        return after.substring(0, month.start());
    }

    private static Catalog.GroupKind kindOf(String name) {
        if (name.endsWith(" Family Reunion")) {
            return Catalog.FAMILY_REUNION;
        }
        return Catalog.GROUPS.stream().filter(g -> name.endsWith(g.template().replace("{town}", ""))).findFirst().orElseThrow();
    }
}
