package io.seedreset.platform.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Signing in and the tokens that follow: a person's email and password give a session token that
 * expires; a long-lived API token is issued per person for API collections. A token reads
 * {@code sr<s|a>_<id>_<secret>} ({@link BearerTokens}: only a hash of the secret is stored, compared in
 * constant time). A token answers only
 * while its person exists and is active, while the application that seeded the person (if one did)
 * is applied, and, for a session, until it expires; a reset deletes every token of the organization.
 */
public final class SignIn {

    /** The message of every refused sign-in with wrong credentials, whichever part was wrong. */
    public static final String WRONG_CREDENTIALS = "wrong email or password";

    /** Checked when the email is unknown, so that a refusal takes as long either way. */
    private static final String NOBODY = BCrypt.withDefaults().hashToString(10, "nobody".toCharArray());

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration sessionLifetime;

    public SignIn(DataSource dataSource, Clock clock, Duration sessionLifetime) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    /** A session, and when it ends. */
    public record Session(String token, Instant expiresAt, Person person) {
    }

    /**
     * Signs a person in with the password their pack published (bcrypt).
     *
     * @throws SignInRefused for a wrong email or password (one message for both) or a deactivated account
     */
    public Session signIn(String organization, String email, String password) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<People.Credentials> found = organization == null || email == null ? Optional.empty()
                    : People.byEmail(connection, organization, email);
            String hash = found.map(People.Credentials::passwordHash).orElse(NOBODY);
            boolean matches = password != null && BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                    hash.getBytes(StandardCharsets.UTF_8)).verified;
            if (found.isEmpty() || !matches) {
                throw new SignInRefused(SignInRefused.Why.WRONG_CREDENTIALS, WRONG_CREDENTIALS);
            }
            Person person = found.get().person();
            if (!person.active()) {
                throw new SignInRefused(SignInRefused.Why.DEACTIVATED, "the account " + person.email() + " is deactivated");
            }
            Instant expires = clock.instant().plus(sessionLifetime);
            return new Session(issue(connection, person, "session", expires), expires, person);
        }
    }

    /** Issues a long-lived API token for a person; it is shown once, as only its hash is kept. */
    public String issueApiToken(Person person) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return issueApiToken(connection, person);
        }
    }

    /** Issues an API token on the caller's connection, in its transaction ({@link ApiTokens}). */
    String issueApiToken(Connection connection, Person person) throws SQLException {
        return issue(connection, person, "api", null);
    }

    /** The person a bearer token stands for, while it answers; empty for anything else. */
    public Optional<Person> authenticate(String token) throws SQLException {
        Optional<BearerTokens.Presented> parsed = BearerTokens.parse(token);
        if (parsed.isEmpty() || !(parsed.get().prefix().equals("srs") || parsed.get().prefix().equals("sra"))) {
            return Optional.empty();
        }
        BearerTokens.Presented presented = parsed.get();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(People.TOKEN_AND_PERSON)) {
            statement.setObject(1, presented.id());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next() || !presented.prefix().equals(prefix(rs.getString("kind")))) {
                    return Optional.empty();
                }
                Timestamp expires = rs.getTimestamp("expires_at");
                if (!presented.matches(rs.getBytes("secret_hash"))
                        || (expires != null && !clock.instant().isBefore(expires.toInstant()))
                        || !rs.getBoolean("same_person")) {
                    return Optional.empty();
                }
                return Optional.of(People.person(rs)).filter(Person::active);
            }
        }
    }

    /** A token's prefix by its kind: {@code srs} for a session, {@code sra} for an API token. */
    private static String prefix(String kind) {
        return "sr" + kind.charAt(0);
    }

    private String issue(Connection connection, Person person, String kind, Instant expires) throws SQLException {
        BearerTokens.Issued token = BearerTokens.issue(prefix(kind));
        // The application that seeded the person, if one did: the token dies with it (a teardown, a
        // replace), even when the same seed brings the same person id back later.
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO identity.tokens (org_id, id, kind, person_table, person_id, secret_hash, issued_at, expires_at, seeded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?,
                        (SELECT s.application_id FROM platform.seed_row_sets s
                           JOIN platform.seed_applications a ON a.id = s.application_id AND a.removed_at IS NULL
                          WHERE s.org_id = ? AND s.table_name = ? AND CAST(? AS text) = ANY (s.row_ids) LIMIT 1))""")) {
            statement.setObject(1, person.organizationId());
            statement.setObject(2, token.id());
            statement.setString(3, kind);
            statement.setString(4, person.table());
            statement.setObject(5, person.id());
            statement.setBytes(6, token.secretHash());
            statement.setTimestamp(7, Timestamp.from(clock.instant()));
            statement.setTimestamp(8, expires == null ? null : Timestamp.from(expires));
            statement.setObject(9, person.organizationId());
            statement.setString(10, person.table());
            statement.setObject(11, person.id());
            statement.executeUpdate();
        }
        return token.token();
    }
}
