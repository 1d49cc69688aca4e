package io.seedreset.platform.ticketing;

import java.time.Instant;
import java.util.UUID;

/**
 * A door scanner device of a company, and the event it checks tickets in for (a scan's ticket must be for it).
 *
 * @param deviceType    {@code HANDHELD}, {@code TURNSTILE} or {@code MOBILE}
 * @param active        false when the device is switched off: it scans nothing (409)
 * @param lastSeenAt    its last scan, or null when it has none
 * @param operatorName  who scanned on it last (or was given it), or null
 * @param eventId       the event it is assigned to, or null when none (it scans nothing: 409); likewise
 *                      {@code eventName}, {@code eventStartsAt} and {@code eventStatus}
 */
public record DoorScanner(UUID id, String name, String deviceType, String serialNumber, boolean active, Instant lastSeenAt,
                          UUID companyId, String companyName, UUID operatorUserId, String operatorName,
                          UUID eventId, String eventName, Instant eventStartsAt, String eventStatus) {
}
