package io.seedreset.platform.identity;

import java.util.UUID;

/**
 * A person who can sign in, in the organization they belong to.
 *
 * @param table      where the person is kept: {@code identity.users} or {@code ticketing.users}
 * @param demo       whether the organization is not production (demo, qa or sandbox)
 */
public record Person(UUID organizationId, String organization, boolean demo, String table, UUID id, String email, String name,
                     String role, boolean active) {
}
