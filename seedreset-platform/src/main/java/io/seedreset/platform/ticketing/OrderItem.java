package io.seedreset.platform.ticketing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line of an order: so many tickets of one ticket type.
 *
 * @param lineTotal {@code quantity x unitPrice}
 */
public record OrderItem(UUID id, UUID ticketTypeId, String tier, String ticketTypeName, int quantity, BigDecimal unitPrice,
                        BigDecimal lineTotal) {
}
