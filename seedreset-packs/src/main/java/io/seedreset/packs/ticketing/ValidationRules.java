package io.seedreset.packs.ticketing;

import io.seedreset.pack.Invariant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ticketing module's validation rules: what a ticketing platform checks in its application
 * code, run by the engine on the whole organization before an apply commits. Each query returns
 * one line per offending row, naming it. They are set-based (a scan of each table involved,
 * aggregated and joined by hash), because scenarios run them on tens of thousands of rows.
 */
final class ValidationRules {

    private ValidationRules() {
    }

    /** A reference from {@code table.column} to {@code parent.id}, both in the ticketing schema. */
    private record Reference(String table, String column, String parent) {
    }

    private static final List<Reference> REFERENCES = List.of(
            new Reference("users", "company_id", "companies"),
            new Reference("venues", "company_id", "companies"),
            new Reference("events", "promoter_company_id", "companies"),
            new Reference("events", "venue_id", "venues"),
            new Reference("ticket_types", "event_id", "events"),
            new Reference("promo_codes", "event_id", "events"),
            new Reference("orders", "customer_id", "users"),
            new Reference("orders", "event_id", "events"),
            new Reference("orders", "promo_code_id", "promo_codes"),
            new Reference("order_items", "order_id", "orders"),
            new Reference("order_items", "ticket_type_id", "ticket_types"),
            new Reference("tickets", "order_item_id", "order_items"),
            new Reference("tickets", "ticket_type_id", "ticket_types"),
            new Reference("tickets", "holder_user_id", "users"),
            new Reference("ticket_transfers", "ticket_id", "tickets"),
            new Reference("ticket_transfers", "from_user_id", "users"),
            new Reference("ticket_transfers", "to_user_id", "users"),
            new Reference("scanners", "company_id", "companies"),
            new Reference("scanners", "event_id", "events"),
            new Reference("scanners", "operator_user_id", "users"),
            new Reference("scan_logs", "ticket_id", "tickets"),
            new Reference("scan_logs", "scanner_id", "scanners"),
            new Reference("notifications", "user_id", "users"),
            new Reference("notification_preferences", "user_id", "users"));

    /** Every timestamp column per table, and what must hold between a table's own timestamps. */
    private static final Map<String, List<String>> TIMESTAMPS = Map.ofEntries(
            Map.entry("companies", List.of("created_at")),
            Map.entry("users", List.of("created_at", "last_login_at")),
            Map.entry("events", List.of("starts_at", "ends_at", "sales_start", "sales_end", "created_at")),
            Map.entry("promo_codes", List.of("valid_from", "valid_to", "created_at")),
            Map.entry("orders", List.of("placed_at", "paid_at", "cancelled_at", "refunded_at")),
            Map.entry("tickets", List.of("issued_at")),
            Map.entry("ticket_transfers", List.of("transferred_at")),
            Map.entry("scanners", List.of("last_seen_at")),
            Map.entry("scan_logs", List.of("scanned_at")),
            Map.entry("notifications", List.of("sent_at", "read_at")));

    private static final Map<String, List<String>> TIMESTAMP_ORDER = Map.of(
            "users", List.of("last_login_at < created_at"),
            "events", List.of("created_at > sales_start"),
            "orders", List.of("paid_at < placed_at", "cancelled_at < placed_at", "refunded_at < coalesce(paid_at, placed_at)"),
            "notifications", List.of("read_at < sent_at"));

    /**
     * Letters, digits and the usual punctuation, an @, and a domain with a top-level part. The platform's
     * workflows take the same for an email (io.seedreset.platform.ticketing.EmailAddresses; PlatformRulesTest compares them).
     */
    static final String EMAIL = "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$";
    /** The North American display format the platform stores: (312) 555-0142. */
    private static final String PHONE = "^\\(\\d{3}\\) \\d{3}-\\d{4}$";

