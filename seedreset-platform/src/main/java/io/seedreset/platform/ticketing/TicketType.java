package io.seedreset.platform.ticketing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A tier of an event's tickets and its inventory.
 *
 * @param tier             {@code EARLY_BIRD}, {@code GENERAL} or {@code VIP}
 * @param quantitySold     every ticket sold, at the box office and through partners as well as online
 * @param quantityAvailable what is left to sell: {@code quantityTotal - quantitySold}
 */
public record TicketType(UUID id, String tier, String name, BigDecimal price, int quantityTotal, int quantitySold,
                         int quantityAvailable) {
}
