package io.seedreset.platform.ticketing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event that sells tickets, with its venue, its promoter and its ticket types.
 *
 * @param category    one of {@link EventCategory}
 * @param status      one of {@link EventStatus}
 * @param timezone    the venue's IANA zone, in which the event's local times are read
 * @param ticketTypes its tiers, early bird first, then general admission, then VIP
 */
public record TicketedEvent(UUID id, String name, String slug, String category, String status, List<String> tags, String description,
                            Instant startsAt, Instant endsAt, String timezone, Instant salesStart, Instant salesEnd, int capacity,
                            UUID venueId, String venueName, String venueCity, UUID promoterCompanyId, String promoterName,
                            List<TicketType> ticketTypes) {
}
