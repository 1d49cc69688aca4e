package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * The signed-in person as ticketing knows them: their account in {@code ticketing.users}, with its role and,
 * for staff, their company. People of the agency modules ({@code identity.users}) have no ticketing account,
 * so ticketing's workflows refuse them as they refuse a role that may not act.
 */
record Caller(UUID organizationId, UUID id, String role, UUID companyId, String name, String email) {

    static final String TICKETING_USERS = "ticketing.users";

    /** The caller's ticketing account, read in the workflow's transaction. */
    static Caller of(Connection connection, Person person) throws SQLException {
        if (!TICKETING_USERS.equals(person.table())) {
            throw WorkflowRefused.forbidden(person.email() + " has no ticketing account");
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT role, company_id, first_name || ' ' || last_name AS name, email
                  FROM ticketing.users WHERE org_id = ? AND id = ?""")) {
            statement.setObject(1, person.organizationId());
            statement.setObject(2, person.id());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    // Signed in a moment ago, removed since (a reset or a teardown): as if it never was.
                    throw WorkflowRefused.forbidden(person.email() + " has no ticketing account");
                }
                return new Caller(person.organizationId(), person.id(), rs.getString("role"), rs.getObject("company_id", UUID.class),
                        rs.getString("name"), rs.getString("email"));
            }
        }
    }

    /** Refuses unless the caller has this role ({@code CUSTOMER}, {@code PROMOTER}, {@code SCANNER}, {@code ADMIN}). */
    Caller require(String wanted, String toDoWhat) {
        if (!role.equals(wanted)) {
            throw WorkflowRefused.forbidden("only a " + wanted.toLowerCase(Locale.ROOT) + " may " + toDoWhat
                    + "; " + email + " is a " + role.toLowerCase(Locale.ROOT));
        }
        return this;
    }
}
