package io.seedreset.api;

import java.util.Objects;

/**
 * An apply: the pack request plus what the boundary and the reviewer ask for.
 *
 * @param confirmation the organization's slug, typed by the person applying
 * @param replace      tear down an application of the same pack with another version or parameters first
 * @param planHash     the hash of the reviewed plan; apply refuses if what it would write differs
 * @param backup       take a snapshot of the organization first (kind {@code backup}, rotated)
 */
public record ApplyRequest(PackRequest pack, String confirmation, boolean replace, String planHash, boolean backup) {

    public ApplyRequest {
        Objects.requireNonNull(pack, "pack");
    }

    public static ApplyRequest of(PackRequest pack) {
        return new ApplyRequest(pack, null, false, null, false);
    }

    public ApplyRequest confirm(String slug) {
        return new ApplyRequest(pack, slug, replace, planHash, backup);
    }

    public ApplyRequest replace(boolean newReplace) {
        return new ApplyRequest(pack, confirmation, newReplace, planHash, backup);
    }

    public ApplyRequest planHash(String hash) {
        return new ApplyRequest(pack, confirmation, replace, hash, backup);
    }

    public ApplyRequest backup(boolean newBackup) {
        return new ApplyRequest(pack, confirmation, replace, planHash, newBackup);
    }
}
