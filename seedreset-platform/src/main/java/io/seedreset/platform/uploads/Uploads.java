package io.seedreset.platform.uploads;

import io.seedreset.platform.accounting.Bookkeeper;
import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Slice;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Files a signed-in person attaches to a row of their organization ({@link Attachment}): stored, listed and opened for
 * download, always in the organization of the person's token.
 *
 * <p>Who may: an event's images are uploaded by the agency's owner and planners and read by any of its people
 * ({@code identity.users}, as the events module's reads); a bill's receipts are uploaded and read by those who keep the
 * books ({@link Bookkeeper}: the owner and accountants). A production organization's people upload too: this is their
 * real platform (only the purge keeps away from production).
 *
 * <p>A file is received into {@code <id>.part}, checked (size, the bytes of its type) and hashed on the way, then
 * renamed to {@code <id>} inside the transaction that writes its row, before the commit. A file whose row never
 * commits is left without one, and is given the upload's time as its own, so that {@link UploadPurge} tells a file in
 * flight from one left behind by the same clock the rows use.
 */
public final class Uploads {

    /** The largest file taken: 5 MiB. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /**
     * What is known of an uploaded file.
     *
     * @param sha256     the SHA-256 of its bytes, in hex
     * @param uploadedBy the email of the person who uploaded it
     */
    public record Upload(UUID id, String filename, String contentType, long sizeBytes, String sha256, String uploadedBy,
                         Instant createdAt) {
    }

    /** An upload and where its bytes are. */
    public record Download(Upload upload, Path file) {
    }

    private static final String COLUMNS = "id, filename, content_type, size_bytes, sha256, uploaded_by, created_at";

    private final DataSource dataSource;
    private final UploadStore store;
    private final Clock clock;
    /** This database's folder of the store, read on first use. */
    private volatile Path databaseFolder;

    public Uploads(DataSource dataSource, UploadStore store, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Stores a file attached to the organization's row {@code rowId}.
     *
     * @param contentType    the request's content type (parameters such as {@code charset} are ignored)
     * @param filename       the name the caller gives it, or null for the attachment's own word
     * @param declaredLength the request's declared length, or -1 when it declares none; the body is counted all the same
     * @throws WorkflowRefused forbidden (the caller's role), not found (no such row in the organization), invalid (a bad name)
     * @throws UploadRefused   too large, or not a type the row takes
     */
    public Upload store(Person person, Attachment attachment, UUID rowId, String contentType, String filename, long declaredLength,
                        InputStream body) throws SQLException, IOException {
        requireUploader(person, attachment);
        String type = contentType(attachment, contentType);
        if (declaredLength > MAX_BYTES) {
            throw tooLarge(declaredLength + " bytes");
        }
        String name = filename(attachment, filename);
        UUID organizationId = person.organizationId();
        requireRow(organizationId, attachment, rowId);

        UUID id = UUID.randomUUID();
        // As the database keeps it, so that the answer and the list agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Path part = UploadStore.part(databaseFolder(), organizationId, id);
        Path file = UploadStore.file(databaseFolder(), organizationId, id);
        Files.createDirectories(part.getParent());
        try {
            Received received = receive(body, part, type);
            Files.setLastModifiedTime(part, FileTime.from(now));
            Upload upload = new Upload(id, name, type, received.size(), received.sha256(), person.email(), now);
            insertAndKeep(organizationId, attachment, rowId, upload, part, file);
            return upload;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The uploads attached to the organization's row, oldest first, a page at a time. */
    public Slice<Upload> list(Person person, Attachment attachment, UUID rowId, int offset, int limit) throws SQLException {
        requireReader(person, attachment);
        requireRow(person.organizationId(), attachment, rowId);
        String where = " FROM uploads.files WHERE org_id = ? AND " + attachment.column() + " = ?";
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*)" + where)) {
                count.setObject(1, person.organizationId());
                count.setObject(2, rowId);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Upload> items = new ArrayList<>();
            try (PreparedStatement page = connection.prepareStatement("SELECT " + COLUMNS + where
                    + " ORDER BY created_at, id OFFSET ? LIMIT ?")) {
                page.setObject(1, person.organizationId());
                page.setObject(2, rowId);
                page.setInt(3, offset);
                page.setInt(4, limit);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        items.add(upload(rs));
                    }
                }
            }
            return new Slice<>(items, total);
        }
    }

    /**
     * One upload of the organization's row, and its file.
     *
     * @throws WorkflowRefused not found: no such upload on that row of the organization, or its file is missing
     */
    public Download open(Person person, Attachment attachment, UUID rowId, UUID uploadId) throws SQLException {
        requireReader(person, attachment);
        UUID organizationId = person.organizationId();
        Optional<Upload> found = Optional.empty();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM uploads.files WHERE org_id = ? AND id = ? AND "
                     + attachment.column() + " = ?")) {
            select.setObject(1, organizationId);
            select.setObject(2, uploadId);
            select.setObject(3, rowId);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    found = Optional.of(upload(rs));
                }
            }
        }
        Upload upload = found.orElseThrow(() -> WorkflowRefused.notFound("upload", uploadId + " on " + attachment.what() + " " + rowId));
        Path file = UploadStore.file(databaseFolder(), organizationId, uploadId);
        if (!Files.isRegularFile(file)) {
            throw WorkflowRefused.notFound("file", "of upload " + uploadId + " in the uploads directory");
        }
        return new Download(upload, file);
    }

    private record Received(long size, String sha256) {
    }

    /** Copies the body into {@code part}, at most {@link #MAX_BYTES}, checking that it starts as its type does. */
    private static Received receive(InputStream body, Path part, String type) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[64 * 1024];
        byte[] head = new byte[FileSignatures.HEAD];
        int headLength = 0;
        long size = 0;
        try (OutputStream out = Files.newOutputStream(part)) {
            for (int read; (read = body.read(buffer)) != -1; ) {
                if (headLength < head.length) {
                    int take = Math.min(read, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                size += read;
                if (size > MAX_BYTES) {
                    throw tooLarge("more than " + MAX_BYTES + " bytes");
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        if (size == 0) {
            throw WorkflowRefused.invalid("the body is empty: send the file's bytes");
        }
        if (!FileSignatures.matches(type, head, headLength)) {
            throw new UploadRefused(UploadRefused.Why.UNSUPPORTED_TYPE, "the body is not " + type + ": its first bytes are not of that type");
        }
        return new Received(size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Writes the row and renames the file into place before the commit; on any failure neither stays. */
    private void insertAndKeep(UUID organizationId, Attachment attachment, UUID rowId, Upload upload, Path part, Path file)
            throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO uploads.files (org_id, id, " + attachment.column()
                    + ", filename, content_type, size_bytes, sha256, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, organizationId);
                insert.setObject(2, upload.id());
                insert.setObject(3, rowId);
                insert.setString(4, upload.filename());
                insert.setString(5, upload.contentType());
                insert.setLong(6, upload.sizeBytes());
                insert.setString(7, upload.sha256());
                insert.setString(8, upload.uploadedBy());
                insert.setTimestamp(9, Timestamp.from(upload.createdAt()));
                insert.executeUpdate();
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                Files.deleteIfExists(file);
                if ("23503".equals(e instanceof SQLException sql ? sql.getSQLState() : null)) {
                    // The row went away since it was checked (a reset, a teardown).
                    throw WorkflowRefused.notFound(attachment.what(), rowId);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private Path databaseFolder() throws SQLException {
        if (databaseFolder == null) {
            databaseFolder = store.databaseFolder(dataSource);
        }
        return databaseFolder;
    }

    private void requireRow(UUID organizationId, Attachment attachment, UUID rowId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + attachment.table() + " WHERE org_id = ? AND id = ?")) {
            select.setObject(1, organizationId);
            select.setObject(2, rowId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw WorkflowRefused.notFound(attachment.what(), rowId);
                }
            }
        }
    }

    /** Refuses a caller who may not upload to this kind of row. */
    private static void requireUploader(Person person, Attachment attachment) {
        switch (attachment) {
            case EVENT_IMAGE -> {
                requireAgencyPerson(person);
                if (!List.of("owner", "planner").contains(person.role())) {
                    throw WorkflowRefused.forbidden("an event's images are uploaded by the agency's owner and planners; " + person.email()
                            + " is " + person.role());
                }
            }
            case BILL_RECEIPT -> Bookkeeper.of(person);
        }
    }

    /** Refuses a caller who may not read this kind of row's uploads: the module's readers read them. */
    private static void requireReader(Person person, Attachment attachment) {
        switch (attachment) {
            case EVENT_IMAGE -> requireAgencyPerson(person);
            case BILL_RECEIPT -> Bookkeeper.of(person);
        }
    }

    private static void requireAgencyPerson(Person person) {
        if (!Bookkeeper.TABLE.equals(person.table())) {
            throw WorkflowRefused.forbidden(person.email() + " is a ticketing account: events' images are the agency's people's");
        }
    }

    /** The content type without its parameters, in lower case; refused unless the row takes it. */
    private static String contentType(Attachment attachment, String given) {
        String type = given == null ? "" : given.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!attachment.contentTypes().contains(type)) {
            throw new UploadRefused(UploadRefused.Why.UNSUPPORTED_TYPE, (type.isEmpty() ? "no Content-Type" : "Content-Type '" + type + "'")
                    + ": " + attachment.what() + " uploads take " + String.join(", ", attachment.contentTypes()));
        }
        return type;
    }

    private static String filename(Attachment attachment, String given) {
        if (given == null || given.isEmpty()) {
            return attachment == Attachment.EVENT_IMAGE ? "image" : "receipt";
        }
        if (given.length() > 255 || given.isBlank() || given.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\')) {
            throw WorkflowRefused.invalid("filename: 1 to 255 characters, no control characters and no / or \\");
        }
        return given;
    }

    private static UploadRefused tooLarge(String size) {
        return new UploadRefused(UploadRefused.Why.TOO_LARGE, "the file is " + size + ": an upload is at most " + MAX_BYTES + " bytes (5 MiB)");
    }

    private static Upload upload(ResultSet rs) throws SQLException {
        return new Upload(rs.getObject("id", UUID.class), rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
