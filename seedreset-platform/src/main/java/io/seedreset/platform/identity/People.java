package io.seedreset.platform.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The people of every module that keeps some, looked up by organization and email or by id. */
final class People {

    /** Both modules' people in one shape; an email names one person per organization. */
    private static final String EVERYONE = """
            SELECT o.id AS org_id, o.slug, NOT o.is_production AS demo, p.person_table, p.id, p.email, p.name, p.role, p.company_id, p.active,
                   p.password_hash
              FROM (SELECT 'identity.users' AS person_table, org_id, id, email, name, role, NULL::uuid AS company_id, active, password_hash
                      FROM identity.users
                    UNION ALL
                    SELECT 'ticketing.users', org_id, id, email, first_name || ' ' || last_name, lower(role), company_id, active, password_hash
                      FROM ticketing.users) p
              JOIN platform.organizations o ON o.id = p.org_id
            """;

    /**
     * A token's row and the person it stands for, in one statement (what every authenticated request
     * reads): no row when the token or its person is gone. {@code same_person} says whether the
     * application that seeded the person, if one did, still stands.
     */
    static final String TOKEN_AND_PERSON = """
            SELECT t.kind, t.secret_hash, t.expires_at,
                   t.seeded_by IS NULL OR EXISTS (SELECT 1 FROM platform.seed_applications a
                                                   WHERE a.id = t.seeded_by AND a.removed_at IS NULL) AS same_person,
                   o.id AS org_id, o.slug, NOT o.is_production AS demo, t.person_table, p.id, p.email, p.name, p.role,
                   p.company_id, p.active
              FROM identity.tokens t
              JOIN platform.organizations o ON o.id = t.org_id
              -- Each branch looks its person up by primary key, and only the token's table answers.
              JOIN LATERAL (SELECT u.id, u.email, u.name, u.role, NULL::uuid AS company_id, u.active FROM identity.users u
                             WHERE t.person_table = 'identity.users' AND u.org_id = t.org_id AND u.id = t.person_id
                            UNION ALL
                            SELECT u.id, u.email, u.first_name || ' ' || u.last_name, lower(u.role), u.company_id, u.active
                              FROM ticketing.users u
                             WHERE t.person_table = 'ticketing.users' AND u.org_id = t.org_id AND u.id = t.person_id) p ON true
             WHERE t.id = ?""";

    private People() {
    }

    /** The person with this email (compared without case) in the organization with this slug, and their password hash. */
    static Optional<Credentials> byEmail(Connection connection, String organization, String email) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EVERYONE + " WHERE o.slug = ? AND lower(p.email) = lower(?) LIMIT 2")) {
            statement.setString(1, organization);
            statement.setString(2, email);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Credentials found = new Credentials(person(rs), rs.getString("password_hash"));
                // Two modules claiming one email would make sign-in ambiguous: nobody signs in as either.
                return rs.next() ? Optional.empty() : Optional.of(found);
            }
        }
    }

    static Optional<Person> byId(Connection connection, UUID organizationId, String table, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EVERYONE + " WHERE p.org_id = ? AND p.person_table = ? AND p.id = ?")) {
            statement.setObject(1, organizationId);
            statement.setString(2, table);
            statement.setObject(3, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(person(rs)) : Optional.empty();
            }
        }
    }

    static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getObject("org_id", UUID.class), rs.getString("slug"), rs.getBoolean("demo"), rs.getString("person_table"),
                rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"), rs.getString("role"), rs.getObject("company_id", UUID.class), rs.getBoolean("active"));
    }

    record Credentials(Person person, String passwordHash) {
    }
}
