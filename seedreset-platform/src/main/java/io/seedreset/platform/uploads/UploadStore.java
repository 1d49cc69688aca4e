package io.seedreset.platform.uploads;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The directory uploaded files are kept in: a folder per database, in it a folder per organization named by its id, and
 * in that one file per upload named by the upload's id ({@code <root>/<database>/<org_id>/<id>}). A file being received
 * is {@code <id>.part} until its row is written. Nothing else is ever written here, and the purge deletes nothing it
 * does not recognise by name.
 *
 * <p>The folder per database ({@code <system identifier>-<name>}: the PostgreSQL cluster's identifier and the database's
 * name) keeps two databases that share a directory apart. Organization ids derive from their slug, so a demo
 * organization of one database and a production organization of another can share an id; without it, the first one's
 * purge would take the second one's files for files its own rows have lost.
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

    /** The folder of the files of the database {@code dataSource} reaches. */
    public Path databaseFolder(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT system_identifier, current_database() FROM pg_control_system()")) {
            rs.next();
            return root.resolve(rs.getLong(1) + "-" + rs.getString(2).replaceAll("[^A-Za-z0-9_.-]", "_"));
        }
    }

    /** An organization's folder in a database's folder. */
    static Path directory(Path databaseFolder, UUID organizationId) {
        return databaseFolder.resolve(organizationId.toString());
    }

    static Path file(Path databaseFolder, UUID organizationId, UUID id) {
        return directory(databaseFolder, organizationId).resolve(id.toString());
    }

    static Path part(Path databaseFolder, UUID organizationId, UUID id) {
        return directory(databaseFolder, organizationId).resolve(id + PART);
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
