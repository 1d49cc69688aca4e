package io.seedreset.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant of the host platform, as recorded in {@code platform.organizations}.
 *
 * @param tenantKey   the organization's key in the application's tenant column (text of its type): its own id on
 *                    the reference platform, the row of the application's tenants table it is registered on otherwise
 * @param clockMonths how many months ahead of the real clock the organization's own clock runs (time
 *                    travel; 0 to {@link #MAX_CLOCK_MONTHS}): its "today" is the real UTC date plus these months
 */
public record Organization(UUID id, String slug, String name, OrganizationKind kind, boolean production,
                           Instant createdAt, int clockMonths, String tenantKey) {

    /** How far ahead an organization's clock may run: a year is as far as a sales call needs. */
    public static final int MAX_CLOCK_MONTHS = 12;

    /** The organization's today: the real clock's UTC date, moved ahead by its clock's months. */
    public java.time.LocalDate today(java.time.Clock clock) {
        return java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusMonths(clockMonths);
    }
}
