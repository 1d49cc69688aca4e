package io.seedreset.platform.ticketing;

import java.util.UUID;

/**
 * A place events happen, and the company that operates it.
 *
 * @param kind     {@code STADIUM}, {@code ARENA}, {@code AMPHITHEATER}, {@code CONCERT_HALL}, {@code THEATER}, {@code CLUB} or {@code CONVENTION_CENTER}
 * @param timezone its IANA zone
 */
public record Venue(UUID id, String name, String kind, String address, String city, String state, String zip, String timezone,
                    int capacity, UUID operatorCompanyId, String operatorName) {
}
