package io.seedreset.platform.ticketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An admission its holder carries to the door, with what it admits to.
 *
 * @param barcode what the scanner reads
 * @param status  one of {@link TicketStatus}
 */
public record Ticket(UUID id, String barcode, String status, BigDecimal pricePaid, String holderName, String holderEmail, Instant issuedAt,
                     UUID ticketTypeId, String tier, String ticketTypeName, UUID eventId, String eventName, Instant startsAt,
                     String venueName) {
}
