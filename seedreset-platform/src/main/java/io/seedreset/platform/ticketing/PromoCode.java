package io.seedreset.platform.ticketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A discount code, for one event or (without one) for every event.
 *
 * @param discountType  {@code PERCENTAGE} (of the subtotal) or {@code FIXED} (an amount)
 * @param maxUses       how many orders may redeem it, or null for no limit
 * @param usedCount     how many have
 * @param active        false when it was switched off, whatever its validity
 * @param eventId       the one event it is for, or null when it is for every event; likewise {@code eventName}
 */
public record PromoCode(UUID id, String code, String description, String discountType, BigDecimal discountValue, Instant validFrom,
                        Instant validTo, Integer maxUses, int usedCount, boolean active, UUID eventId, String eventName) {
}
