package io.seedreset.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A reset: wipe the organization and re-apply its packs with their mode, parameters and seed.
 *
 * @param anchor the new anchor; null means the start of the current UTC day, so a reset demo is fresh
 */
public record ResetRequest(String organization, String confirmation, Instant anchor) {

    public ResetRequest {
        Objects.requireNonNull(organization, "organization");
    }

    public static ResetRequest of(String organization) {
        return new ResetRequest(organization, null, null);
    }

    public ResetRequest confirm(String slug) {
        return new ResetRequest(organization, slug, anchor);
    }

    public ResetRequest anchor(Instant newAnchor) {
        return new ResetRequest(organization, confirmation, newAnchor);
    }
}
