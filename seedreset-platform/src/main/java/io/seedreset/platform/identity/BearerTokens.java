package io.seedreset.platform.identity;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every bearer token of the project reads and is checked: {@code <prefix>_<id>_<secret>}, the
 * prefix naming its kind (so that a token of one kind is never taken for another's), the id its row
 * (32 hex digits), the secret 32 random bytes in URL-safe Base64. Only a SHA-256 hash of the secret is
 * stored; a presented secret is compared with it in constant time.
 */
public final class BearerTokens {

    private static final Pattern TOKEN = Pattern.compile("([a-z]+)_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token being issued: its row's id, the hash to store and the text to show once. */
    public record Issued(UUID id, byte[] secretHash, String token) {
    }

    /** A presented token, parsed: its prefix, its row's id and its secret's hash. */
    public record Presented(String prefix, UUID id, byte[] secretHash) {

        /** Whether the stored hash is this token's, compared in constant time. */
        public boolean matches(byte[] storedHash) {
            return storedHash != null && MessageDigest.isEqual(secretHash, storedHash);
        }
    }

    private BearerTokens() {
    }

    /** A new token of this prefix with a random id and secret. */
    public static Issued issue(String prefix) {
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        byte[] idBytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
        return new Issued(id, hash(secret), prefix + "_" + HexFormat.of().formatHex(idBytes) + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The token parsed, when it reads as one; empty for anything else. */
    public static Optional<Presented> parse(String token) {
        Matcher parsed = token == null ? null : TOKEN.matcher(token);
        if (parsed == null || !parsed.matches()) {
            return Optional.empty();
        }
        String hex = parsed.group(2);
        UUID id = new UUID(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
        byte[] secret = Base64.getUrlDecoder().decode(parsed.group(3));
        // 43 characters carry 258 bits for the secret's 256: the decoder ignores the last character's two
        // lowest bits, so four spellings would decode to the same secret. Only the one issue() writes is the token.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(secret).equals(parsed.group(3))) {
            return Optional.empty();
        }
        return Optional.of(new Presented(parsed.group(1), id, hash(secret)));
    }

    private static byte[] hash(byte[] secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
