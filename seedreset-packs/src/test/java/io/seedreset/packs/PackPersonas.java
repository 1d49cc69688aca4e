package io.seedreset.packs;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Persona;
import io.seedreset.pack.SeedPack;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A pack's personas without a database, and the demo password hashes packs carry as constants. */
public final class PackPersonas {

    private PackPersonas() {
    }

    /** The personas of a pack's mode (its defaults) for this organization, seed and anchor, as plan and apply compute them. */
    public static List<Persona> of(SeedPack pack, String organization, Instant anchor, String mode, long seed) {
        Map<String, Object> parameters = Map.copyOf(pack.descriptor().mode(mode).orElseThrow().defaults());
        return pack.personas(new PackContext(pack.descriptor().id(), organization, seed, anchor, mode, parameters));
    }

    /** The bcrypt hash of a password at a cost, with a fixed 16-character salt: what a pack's precomputed constant must equal. */
    public static String bcrypt(int cost, String salt, String password) {
        byte[] hash = BCrypt.withDefaults().hash(cost, salt.getBytes(StandardCharsets.US_ASCII), password.getBytes(StandardCharsets.UTF_8));
        return new String(hash, StandardCharsets.US_ASCII);
    }
}
