package io.seedreset.platform.ticketing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Order numbers as the ticketing-demo pack gives them: {@code ORD-} and a number, the n-th order's drawn from
 * the slot {@code 100000 + 7n} to {@code 100000 + 7n + 6}, so that numbers rise with the orders without
 * telling how many there are. The platform takes the slot after the one holding the highest number so far.
 */
public final class OrderNumbers {

    /** What the pack's numbers and the platform's look like. */
    public static final Pattern PATTERN = Pattern.compile("ORD-[0-9]{6,18}");
    static final long FIRST = 100_000;
    static final int SLOT = 7;

    private OrderNumbers() {
    }

    /** The slot an order number falls in: 0 for the first order's. */
    public static long slot(String orderNumber) {
        return (Long.parseLong(orderNumber.substring(4)) - FIRST) / SLOT;
    }

    /**
     * The next order's number in the organization. Holds a lock on the organization's numbering until the
     * transaction ends, so that two orders placed at once never draw the same one; callers take it after
     * their other locks (ticket types, promo code), so that it never stands in a cycle.
     */
    static String next(Connection connection, UUID organizationId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "ticketing.order_numbers:" + organizationId);
            lock.execute();
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT max(substring(order_number FROM 5)::bigint) FROM ticketing.orders
                 WHERE org_id = ? AND order_number ~ '^ORD-[0-9]{6,18}$'""")) {
            statement.setObject(1, organizationId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long highest = rs.getLong(1);
                long slot = rs.wasNull() ? 0 : Math.max(0, (highest - FIRST) / SLOT + 1);
                return "ORD-" + (FIRST + slot * SLOT + ThreadLocalRandom.current().nextInt(SLOT));
            }
        }
    }
}
