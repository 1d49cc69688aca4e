package io.seedreset.platform.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Long-lived API tokens for the people a front end names, typically the personas an apply or a reset
 * created (for API collections): each person's earlier API tokens are revoked and one new token issued,
 * shown once, as only its hash is kept ({@link SignIn}). Tokens are never rows a pack writes: a pack's
 * rows follow from its seed, so a token among them would be the same on every apply and could be
 * guessed, and it would change the plan's hash.
 */
public final class ApiTokens {

    /** A token just issued, with the person it speaks for. */
    public record Issued(String email, String name, String role, String token) {
    }

    private final DataSource dataSource;
    private final SignIn signIn;

    public ApiTokens(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        // Sessions are never issued here; their lifetime does not matter.
        this.signIn = new SignIn(dataSource, clock, java.time.Duration.ZERO);
    }

    /** The person with this email in the organization (compared without case), active or not. */
    public Optional<Person> person(String organization, String email) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return People.byEmail(connection, organization, email).map(People.Credentials::person);
        }
    }

    /**
     * Revokes the API tokens of the people with these emails in the organization and issues one new
     * token for each, in one transaction, in the order given (an email given twice once). An email
     * nobody in the organization has, or a deactivated person's, gets none: a token of theirs would
     * not answer.
     */
    public List<Issued> reissue(String organization, Collection<String> emails) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Issued> issued = new ArrayList<>();
                for (String email : new LinkedHashSet<>(emails)) {
                    Optional<Person> found = People.byEmail(connection, organization, email).map(People.Credentials::person);
                    if (found.isEmpty() || !found.get().active()) {
                        continue;
                    }
                    Person person = found.get();
                    revoke(connection, person);
                    issued.add(new Issued(person.email(), person.name(), person.role(), signIn.issueApiToken(connection, person)));
                }
                connection.commit();
                return issued;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void revoke(Connection connection, Person person) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM identity.tokens WHERE org_id = ? AND person_table = ? AND person_id = ? AND kind = 'api'")) {
            statement.setObject(1, person.organizationId());
            statement.setString(2, person.table());
            statement.setObject(3, person.id());
            statement.executeUpdate();
        }
    }
}
