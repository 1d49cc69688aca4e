package io.seedreset.platform.identity;

import java.util.UUID;

/**
 * A person who can sign in, in the organization they belong to.
 *
 * @param table      where the person is kept: {@code identity.users} or {@code ticketing.users}
 * @param demo       whether the organization is not production (demo, qa or sandbox)
 * @param companyId  the company the person works for, where their module keeps one (a ticketing promoter's or
 *                   scanner's); null otherwise. Read with the person, so that a module's routes need not read it again.
 */
public record Person(UUID organizationId, String organization, boolean demo, String table, UUID id, String email, String name,
                     String role, UUID companyId, boolean active) {
}
