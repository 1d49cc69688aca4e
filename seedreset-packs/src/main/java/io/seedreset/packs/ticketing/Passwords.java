package io.seedreset.packs.ticketing;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.seedreset.pack.PackContext;
import java.nio.charset.StandardCharsets;

/** The password hash every seeded login carries. */
final class Passwords {

    /** The work factor real platforms use today; the platform's own login code verifies it unchanged. */
    static final int COST = 10;

    private Passwords() {
    }

    /**
     * The bcrypt hash of {@link Personas#DEMO_PASSWORD}, computed once per generation and shared
     * by every user. Hashing per user would cost about 70 ms each (minutes for a large tenant) and
     * protect nothing, because the password is published in the docs. The salt comes from the
     * seed rather than a secure random, so the same seed writes the same hash in every database
     * and dumps compare equal.
     */
    static String demoHash(PackContext context) {
        byte[] salt = new byte[16];
        context.draw("password_salt", 0).random().nextBytes(salt);
        byte[] hash = BCrypt.withDefaults().hash(COST, salt, Personas.DEMO_PASSWORD.getBytes(StandardCharsets.UTF_8));
        return new String(hash, StandardCharsets.US_ASCII);
    }
}
