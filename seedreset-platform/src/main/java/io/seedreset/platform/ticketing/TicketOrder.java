package io.seedreset.platform.ticketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's order of tickets for one event, with its lines.
 *
 * @param status    one of {@link OrderStatus}
 * @param promoCode the code it redeemed, or null
 * @param subtotal  the sum of the lines' totals
 * @param total     {@code subtotal + fees + tax - discount}
 * @param paidAt    when it was paid, or null; likewise {@code cancelledAt} and {@code refundedAt}
 */
public record TicketOrder(UUID id, String orderNumber, String status, UUID eventId, String eventName, UUID customerId, String customerName,
                          String customerEmail, String promoCode, BigDecimal subtotal, BigDecimal fees, BigDecimal tax, BigDecimal discount,
                          BigDecimal total, Instant placedAt, Instant paidAt, Instant cancelledAt, Instant refundedAt, List<OrderItem> items) {
}
