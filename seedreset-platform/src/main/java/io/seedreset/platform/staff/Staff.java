package io.seedreset.platform.staff;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.platform.identity.BearerTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The staff members ({@code operations.staff}): created with a token shown once, listed, revoked, and
 * recognised by their token. A staff token reads {@code srk_<id>_<secret>} ({@link BearerTokens}), so that
 * a persona's token ({@code srs_}, {@code sra_}) is never taken for one, nor one for a persona's.
 * Failures are {@link SeedResetException}s, as the engine's are, so that every front end maps them alike.
 */
public final class Staff {

    /** The prefix of every staff token. */
    public static final String TOKEN_PREFIX = "srk";
    /** The longest name a member may have. */
    public static final int MAX_NAME = 100;
    private static final String COLUMNS = "id, name, created_at, created_by, revoked_at";

    /** A staff member; {@code revokedAt} is null while their token answers. */
    public record Member(UUID id, String name, Instant createdAt, String createdBy, Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }

        /** How the audit names what this member does: {@code staff:<name>}. */
        public String actor() {
            return "staff:" + name;
        }
    }

    /** A member just created, with their token: shown this once. */
    public record Created(Member member, String token) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public Staff(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Creates a member and their token.
     *
     * @throws SeedResetException {@code INVALID_VALUE} for a blank, padded, over-long or control-character name;
     *                            {@code ALREADY_EXISTS} when a member not revoked has the name (compared without case)
     */
    public Created create(String name, String createdBy) {
        String checked = checkName(name);
        BearerTokens.Issued token = BearerTokens.issue(TOKEN_PREFIX);
        Member member = new Member(token.id(), checked, clock.instant(), createdBy, null);
        return database("creating staff member '" + checked + "'", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO operations.staff (id, name, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (lower(name)) WHERE revoked_at IS NULL DO NOTHING""")) {
                statement.setObject(1, member.id());
                statement.setString(2, member.name());
                statement.setBytes(3, token.secretHash());
                statement.setTimestamp(4, Timestamp.from(member.createdAt()));
                statement.setString(5, createdBy);
                if (statement.executeUpdate() == 0) {
                    throw new SeedResetException(Reason.ALREADY_EXISTS, "a staff member named '" + checked
                            + "' exists: revoke them first, or choose another name", Map.of(SeedResetException.VALUE, checked));
                }
            }
            return new Created(member, token.token());
        });
    }

    /** Every member, revoked ones included, by name and then creation. */
    public List<Member> list() {
        return database("listing the staff", connection -> {
            List<Member> members = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM operations.staff ORDER BY lower(name), created_at, id");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    members.add(member(rs));
                }
            }
            return members;
        });
    }

    /**
     * Revokes the member with this name (compared without case) who is not revoked yet: their token stops
     * answering at once.
     *
     * @throws SeedResetException {@code INVALID_VALUE} when no such member is active
     */
    public Member revoke(String name) {
        return database("revoking staff member '" + name + "'", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE operations.staff SET revoked_at = ?"
                    + " WHERE lower(name) = lower(?) AND revoked_at IS NULL RETURNING " + COLUMNS)) {
                statement.setTimestamp(1, Timestamp.from(clock.instant()));
                statement.setString(2, name == null ? "" : name.strip());
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        throw new SeedResetException(Reason.INVALID_VALUE, "no active staff member is named '" + name + "'",
                                Map.of(SeedResetException.VALUE, String.valueOf(name)));
                    }
                    return member(rs);
                }
            }
        });
    }

    /** The active member a staff token stands for; empty for anything else (a persona's token included). */
    public Optional<Member> authenticate(String token) {
        Optional<BearerTokens.Presented> parsed = BearerTokens.parse(token).filter(presented -> presented.prefix().equals(TOKEN_PREFIX));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return database("checking a staff token", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + ", secret_hash FROM operations.staff WHERE id = ? AND revoked_at IS NULL")) {
                statement.setObject(1, parsed.get().id());
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() && parsed.get().matches(rs.getBytes("secret_hash")) ? Optional.of(member(rs)) : Optional.<Member>empty();
                }
            }
        });
    }

    /** The name, checked: what {@link #create} accepts. */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw invalidName(name, "a staff member needs a name");
        }
        if (!name.equals(name.strip())) {
            throw invalidName(name, "staff member name '" + name + "' starts or ends with spaces");
        }
        if (name.length() > MAX_NAME) {
            throw invalidName(name, "staff member name is " + name.length() + " characters long: at most " + MAX_NAME);
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw invalidName(name, "staff member name contains a control character");
        }
        return name;
    }

    private static SeedResetException invalidName(String name, String message) {
        return new SeedResetException(Reason.INVALID_VALUE, message, Map.of(SeedResetException.VALUE, String.valueOf(name)));
    }

    private static Member member(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Member(rs.getObject("id", UUID.class), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), revoked == null ? null : revoked.toInstant());
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T database(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new SeedResetException(Reason.DATABASE_ERROR, what + " failed: " + e.getMessage(),
                    Map.of(SeedResetException.SQL_STATE, String.valueOf(e.getSQLState())), e);
        }
    }
}
