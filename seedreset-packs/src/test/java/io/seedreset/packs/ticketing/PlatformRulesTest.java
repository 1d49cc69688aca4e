package io.seedreset.packs.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.platform.ticketing.Barcodes;
import io.seedreset.platform.ticketing.EmailAddresses;
import io.seedreset.platform.ticketing.EventSlugs;
import io.seedreset.platform.ticketing.OrderNumbers;
import io.seedreset.platform.ticketing.OrderPricing;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The platform's ticketing workflows (seedreset-platform, io.seedreset.platform.ticketing) place orders, issue
 * barcodes and draft events by this pack's rules, written there once more because the packs compile against the
 * pack API alone. These tests hold the two copies together: the platform's rules reproduce every seeded order,
 * ticket, number, barcode and slug, and agree with the pack's own functions.
 */
class PlatformRulesTest {

    private final TicketingTenant tenant = AppliedModes.of("default").tenant();

    @Test
    void the_platforms_pricing_is_the_packs_on_the_same_amounts() {
        Random random = new Random(8);
        for (int i = 0; i < 2_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(500_000), 2);
            BigDecimal rate = BigDecimal.valueOf(random.nextInt(20_000), 5);
            assertThat(OrderPricing.fees(amount, rate)).as(amount + " at " + rate).isEqualTo(Pricing.fees(amount, rate));
            assertThat(OrderPricing.tax(amount, rate)).as(amount + " at " + rate).isEqualTo(Pricing.tax(amount, rate));
        }
        for (Catalog.City city : Catalog.CITIES) {
            assertThat(OrderPricing.admissionsTaxRate(city.name(), city.state())).as(city.name())
                    .isEqualByComparingTo(city.admissionsTax());
        }
    }

    @Test
    void the_platforms_rules_reproduce_every_seeded_orders_fees_tax_discount_and_prices_paid() {
        Map<String, Map<String, Object>> eventSums = new HashMap<>();
        for (Map<String, Object> row : tenant.rows("SELECT event_id::text AS event, sum(fees) AS fees, sum(subtotal) AS subtotals, count(*) AS orders"
                + " FROM ticketing.orders WHERE subtotal > 0 GROUP BY event_id")) {
            eventSums.put((String) row.get("event"), row);
        }
        List<Map<String, Object>> orders = tenant.rows("""
                SELECT o.order_number, o.event_id::text AS event, o.subtotal, o.fees, o.tax, o.discount, o.total,
                       p.discount_type, p.discount_value, v.city, v.state
                  FROM ticketing.orders o
                  JOIN ticketing.events e ON e.id = o.event_id JOIN ticketing.venues v ON v.id = e.venue_id
                  LEFT JOIN ticketing.promo_codes p ON p.id = o.promo_code_id""");
        assertThat(orders).hasSizeGreaterThan(20).anySatisfy(order -> assertThat(order.get("discount_type")).isNotNull());
        for (Map<String, Object> order : orders) {
            BigDecimal subtotal = (BigDecimal) order.get("subtotal");
            BigDecimal discount = order.get("discount_type") == null ? BigDecimal.ZERO.setScale(2)
                    : OrderPricing.discount((String) order.get("discount_type"), (BigDecimal) order.get("discount_value"), subtotal);
            Map<String, Object> sums = eventSums.get((String) order.get("event"));
            BigDecimal rate = OrderPricing.feeRateOf((BigDecimal) sums.get("fees"), (BigDecimal) sums.get("subtotals"), (Long) sums.get("orders"));
            BigDecimal fees = OrderPricing.fees(subtotal, rate);
            BigDecimal tax = OrderPricing.tax(subtotal.subtract(discount),
                    OrderPricing.admissionsTaxRate((String) order.get("city"), (String) order.get("state")));
            String number = (String) order.get("order_number");
            assertThat(rate).as(number + "'s event's fee rate").isBetween(new BigDecimal("0.10"), new BigDecimal("0.15"));
            assertThat(discount).as(number).isEqualTo(order.get("discount"));
            assertThat(fees).as(number).isEqualTo(order.get("fees"));
            assertThat(tax).as(number).isEqualTo(order.get("tax"));
            assertThat(OrderPricing.total(subtotal, fees, tax, discount)).as(number).isEqualTo(order.get("total"));
        }
        for (Map<String, Object> ticket : tenant.rows("""
                SELECT k.price_paid, i.unit_price, o.subtotal, o.discount FROM ticketing.tickets k
                  JOIN ticketing.order_items i ON i.id = k.order_item_id JOIN ticketing.orders o ON o.id = i.order_id""")) {
            assertThat(OrderPricing.pricePaid((BigDecimal) ticket.get("unit_price"), (BigDecimal) ticket.get("subtotal"),
                    (BigDecimal) ticket.get("discount"))).isEqualTo(ticket.get("price_paid"));
        }
    }

    @Test
    void seeded_order_numbers_take_one_slot_each_as_the_platform_numbers_them_and_every_barcode_is_well_formed() {
        List<String> numbers = tenant.strings("SELECT order_number FROM ticketing.orders ORDER BY order_number");
        assertThat(numbers).allSatisfy(number -> assertThat(number).matches(OrderNumbers.PATTERN));
        assertThat(numbers.stream().map(OrderNumbers::slot).sorted().toList())
                .isEqualTo(java.util.stream.LongStream.range(0, numbers.size()).boxed().toList());
        assertThat(tenant.strings("SELECT barcode FROM ticketing.tickets")).isNotEmpty()
                .allSatisfy(barcode -> assertThat(Barcodes.wellFormed(barcode)).as(barcode).isTrue());
        assertThat(Barcodes.wellFormed("1234567812345678")).isFalse();
    }

    @Test
    void the_platform_makes_event_slugs_as_the_pack_does() {
        for (Map<String, Object> event : tenant.rows("""
                SELECT e.name, e.slug, v.city, e.starts_at, e.timezone FROM ticketing.events e JOIN ticketing.venues v ON v.id = e.venue_id""")) {
            String slug = EventSlugs.of((String) event.get("name"), (String) event.get("city"), ((Timestamp) event.get("starts_at")).toInstant(),
                    ZoneId.of((String) event.get("timezone")));
            assertThat((String) event.get("slug")).as(event.get("name").toString()).matches(java.util.regex.Pattern.quote(slug) + "(-\\d+)?");
        }
        for (String text : List.of("Beyoncé & The Café Crew: Live!", "  --Rock 'n' Roll-- ", "AC/DC (tribute) 2027", UUID.randomUUID().toString())) {
            assertThat(EventSlugs.slug(text)).isEqualTo(Contacts.slug(text));
        }
    }

    @Test
    void the_platform_takes_an_email_for_what_the_packs_rule_does() {
        assertThat(EmailAddresses.PATTERN).isEqualTo(ValidationRules.EMAIL);
    }
}
