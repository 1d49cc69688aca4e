package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The signed-in person as ticketing knows them: their {@code ticketing.users} row's role and company
 * (a promoter's or scanner's employer; none for admins and customers).
 */
public record TicketingAccount(UUID organizationId, UUID userId, Role role, UUID companyId) {

    /** The person's table when they are a ticketing account. */
    public static final String TABLE = "ticketing.users";

    /**
     * The ticketing account of a signed-in person, read on the connection the caller goes on to use.
     *
     * @throws NotPermitted when the person is not one of ticketing's accounts (an agency person of
     *                      {@code identity.users}), or their row has gone since they signed in
     */
    public static TicketingAccount of(Connection connection, Person person) throws SQLException {
        if (!TABLE.equals(person.table())) {
            throw new NotPermitted("ticketing routes are for the organization's ticketing accounts; " + person.email() + " is not one");
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT role, company_id FROM ticketing.users WHERE org_id = ? AND id = ? AND active")) {
            statement.setObject(1, person.organizationId());
            statement.setObject(2, person.id());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new NotPermitted("the ticketing account " + person.email() + " is no longer active");
                }
                return new TicketingAccount(person.organizationId(), person.id(), Role.valueOf(rs.getString("role")),
                        rs.getObject("company_id", UUID.class));
            }
        }
    }

    /** Refuses a role that may not read {@code what} at all. */
    void require(String what, Role... allowed) {
        for (Role role : allowed) {
            if (role == this.role) {
                return;
            }
        }
        throw new NotPermitted(role.name().toLowerCase(java.util.Locale.ROOT) + "s do not read " + what);
    }
}
