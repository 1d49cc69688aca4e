package io.seedreset.api;

import java.time.Instant;
import java.util.UUID;

/** A tenant of the host platform, as recorded in {@code platform.organizations}. */
public record Organization(UUID id, String slug, String name, OrganizationKind kind, boolean production,
                           Instant createdAt) {
}
