package io.seedreset.platform.uploads;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Deletes demo organizations' old uploads, rows and files, and the files a demo organization's folder holds without a
 * row (a reset deletes the rows and leaves the files; an upload whose row never committed leaves its file). It never
 * touches a production organization: it reads only organizations of kind {@code demo}, locks each one's row
 * ({@code FOR SHARE}, so that it cannot become production meanwhile), deletes only that organization's rows, and
 * opens only that organization's folder of this database's folder ({@link UploadStore}). QA and sandbox organizations are left alone too: their uploads are a team's
 * or a customer's test material, kept as long as they keep them; a demo is a prospect's visit, over in two days.
 *
 * <p>Ages come from the injected clock: a row's {@code created_at} and a file's last-modified time, which
 * {@link Uploads} sets to the upload's time. A file without a row is deleted only once it is older than
 * {@link #IN_FLIGHT}: an upload renames its file into place before its row commits.
 *
 * <p>Two purges at once (two schedulers, or one and the CLI) are safe: a row is deleted by one of them (the other
 * waits for its lock, then finds it gone), and a file by whichever gets to it first; their counts add up to what one
 * purge would have reported.
 */
public final class UploadPurge {

    /** How old a demo organization's upload must be to go, unless the caller says otherwise: 48 hours. */
    public static final Duration DEFAULT_AGE = Duration.ofHours(48);
    /** How old a file without a row must be to go: an upload takes far less than this between its file and its row. */
    public static final Duration IN_FLIGHT = Duration.ofHours(1);

    /**
     * What a purge deleted.
     *
     * @param cutoff        uploads created before this went
     * @param organizations the demo organizations it looked at
     * @param rows          rows of {@code uploads.files} deleted
     * @param files         files of those rows deleted
     * @param orphans       files deleted that had no row (left by a reset, or by an upload that never committed)
     */
    public record Result(Instant cutoff, int organizations, int rows, int files, int orphans) {
    }

    private final DataSource dataSource;
    private final UploadStore store;
    private final Clock clock;

    public UploadPurge(DataSource dataSource, UploadStore store, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.clock = clock;
    }

    /** Deletes demo organizations' uploads created more than {@code olderThan} ago, and their folders' files left without a row. */
    public Result purge(Duration olderThan) throws SQLException, IOException {
        if (olderThan.isNegative() || olderThan.isZero()) {
            throw new IllegalArgumentException("the age of the uploads to purge must be positive, not " + olderThan);
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(olderThan);
        Instant inFlight = now.minus(IN_FLIGHT);
        int organizations = 0;
        int rows = 0;
        int files = 0;
        int orphans = 0;
        Path databaseFolder = store.databaseFolder(dataSource);
        for (UUID organizationId : demoOrganizations()) {
            Path folder = UploadStore.directory(databaseFolder, organizationId);
            Optional<Doomed> doomed = purgeRows(organizationId, folder, cutoff, inFlight);
            if (doomed.isEmpty()) {
                continue;
            }
            organizations++;
            rows += doomed.get().rows().size();
            for (UUID id : doomed.get().rows()) {
                files += delete(folder.resolve(id.toString())) ? 1 : 0;
            }
            for (Path orphan : doomed.get().orphans()) {
                orphans += delete(orphan) ? 1 : 0;
            }
        }
        return new Result(cutoff, organizations, rows, files, orphans);
    }

    /** The rows a purge deleted in one organization, and the files in its folder that no row names. */
    private record Doomed(List<UUID> rows, List<Path> orphans) {
    }

    private List<UUID> demoOrganizations() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id FROM platform.organizations WHERE kind = 'demo' AND NOT is_production ORDER BY id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /**
     * In one transaction, with the organization's row locked and checked to be a demo's still: deletes its old rows and
     * finds the files its folder holds without a row. Empty when the organization is no longer a demo (or is gone).
     */
    private Optional<Doomed> purgeRows(UUID organizationId, Path folder, Instant cutoff, Instant inFlight) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<Doomed> doomed = Optional.empty();
                if (lockDemo(connection, organizationId)) {
                    List<UUID> rows = uuids(connection, "DELETE FROM uploads.files WHERE org_id = ? AND created_at < ? RETURNING id",
                            organizationId, Timestamp.from(cutoff));
                    doomed = Optional.of(new Doomed(rows, orphans(connection, organizationId, folder, inFlight, new HashSet<>(rows))));
                }
                connection.commit();
                return doomed;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static boolean lockDemo(Connection connection, UUID organizationId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT 1 FROM platform.organizations WHERE id = ? AND kind = 'demo' AND NOT is_production FOR SHARE")) {
            lock.setObject(1, organizationId);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The files of the organization's folder, older than {@code inFlight}, whose upload has no row (those just deleted
     * aside: they are counted as the rows' files). Names not of an upload are not ours, and stay.
     */
    private List<Path> orphans(Connection connection, UUID organizationId, Path folder, Instant inFlight, Set<UUID> deleted)
            throws SQLException, IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Map.Entry<Path, UUID>> old = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Optional<UUID> upload = UploadStore.uploadOf(entry);
                if (upload.isEmpty() || (deleted.contains(upload.get()) && !entry.toString().endsWith(UploadStore.PART))) {
                    continue;
                }
                try {
                    if (Files.isRegularFile(entry) && Files.getLastModifiedTime(entry).toInstant().isBefore(inFlight)) {
                        old.add(Map.entry(entry, upload.get()));
                    }
                } catch (NoSuchFileException goneMeanwhile) {
                    // another purge, or the upload's own cleanup, got to it first
                }
            }
        }
        if (old.isEmpty()) {
            return List.of();
        }
        Set<UUID> kept;
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM uploads.files WHERE org_id = ? AND id = ANY (?)")) {
            Array ids = connection.createArrayOf("uuid", old.stream().map(Map.Entry::getValue).distinct().toArray());
            select.setObject(1, organizationId);
            select.setArray(2, ids);
            kept = new HashSet<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    kept.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return old.stream()
                .filter(entry -> entry.getKey().toString().endsWith(UploadStore.PART) || !kept.contains(entry.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<UUID> uuids(Connection connection, String sql, Object... parameters) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private static boolean delete(Path file) throws IOException {
        return Files.deleteIfExists(file);
    }
}
