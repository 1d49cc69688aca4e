package io.seedreset.api;

import java.util.Objects;

/**
 * Synthetic activity for an organization: each of its packs that posts activity does so for each of the
 * last {@code days} days up to today (UTC, by the engine's clock), 1 to {@link #MAX_DAYS}.
 */
public record ActivityRequest(String organization, String confirmation, int days) {

    /** The most days one request posts: a quarter, so that a forgotten schedule catching up stays one transaction of a reasonable size. */
    public static final int MAX_DAYS = 92;

    public ActivityRequest {
        Objects.requireNonNull(organization, "organization");
    }

    /** Today's activity, unconfirmed. */
    public static ActivityRequest of(String organization) {
        return new ActivityRequest(organization, null, 1);
    }

    public ActivityRequest confirm(String slug) {
        return new ActivityRequest(organization, slug, days);
    }

    public ActivityRequest days(int count) {
        return new ActivityRequest(organization, confirmation, count);
    }
}
