package io.seedreset.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Makes an organization exactly a snapshot's state: a stored snapshot (of this organization, or of
 * {@code snapshotOrganization}) or a snapshot file, from this installation or another one.
 *
 * @param snapshot             the stored snapshot's name, or null when restoring {@code file}
 * @param snapshotOrganization whose snapshot {@code snapshot} is; null means {@code organization}'s own
 * @param file                 a snapshot file ({@link SeedReset#exportSnapshot}), or null
 */
public record RestoreRequest(String organization, String confirmation, String snapshot, String snapshotOrganization, Path file) {

    public RestoreRequest {
        Objects.requireNonNull(organization, "organization");
    }

    public static RestoreRequest snapshot(String organization, String snapshot) {
        return new RestoreRequest(organization, null, snapshot, null, null);
    }

    public static RestoreRequest file(String organization, Path file) {
        return new RestoreRequest(organization, null, null, null, file);
    }

    public RestoreRequest confirm(String slug) {
        return new RestoreRequest(organization, slug, snapshot, snapshotOrganization, file);
    }

    /** The stored snapshot is another organization's. */
    public RestoreRequest of(String otherOrganization) {
        return new RestoreRequest(organization, confirmation, snapshot, otherOrganization, file);
    }

    /** How the snapshot is named in messages and the ledger: its name, or the file's name. */
    public String source() {
        return file != null ? String.valueOf(file.getFileName()) : snapshot;
    }
}
