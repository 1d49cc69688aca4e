package io.seedreset.api;

import java.util.Objects;

/**
 * Moves an organization's clock (time travel): {@code months} ahead (the months skipped are filled with
 * synthetic activity), or back (negative: the activity of the days given back is torn down, so the
 * organization is exactly as it was before it went ahead). The clock runs 0 to
 * {@link Organization#MAX_CLOCK_MONTHS} months ahead of the real one.
 */
public record TimetravelRequest(String organization, String confirmation, int months) {

    public TimetravelRequest {
        Objects.requireNonNull(organization, "organization");
    }

    public static TimetravelRequest of(String organization, int months) {
        return new TimetravelRequest(organization, null, months);
    }

    public TimetravelRequest confirm(String slug) {
        return new TimetravelRequest(organization, slug, months);
    }
}
