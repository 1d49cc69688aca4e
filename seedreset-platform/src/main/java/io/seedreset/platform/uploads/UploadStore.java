package io.seedreset.platform.uploads;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory uploaded files are kept in: one folder per organization, named by its id, and in it one file per
 * upload, named by the upload's id ({@code <root>/<org_id>/<id>}). A file being received is {@code <id>.part} until its
 * row is written. Nothing else is ever written here, and the purge deletes nothing it does not recognise by name.
 */
public final class UploadStore {

    /** The suffix of a file still being received. */
    static final String PART = ".part";

    private final Path root;

    public UploadStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The directory itself. */
    public Path root() {
        return root;
    }

    Path directory(UUID organizationId) {
        return root.resolve(organizationId.toString());
    }

    Path file(UUID organizationId, UUID id) {
        return directory(organizationId).resolve(id.toString());
    }

    Path part(UUID organizationId, UUID id) {
        return directory(organizationId).resolve(id + PART);
    }

    /** The upload a file in an organization's folder is (or is being received as), by its name; empty for a name not of ours. */
    static Optional<UUID> uploadOf(Path file) {
        String name = file.getFileName().toString();
        String id = name.endsWith(PART) ? name.substring(0, name.length() - PART.length()) : name;
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