    static final List<Invariant> ALL = List.of(
            unique("unique-user-emails", "users", "lower(email)", "email"),
            unique("unique-company-slugs", "companies", "lower(slug)", "company slug"),
            unique("unique-event-slugs", "events", "lower(slug)", "event slug"),
            unique("unique-order-numbers", "orders", "order_number", "order number"),
            unique("unique-barcodes", "tickets", "barcode", "barcode"),
            unique("unique-promo-codes", "promo_codes", "upper(code)", "promo code"),
            new Invariant("order-totals", """
                    SELECT 'order ' || o.order_number || CASE
                             WHEN coalesce(i.bad_lines, 0) > 0 THEN ': ' || i.bad_lines || ' item(s) whose line total is not quantity x unit price'
                             WHEN o.subtotal <> coalesce(i.lines, 0) THEN ': subtotal ' || o.subtotal || ' but its items add up to ' || coalesce(i.lines, 0)
                             WHEN o.discount > o.subtotal THEN ': discount ' || o.discount || ' is above the subtotal ' || o.subtotal
                             ELSE ': total ' || o.total || ' but subtotal + fees + tax - discount = ' || (o.subtotal + o.fees + o.tax - o.discount)
                           END
                      FROM ticketing.orders o
                      LEFT JOIN (SELECT order_id, sum(line_total) AS lines,
                                        count(*) FILTER (WHERE line_total <> quantity * unit_price) AS bad_lines
                                   FROM ticketing.order_items WHERE org_id = :org GROUP BY order_id) i ON i.order_id = o.id
                     WHERE o.org_id = :org
                       AND (coalesce(i.bad_lines, 0) > 0 OR o.subtotal <> coalesce(i.lines, 0) OR o.discount > o.subtotal
                            OR o.total <> o.subtotal + o.fees + o.tax - o.discount)
                    """),
            new Invariant("ticket-inventory", """
                    SELECT 'ticket type ' || t.name || ' of ' || e.name || CASE
                             WHEN t.quantity_sold + t.quantity_available <> t.quantity_total
                               THEN ': sold ' || t.quantity_sold || ' + available ' || t.quantity_available || ' is not the total ' || t.quantity_total
                             WHEN t.event_total > e.capacity
                               THEN ': the event offers ' || t.event_total || ' tickets for a capacity of ' || e.capacity
                             ELSE ': ' || t.issued || ' tickets issued but only ' || t.quantity_sold || ' sold'
                           END
                      FROM (SELECT t.*, sum(t.quantity_total) OVER (PARTITION BY t.event_id) AS event_total, coalesce(k.n, 0) AS issued
                              FROM ticketing.ticket_types t
                              LEFT JOIN (SELECT ticket_type_id, count(*) AS n FROM ticketing.tickets
                                          WHERE org_id = :org AND status <> 'CANCELLED' GROUP BY ticket_type_id) k ON k.ticket_type_id = t.id
                             WHERE t.org_id = :org) t
                      JOIN ticketing.events e ON e.org_id = t.org_id AND e.id = t.event_id
                     WHERE t.quantity_sold + t.quantity_available <> t.quantity_total OR t.event_total > e.capacity
                        OR t.issued > t.quantity_sold
                    """),
            new Invariant("tickets-match-orders", """
                    SELECT 'order ' || o.order_number || CASE
                             WHEN t.event_id <> o.event_id THEN ': its ' || t.name || ' tickets are for another event'
                             WHEN k.types > 1 OR k.some_type <> i.ticket_type_id THEN ': a ticket of its ' || t.name || ' item is of another type'
                             WHEN o.paid_at IS NULL THEN ' is not paid, yet ' || k.n || ' ticket(s) were issued'
                             ELSE ': ' || i.quantity || ' x ' || t.name || ' paid but ' || coalesce(k.n, 0) || ' ticket(s) issued'
                           END
                      FROM ticketing.order_items i
                      JOIN ticketing.orders o ON o.org_id = i.org_id AND o.id = i.order_id
                      JOIN ticketing.ticket_types t ON t.org_id = i.org_id AND t.id = i.ticket_type_id
                      LEFT JOIN (SELECT order_item_id, count(*) AS n, count(DISTINCT ticket_type_id) AS types,
                                        (array_agg(ticket_type_id))[1] AS some_type
                                   FROM ticketing.tickets WHERE org_id = :org GROUP BY order_item_id) k ON k.order_item_id = i.id
                     WHERE i.org_id = :org
                       AND (t.event_id <> o.event_id OR k.types > 1 OR k.some_type <> i.ticket_type_id
                            OR (o.paid_at IS NULL AND k.n > 0) OR (o.paid_at IS NOT NULL AND coalesce(k.n, 0) <> i.quantity))
                    """),
            new Invariant("ticket-status-consistent", """
                    SELECT 'ticket ' || k.barcode || ' is ' || k.status || CASE
                             WHEN k.status = 'CANCELLED' AND o.status NOT IN ('CANCELLED', 'REFUNDED') THEN ' but its order ' || o.order_number || ' is ' || o.status
                             WHEN k.status <> 'CANCELLED' AND o.status IN ('CANCELLED', 'REFUNDED') THEN ' but its order ' || o.order_number || ' is ' || o.status
                             WHEN k.status = 'USED' THEN ' but was never scanned in'
                             WHEN k.status = 'TRANSFERRED' AND t.ticket_id IS NULL THEN ' but was never transferred'
                             ELSE ' but was scanned in at the door'
                           END
                      FROM ticketing.tickets k
                      JOIN ticketing.order_items i ON i.org_id = k.org_id AND i.id = k.order_item_id
                      JOIN ticketing.orders o ON o.org_id = i.org_id AND o.id = i.order_id
                      LEFT JOIN (SELECT ticket_id, bool_or(result = 'ACCEPTED') AS admitted
                                   FROM ticketing.scan_logs WHERE org_id = :org GROUP BY ticket_id) s ON s.ticket_id = k.id
                      LEFT JOIN (SELECT DISTINCT ticket_id FROM ticketing.ticket_transfers WHERE org_id = :org) t ON t.ticket_id = k.id
                     WHERE k.org_id = :org
                       AND ((k.status = 'CANCELLED') <> (o.status IN ('CANCELLED', 'REFUNDED'))
                            OR (k.status = 'USED') <> coalesce(s.admitted, false)
                            OR (k.status = 'TRANSFERRED' AND t.ticket_id IS NULL))
                    """),
            new Invariant("orders-within-sales-window", """
                    SELECT 'order ' || o.order_number || ' was placed ' || o.placed_at || ', outside the sales of ' || e.name
                           || ' (' || e.sales_start || ' to ' || e.sales_end || ')'
                      FROM ticketing.orders o
                      JOIN ticketing.events e ON e.org_id = o.org_id AND e.id = o.event_id
                     WHERE o.org_id = :org AND (o.placed_at < e.sales_start OR o.placed_at > e.sales_end)
                    """),
            new Invariant("event-dates-ordered", """
                    SELECT 'event ' || name || ' ends ' || ends_at || ', not after it starts ' || starts_at
                      FROM ticketing.events WHERE org_id = :org AND ends_at <= starts_at
                    """),
            new Invariant("sales-end-before-start", """
                    SELECT 'event ' || name || CASE WHEN sales_end > starts_at
                             THEN ': sales end ' || sales_end || ', after the event starts ' || starts_at
                             ELSE ': sales open ' || sales_start || ', not before they end ' || sales_end END
                      FROM ticketing.events WHERE org_id = :org AND (sales_end > starts_at OR sales_start >= sales_end)
                    """),
            new Invariant("promo-validity-ordered", """
                    SELECT 'promo code ' || code || ' is valid to ' || valid_to || ', not after it is valid from ' || valid_from
                      FROM ticketing.promo_codes WHERE org_id = :org AND valid_to <= valid_from
                    """),
            new Invariant("promo-percentages", """
                    SELECT 'promo code ' || code || ' takes ' || discount_value || '% off'
                      FROM ticketing.promo_codes
                     WHERE org_id = :org AND discount_type = 'PERCENTAGE' AND (discount_value <= 0 OR discount_value > 100)
                    """),
            new Invariant("promo-usage-within-limits", """
                    SELECT 'promo code ' || p.code || CASE WHEN p.used_count > p.max_uses
                             THEN ' was used ' || p.used_count || ' times, above its limit of ' || p.max_uses
                             ELSE ' is on ' || u.n || ' orders but counts ' || p.used_count || ' uses' END
                      FROM ticketing.promo_codes p
                      LEFT JOIN (SELECT promo_code_id, count(*) AS n FROM ticketing.orders
                                  WHERE org_id = :org AND promo_code_id IS NOT NULL GROUP BY promo_code_id) u ON u.promo_code_id = p.id
                     WHERE p.org_id = :org AND (p.used_count > p.max_uses OR coalesce(u.n, 0) > p.used_count)
                    """),
            new Invariant("promo-redeemed-while-valid", """
                    SELECT 'order ' || o.order_number || ' redeemed ' || p.code || CASE
                             WHEN p.event_id IS NOT NULL AND p.event_id <> o.event_id THEN ', a code for another event'
                             ELSE ' on ' || o.placed_at || ', outside its validity (' || p.valid_from || ' to ' || p.valid_to || ')' END
                      FROM ticketing.orders o
                      JOIN ticketing.promo_codes p ON p.org_id = o.org_id AND p.id = o.promo_code_id
                     WHERE o.org_id = :org
                       AND ((p.event_id IS NOT NULL AND p.event_id <> o.event_id) OR o.placed_at < p.valid_from OR o.placed_at > p.valid_to)
                    """),
            new Invariant("foreign-keys-valid", foreignKeysValid()),
            new Invariant("emails-well-formed", String.join("\nUNION ALL\n",
                    malformed("users", "email", EMAIL), malformed("companies", "email", EMAIL),
                    malformed("tickets", "holder_email", EMAIL), malformed("ticket_transfers", "to_email", EMAIL))),
            new Invariant("phones-well-formed", String.join("\nUNION ALL\n",
                    malformed("users", "phone", PHONE), malformed("companies", "phone", PHONE))),
            new Invariant("dates-well-formed", datesWellFormed()),
            new Invariant("prices-non-negative", String.join("\nUNION ALL\n",
                    negative("ticket_types", "price"), negative("orders", "subtotal", "fees", "tax", "discount", "total"),
                    negative("order_items", "unit_price", "line_total"), negative("tickets", "price_paid"),
                    negative("promo_codes", "discount_value"))));

