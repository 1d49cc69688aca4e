package io.seedreset.server.console;

import io.seedreset.platform.staff.Staff;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.charset.StandardCharsets;

/**
 * The console's sign-in sessions, kept in this process's memory (a restart signs everyone out, which a
 * staff tool can afford): a random 32-byte id in an HttpOnly cookie, a CSRF token of its own, a fixed
 * lifetime. The staff token stays with the session so that every request checks it again: revoking a
 * member ({@code seedreset staff revoke}) ends their sessions at once, not eight hours later.
 */
final class Sessions {

    /** A working day, as a persona's session of the platform API. */
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Below this many sessions expired ones are left to their next lookup. */
    private static final int SWEEP_FLOOR = 1_000;

    /** A signed-in staff member's session; the notice is shown once, on the next page. */
    static final class Session {
        final String id;
        final String csrf;
        final String staffToken;
        final Instant expiresAt;
        private volatile Staff.Member member;
        private volatile Notice notice;

        private Session(String id, String csrf, String staffToken, Staff.Member member, Instant expiresAt) {
            this.id = id;
            this.csrf = csrf;
            this.staffToken = staffToken;
            this.member = member;
            this.expiresAt = expiresAt;
        }

        Staff.Member member() {
            return member;
        }

        void member(Staff.Member current) {
            member = current;
        }

        /** Leaves a notice for the next page (the page a form's redirect leads to). */
        void notice(Notice next) {
            notice = next;
        }

        /** The notice left for this page, once. */
        Optional<Notice> takeNotice() {
            Notice taken = notice;
            notice = null;
            return Optional.ofNullable(taken);
        }

        /** Whether a form's CSRF token is this session's, compared in constant time. */
        boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.US_ASCII),
                    presented.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session open(Staff.Member member, String staffToken) {
        Instant now = clock.instant();
        if (sessions.size() > SWEEP_FLOOR) {
            sessions.values().removeIf(session -> !now.isBefore(session.expiresAt));
        }
        Session session = new Session(randomId(), randomId(), staffToken, member, now.plus(LIFETIME));
        sessions.put(session.id, session);
        return session;
    }

    /** The live session of this id; an expired one is forgotten. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.expiresAt)) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    void close(Session session) {
        sessions.remove(session.id, session);
    }

    /** 32 random bytes, URL-safe Base64 without padding: a session id or a CSRF token. */
    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