    private static Invariant unique(String name, String table, String key, String what) {
        return new Invariant(name, """
                SELECT '%s ' || %s || ' is used by ' || count(*) || ' rows of ticketing.%s'
                  FROM ticketing.%s WHERE org_id = :org GROUP BY %s HAVING count(*) > 1
                """.formatted(what, key, table, table, key));
    }

    /**
     * Every reference resolves to a row of the same organization. The schema's composite foreign
     * keys already promise this; the rule holds it on schemas without them, and names the row.
     */
    private static String foreignKeysValid() {
        return REFERENCES.stream().map(r -> """
                SELECT 'ticketing.%1$s ' || c.id || ': %2$s ' || c.%2$s || ' is not a ticketing.%3$s row of this organization'
                  FROM ticketing.%1$s c
                 WHERE c.org_id = :org AND c.%2$s IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM ticketing.%3$s p WHERE p.org_id = c.org_id AND p.id = c.%2$s)"""
                .formatted(r.table(), r.column(), r.parent())).collect(Collectors.joining("\nUNION ALL\n"));
    }

    private static String malformed(String table, String column, String pattern) {
        return """
                SELECT 'ticketing.%1$s ' || id || ': %2$s ''' || %2$s || ''' is not well formed'
                  FROM ticketing.%1$s WHERE org_id = :org AND %2$s !~ '%3$s'""".formatted(table, column, pattern);
    }

    /** No timestamp before 2000 or from 2100 on, and each table's timestamps in their natural order. */
    private static String datesWellFormed() {
        return TIMESTAMPS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            String table = entry.getKey();
            List<String> problems = new ArrayList<>();
            for (String column : entry.getValue()) {
                problems.add("CASE WHEN %1$s < '2000-01-01' OR %1$s >= '2100-01-01' THEN '%1$s ' || %1$s || ' is not between 2000 and 2100' END"
                        .formatted(column));
            }
            for (String order : TIMESTAMP_ORDER.getOrDefault(table, List.of())) {
                problems.add("CASE WHEN %1$s THEN '%1$s' END".formatted(order));
            }
            String conditions = problems.stream().map(p -> "(" + p + ") IS NOT NULL").collect(Collectors.joining(" OR "));
            return """
                    SELECT 'ticketing.%1$s ' || id || ': ' || concat_ws('; ', %2$s)
                      FROM ticketing.%1$s WHERE org_id = :org AND (%3$s)""".formatted(table, String.join(", ", problems), conditions);
        }).collect(Collectors.joining("\nUNION ALL\n"));
    }

    private static String negative(String table, String... columns) {
        String problems = Arrays.stream(columns)
                .map(c -> "CASE WHEN %1$s < 0 THEN '%1$s ' || %1$s END".formatted(c)).collect(Collectors.joining(", "));
        String conditions = Arrays.stream(columns).map(c -> c + " < 0").collect(Collectors.joining(" OR "));
        return """
                SELECT 'ticketing.%1$s ' || id || ': ' || concat_ws(', ', %2$s) || ' is negative'
                  FROM ticketing.%1$s WHERE org_id = :org AND (%3$s)""".formatted(table, problems, conditions);
    }
}
